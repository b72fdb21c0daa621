"""The CPD log: every activity a person's records show, with its date, time and kind.

``build_log`` takes the person's records by kind (already filtered to their
profile) and the length of each module, and applies ``rules``. A record that
is not what the app expects (a date that does not parse, a time that is not a
number) is left out of the log, never guessed at.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from trainer.cpd import rules
from trainer.cpd.rules import KIND_TITLES, KINDS


@dataclass(frozen=True)
class Activity:
    """One line of the log."""

    kind: str  # one of rules.KINDS
    uid: str  # the record it came from (the first, when several make one line)
    title: str
    day: str  # YYYY-MM-DD
    minutes: int
    participatory: bool = False
    detail: str = ""
    feedback: int = 0  # pieces of practice-related feedback that came with it
    uids: tuple[str, ...] = ()  # every record behind the line
    session: str = ""  # a team session's uid (the trainer's), to match its feedback

    @property
    def month(self) -> str:
        return self.day[:7]


@dataclass(frozen=True)
class Feedback:
    """A piece of practice-related feedback: an observer's notes about the person."""

    uid: str
    day: str
    observer: str
    title: str  # the session, or where it came from
    note: str = ""
    counts: Mapping[str, int] = field(default_factory=dict)
    session: str = ""


@dataclass
class CpdLog:
    activities: list[Activity]
    feedback: list[Feedback]
    reflections: list[dict]  # finished reflections (the records), newest first
    untold_feedback: int = 0  # feedback an attendance file mentions but no bundle brought in

    def between(self, start: str, end: str) -> CpdLog:
        """The log of ``start`` to ``end`` (ISO days, both included)."""
        inside = lambda d: start <= d[:10] <= end  # noqa: E731 (a one-line test)
        return CpdLog(
            [a for a in self.activities if inside(a.day)],
            [f for f in self.feedback if inside(f.day)],
            [r for r in self.reflections if inside(_day(r, "finished_at", "date", "updated"))],
            self.untold_in(start, end),
        )

    def untold_in(self, start: str, end: str) -> int:
        told: dict[str, int] = defaultdict(int)
        for f in self.feedback:
            told[f.session] += 1
        return sum(
            max(0, a.feedback - told[a.session])
            for a in self.activities
            if a.kind == rules.TEAM_SESSIONS and a.session and start <= a.day <= end
        )

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.activities)

    @property
    def participatory_minutes(self) -> int:
        return sum(a.minutes for a in self.activities if a.participatory)

    @property
    def feedback_count(self) -> int:
        return len(self.feedback) + self.untold_feedback

    def kinds_done(self) -> list[str]:
        return [k for k in KINDS if any(a.kind == k and a.minutes for a in self.activities)]

    def by_month(self) -> dict[str, dict[str, int]]:
        """{YYYY-MM: {kind: minutes}}, months in order, kinds in the log's order."""
        out: dict[str, dict[str, int]] = {}
        for a in sorted(self.activities, key=lambda a: a.day):
            month = out.setdefault(a.month, {})
            month[a.kind] = month.get(a.kind, 0) + a.minutes
        return {m: {k: out[m][k] for k in KINDS if k in out[m]} for m in out}

    def by_kind(self) -> dict[str, int]:
        totals = dict.fromkeys(KINDS, 0)
        for a in self.activities:
            totals[a.kind] = totals.get(a.kind, 0) + a.minutes
        return totals


def _day(rec: Mapping, *names: str) -> str:
    """The first of ``names`` that holds a real date, as YYYY-MM-DD ("" if none)."""
    for name in names:
        value = rec.get(name)
        if isinstance(value, str) and len(value) >= 10:
            try:
                date.fromisoformat(value[:10])
            except ValueError:
                continue
            return value[:10]
    return ""


def _minutes(seconds: float) -> int:
    return int(math.floor(seconds / 60 + 0.5))


def _grouped(
    recs: Iterable[Mapping], kind: str, key, title, cap: int, detail: str, day_fields=("created",)
) -> list[Activity]:
    """One line per (key, day): the capped seconds of the records summed."""
    groups: dict[tuple[str, str], list[Mapping]] = defaultdict(list)
    for rec in recs:
        day = _day(rec, *day_fields)
        if day:
            groups[(str(key(rec)), day)].append(rec)
    out = []
    for (k, day), found in groups.items():
        seconds = sum(rules.capped_seconds(r.get("seconds"), cap) for r in found)
        minutes = _minutes(seconds)
        if minutes:
            uids = tuple(str(r.get("uid", "")) for r in found)
            out.append(Activity(kind, uids[0], title(k), day, minutes, detail=detail.format(n=len(found)), uids=uids))
    return out


