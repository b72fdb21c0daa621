"""Certificates of attendance: one A4 page per attendee, with their name and hours."""

import unicodedata

from pypdf import PdfReader

from trainer.printing.documents import write_certificates_pdf


def _file(name, minutes, practitioner):
    return {
        "session": {
            "uid": "abcdef123456",
            "title": "Riverside taster",
            "date": "2026-11-20",
            "team": "Riverside",
            "plan_title": "Taster",
            "minutes": minutes,
            "facilitator": "Sam Trainer",
        },
        "attendee": {"id": name[:3], "name": name},
        "rounds": [
            {"round": 1, "title": "", "skill": "agenda-setting", "role": "practitioner" if practitioner else "person"}
        ],
        "feedback": 0,
    }


def test_one_page_per_attendee(qapp, tmp_path):
    path = tmp_path / "certificates.pdf"
    pages = write_certificates_pdf([_file("Asha Patel", 90, True), _file("Ben Okafor", 210, False)], path, "Taster")
    texts = [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(str(path)).pages]
    assert pages == len(texts) == 2
    assert "Asha Patel" in texts[0] and "1 h 30 min" in texts[0] and "of which 1 as practitioner" in texts[0]
    assert "Ben Okafor" in texts[1] and "3 h 30 min" in texts[1] and "Asha" not in texts[1]
    assert all("Certificate of attendance" in t and "Page" in t for t in texts)
