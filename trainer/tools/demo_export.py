"""A realistic, invented set of records for trying exports (tests, screenshots).

Everything here is made up: no real people or patients. Record fields follow
what each part of the app stores (progress, reflection, self_assessment,
observation, goal, goal_checkin, team_session, scenario_attempt,
scenario_spot, check_attempt). Team sessions take their length from their plan
(``content.plans``); ``DEMO_PLAN_MINUTES`` is the length of the demo's plan.
"""

from __future__ import annotations

from types import SimpleNamespace

PROFILE = "default"
DEMO_PLAN = "taster-90"
DEMO_PLAN_MINUTES = 90

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
    progress = [
        _rec(
            f"00000000-0000-4000-8000-00000000000{i}",
            at,
            module=mid,
            done=True,
            done_at=at,
            position=1.0,
            done_by="check",
            reached_end=True,
        )
        for i, (mid, at) in enumerate(DONE, 1)
    ]
    progress.append(
        _rec(
            "00000000-0000-4000-8000-000000000009",
            "2026-03-10T09:00:00+00:00",
            module="importance-confidence",
            done=False,
            done_at=None,
            position=0.4,
        )
    )
    reflections = [
        _rec(
            "11111111-0000-4000-8000-000000000001",
            "2026-01-20T21:00:00+00:00",
            title="Letting Mr Ellery set the agenda",
            template="nmc-reflective-account",
            status="finished",
            date="2026-01-20",
            finished_at="2026-01-20T21:10:00+00:00",
            binned_at=None,
            tags=["agenda setting", "revalidation"],
            link={"kind": "module", "module": "fixer-to-guide"},
            sections={
                "changed-practice": "I now open every review by asking what the person wants to cover today.",
                "what-happened": "A review with an older man (details changed) who wanted to talk "
                "about his sleep, not his blood results.\n\nI put my list aside.",
                "what-learned": "Asking what he wanted from the visit saved time later.",
            },
            ticks={"code-themes": ["prioritise-people", "practise-effectively"]},
        ),
        _rec(
            "11111111-0000-4000-8000-000000000002",
            "2026-02-17T20:30:00+00:00",
            title="Practice round: the diabetes review pair",
            template="rolfe",
            status="finished",
            date="2026-02-17",
            finished_at="2026-02-17T20:40:00+00:00",
            binned_at=None,
            tags=["practice"],
            link={"kind": "scenario", "scenario": "diabetes-review", "moment": 2},
            sections={
                "now-what": "Try one open question before any advice <even when busy>.",
                "so-what": "The second version found the real worry in half the time.",
                "what": "We compared two versions of the same visit.",
            },
            ticks={},
        ),
        _rec(
            "11111111-0000-4000-8000-000000000003",
            "2026-03-05T20:30:00+00:00",
            title="Half-written thoughts",
            template="gibbs",
            status="draft",
            date="2026-03-05",
            finished_at=None,
            binned_at=None,
            tags=[],
            link=None,
            ticks={},
            sections={"description": "Not finished yet."},
        ),
        _rec(
            "11111111-0000-4000-8000-000000000004",
            "2026-02-01T20:30:00+00:00",
            title="Thrown away",
            template="rolfe",
            status="finished",
            date="2026-02-01",
            finished_at="2026-02-01T20:31:00+00:00",
            binned_at="2026-02-02T08:00:00+00:00",
            tags=[],
            link=None,
            ticks={},
            sections={"what": "In the bin."},
        ),
    ]
    self_assessment = [
        _rec(
            "22222222-0000-4000-8000-000000000001",
            "2026-02-20T17:00:00+00:00",
            date="2026-02-20",
            items={
                "agenda-setting": {"rating": 2},
                "priorities": {"rating": 1},
                "permission": {"rating": 1, "note": "Forgot to ask once"},
                "elicit-provide-elicit": {"rating": 0},
                "open-questions": {"rating": 2},
                "reflections": {"rating": 1},
                "summaries": {"rating": "na"},
                "signposting": {"rating": None},
            },
            globals={"partnership": 3, "empathy": 4},
            comment="",
        )
    ]
    observation = [
        _rec(
            "22222222-0000-4000-8000-000000000002",
            "2026-02-20T17:20:00+00:00",
            date="2026-02-20",
            observer="Priya (triad partner)",
            learner="Me",
            session_id=None,
            round_id=None,
            items={
                "agenda-setting": {"rating": 2},
                "priorities": {"rating": 2},
                "permission": {"rating": 1, "alternative": "Ask before the leaflet: may I share?"},
                "elicit-provide-elicit": {"rating": 1},
                "open-questions": {"rating": 1},
                "reflections": {"rating": 1},
                "summaries": {"rating": 0},
            },
            globals={"partnership": 4, "empathy": 4},
            events=[],
            counts={},
            comment="Good start. Try a summary before moving to the plan.",
        )
    ]
    goal = [
        _rec(
            "33333333-0000-4000-8000-000000000001",
            "2026-01-21T08:00:00+00:00",
            goal="Walk to work twice a week",
            importance=8,
            confidence=7,
            plan={
                "what": "Walk to work",
                "when": "Tuesdays and Thursdays, leave at 7:40",
                "where": "Along the canal",
                "how_often": "Twice a week",
            },
            every_days=14,
            next_checkin="2026-03-18",
            status="active",
        )
    ]
    goal_checkin = [
        _rec(
            "33333333-0000-4000-8000-000000000002",
            "2026-02-04T08:00:00+00:00",
            goal="33333333-0000-4000-8000-000000000001",
            date="2026-02-04",
            progress="partly",
            confidence=6,
            note="Did it once.",
            barriers="Rain on Thursday; kept a bus fallback.",
        ),
        _rec(
            "33333333-0000-4000-8000-000000000003",
            "2026-03-04T08:00:00+00:00",
            goal="33333333-0000-4000-8000-000000000001",
            date="2026-03-04",
            progress="done",
            confidence=8,
            note="Both days, three weeks running",
            barriers="",
        ),
    ]
    team_session = [
        _rec(
            "44444444-0000-4000-8000-000000000001",
            "2026-02-25T13:00:00+00:00",
            plan_id="taster-90",
            plan_title="Taster: 90 minutes",
            title="Practice team: agenda setting in triads",
            date="2026-02-25",
            team="Riverside practice",
            seed=None,
            rounds=[],
            phase_index=0,
            debrief="",
            participants=[
                {"id": "p1", "name": "Sam", "role": "nurse", "team": "", "present": True},
                {"id": "p2", "name": "Jo", "role": "GP", "team": "", "present": True},
            ],
        )
    ]
    scenario_attempt = [
        _rec(
            "55555555-0000-4000-8000-000000000001",
            "2026-02-18T19:00:00+00:00",
            scenario="diabetes-review",
            moment="2",
            text="What would you like us to focus on today?",
        )
    ]
    scenario_spot = [
        _rec(
            "55555555-0000-4000-8000-000000000002",
            "2026-02-18T19:05:00+00:00",
            scenario="diabetes-review",
            moment="2",
            chosen=[{"turn": 1, "tags": ["agenda-setting"]}],
            hits=3,
            misses=1,
            extras=0,
        )
    ]
    check_attempt = [
        _rec(
            f"77777777-0000-4000-8000-00000000000{n}",
            at,
            module=module,
            question=question,
            card=f"{module}#{question}",
            kind=kind,
            attempt=attempt,
            answer=answer,
            response=response,
            rating=answer if kind == "free-text" else None,
            correct=correct,
            seconds=seconds,
        )
        for n, (at, module, question, kind, attempt, answer, response, correct, seconds) in enumerate(
            [
                ("2026-01-12T19:01:00+00:00", "what-is-sms", "own-words", "free-text", 1, "close",
                 "What the person does every day, and what we do to help them do it.", True, 64.0),
                ("2026-02-02T18:35:00+00:00", "activation", "activation-parts", "single", 1, [1],
                 "Age, diagnosis and medication", False, 21.5),
                ("2026-02-02T18:36:00+00:00", "activation", "activation-parts", "single", 2, [0],
                 "Knowledge, skills and confidence", True, 8.0),
                ("2026-02-02T18:37:00+00:00", "activation", "level-one", "single", 1, [0],
                 "Agree one small step she is very likely to manage, and build from there.", True, 30.2),
                ("2026-02-02T18:39:00+00:00", "activation", "match-support", "order", 1, [0, 1, 2, 3],
                 "Feels things happen to them > Wants to act > Is trying > Keeps going", True, 75.0),
            ],
            1,
        )
    ]  # fmt: skip
    state = [
        _rec("66666666-0000-4000-8000-000000000001", "2026-03-10T09:00:00+00:00", last_module="importance-confidence")
    ]
    return {
        "progress": progress,
        "profile_state": state,
        "reflection": reflections,
        "self_assessment": self_assessment,
        "observation": observation,
        "goal": goal,
        "goal_checkin": goal_checkin,
        "team_session": team_session,
        "scenario_attempt": scenario_attempt,
        "scenario_spot": scenario_spot,
        "check_attempt": check_attempt,
    }


def fill_demo(store) -> None:
    """Insert the demo records as they are (uids and times kept)."""
    for kind, records in demo_records().items():
        for rec in records:
            store.import_record(kind, rec)


def with_demo_plan(content):
    """``content`` with the demo's session plan added when the course has none of that id
    (so the demo session has a length); returns the same object."""
    plans = list(getattr(content, "plans", None) or [])
    if not any(getattr(p, "id", None) == DEMO_PLAN for p in plans):
        plans.append(SimpleNamespace(id=DEMO_PLAN, title="Taster: 90 minutes", total_minutes=DEMO_PLAN_MINUTES))
    content.plans = plans
    return content
