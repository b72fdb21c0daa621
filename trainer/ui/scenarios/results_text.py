"""The coding practice differences as a short HTML list (escaped: course words are data)."""

from __future__ import annotations

import html

from trainer.competencies.coding import BY_ID
from trainer.scenarios.coding_practice import PracticeResult


def differences_html(result: PracticeResult) -> str:
    if not result.differences:
        return "<p>None: you coded every turn as the expert did.</p>"
    parts = []
    for d in result.differences:
        parts.append(
            f"<p><b>Turn {d.number}</b> ({html.escape(d.item.moment)}): "
            f"\u201c{html.escape(d.item.words)}\u201d<br/>"
            f"You: {html.escape(BY_ID[d.chosen].label)}. Expert: <b>{html.escape(BY_ID[d.item.expert].label)}</b>"
            f" \u2014 {html.escape(d.item.reason)}</p>"
        )
    return "".join(parts)
