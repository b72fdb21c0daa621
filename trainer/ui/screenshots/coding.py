"""Screenshots of issue 22's screens: the Predict panel's coded words, a coding practice
round (one turn, then the agreement figures), light and dark."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

WORDS = (
    "You've had a really hard few months. Would it be all right if I shared what has helped "
    "other people? Many find a short walk after meals helps."
)


def grab_coding(window, outdir: Path, suffix: str, grab: Callable[[str], None]) -> list[Path]:
    view = window.section("scenarios")
    if view is None:
        return []
    coded = [s for s in view.controller.scenarios if s.coded_turns()]
    if not coded:
        return []
    saved: list[Path] = []

    def grab_widget(widget: QWidget, name: str) -> None:
        for _ in range(3):
            QApplication.processEvents()
        path = Path(outdir) / f"{name}-{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    window.show_section("scenarios")
    view.open_scenario(coded[0].id)
    page = view.page
    predict = page.practice.predict
    page.practice.setCurrentWidget(predict)
    predict.editor.setPlainText(WORDS)
    predict.coded.code(WORDS)
    predict.area.ensureWidgetVisible(predict.coded.rows)
    grab("scenario-coded-words")
    window.set_theme("dark")
    grab("scenario-coded-words-dark")
    for theme in ("light", "dark"):
        window.set_theme(theme)
        box = page.open_coding_practice()
        box.resize(min(820, window.width() - 40), min(600, window.height() - 40))
        for code in ("open_question", "complex_reflection", "summary"):
            box.code(code)
        grab_widget(box, f"coding-practice-turn-{theme}")
        while box.stack.currentIndex() == 0:
            box.code(box.items[len(box.chosen)].expert if len(box.chosen) % 4 else "closed_question")
        grab_widget(box, f"coding-practice-result-{theme}")
        box.close()
    window.set_theme("light")
    predict.coded.clear()
    predict.editor.clear()
    return saved
