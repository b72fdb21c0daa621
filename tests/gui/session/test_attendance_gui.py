"""A session for 7: everyone present gets an attendance file (observed or not), the trainer
saves certificates for the room, and a participant's import reaches their CPD log."""

import json
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from tests.gui.session.test_observation_files_gui import SEVEN, trainer_session
from trainer.ui.session.export import export_attendance, export_bundles, save_certificates

ROOT = Path(__file__).resolve().parents[3]


def test_seven_attend_one_is_observed_everyone_gets_proof(make_app, qtbot, tmp_path, monkeypatch):
    trainer = make_app(content=ROOT / "tests" / "fixtures" / "sample-course", data=tmp_path / "trainer")
    view = trainer_session(trainer)
    c = view.controller
    group = next(g for g in c.round_roles(1) if len(g) == 3)
    roles = {role: pid for pid, role in group}
    c.service.save_observation(c.uid, 0, roles["observer"], roles["practitioner"], "Warm opening", {"summary": 1})

    assert len(export_bundles(c, tmp_path / "out")) == 1  # only the observed person has feedback
    paths = export_attendance(c, tmp_path / "out")
    files = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    assert sorted(f["attendee"]["name"] for f in files) == sorted(SEVEN)
    assert {f["session"]["minutes"] for f in files} == {c.plan.total_minutes}
    assert sum(f["feedback"] for f in files) == 1

    pages = save_certificates(c, tmp_path / "certificates.pdf")
    texts = [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(tmp_path / "certificates.pdf")).pages
    ]
    assert pages == len(texts) == 7
    assert [next(n for n in SEVEN if n in t) for t in texts] == [p["name"] for p in c.session["participants"]]

    # -- a participant who was not observed imports theirs on their own copy ------------------
    unobserved = next(f for f in files if f["feedback"] == 0)
    path = next(p for p in paths if json.loads(p.read_text(encoding="utf-8")) == unobserved)
    mine = make_app(content=ROOT / "tests" / "fixtures" / "sample-course", data=tmp_path / "participant")
    mine.window.show_section("cpd")  # already open: it shows the import at once
    cpd = mine.window.section("cpd")
    assert cpd.log_page.activities.rowCount() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action = next(a for a in mine.window.file_menu.actions() if "attendance" in a.text())
    with qtbot.waitSignal(mine.window.records_changed):
        action.trigger()
    assert mine.window.statusBar().currentMessage().startswith("Added the team session 'Riverside taster'")
    titles = [cpd.log_page.activities.item(r, 1).text() for r in range(cpd.log_page.activities.rowCount())]
    assert titles == ["Riverside taster"]
    assert cpd.log_page.activities.item(0, 4).text() == "yes"  # participatory
