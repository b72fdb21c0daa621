"""The CPD section by keyboard: open it, import an attendance file, choose a regulator and
cycle, pick evidence with Space, and save the revalidation pack (read back with pypdf)."""

import json
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

import trainer.ui.cpd.pages as cpd_pages
import trainer.ui.cpd.view as cpd_view
from tests.gui.a11y_walk import walk
from trainer.tools.demo_cpd import add_demo_cpd

ALT = Qt.KeyboardModifier.AltModifier
ATTENDANCE = {
    "format": "practitioner-trainer/attendance",
    "version": 1,
    "session": {
        "uid": "kbd-1",
        "title": "Keyboard taster",
        "date": "2026-11-20",
        "minutes": 60,
        "facilitator": "Sam Trainer",
    },
    "attendee": {"id": "p9", "name": "Alex Demo"},
    "rounds": [{"round": 1, "role": "practitioner"}],
    "feedback": 0,
}


def focused():
    return QApplication.focusWidget()


@pytest.fixture
def cpd(make_app, sample_course):
    parts = make_app(sample_course)
    add_demo_cpd(parts.store, parts.profile_id)
    window = parts.window
    window.show_section("cpd")
    view = window.section("cpd")
    view.controller.choose("nmc", "2026-12-01")
    return parts, view


def test_the_section_sits_next_to_skills(cpd):
    parts, view = cpd
    tabs = parts.window.tabs
    assert tabs.indexOf(view) == tabs.indexOf(parts.window.sections["skills"]) + 1
    assert tabs.tabText(tabs.indexOf(view)) == "C&PD"


def test_import_an_attendance_file_and_see_it_in_the_log(cpd, qtbot, tmp_path, monkeypatch):
    parts, view = cpd
    path = tmp_path / "attendance.json"
    path.write_text(json.dumps(ATTENDANCE), encoding="utf-8")
    monkeypatch.setattr(cpd_view, "ask_attendance_file", lambda _parent: str(path))
    page = view.log_page
    view.pages.setCurrentWidget(page)
    page.import_button.setFocus()
    with qtbot.waitSignal(view.controller.records_changed):
        qtbot.keyClick(page.import_button, Qt.Key.Key_Space)
    titles = [page.activities.item(r, 1).text() for r in range(page.activities.rowCount())]
    assert titles[0] == "Keyboard taster"
    assert "8 h participatory" in page.summary.text()  # 7 h from before, and this hour
    assert "2026-11" in [page.months.item(r, 0).text() for r in range(page.months.rowCount())]
    # the same file again adds nothing, and says so
    with qtbot.waitSignal(view.status_message) as said:
        qtbot.keyClick(page.import_button, Qt.Key.Key_Space)
    assert said.args[0].startswith("Nothing new:")
    assert len(parts.store.all("session_attendance")) == 4


def test_a_bad_attendance_file_says_one_line_and_changes_nothing(cpd, qtbot, tmp_path, monkeypatch):
    parts, view = cpd
    path = tmp_path / "broken.json"
    path.write_text('{"format": "practitioner-trainer/attendance", "version": 1', encoding="utf-8")
    monkeypatch.setattr(cpd_view, "ask_attendance_file", lambda _parent: str(path))
    before = parts.store.all("session_attendance")
    with qtbot.waitSignal(view.controller.failed) as failed:
        view.log_page.import_button.click()
    assert failed.args[0].startswith("Broken.json, line 1")  # the runner starts the sentence with a capital
    assert "\n" not in failed.args[0]
    assert parts.store.all("session_attendance") == before
    view.problem_box.close()


def test_choose_a_regulator_by_keyboard_and_see_what_is_met(cpd, qtbot):
    parts, view = cpd
    page = view.revalidation_page
    view.pages.setCurrentWidget(page)
    page.regulator.setFocus()
    qtbot.keyClick(page.regulator, Qt.Key.Key_Down)  # NMC -> HCPC
    assert view.controller.regulator == "hcpc"
    rows = {
        page.requirements.item(r, 0).text(): page.requirements.item(r, 2).text()
        for r in range(page.requirements.rowCount())
    }
    assert rows["A mixture of learning activities"] == "\u2713 Met"  # sessions, reflections and coding
    assert "hcpc-uk.org" in page.sources.text()
    qtbot.keyClick(page.regulator, Qt.Key.Key_Up)
    rows = [page.requirements.item(r, 1).text() for r in range(page.requirements.rowCount())]
    assert "7 of 20 hours" in rows and "3 of 5 accounts" in rows
    assert parts.store.find_one("cpd_choice", profile=parts.profile_id)["regulator"] == "nmc"


def test_pick_evidence_with_space_and_keep_it(cpd, qtbot):
    parts, view = cpd
    page = view.evidence_page
    view.pages.setCurrentWidget(page)
    page.requirement.setCurrentIndex(page.requirement.findText("Reflective discussion"))
    page.items.setFocus()
    labels = [page.items.item(r).text() for r in range(page.items.count())]
    assert any("Reflections: Scaling questions with a worried carer" in t for t in labels)
    row = next(i for i, t in enumerate(labels) if "Scaling questions" in t)
    page.items.setCurrentRow(row)
    qtbot.keyClick(page.items, Qt.Key.Key_Space)
    assert page.items.item(row).checkState() == Qt.CheckState.Checked
    page.keep_button.setFocus()
    with qtbot.waitSignal(view.controller.records_changed):
        qtbot.keyClick(page.keep_button, Qt.Key.Key_Space)
    kept = view.controller.evidence()["discussion"]
    assert [k["title"] for k in kept] == ["Scaling questions with a worried carer"]
    rows = {
        view.revalidation_page.requirements.item(r, 0).text(): view.revalidation_page.requirements.item(r, 1).text()
        for r in range(view.revalidation_page.requirements.rowCount())
    }
    assert rows["Reflective discussion"] == "1 of 1 discussion"