def build_log(
    records: Mapping[str, list[dict]],
    module_minutes: Mapping[str, int],
    module_titles: Mapping[str, str] | None = None,
    scenario_titles: Mapping[str, str] | None = None,
    plan_minutes: Mapping[str, int] | None = None,
    profile_id: str = "",
) -> CpdLog:
    """The CPD log of one person from their records (``{kind: [record, ...]}``)."""
    titles = dict(module_titles or {})
    scenarios = dict(scenario_titles or {})
    got = lambda kind: [r for r in records.get(kind, []) if isinstance(r, dict)]  # noqa: E731
    acts: list[Activity] = []

    for rec in got("progress"):  # reading: a module done by passing its check
        day = _day(rec, "done_at")
        module = str(rec.get("module", ""))
        minutes = int(module_minutes.get(module, 0) or 0)
        if rec.get("done") and rec.get("done_by") == "check" and day and minutes > 0:
            acts.append(Activity(rules.READING, str(rec["uid"]), titles.get(module, module), day, minutes))

    acts += _grouped(
        got("check_attempt"),
        rules.CHECKS,
        lambda r: r.get("module", ""),
        lambda m: f"Knowledge check: {titles.get(m, m)}",
        rules.CHECK_ANSWER_MAX_SECONDS,
        "{n} answers",
    )
    acts += _grouped(
        got("review_log"),
        rules.REVIEWS,
        lambda r: "review",
        lambda _k: "Spaced review",
        rules.REVIEW_ANSWER_MAX_SECONDS,
        "{n} cards",
        ("reviewed_at", "created"),
    )

    per_scenario: dict[tuple[str, str], list[tuple[dict, int]]] = defaultdict(list)
    for kind, each in (
        ("scenario_attempt", rules.SCENARIO_REPLY_MINUTES),
        ("scenario_spot", rules.SCENARIO_SPOT_MINUTES),
    ):
        for rec in got(kind):
            day = _day(rec, "created")
            if day:
                per_scenario[(str(rec.get("scenario", "")), day)].append((rec, each))
    for (scenario, day), found in per_scenario.items():
        uids = tuple(str(r.get("uid", "")) for r, _ in found)
        acts.append(
            Activity(
                rules.SCENARIOS,
                uids[0],
                f"Scenario: {scenarios.get(scenario, scenario)}",
                day,
                sum(m for _, m in found),
                detail=f"{len(found)} replies and rounds",
                uids=uids,
            )
        )

    for rec in got("consultation_attempt"):  # Your turn (issue 22)
        day = _day(rec, "date", "finished_at", "created")
        minutes = rules.consultation_minutes(rec.get("seconds"))
        if day and minutes:
            title = str(rec.get("consultation_title") or rec.get("consultation") or "a consultation")
            acts.append(Activity(rules.CONSULTATIONS, str(rec["uid"]), f"Your turn: {title}", day, minutes))

    for rec in got("coding_practice"):
        day = _day(rec, "date", "created")
        minutes = rules.coding_minutes(rec.get("items"))
        if day and minutes:
            title = str(rec.get("scenario_title") or scenarios.get(str(rec.get("scenario", "")), "a consultation"))
            acts.append(Activity(rules.CODING, str(rec["uid"]), f"Coding practice: {title}", day, minutes))

    for rec in got("session_attendance"):
        day = _day(rec, "date")
        length = rec.get("minutes")
        if day and isinstance(length, int) and not isinstance(length, bool) and length > 0:
            roles = [r.get("role") for r in rec.get("rounds") or [] if isinstance(r, dict)]
            detail = ", ".join(f"{roles.count(r)} as {r}" for r in ("practitioner", "person", "observer") if r in roles)
            feedback = rec.get("feedback") if isinstance(rec.get("feedback"), int) else 0
            acts.append(
                Activity(
                    rules.TEAM_SESSIONS,
                    str(rec["uid"]),
                    str(rec.get("title") or "Team session"),
                    day,
                    length,
                    participatory=True,
                    detail=f"Attended; rounds: {detail}" if detail else "Attended",
                    feedback=int(feedback or 0),
                    session=str(rec.get("session_uid", "")),
                )
            )

    for rec in got("team_session"):  # sessions this person ran as the trainer
        day = _day(rec, "date")
        minutes = int((plan_minutes or {}).get(str(rec.get("plan_id", "")), 0) or 0)
        if day and minutes and rec.get("profile") == profile_id and rec.get("rounds"):
            title = str(rec.get("title") or rec.get("plan_title") or "Team session")
            acts.append(Activity(rules.TEAM_SESSIONS, str(rec["uid"]), title, day, minutes, True, "Led the session"))

    for rec in got("external_cpd"):  # CPD done outside the app, entered by hand
        day = _day(rec, "date")
        length = rec.get("minutes")
        if (
            day
            and isinstance(length, int)
            and not isinstance(length, bool)
            and 0 < length <= rules.EXTERNAL_MAX_MINUTES
        ):
            acts.append(
                Activity(
                    rules.EXTERNAL,
                    str(rec["uid"]),
                    str(rec.get("title") or "CPD"),
                    day,
                    length,
                    participatory=rec.get("participatory") is True,
                    detail=" \u00b7 ".join(
                        t
                        for t in (str(rec.get("method") or ""), "certificate attached" * bool(rec.get("certificate")))
                        if t
                    ),
                )
            )

    finished = []
    for rec in got("reflection"):
        day = _day(rec, "finished_at", "date", "updated")
        if rec.get("status") == "finished" and not rec.get("binned_at") and day:
            finished.append(rec)
            title = str(rec.get("title") or "Reflection")
            acts.append(Activity(rules.REFLECTIONS, str(rec["uid"]), title, day, rules.REFLECTION_MINUTES))
    finished.sort(key=lambda r: _day(r, "finished_at", "date", "updated"), reverse=True)

    feedback = []
    for rec in got("observation"):
        if rec.get("source") != "team-session-bundle":
            continue  # the person's own checklists are not feedback from someone else
        day = _day(rec, "session_date", "date")
        if day:
            raw = rec.get("counts")
            counts: dict = raw if isinstance(raw, dict) else {}
            feedback.append(
                Feedback(
                    str(rec["uid"]),
                    day,
                    str(rec.get("observer_name") or rec.get("observer") or "Observer"),
                    str(rec.get("session_title") or "Team session"),
                    str(rec.get("note") or ""),
                    {str(k): int(v) for k, v in counts.items() if isinstance(v, int)},
                    str(rec.get("session_uid", "")),
                )
            )
    feedback.sort(key=lambda f: f.day)
    acts.sort(key=lambda a: (a.day, KINDS.index(a.kind), a.title))
    log = CpdLog(acts, feedback, finished)
    log.untold_feedback = log.untold_in("0000-01-01", "9999-12-31")
    return log


def kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind, kind)
