"""Screenshots of Your turn (issue 22): the list, a turn with feedback, the summary; light and dark."""

from __future__ import annotations

from collections.abc import Callable

from trainer.ui.consultations.view import ConsultationsView


def grab_consultations(parts, grab: Callable[[str], None]) -> None:
    """The list, then the first consultation held on a mixed path (an expert choice, then
    unasked advice, then back to the expert's) to its summary, in each theme."""
    window = parts.window
    if "consultations" not in window.sections:
        return
    window.show_section("consultations")
    view = window.section("consultations")
    assert isinstance(view, ConsultationsView)
    view.show_list()
    grab("consultations")
    if not view.controller.consultations:
        return
    consultation = view.controller.consultations[0]
    for theme in ("light", "dark"):
        suffix = "" if theme == "light" else "-dark"
        window.set_theme(theme)
        view.show_list()
        if theme == "dark":
            grab("consultations-dark")
        view.start(consultation.id)
        grab(f"consultation-start{suffix}")
        view.on_chosen(0)
        grab(f"consultation-turn{suffix}")
        view.on_chosen(_not_expert(view))
        grab(f"consultation-pushback{suffix}")
        guard = 0
        while view.stack.currentWidget() is view.conversation and guard < 50:
            node = consultation.node(consultation.follow(view.steps))
            view.on_chosen(next(i for i, r in enumerate(node.responses) if r.expert))
            guard += 1
        view.summary.page_scroll.verticalScrollBar().setValue(0)
        grab(f"consultation-summary{suffix}")
        bar = view.summary.page_scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        grab(f"consultation-summary-path{suffix}")
    window.set_theme("light")
    view.show_list()


def _not_expert(view: ConsultationsView) -> int:
    c = view.consultation
    assert c is not None
    node = c.node(c.follow(view.steps))
    return next((i for i, r in enumerate(node.responses) if not r.expert), 0)
