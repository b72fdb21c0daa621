"""Your own words, coded: the Predict panel codes each sentence and keeps the learner's correction."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .test_scenario_view import open_diabetes, parts  # noqa: F401  (the fixture)


def test_code_my_words_explains_each_sentence_and_stores_the_correction(qtbot, parts):  # noqa: F811
    view, store = parts
    page = open_diabetes(qtbot, view)
    page.jump_to_moment("agenda")
    predict = page.practice.predict
    coded = predict.coded
    assert not coded.rows.isVisible()
    predict.editor.setPlainText("You've had a hard month. Do you want to talk about the tablets?")
    coded.code_button.setFocus()
    qtbot.keyClick(coded.code_button, Qt.Key.Key_Space)
    assert coded.rows.isVisible()
    assert [c.currentData() for c in coded.combos] == ["simple_reflection", "closed_question"]
    assert coded.explanations[1].text().startswith("This is a closed question: it can be answered yes or no")
    # The learner meant the first as a complex reflection: they correct it by keyboard.
    first = coded.combos[0]
    first.setFocus()
    first.setCurrentIndex(first.findData("complex_reflection"))
    assert "You chose this; the rules said simple reflection" in coded.explanations[0].text()
    predict.save_button.click()
    (saved,) = store.all("scenario_attempt")
    assert saved["codes"] == [
        {"sentence": "You've had a hard month.", "code": "complex_reflection", "corrected": True},
        {"sentence": "Do you want to talk about the tablets?", "code": "closed_question", "corrected": False},
    ]
    assert not coded.rows.isVisible()  # cleared with the editor


def test_words_changed_after_coding_are_coded_afresh_on_save(qtbot, parts):  # noqa: F811
    view, store = parts
    page = open_diabetes(qtbot, view)
    page.jump_to_moment("agenda")
    predict = page.practice.predict
    predict.editor.setPlainText("You should walk more.")
    predict.coded.code_button.click()
    predict.coded.combos[0].setCurrentIndex(0)  # a correction to words that then change
    predict.editor.setPlainText("What would you like to talk about today?")
    predict.save_button.click()
    (saved,) = store.all("scenario_attempt")
    assert saved["codes"] == [
        {"sentence": "What would you like to talk about today?", "code": "open_question", "corrected": False}
    ]
    assert "Coded as:</b> Open question" in predict.compare_label.text()
