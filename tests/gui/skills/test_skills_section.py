"""The Skills section driven like a person would: keyboard rating, counter, dashboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QTabBar, QWidget

from trainer.competencies.ratings import NA
from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.services.ratings import OBSERVATION, RatingsService
from trainer.tools.demo_ratings import add_demo_ratings
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.models import RatingItemsModel, RowsModel
from trainer.ui.skills.view import SkillsView

TODAY = "2026-03-14T10:00:00+00:00"


@pytest.fixture
def content(sample_course):
    return load_content(sample_course)


@pytest.fixture
def store():
    return memory_store(clock=lambda: TODAY)


@pytest.fixture
def controller(content, store):
    return SkillsController(RatingsService(store, content.framework, "me"), content, lambda: set())


@pytest.fixture
def view(qtbot, controller):
    view = SkillsView(controller)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_rating_items_model_passes_the_model_tester(qtmodeltester, content):
    model = RatingItemsModel(content.framework, ("note", "link"))
    qtmodeltester.check(model)
    model.load({"reflections": {"rating": 2, "note": "x"}, "summaries": {"rating": NA}})
    qtmodeltester.check(model)
    assert model.set_rating(0, 1) and not model.set_rating(0, 7)
    model.set_note(0, "note", "evidence")
    assert model.items()["agenda-setting"] == {"rating": 1, "note": "evidence"}


def test_rows_model_passes_the_model_tester(qtmodeltester):
    model = RowsModel(("A", "B"))
    qtmodeltester.check(model)
    model.set_rows([("one", 1), ("two", None)], ids=["a", "b"], marked=[True, False])
    qtmodeltester.check(model)
    assert model.cell(1, 1) == "" and model.row_id(0) == "a"


def test_view_models_pass_the_model_tester(qtmodeltester, view, controller, store, content):
    add_demo_ratings(store, "me", content.framework, lambda: TODAY)
    view.dashboard.refresh()
    view.compare_view.reload()
    view.side_view.reload()
    for model in (
        view.dashboard.model,
        view.compare_view.model,
        view.side_view.model,
        view.self_view.form.model,
        view.observer_view.form.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_rate_with_the_keyboard_then_save_updates_the_dashboard(qtbot, view, controller):
    view.show_page("self")
    table = view.self_view.form.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_2)
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_N)
    qtbot.keyClick(table, Qt.Key.Key_0)
    assert table.current_row() == 4
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # clears row 3 and stays there
    assert table.current_row() == 3
    model = view.self_view.form.model
    assert [model.rating(r) for r in range(5)] == [2, 1, NA, None, None]
    assert view.self_view.form.progress.text() == "3 of 15 skills rated"

    view.self_view.form.panel.fields["note"].setPlainText("Tried it with my partner")
    view.self_view.form.globals_box.spins["empathy"].setValue(4)
    with qtbot.waitSignal(view.dashboard.refreshed):
        qtbot.mouseClick(view.self_view.bar.save_button, Qt.MouseButton.LeftButton)
    [rec] = controller.self_assessments()
    assert rec["items"]["agenda-setting"] == {"rating": 2}
    assert rec["items"]["elicit-provide-elicit"] == {"rating": None, "note": "Tried it with my partner"}
    assert rec["items"]["permission"] == {"rating": NA}
    assert rec["globals"] == {"partnership": None, "empathy": 4}
    assert view.dashboard.model.cell(0, 1) == "2"
    assert "1 self-assessment" in view.dashboard.headline.text()
    assert view.self_view.bar.status.text().startswith("\u2713 Saved")


def test_rating_buttons_work_for_mouse_users(qtbot, view):
    form = view.self_view.form
    form.table.go_to_row(2)
    qtbot.mouseClick(form.panel.rating_buttons[NA], Qt.MouseButton.LeftButton)
    assert form.model.rating(2) == NA
    assert form.panel.rating_buttons[NA].isChecked()
    qtbot.mouseClick(form.panel.rating_buttons[None], Qt.MouseButton.LeftButton)
    assert form.model.rating(2) is None


def test_second_assessment_can_be_compared_with_the_first(qtbot, view, controller):
    controller.save_self_assessment({"date": "2026-03-07", "items": {"reflections": {"rating": 0}}})
    view.show_page("self")
    view.self_view.new()
    table = view.self_view.form.table
    table.go_to_row(5)  # reflections
    qtbot.keyClick(table, Qt.Key.Key_2)
    with qtbot.waitSignal(controller.self_assessment_saved):
        view.self_view.save()
    compare = view.compare_view
    rows = {compare.model.row_id(r): r for r in range(compare.model.rowCount())}
    assert compare.model.cell(rows["reflections"], 3) == "\u2191 up 2"
    assert "\u2191 1 went up" in compare.summary.text()


def test_counter_keys_undo_and_measures(qtbot, view, content):
    view.show_page("observer")
    counter = view.observer_view.counter
    counter.setFocus()
    qtbot.keyClicks(counter, "ooxsc")
    assert counter.counts()["open_question"] == 2
    rq_value, rq_level, rq_limits = counter.measure_labels["reflection_to_question"]
    assert rq_value.text().startswith("0.7:1")
    assert "below fair" in rq_level.text()
    assert rq_limits.text() == "fair \u2265 1.0:1, good \u2265 2.0:1"
    qtbot.keyClick(counter, Qt.Key.Key_Backspace)
    qtbot.keyClick(counter, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert counter.counts()["closed_question"] == 0 and counter.counts()["simple_reflection"] == 0
    assert "Undone: Simple reflection" in counter.last_label.text()
    _, cx_level, _ = counter.measure_labels["complex_reflections"]
    assert "good" in cx_level.text()
    advice_value, _, _ = counter.measure_labels["permission_rate"]
    assert advice_value.text() == "no advice counted yet"
    qtbot.mouseClick(counter.buttons["advice_with_permission"], Qt.MouseButton.LeftButton)
    assert counter.counts()["advice_with_permission"] == 1


def test_counter_ignores_letters_typed_in_the_name_fields(qtbot, view):
    view.show_page("observer")
    edit = view.observer_view.learner_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Oscar")
    assert edit.text() == "Oscar"
    assert sum(view.observer_view.counter.counts().values()) == 0


def test_observation_needs_names_then_saves_counts_and_notes(qtbot, view, controller, store):
    obs = view.observer_view
    obs.save()
    assert "observer's name" in obs.bar.status.text() and obs.bar.status.text().startswith("\u26a0")
    assert store.all(OBSERVATION) == []
    obs.observer_edit.setText("Sam")
    obs.learner_edit.setText("Alex")
    obs.round_edit.setText("round-2")
    obs.counter.setFocus()
    qtbot.keyClicks(obs.counter, "oxp")
    obs.steps.setCurrentIndex(1)
    table = obs.form.table
    table.go_to_row(0)
    qtbot.keyClick(table, Qt.Key.Key_1)
    obs.form.table.go_to_row(0)
    obs.form.panel.fields["alternative"].setPlainText("Ask what matters most first")
    with qtbot.waitSignal(view.dashboard.refreshed):
        obs.bar.save_button.click()
    [rec] = store.all(OBSERVATION)
    assert (rec["observer"], rec["learner"], rec["round_id"], rec["session_id"]) == ("Sam", "Alex", "round-2", None)
    assert rec["counts"]["complex_reflection"] == 1 and rec["events"] == [
        "open_question",
        "complex_reflection",
        "advice_with_permission",
    ]
    assert rec["items"]["agenda-setting"] == {"rating": 1, "alternative": "Ask what matters most first"}
    assert view.dashboard.model.cell(0, 2) == "1"

    obs.new()
    assert sum(obs.counter.counts().values()) == 0
    obs.open(rec["uid"])
    assert obs.counter.counts()["open_question"] == 1 and obs.learner_edit.text() == "Alex"


def test_side_by_side_marks_disagreement_with_symbol_and_words(qtbot, view, controller):
    controller.save_self_assessment(
        {"date": "2026-03-14", "items": {"agenda-setting": {"rating": 2}, "priorities": {"rating": 1}}}
    )
    controller.save_observation(
        {
            "date": "2026-03-14",
            "observer": "Sam",
            "learner": "Me",
            "items": {
                "agenda-setting": {"rating": 0, "said": "Started with the blood test"},
                "priorities": {"rating": 1},
            },
        }
    )
    side = view.side_view
    assert side.model.cell(0, 3).startswith("\u2260 differ: you rated it 2 higher")
    assert side.model.cell(1, 3) == "\u2713 agree"
    side.table.selectRow(0)
    assert "What was said: Started with the blood test" in side.notes.text()
    assert "\u2260 1 differ" in side.summary.text()


def test_deleting_an_assessment(qtbot, view, controller, monkeypatch):
    rec = controller.save_self_assessment({"date": "2026-03-14", "items": {"reflections": {"rating": 1}}})
    view.self_view.open(rec["uid"])
    monkeypatch.setattr(type(view.self_view.bar), "confirm_delete", staticmethod(lambda *_: True))
    with qtbot.waitSignal(view.dashboard.refreshed):
        view.self_view.bar.delete_button.click()
    assert controller.self_assessments() == []
    assert view.self_view.uid is None


def test_dashboard_shows_trend_chart_and_next_steps(qtbot, view, store, content):
    add_demo_ratings(store, "me", content.framework, lambda: TODAY)
    with qtbot.waitSignal(view.dashboard.refreshed):
        view.controller.self_assessment_saved.emit("x")
    dash = view.dashboard
    dash.table.selectRow(0)
    assert "Self: 2026-03-07 rated" in dash.chart.describe()
    assert "Observer: 2026-03-14 rated" in dash.chart.describe()
    assert dash.next_list.count() >= 1
    item = dash.next_list.item(0)
    with qtbot.waitSignal(dash.module_requested) as blocker:
        dash.next_list.itemActivated.emit(item)
    assert blocker.args[0] in {m.id for m in content.course.modules}


def _unnamed_focusable(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QTabBar) or widget.objectName() == "qt_spinbox_lineedit":
            continue  # a tab bar is named by its tabs; a spin box's inner editor by the spin box
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing


def test_every_focusable_widget_has_an_accessible_name(view, controller):
    controller.save_observation({"date": "2026-03-14", "observer": "Sam", "learner": "Me"})
    for page in range(view.pages.count()):
        view.pages.setCurrentIndex(page)
        assert _unnamed_focusable(view) == [], view.pages.tabText(page)
    view.show_page("observer")
    view.observer_view.steps.setCurrentIndex(1)
    assert _unnamed_focusable(view) == []


def test_app_has_a_skills_section(qtbot, tmp_path, sample_course):
    from trainer.app import build

    parts = build(sample_course, tmp_path)
    qtbot.addWidget(parts.window)
    assert "skills" in parts.window.sections
    skills = parts.window.section("skills")  # built on first use
    assert skills.controller.service.profile_id == parts.profile_id
    module_id = parts.controller.course.readable()[-1].id
    skills.dashboard.module_requested.emit(module_id)
    assert parts.window.current_section() == "course"
    assert parts.controller.current_id == module_id
    with qtbot.waitSignal(skills.dashboard.refreshed):
        parts.controller.set_done(module_id, True)
    parts.store.close()


def test_unsaved_ratings_are_not_lost_without_asking(qtbot, view, controller, monkeypatch):
    asked = []
    bar_type = type(view.self_view.bar)
    monkeypatch.setattr(bar_type, "confirm_discard", staticmethod(lambda *_: asked.append(1) or False))
    form = view.self_view.form
    assert view.self_view.bar.dirty is False
    form.table.setFocus()
    qtbot.keyClick(form.table, Qt.Key.Key_2)
    view.self_view.bar.new_button.click()
    assert asked == [1] and form.model.rating(0) == 2  # kept

    monkeypatch.setattr(bar_type, "confirm_discard", staticmethod(lambda *_: True))
    view.self_view.bar.new_button.click()
    assert form.model.rating(0) is None

    qtbot.keyClick(form.table, Qt.Key.Key_1)
    view.self_view.save()
    assert view.self_view.bar.dirty is False


def test_start_observation_for_a_round_prefills_ids(qtbot, view, store):
    assert view.start_observation(learner="Alex", observer="Sam", session_id="s1", round_id="r2")
    assert view.pages.currentWidget() is view.observer_view
    obs = view.observer_view
    obs.counter.setFocus()
    qtbot.keyClicks(obs.counter, "o")
    obs.save()
    [rec] = store.all(OBSERVATION)
    assert (rec["learner"], rec["observer"], rec["session_id"], rec["round_id"]) == ("Alex", "Sam", "s1", "r2")


def test_chart_follows_the_theme(qtbot, tmp_path, sample_course):
    from PySide6.QtGui import QColor

    from trainer.domain import tokens

    parts = build_app(qtbot, tmp_path, sample_course)
    skills = parts.window.section("skills")
    chart = skills.dashboard.chart
    chart.resize(400, 240)

    def corner() -> str:
        return chart.grab().toImage().pixelColor(1, chart.height() - 2).name()

    with qtbot.waitSignal(skills.dashboard.refreshed):
        parts.window.set_theme("dark")
    assert corner() == QColor(tokens.DARK["surface"]).name()
    parts.window.set_theme("light")
    assert corner() == QColor(tokens.LIGHT["surface"]).name()
    parts.store.close()


def build_app(qtbot, tmp_path, sample_course):
    from trainer.app import build

    parts = build(sample_course, tmp_path)
    qtbot.addWidget(parts.window)
    return parts


def test_dashboard_shows_its_chart_at_once(make_app, sample_course, qtbot):
    """The chart is drawn with QPainter: it comes with the table, not just after it (it was a
    pyqtgraph plot, whose import stalled the window after the first paint: issue 20)."""
    parts = make_app(content=sample_course)
    add_demo_ratings(parts.store, parts.profile_id, parts.window.section("skills").controller.framework, lambda: TODAY)
    skills = parts.window.section("skills")
    skills.reload_all()
    dash = skills.dashboard
    parts.window.show_section("skills")
    assert dash.table.model().rowCount() > 0
    selected = dash.summaries[dash.table.currentIndex().row()]
    assert dash.chart.title == selected.name and dash.chart.point_positions("self")
    qtbot.waitUntil(dash.chart.isVisible)
    dash.table.selectRow(1)
    assert dash.chart.title == dash.summaries[1].name  # follows the table


def test_chart_text_grows_with_the_zoom(make_app, sample_course, qtbot):
    """At 175% the chart's text grows with the application font, and "2 done well" still fits."""
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication

    parts = make_app(content=sample_course)
    chart = parts.window.section("skills").dashboard.chart
    before = chart.frame().plot.left(), chart.minimumHeight()
    parts.window.set_zoom(175)
    try:
        font = QApplication.font()
        qtbot.waitUntil(lambda: chart.text_font.pointSizeF() == font.pointSizeF())
        need = QFontMetricsF(font).horizontalAdvance("2 done well")
        assert chart.frame().plot.left() - chart.frame().title.left() >= need
        assert chart.frame().plot.left() > before[0] and chart.minimumHeight() > before[1]
    finally:
        parts.window.set_zoom(100)


