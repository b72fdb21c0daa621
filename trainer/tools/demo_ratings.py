"""Demo ratings for ``trainer demo``: two self-assessments a week apart and one observation.

Pure: everything goes through the store passed in, dates come from ``clock``.
Running it twice does not add the records twice (they carry ``demo: true``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from trainer.competencies.coding import Tally
from trainer.competencies.model import Framework
from trainer.competencies.ratings import OBSERVATION, OBSERVER_NOTES, SELF_ASSESSMENT, SELF_NOTES, clean_record
from trainer.records.store import RecordStore

# (first self, second self, observer) per skill, cycling over the framework's
# skills; "na" where a skill did not come up in that round.
_PATTERN = [
    (1, 2, 1),
    (0, 1, 1),
    (0, 1, 0),
    (1, 1, 2),
    (2, 2, 1),
    (1, 2, 1),
    (0, 0, 0),
    (1, 1, 1),
    (1, 2, 2),
    (0, 1, 1),
    (1, 1, 0),
    (0, "na", "na"),
    (1, 1, 1),
    (0, 1, 1),
    (2, 2, 2),
]

_NOTES = {
    0: "Practised with my partner in the pairs session; the first question came out closed.",
    4: "Reflection after the triad round: I tried to reflect feelings as well as facts.",
}

_OBSERVER_NOTES = {
    "said": "You moved straight to your own list of topics.",
    "response": "Pat answered briefly and waited for the next question.",
    "alternative": "Try: 'What would you most like us to talk about today?'",
}

_EVENTS = (
    ["open_question"] * 6
    + ["closed_question"] * 5
    + ["simple_reflection"] * 5
    + ["complex_reflection"] * 3
    + ["affirmation"] * 2
    + ["summary"] * 1
    + ["advice_with_permission"] * 2
    + ["advice_without_permission"] * 1
)


def _today(clock: Callable[[], object]) -> date:
    now = clock()
    if isinstance(now, datetime):
        return now.date()
    if isinstance(now, date):
        return now
    return date.fromisoformat(str(now)[:10])


def add_demo_ratings(
    store: RecordStore, profile_id: str, framework: Framework, clock: Callable[[], object]
) -> list[dict]:
    """Add the demo records for ``profile_id``; return what was added (empty if already there)."""
    if store.find_one(SELF_ASSESSMENT, profile=profile_id, demo=True) is not None:
        return []

    def add(kind: str, data: dict) -> dict:
        rec = clean_record(framework, data, SELF_NOTES if kind == SELF_ASSESSMENT else OBSERVER_NOTES)
        if kind == OBSERVATION:
            rec["counts"] = Tally(rec["events"]).counts()
            rec.update(session_id=None, round_id=None)
        return store.add(kind, {**rec, "profile": profile_id})

    second = _today(clock)
    first = second - timedelta(days=7)
    first_items, second_items, observed = {}, {}, {}
    for i, skill in enumerate(framework.skills):
        a, b, o = _PATTERN[i % len(_PATTERN)]
        first_items[skill.id] = {"rating": a}
        second_items[skill.id] = {"rating": b, "note": _NOTES.get(i, "")}
        observed[skill.id] = {"rating": o}
    if framework.skills:
        observed[framework.skills[0].id].update(_OBSERVER_NOTES)
    ids = [g.id for g in framework.globals]
    added = [
        add(SELF_ASSESSMENT, {"date": first, "items": first_items, "globals": dict(zip(ids, (3, 3))), "demo": True}),
        add(
            SELF_ASSESSMENT,
            {
                "date": second,
                "items": second_items,
                "globals": dict(zip(ids, (4, 4))),
                "demo": True,
                "comment": "A week of practising open questions at work.",
            },
        ),
        add(
            OBSERVATION,
            {
                "date": second,
                "items": observed,
                "globals": dict(zip(ids, (3, 4))),
                "observer": "Sam Okafor",
                "learner": "Alex Morgan",
                "events": list(_EVENTS),
                "demo": True,
                "comment": "Warm and respectful; the plan came from you, not the person.",
            },
        ),
    ]
    return added
