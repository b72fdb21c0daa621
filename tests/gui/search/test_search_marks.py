"""After choosing a search result: every place the words are found is marked.

In a module: all marked, the first selected; F3 / Shift+F3 step through them (going
round at the ends), Esc clears them, opening another module clears them. In a scenario:
the words are marked in the moment the hit opened at, and F3 steps through them too.
"""

import re

from PySide6.QtCore import Qt


def occurrences(text: str, words) -> int:
    return len(re.findall("|".join(re.escape(w) for w in words), text, flags=re.IGNORECASE))


def open_module_hit(make_app, sample_course, qtbot, query="elicit provide"):
    parts = make_app(content=sample_course)
    window = parts.window
    window.search_action.trigger()
    hit = next(h for h in parts.search.get().search(query) if h.kind == "module")
    window.search_dialog.hit_chosen.emit(hit)
    window.search_dialog.hide()
    reader = window.course_view.reader
    qtbot.waitUntil(lambda: len(reader.browser.extraSelections()) > 0)
    return parts, hit, reader


def open_scenario_hit(make_app, sample_course, qtbot, query="rescue pack"):
    parts = make_app(content=sample_course)
    window = parts.window
    window.search_action.trigger()
    hit = next(h for h in parts.search.get().search(query) if h.kind == "scenario" and h.moment)
    window.search_dialog.hit_chosen.emit(hit)
    window.search_dialog.hide()
    page = window.section("scenarios").page
    qtbot.waitUntil(lambda: page.moment_id == hit.moment)
    return parts, hit, page


def test_a_module_hit_marks_every_occurrence_and_selects_the_first(make_app, sample_course, qtbot):
    parts, hit, reader = open_module_hit(make_app, sample_course, qtbot)
    browser = reader.browser
    text = browser.toPlainText()
    assert len(text) == browser.document().characterCount() - 1  # one character per position
    count = occurrences(text, ["elicit", "provide"])
    assert count >= 2
    marks = browser.extraSelections()
    assert len(marks) == count
    assert all(m.cursor.selectedText().lower() in ("elicit", "provide") for m in marks)
    first = min(m.cursor.selectionStart() for m in marks)
    assert browser.textCursor().selectionStart() == first
    assert browser.textCursor().selectedText().lower() in ("elicit", "provide")
    assert f"Match 1 of {count}" in parts.window.statusBar().currentMessage()


def test_f3_and_shift_f3_step_through_the_matches_and_go_round(make_app, sample_course, qtbot):
    parts, hit, reader = open_module_hit(make_app, sample_course, qtbot)
    browser, status = reader.browser, parts.window.statusBar()
    parts.window.section("scenarios")  # built, not shown: its own F3 must not take the key
    starts = sorted(m.cursor.selectionStart() for m in browser.extraSelections())
    count = len(starts)
    parts.window.activateWindow()
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_F3)
    assert browser.textCursor().selectionStart() == starts[1]
    assert f"Match 2 of {count}" in status.currentMessage()
    for _ in range(count - 2):
        qtbot.keyClick(browser, Qt.Key.Key_F3)
    assert browser.textCursor().selectionStart() == starts[-1]
    qtbot.keyClick(browser, Qt.Key.Key_F3)  # past the last: back to the first
    assert browser.textCursor().selectionStart() == starts[0]
    assert "No more matches" in status.currentMessage() and f"Match 1 of {count}" in status.currentMessage()
    qtbot.keyClick(browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # before the first: the last
    assert browser.textCursor().selectionStart() == starts[-1]
    assert f"Match {count} of {count}" in status.currentMessage()
    qtbot.keyClick(browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert browser.textCursor().selectionStart() == starts[-2]


def test_esc_in_the_reader_clears_the_marks(make_app, sample_course, qtbot):
    parts, hit, reader = open_module_hit(make_app, sample_course, qtbot)
    browser = reader.browser
    parts.window.activateWindow()
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Escape)
    assert browser.extraSelections() == []
    assert not browser.textCursor().hasSelection()
    qtbot.keyClick(browser, Qt.Key.Key_F3)  # nothing left to step through
    assert "No search words are marked" in parts.window.statusBar().currentMessage()


def test_opening_another_module_clears_the_marks(make_app, sample_course, qtbot):
    parts, hit, reader = open_module_hit(make_app, sample_course, qtbot)
    other = next(m.id for m in parts.controller.course.readable() if m.id != hit.key)
    parts.controller.open_module(other)
    assert reader.module.id == other
    assert reader.browser.extraSelections() == []


def test_a_scenario_hit_marks_the_words_in_its_moment(make_app, sample_course, qtbot):
    from trainer.scenarios.render import anchor
    from trainer.ui.common.find_marks import anchor_positions

    parts, hit, page = open_scenario_hit(make_app, sample_course, qtbot)
    window = parts.window
    browser = page.browser
    marks = browser.extraSelections()
    assert marks and all(m.cursor.selectedText().lower() in ("rescue", "pack") for m in marks)
    # every place in the moment, and only there
    ids = [m.id for m in page.scenario.moments]
    at = anchor_positions(browser.document())
    i = ids.index(hit.moment)
    start = at[anchor(hit.moment)]
    end = at[anchor(ids[i + 1])] if i + 1 < len(ids) else len(browser.toPlainText())
    assert len(marks) == occurrences(browser.toPlainText()[start:end], ["rescue", "pack"])
    assert all(start <= m.cursor.selectionStart() < end for m in marks)
    assert "marked in this moment" in window.statusBar().currentMessage()
    # still marked when the page is drawn again (another layout)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("single"))
    assert len(browser.extraSelections()) >= len(marks) > 0
    qtbot.waitUntil(window.isActiveWindow)  # opening the hit brought the window back
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Escape)
    assert browser.extraSelections() == []
    # opening the scenario again (not from a search) shows no marks
    page.show_matches(("rescue",), hit.moment)
    window.section("scenarios").open_scenario(hit.key)
    assert browser.extraSelections() == []


def test_f3_in_a_scenario_steps_through_the_marks_then_means_the_next_skill_place(make_app, sample_course, qtbot):
    from trainer.scenarios.align import places

    parts, hit, page = open_scenario_hit(make_app, sample_course, qtbot)
    window = parts.window
    qtbot.waitUntil(window.isActiveWindow)
    browser = page.browser
    count = len(browser.extraSelections())
    assert count > 1
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_F3)
    assert page.marks.index == 0 and window.statusBar().currentMessage() == f"Match 1 of {count}."
    assert browser.textCursor().selectedText().lower() in ("rescue", "pack")
    qtbot.keyClick(browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # before the first: the last
    assert page.marks.index == count - 1 and "on to the last" in window.statusBar().currentMessage()
    assert page.moment_id == hit.moment  # stepping keeps the moment the search opened
    # Once the marks are cleared, F3 is the next place that uses the chosen skill again.
    qtbot.keyClick(browser, Qt.Key.Key_Escape)
    page.skill_combo.setCurrentIndex(1)
    found, first = places(page.scenario, page.highlight), page._place
    assert len(found) > 1 and browser.extraSelections() == []
    qtbot.keyClick(browser, Qt.Key.Key_F3)
    assert page._place == (first + 1) % len(found)
