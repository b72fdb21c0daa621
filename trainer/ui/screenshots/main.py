"""Save PNGs of the main screens offscreen, for docs and for looking at the UI."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from trainer.scenarios.align import skill_counts
from trainer.ui.journal.goals import CheckInDialog, GoalDialog
from trainer.ui.journal.privacy import PrivacyDialog
from trainer.ui.screenshots.check import grab_check
from trainer.ui.screenshots.coding import grab_coding
from trainer.ui.screenshots.consultations import grab_consultations
from trainer.ui.screenshots.cpd import grab_cpd
from trainer.ui.screenshots.review import grab_review
from trainer.ui.screenshots.sections import grab_every_screen
from trainer.ui.screenshots.skills import grab_skills

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


SESSION_SIZES = ((1920, 1080), (1280, 720))  # a projector and a small laptop

Launch = Callable[[Path, Path], "tuple[QApplication, AppParts]"]
"""Builds the app on (content folder, data folder): ``trainer.app.launch``, passed
in by the command line, so this tool does not reach up into the entry point."""


def _offscreen_app(launch: Launch, outdir: Path, content_dir: Path, data_dir: Path | None):
    """The app built offscreen on a temporary copy of ``data_dir`` (an empty folder if None
    or missing): the screenshots add invented records, which must never reach a person's
    real data folder. The temporary folder is returned for the caller to clean up."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    Path(outdir).mkdir(parents=True, exist_ok=True)
    tmp = tempfile.TemporaryDirectory(prefix="trainer-shots-")
    copy = Path(tmp.name) / "data"
    if data_dir is not None and Path(data_dir).is_dir():
        # not the lock: the app may have the real folder open, and the copy is ours alone
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("records.lock", "*.tmp"))
    app, parts = launch(content_dir, copy)
    return app, parts, tmp


def save_screenshots(
    launch: Launch,
    outdir: Path,
    content_dir: Path,
    size: tuple[int, int],
    data_dir: Path | None = None,
    zoom: int | None = None,
) -> list[Path]:
    """Every main screen; with ``zoom`` (e.g. 175) only the screens and dialogs, light and dark,
    at that application zoom (names end in -WxH-zZOOM)."""
    app, parts, tmp = _offscreen_app(launch, outdir, content_dir, data_dir)
    outdir = Path(outdir)
    window = parts.window
    window.resize(*size)
    window.start()
    window.show()
    app.processEvents()
    w, h = size
    saved: list[Path] = []
    if zoom is not None:
        before = parts.settings.value("appearance/zoom")
        window.set_zoom(zoom)
        window.resize(*size)
        saved = grab_every_screen(parts, outdir, f"{w}x{h}-z{zoom}")
        window.set_zoom(int(before) if before else 100)
        window.close()
        parts.store.close()
        if tmp is not None:
            tmp.cleanup()
        return saved

    def grab(name: str) -> None:
        for _ in range(3):  # a scroll bar that came or went re-lays the page out on a later turn
            app.processEvents()
        path = outdir / f"{name}-{w}x{h}.png"
        window.grab().save(str(path))
        saved.append(path)

    readable = parts.controller.course.readable()
    grab("home")
    window.show_section("course")
    grab("main")
    if len(readable) > 1:
        parts.controller.open_module(readable[1].id)
        grab("module-2")
    grab_check(parts, grab)
    broken = [m for m in parts.controller.course.modules if not m.ok]
    if broken:
        parts.controller.open_module(broken[0].id)
        grab("module-error")
    if parts.journal is not None:
        saved.extend(_journal_shots(parts, grab, outdir, f"{w}x{h}"))
    _scenario_shots(window, grab)
    saved.extend(grab_coding(window, outdir, f"{w}x{h}", grab))
    grab_review(parts, grab)
    grab_consultations(parts, grab)
    window.set_theme("dark")
    window.show_section("course")
    parts.controller.open_module(readable[0].id if readable else parts.controller.course.modules[0].id)
    grab("main-dark")
    grab_check(parts, grab, "-dark")
    window.show_section("home")
    grab("home-dark")
    window.set_theme("light")
    if "skills" in window.sections:
        grab_skills(parts, grab, demo=tmp is not None)
    grab_cpd(parts, grab, demo=tmp is not None)
    window.close()
    parts.store.close()
    if tmp is not None:
        tmp.cleanup()
    return saved


