"""Made-up CPD records for screenshots and tests: a year of use by one person (team
sessions attended, feedback imported, reflections finished, practice done).
Everyone and everything here is invented."""

from __future__ import annotations

from trainer.records.store import RecordStore
from trainer.sessions.attendance import Attendance, attendance_record

SESSIONS = [
    ("s-riverside-1", "Riverside taster: agenda setting", "2026-03-12", 90, ["practitioner", "observer", "person"], 2),
    ("s-riverside-2", "Importance and confidence", "2026-06-18", 210, ["observer", "practitioner", "practitioner"], 1),
    ("s-riverside-3", "Follow-up and action planning", "2026-10-02", 120, ["person", "practitioner"], 0),
]
REFLECTIONS = [
    ("2026-03-13", "After the taster: asking before advising"),
    ("2026-05-20", "A clinic where I talked too much"),
    ("2026-06-19", "Scaling questions with a worried carer"),
]


def add_demo_cpd(store: RecordStore, profile_id: str) -> None:
    """Add the made-up year to ``profile_id``'s records (in one durable step)."""
    with store.atomic():
        for uid, title, day, minutes, roles, feedback in SESSIONS:
            att = Attendance.model_validate(
                {
                    "format": "practitioner-trainer/attendance",
                    "version": 1,
                    "session": {"uid": uid, "title": title, "date": day, "minutes": minutes, "facilitator": "Sam Demo"},
                    "attendee": {"id": "demo", "name": "Alex Demo"},
                    "rounds": [{"round": i + 1, "role": r} for i, r in enumerate(roles)],
                    "feedback": feedback,
                }
            )
            store.add("session_attendance", attendance_record(att, profile_id, f"attendance-{day}.json"))
        store.add(
            "observation",
            {
                "profile": profile_id,
                "source": "team-session-bundle",
                "session_uid": "s-riverside-1",
                "session_title": SESSIONS[0][1],
                "session_date": SESSIONS[0][2],
                "observer_name": "Finn Demo",
                "note": "Asked what mattered most before offering anything; one long explanation in the middle.",
                "counts": {"open_question": 5, "complex_reflection": 2},
            },
        )
        for day, title in REFLECTIONS:
            store.add(
                "reflection",
                {
                    "profile": profile_id,
                    "title": title,
                    "template": "gibbs",
                    "status": "finished",
                    "date": day,
                    "finished_at": f"{day}T17:00:00+00:00",
                    "sections": {"description": "What happened, in my own words, with no one identifiable."},
                },
            )
        store.add(
            "coding_practice",
            {"profile": profile_id, "scenario": "demo", "scenario_title": "Back to the garden", "date": "2026-04-02"}
            | {"items": 24},
        )