def test_each_global_is_judged_by_its_own_groups_thresholds(qtbot, tmp_path, sample_course):
    """Partnership against the relational thresholds, change talk against the technical ones."""
    import shutil

    course = tmp_path / "course"
    shutil.copytree(sample_course, course)
    framework_file = course / "competencies.yaml"
    text = framework_file.read_text(encoding="utf-8")
    technical = (
        "  - id: cultivating-change-talk\n    name: Cultivating change talk\n    group: technical\n"
        "thresholds:\n  technical_global: {fair: 3.0, good: 4.0}\n"
    )
    framework_file.write_text(text.replace("thresholds:\n", technical, 1), encoding="utf-8")
    content = load_content(course)
    assert not content.diagnostics
    controller = SkillsController(RatingsService(memory_store(clock=lambda: TODAY), content.framework, "me"), content)
    view = SkillsView(controller)
    qtbot.addWidget(view)
    observed = [{"globals": {"partnership": 3, "cultivating-change-talk": 3}}]
    text = view.dashboard._globals([], observed)
    # 3 is below the relational fair mark (3.5) but meets the technical one (3)
    assert (
        "Partnership: you \u2014, observer 3 (" in text and "Cultivating change talk: you \u2014, observer 3 (" in text
    )
    relational_mark = text.split("Partnership: you \u2014, observer 3 (")[1][0]
    technical_mark = text.split("Cultivating change talk: you \u2014, observer 3 (")[1][0]
    assert relational_mark != technical_mark
    assert "relational: fair \u2265 3.5, good \u2265 4" in text and "technical: fair \u2265 3, good \u2265 4" in text


def test_an_imported_observation_keeps_its_counts_and_note_through_open_and_save(qtbot, view, controller, store):
    """A feedback bundle keeps only the totals and the observer's note: the checklist shows
    both, and saving it again (say, after adding a rating) loses neither."""
    rec = store.add(
        OBSERVATION,
        {
            "profile": "me",
            "date": "2026-03-10",
            "observer": "Sam Okafor",
            "learner": "Alex Morgan",
            "items": {},
            "globals": {},
            "events": [],
            "counts": {"open_question": 3, "complex_reflection": 2},
            "note": "Asked for their list first.",
            "source": "bundle",
        },
    )
    observer = view.observer_view
    observer.open(rec["uid"])
    assert observer.counter.counts()["open_question"] == 3
    assert observer.counter.counts()["complex_reflection"] == 2
    assert observer.note_edit.toPlainText() == "Asked for their list first."
    assert not observer.bar.dirty

    observer.save()
    saved = store.get(OBSERVATION, rec["uid"])
    assert saved["counts"]["open_question"] == 3 and saved["counts"]["complex_reflection"] == 2
    assert saved["note"] == "Asked for their list first." and saved["source"] == "bundle"
