"""The knowledge check at the end of a module, before and after answering (issue 21)."""

from __future__ import annotations

from collections.abc import Callable

from trainer.domain.questions import CHOICE_KINDS, FREE_TEXT


def check_module(parts):
    """The first module whose check has a choice question and a free-text one (else any check)."""
    readable = [m for m in parts.controller.course.readable() if any(q.in_check for q in m.questions)]
    for module in readable:
        kinds = {q.kind for q in module.questions}
        if kinds & set(CHOICE_KINDS) and FREE_TEXT in kinds:
            return module
    return readable[0] if readable else None


def grab_check(parts, grab: Callable[[str], None], suffix: str = "") -> None:
    """'check': the questions; 'check-feedback': one answered wrong, one right, free text rated."""
    module = check_module(parts)
    if module is None:
        return
    window = parts.window
    window.show_section("course")
    parts.controller.open_module(module.id)
    view = window.course_view
    view.open_check(module.id, from_end=True)
    grab(f"check{suffix}")
    panel = view.reader.check_panel
    for n, card in enumerate(panel.cards):
        q = card.question
        if q.kind in CHOICE_KINDS:
            wrong = next((i for i, o in enumerate(q.options) if not o.correct), 0)
            right = [i for i, o in enumerate(q.options) if o.correct]
            for i in [wrong] if n == 0 else right:
                card.buttons[i].setChecked(True)
        elif q.kind == FREE_TEXT and card.text_edit is not None:
            card.text_edit.setPlainText("In my own words: what the person does each day, and how we help.")
            card.show_model()
            card.rating_buttons[2].setChecked(True)
        card.submit()
    panel.ensureWidgetVisible(panel.cards[0])
    grab(f"check-feedback{suffix}")
    if len(panel.cards) > 1:
        panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
        grab(f"check-result{suffix}")
    view.reader.show_text()