def test_every_control_has_a_name(cpd):
    _parts, view = cpd
    assert walk(view) == []


def test_the_revalidation_pack_pdf_reads_as_an_appraiser_needs(cpd, qtbot, tmp_path, monkeypatch):
    parts, view = cpd
    page = view.revalidation_page
    view.pages.setCurrentWidget(page)
    out = tmp_path / "pack.pdf"
    monkeypatch.setattr(cpd_pages, "ask_pack_path", lambda _parent, _suggested: str(out))
    page.pack_button.setFocus()
    with qtbot.waitSignal(view.status_message) as said:
        qtbot.keyClick(page.pack_button, Qt.Key.Key_Space)
    assert str(out) in said.args[0]
    pages = [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(str(out)).pages]
    text = " ".join(pages)
    assert "Revalidation pack: Nursing and Midwifery Council (NMC)" in pages[0]
    assert "CPD hours 8.9 of 35 hours Missing" in pages[0]
    assert "2023-12-01 to 2026-12-01" in pages[0]
    assert next(i for i, p in enumerate(pages) if p.startswith("1. CPD log")) > 0  # each part starts a page
    for expected in (
        "Riverside taster: agenda setting",  # the log and the certificates
        "A clinic where I talked too much",  # a reflective account
        "Asked what mattered most before offering anything",  # the observer's note
        "Sam Demo",  # the facilitator
        "revalidation/requirements/ (checked 2026-12-05)",  # the source, with the day it was checked
    ):
        assert expected in text, expected
    assert "www.nmc.org.uk" in text
    assert pages[-2].startswith("6. Reflective discussion: sign-off") and "NMC PIN" in pages[-2]
    assert pages[-1].startswith("7. Confirmation: sign-off") and "Signature" in pages[-1]
    assert all("Revalidation pack" in p and "Page" in p for p in pages)  # the footer on every page


def test_add_other_cpd_by_keyboard(cpd, qtbot):
    parts, view = cpd
    page = view.log_page
    view.pages.setCurrentWidget(page)
    page.external_button.setFocus()
    qtbot.keyClick(page.external_button, Qt.Key.Key_Space)
    dialog = page.external_dialog
    qtbot.waitExposed(dialog)
    assert walk(dialog) == []
    dialog.title.setFocus()
    qtbot.keyClicks(dialog.title, "Diabetes update day")
    dialog.hours.setValue(6.5)
    qtbot.keyClick(dialog.participatory, Qt.Key.Key_Space)
    assert dialog.participatory.isChecked()
    with qtbot.waitSignal(view.controller.records_changed):
        qtbot.keyClick(
            dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        ) if False else dialog.on_save()
    assert not dialog.isVisible()
    titles = [page.activities.item(r, 1).text() for r in range(page.activities.rowCount())]
    assert "Diabetes update day" in titles
    assert "13 h 30 min participatory" in page.summary.text()  # 7 h before, and 6.5 h


def test_other_cpd_without_a_title_says_so_in_the_dialog(cpd, qtbot):
    _parts, view = cpd
    view.log_page.external_button.click()
    dialog = view.log_page.external_dialog
    qtbot.waitExposed(dialog)
    dialog.on_save()
    assert dialog.isVisible() and "Say what the CPD was" in dialog.problem.text()
    assert view.problem_box is None  # said in the dialog, not in a second box on top
    dialog.reject()


def _mnemonic(text: str) -> str:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].casefold() if i >= 0 else ""


def test_alt_letters_do_not_clash_with_the_window(cpd):
    parts, view = cpd
    window = parts.window
    taken = [a.text() for a in window.menuBar().actions()]
    taken += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    taken_letters = {_mnemonic(t) for t in taken} - {""}
    for page in (view.log_page, view.revalidation_page, view.evidence_page):
        view.pages.setCurrentWidget(page)
        mine = [view.pages.tabText(i) for i in range(view.pages.count())]
        mine += [w.text() for w in page.findChildren(QLabel) + page.findChildren(QPushButton) if w.isVisible()]
        letters = [m for m in map(_mnemonic, mine) if m]
        assert len(letters) == len(set(letters)), mine
        assert not set(letters) & taken_letters, [t for t in mine if _mnemonic(t) in taken_letters]


def test_other_cpd_with_its_certificate_attached(cpd, qtbot, tmp_path):
    parts, view = cpd
    view.log_page.external_button.click()
    dialog = view.log_page.external_dialog
    qtbot.waitExposed(dialog)
    certificate = tmp_path / "study-day.pdf"
    certificate.write_bytes(b"%PDF-1.4\n")
    dialog.title.setText("Study day")
    dialog.set_certificate(certificate)
    assert dialog.certificate_label.text() == "study-day.pdf"
    assert dialog.certificate_button.accessibleName().startswith("Attach a certificate")
    dialog.on_save()
    assert not dialog.isVisible()
    (rec,) = [r for r in parts.store.all("external_cpd") if r["title"] == "Study day"]
    assert (parts.store.folder / "attachments" / rec["certificate"]).read_bytes() == b"%PDF-1.4\n"
    (act,) = [a for a in view.controller.service.log().activities if a.title == "Study day"]
    assert "certificate attached" in act.detail