def _journal_shots(parts, grab, outdir: Path, size: str) -> list[Path]:
    """The journal list, the editor with privacy highlights, and its dialogs."""

    window, journal = parts.window, parts.journal
    view = window.section("journal")

    def settle_and_grab(name: str) -> None:
        for _ in range(3):  # nested layouts settle over a few event-loop turns
            QApplication.processEvents()
        grab(name)

    saved: list[Path] = []
    readable = parts.controller.course.readable()
    if not journal.templates:
        return saved
    first = journal.templates[0]
    uid = journal.start_reflection(first.id, title="Practice round with a colleague")
    journal.save(uid, {"sections": {s.id: s.example for s in first.text_sections}, "tags": "practice, pairs"})
    journal.finish(uid)
    link = {"kind": "module", "module": readable[0].id} if readable else None
    window.show_section("journal")
    journal.start_reflection("gibbs", link)
    editor = view.editor
    if "description" in editor.edits:
        editor.edits["description"].setPlainText(
            "I saw Mrs Example (NHS 999 100 0003) for her annual diabetes review. She wanted to "
            "talk about her feet, and I wanted to talk about her blood results."
        )
        editor.edits["feelings"].setPlainText("Rushed, and a little **irritated** at first.")
        editor.save_now()
        findings = editor.show_privacy_findings()
        settle_and_grab("journal-editor")
        dialog = PrivacyDialog(findings, editor.field_titles(), window)
        dialog.show()
        path = outdir / f"journal-privacy-{size}.png"
        dialog.grab().save(str(path))
        saved.append(path)
        dialog.close()
    view.list.setFocus()
    goal = GoalDialog(journal, None, window)
    goal.goal_edit.setText("Walk at lunchtime twice a week")
    goal.confidence.setValue(5)
    goal.show()
    path = outdir / f"journal-goal-{size}.png"
    goal.grab().save(str(path))
    saved.append(path)
    goal.close()
    goal = journal.create_goal(
        goal="Walk at lunchtime twice a week",
        importance=8,
        confidence=7,
        plan={
            "what": "15-minute walk",
            "when": "after lunch",
            "where": "the park",
            "how_often": "Tuesdays and Thursdays",
        },
    )
    journal.update_goal(goal["uid"], {"next_checkin": journal.goals.today().isoformat()})  # due now
    checkin = CheckInDialog(journal, journal.goals.get(goal["uid"]), window)
    checkin.barriers.setPlainText("Meetings ran over lunch on Thursday")
    checkin.show()
    path = outdir / f"journal-checkin-{size}.png"
    checkin.grab().save(str(path))
    saved.append(path)
    checkin.close()
    view.search_edit.clear()
    settle_and_grab("journal")
    journal.delete(uid)
    view.show_combo.setCurrentIndex(view.show_combo.findText("Bin"))
    view.list.setCurrentRow(0)
    settle_and_grab("journal-bin")
    journal.restore(uid)
    return saved


def _scenario_shots(window, grab) -> None:
    """The scenario viewer: list, side by side, a skill filter, single column, a revealed moment,
    a scored spot-the-skill round."""
    view = window.section("scenarios")
    if view is None or not view.controller.scenarios:
        return
    window.show_section("scenarios")
    grab("scenarios-list")
    scenario = view.controller.scenarios[0]
    view.open_scenario(scenario.id)
    page = view.page
    second = scenario.moments[min(2, len(scenario.moments) - 1)].id
    page.jump_to_moment(second)
    grab("scenario-side-by-side")
    counts = sorted(((n, skill) for skill, n in skill_counts(scenario).items()), reverse=True)
    if counts:
        page.set_skill_filter(counts[0][1])
        grab("scenario-skill-filter")
        page.set_skill_filter(None)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("single"))
    page.jump_to_moment(second)
    grab("scenario-single-column")
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("auto"))
    first = scenario.moments[min(1, len(scenario.moments) - 1)]
    page.practise_box.setChecked(True)
    page.jump_to_moment(first.id)
    grab("scenario-hidden")
    page.practice.predict.editor.setPlainText("Before we start, what would you most like us to talk about today?")
    page.practice.predict.save_and_reveal()
    grab("scenario-revealed")
    page.practise_box.setChecked(False)
    page.practice.setCurrentWidget(page.practice.spot)
    spot = page.practice.spot
    for n, (_i, turn) in enumerate(spot.targets):
        spot.select_turn(n)
        for tag in turn.tags[:1]:
            spot.set_skill_checked(tag, True)
        if n == 0:
            spot.set_skill_checked("signposting", True)
    spot.check()
    grab("scenario-spot-scored")
    page.practice.setCurrentWidget(page.practice.predict)


TASTER_PEOPLE = [
    ("Asha Patel", "Practice nurse"),
    ("Ben Okafor", "GP"),
    ("Carys Lloyd", "Health coach"),
    ("Dev Sharma", "Pharmacist"),
    ("Ella Byrne", "Physiotherapist"),
    ("Finn Walsh", "HCA"),
    ("Grace Obi", "Practice nurse"),
]


def save_session_screenshots(
    launch: Launch,
    outdir: Path,
    content_dir: Path,
    sizes: tuple[tuple[int, int], ...] = SESSION_SIZES,
    data_dir: Path | None = None,
    plan_id: str = "taster-90",
) -> list[Path]:
    """Run a plan for seven people and save the control and presenter views."""
    app, parts, tmp = _offscreen_app(launch, outdir, content_dir, data_dir)
    outdir = Path(outdir)
    window, view = parts.window, parts.window.section("session")
    controller = view.controller
    controller.new_session(plan_id, title="Riverside taster", date="2026-11-20", team="Riverside")
    for name, role in TASTER_PEOPLE:
        controller.add_participant(name, role, "Riverside")
    controller.make_groups(seed=2611)
    plan = controller.plan
    first_round = plan.practice_phases()[0] if plan.practice_phases() else 0
    controller.go_to_phase(first_round)
    view.debrief_edit.setPlainText(
        "We ask a lot of closed questions at the start.\n\nTry one reflection before each new question."
    )
    window.show_section("session")
    window.show()
    view.run.presenter_button.setChecked(True)
    presenter = view.presenter
    controller.toggle_timer()
    saved: list[Path] = []
    for w, h in sizes:
        window.resize(w, h)
        presenter.showNormal()
        presenter.resize(w, h)
        app.processEvents()
        for name, widget in (("session-control", window), ("session-presenter", presenter)):
            path = outdir / f"{name}-{w}x{h}.png"
            widget.grab().save(str(path))
            saved.append(path)
        window.set_theme("dark")
        app.processEvents()
        path = outdir / f"session-control-dark-{w}x{h}.png"
        window.grab().save(str(path))
        saved.append(path)
        window.set_theme("light")
    controller.go_to_phase(0)
    app.processEvents()
    path = outdir / f"session-presenter-welcome-{sizes[-1][0]}x{sizes[-1][1]}.png"
    presenter.grab().save(str(path))
    saved.append(path)
    presenter.close()
    window.close()
    parts.store.close()
    if tmp is not None:
        tmp.cleanup()
    return saved
