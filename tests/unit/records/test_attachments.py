"""Certificates attached to CPD entries: only PDFs and images, under names the app gives, moved
by backups with their records; a bad attachment in a backup refuses the whole file (#19)."""

from __future__ import annotations

import base64
import json

import pytest

from trainer.export.backup import BackupError, export_backup, restore
from trainer.records import attachments
from trainer.records.store import open_store
from trainer.services.cpd import CpdError, CpdService

PDF = b"%PDF-1.4\n% a certificate\n"


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


def test_a_pdf_is_copied_in_under_the_name_the_app_gives(folder, tmp_path):
    source = tmp_path / "Study day certificate.PDF"
    source.write_bytes(PDF)
    name = attachments.attach(folder, "0b1c-2d", source)
    assert name == "0b1c-2d.pdf"
    assert attachments.read(folder, name) == PDF
    assert attachments.path_of(folder, "../data/0b1c-2d.pdf") is None  # only names of the app's form


@pytest.mark.parametrize(
    ("file", "data", "says"),
    [
        ("notes.docx", b"PK\x03\x04", "attach a PDF, PNG or JPEG file"),
        ("fake.pdf", b"MZ\x90\x00", "is not a PDF"),
        ("big.png", b"\x89PNG" + b"0" * attachments.MAX_BYTES, "larger than 5 MB"),
    ],
)
def test_other_files_are_refused_in_one_line_and_nothing_is_written(folder, tmp_path, file, data, says):
    source = tmp_path / file
    source.write_bytes(data)
    with pytest.raises(attachments.AttachmentError, match=says):
        attachments.attach(folder, "u1", source)
    assert not (folder / attachments.FOLDER).exists() or not any((folder / attachments.FOLDER).iterdir())


def test_an_entry_with_its_certificate_travels_in_a_backup_to_a_new_computer(folder, tmp_path):
    source = tmp_path / "cert.pdf"
    source.write_bytes(PDF)
    store = open_store(folder)
    service = CpdService(store, None, "p1")
    rec = service.add_external("Diabetes study day", "2026-05-04", 360, True, "Course", "", source)
    assert service.certificate_path(rec).read_bytes() == PDF
    data = json.loads(json.dumps(export_backup(store, "p1")))
    store.close()
    assert data["attachments"] == {rec["certificate"]: base64.b64encode(PDF).decode()}

    new = tmp_path / "new-computer"
    new.mkdir()
    other = open_store(new)
    restore(other, data)
    (back,) = other.all("external_cpd")
    assert back["certificate"] == rec["certificate"]
    assert attachments.read(new, back["certificate"]) == PDF
    other.close()


@pytest.mark.parametrize(
    ("files", "says"),
    [
        ({"../../evil.pdf": base64.b64encode(PDF).decode()}, "attachment name must look like"),
        ({"u1.pdf": "not base64!"}, "as base64 text"),
        ({"u1.pdf": base64.b64encode(b"MZ").decode()}, "is not a PDF"),
    ],
)
def test_a_backup_with_a_bad_attachment_is_refused_whole(folder, files, says):
    store = open_store(folder)
    data = {"format": "practitioner-trainer-backup", "version": 1, "records": {}, "attachments": files}
    with pytest.raises(BackupError, match=says):
        restore(store, data)
    assert not (folder / attachments.FOLDER).exists()
    store.close()


def test_a_missing_certificate_file_is_a_plain_error(folder, tmp_path):
    store = open_store(folder)
    with pytest.raises(CpdError, match="could not be read"):
        CpdService(store, None, "p1").add_external("Day", "2026-05-04", 60, False, "", "", tmp_path / "gone.pdf")
    assert store.all("external_cpd") == []
    store.close()
