"""A realistic, invented set of records for trying exports (tests, screenshots).

Everything here is made up: no real people or patients. Record fields follow
what each part of the app stores (progress, reflection, self_assessment,
observation, goal, goal_checkin, team_session, scenario_attempt).
"""

from __future__ import annotations

PROFILE = "default"

DONE = [  # module id, done at
    ("what-is-sms", "2026-01-12T19:05:00+00:00"),
    ("fixer-to-guide", "2026-01-19T20:10:00+00:00"),
    ("activation", "2026-02-02T18:40:00+00:00"),
    ("closed-doors", "2026-02-16T19:30:00+00:00"),
    ("agenda-and-asking", "2026-03-03T12:15:00+00:00"),
]


def _rec(uid: str, created: str, **fields) -> dict:
    return {"uid": uid, "created": created, "updated": created, "profile": PROFILE, **fields}


def demo_records() -> dict[str, list[dict]]:
    """kind -> records, with fixed uids and times so exports are repeatable."""
    progress = [_rec(f"00000000-0000-4000-8000-00000000000{i}", at, module=mid, done=True,
                     done_at=at, position=1.0) for i, (mid, at) in enumerate(DONE, 1)]
    progress.append(_rec("00000000-0000-4000-8000-000000000009", "2026-03-10T09:00:00+00:00",
                         module="importance-confidence", done=False, done_at=None, position=0.4))
    reflections = [
        _rec("11111111-0000-4000-8000-000000000001", "2026-01-20T21:00:00+00:00",
             title="Letting Mr Ellery set the agenda", template="nmc", status="finished",
             tags=["agenda setting", "revalidation"], link="module:fixer-to-guide",
             sections={
                 "code": "Prioritise people: I listened first and acted on what mattered to him.",
                 "what_happened": "A review with an older man (details changed) who wanted to talk "
                                  "about his sleep, not his blood results.\n\nI put my list aside.",
                 "what_learned": "Asking what he wanted from the visit saved time later.",
                 "changed_practice": "I now open every review by asking what the person wants "
                                     "to cover today.",
             }),
        _rec("11111111-0000-4000-8000-000000000002", "2026-02-17T20:30:00+00:00",
             title="Practice round: the closed-doors pair", template="rolfe", status="finished",
             tags=["practice"], link="module:closed-doors",
             sections={"what": "We compared two versions of the same visit.",
                       "so_what": "The second version found the real worry in half the time.",
                       "now_what": "Try one open question before any advice <even when busy>."}),
        _rec("11111111-0000-4000-8000-000000000003", "2026-03-05T20:30:00+00:00",
             title="Half-written thoughts", template="gibbs", status="draft",
             sections={"description": "Not finished yet."}),
    ]
    self_assessment = [_rec(
        "22222222-0000-4000-8000-000000000001", "2026-02-20T17:00:00+00:00",
        scenario="Type 2 diabetes review",
        ratings={"agenda-setting": 2, "priorities": 1, "permission": 1, "elicit-provide-elicit": 0,
                 "open-questions": 2, "reflections": 1, "summaries": None},
        globals={"partnership": 3, "empathy": 4})]
    observation = [_rec(
        "22222222-0000-4000-8000-000000000002", "2026-02-20T17:20:00+00:00",
        observer="Priya (triad partner)", scenario="Type 2 diabetes review",
        ratings={"agenda-setting": 2, "priorities": 2, "permission": 1, "elicit-provide-elicit": 1,
                 "open-questions": 1, "reflections": 1, "summaries": 0},
        globals={"partnership": 4, "empathy": 4},
        notes="Good start. Try a summary before moving to the plan.")]
    goal = [_rec("33333333-0000-4000-8000-000000000001", "2026-01-21T08:00:00+00:00",
                 title="Walk to work twice a week", plan="Tuesdays and Thursdays, leave at 7:40.",
                 status="active", confidence=7)]
    goal_checkin = [
        _rec("33333333-0000-4000-8000-000000000002", "2026-02-04T08:00:00+00:00",
             goal="33333333-0000-4000-8000-000000000001", progress="Done once", confidence=6,
             note="Rain on Thursday; kept a bus fallback."),
        _rec("33333333-0000-4000-8000-000000000003", "2026-03-04T08:00:00+00:00",
             goal="33333333-0000-4000-8000-000000000001", progress="Both days, three weeks running",
             confidence=8, note=""),
    ]
    team_session = [_rec("44444444-0000-4000-8000-000000000001", "2026-02-25T13:00:00+00:00",
                         title="Practice team: agenda setting in triads", date="2026-02-25",
                         duration_minutes=90, facilitator="Sam Okafor",
                         modules=["agenda-and-asking"], attendees=[PROFILE, "jo"])]
    scenario_attempt = [_rec("55555555-0000-4000-8000-000000000001", "2026-02-18T19:00:00+00:00",
                             scenario="diabetes-practice-nurse", score=9, max_score=12,
                             completed=True)]
    state = [_rec("66666666-0000-4000-8000-000000000001", "2026-03-10T09:00:00+00:00",
                  last_module="importance-confidence")]
    return {"progress": progress, "profile_state": state, "reflection": reflections,
            "self_assessment": self_assessment, "observation": observation, "goal": goal,
            "goal_checkin": goal_checkin, "team_session": team_session,
            "scenario_attempt": scenario_attempt}


def fill_demo(store) -> None:
    """Insert the demo records as they are (uids and times kept)."""
    for kind, records in demo_records().items():
        for rec in records:
            store.import_record(kind, rec)
