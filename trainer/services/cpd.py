"""CPD and revalidation: the person's CPD log, the evidence they pick for each of a
regulator's requirements, their progress, and the revalidation pack.

Records: ``cpd_evidence`` (one per profile, regulator and requirement: the
items picked, each ``{kind, uid, title, day}``) and ``cpd_choice`` (one per
profile: the regulator and the last day of the cycle). The rules are in
``trainer.cpd``; the pack's HTML in ``trainer.cpd.pack``, printed by
``trainer.printing``. Before a pack is written, the text going into it is
privacy-checked (``trainer.journal.privacy``): anything that looks like a
patient's details stops it, with one plain line saying what was found.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trainer.content import Content
from trainer.cpd import rules
from trainer.cpd.log import CpdLog, build_log, kind_title
from trainer.cpd.regulators import REGULATORS, Regulator, Status, cycle_start, status
from trainer.journal import privacy
from trainer.records import attachments
from trainer.records.schemas import problem
from trainer.records.store import RecordStore
from trainer.services.profiles import ProfileService

EVIDENCE = "cpd_evidence"
CHOICE = "cpd_choice"
EXTERNAL = "external_cpd"
KINDS_READ = (
    EXTERNAL,
    "progress",
    "check_attempt",
    "review_log",
    "scenario_attempt",
    "scenario_spot",
    "coding_practice",
    "consultation_attempt",
    "session_attendance",
    "team_session",
    "reflection",
    "observation",
)
# what a person can pick as evidence: log kinds and feedback
PICKABLE = (
    rules.REFLECTIONS,
    rules.TEAM_SESSIONS,
    rules.SCENARIOS,
    rules.CONSULTATIONS,
    rules.CODING,
    rules.EXTERNAL,
    "feedback",
)


class CpdError(ValueError):
    """A request that cannot be done; the text is for people."""


@dataclass(frozen=True)
class Item:
    """Something a person can pick as evidence, with a title and a date."""

    kind: str
    uid: str
    title: str
    day: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "uid": self.uid, "title": self.title, "day": self.day}

    @property
    def label(self) -> str:
        return f"{self.day} \u2014 {kind_title(self.kind) if self.kind != 'feedback' else 'Feedback'}: {self.title}"


@dataclass(frozen=True)
class Revalidation:
    regulator: Regulator
    start: str
    end: str
    log: CpdLog  # the cycle's
    statuses: list[Status]


class CpdService:
    def __init__(self, store: RecordStore, content: Content, profile_id: str):
        self._store = store
        self._content = content
        self.profile_id = profile_id

    # -- the log ---------------------------------------------------------------------
    def log(self) -> CpdLog:
        records = {kind: self._store.all(kind, profile=self.profile_id) for kind in KINDS_READ}
        modules = self._content.course.modules
        return build_log(
            records,
            {m.id: int(m.duration_minutes or 0) for m in modules},
            {m.id: m.title for m in modules},
            {s.id: s.title for s in self._content.scenarios},
            {p.id: p.total_minutes for p in self._content.plans},
            self.profile_id,
        )

    def add_external(
        self,
        title: str,
        day: str,
        minutes: int,
        participatory: bool,
        method: str = "",
        note: str = "",
        certificate: Path | None = None,
    ) -> dict:
        """Record CPD done outside the app (a course, a conference, reading...), with its
        certificate (a PDF or image) copied into the data folder when one is given."""
        rec: dict[str, object] = {
            "profile": self.profile_id,
            "title": " ".join(title.split()),
            "date": day,
            "minutes": int(minutes),
            "participatory": bool(participatory),
            "method": method.strip(),
            "note": note.strip(),
        }
        if not rec["title"]:
            raise CpdError("say what the CPD was (a title)")
        if not 1 <= int(minutes) <= rules.EXTERNAL_MAX_MINUTES:
            raise CpdError(f"the time must be between 1 minute and {rules.EXTERNAL_MAX_MINUTES // 60} hours")
        why = problem(EXTERNAL, {"uid": "new", **rec})
        if why is not None:
            raise CpdError(why)
        if certificate is not None:
            if self._store.folder is None:
                raise CpdError("certificates are kept in a data folder; this store has none")
            try:  # the file first: the record never names a file that is not there
                rec["certificate"] = attachments.attach(self._store.folder, str(uuid.uuid4()), certificate)
            except attachments.AttachmentError as exc:
                raise CpdError(str(exc)) from None
        return self._store.add(EXTERNAL, rec)

    def certificate_path(self, rec: dict) -> Path | None:
        """Where an entry's certificate file is, when it has one and it is there."""
        return attachments.path_of(self._store.folder, str(rec.get("certificate") or ""))

    def delete_external(self, uid: str) -> None:
        rec = self._store.get(EXTERNAL, uid)
        if rec is None or rec.get("profile") != self.profile_id:
            raise CpdError("that entry was not found; it may have been deleted")
        self._store.delete(EXTERNAL, uid)

    # -- the regulator and cycle chosen ----------------------------------------------
    def choice(self) -> tuple[str, str]:
        """(regulator key, last day of the cycle); NMC and today when none was chosen."""
        rec = self._store.find_one(CHOICE, profile=self.profile_id) or {}
        key = rec.get("regulator") if rec.get("regulator") in REGULATORS else "nmc"
        end = str(rec.get("cycle_end") or self._store.now()[:10])
        return str(key), end

    def choose(self, regulator: str, cycle_end: str) -> None:
        if regulator not in REGULATORS:
            raise CpdError(f"unknown regulator '{regulator}'")
        try:
            date.fromisoformat(cycle_end)
        except ValueError:
            raise CpdError(f"'{cycle_end}' is not a date (expected YYYY-MM-DD)") from None
        self._store.upsert(CHOICE, {"regulator": regulator, "cycle_end": cycle_end}, profile=self.profile_id)

    # -- evidence --------------------------------------------------------------------
    def candidates(self, log: CpdLog | None = None) -> list[Item]:
        """Everything that can be picked as evidence, newest first."""
        log = log or self.log()
        items = [Item(a.kind, a.uid, a.title, a.day) for a in log.activities if a.kind in PICKABLE]
        items += [Item("feedback", f.uid, f"{f.observer} on {f.title}", f.day) for f in log.feedback]
        return sorted(items, key=lambda i: (i.day, i.title), reverse=True)

    def evidence(self, regulator: str) -> dict[str, list[dict]]:
        """{requirement key: [picked item dict, ...]} for ``regulator``."""
        found = self._store.all(EVIDENCE, profile=self.profile_id, regulator=regulator)
        return {str(r.get("requirement")): list(r.get("items") or []) for r in found}

    def pick(self, regulator: str, requirement: str, items: list[Item]) -> dict:
        reg = REGULATORS.get(regulator)
        if reg is None or requirement not in {r.key for r in reg.requirements}:
            raise CpdError(f"'{requirement}' is not one of the {regulator.upper()} requirements")
        return self._store.upsert(
            EVIDENCE,
            {"items": [i.as_dict() for i in items]},
            profile=self.profile_id,
            regulator=regulator,
            requirement=requirement,
        )

    # -- progress and the pack -------------------------------------------------------
    def revalidation(self, regulator: str, cycle_end: str) -> Revalidation:
        reg = REGULATORS[regulator]
        end = date.fromisoformat(cycle_end)
        start = cycle_start(end, reg.cycle_years).isoformat()
        log = self.log().between(start, end.isoformat())
        picked = self.evidence(regulator)
        statuses = [status(r, log, len(picked.get(r.key, []))) for r in reg.requirements]
        return Revalidation(reg, start, end.isoformat(), log, statuses)

    def pack(self, regulator: str, cycle_end: str) -> dict:
        """The pack as plain data for ``trainer.cpd.pack.pack_html``; raises CpdError if the
        privacy check finds something that looks like a patient's details."""
        rv = self.revalidation(regulator, cycle_end)
        reg, log = rv.regulator, rv.log
        picked = self.evidence(regulator)
        accounts = {r.key for r in reg.requirements if r.measure == "reflections"}
        chosen = {i["uid"] for key in accounts for i in picked.get(key, []) if i.get("kind") == rules.REFLECTIONS}
        reflections = [r for r in log.reflections if r["uid"] in chosen] if chosen else list(log.reflections)
        templates = {t.id: t for t in self._content.templates}
        sessions = [a for a in log.activities if a.kind == rules.TEAM_SESSIONS]
        attended = {r["uid"]: r for r in self._store.all("session_attendance", profile=self.profile_id)}
        me = ProfileService(self._store).get(self.profile_id)
        pack = {
            "name": me.label if me else self.profile_id,
            "regulator": reg.name,
            "cycle": reg.cycle,
            "start": rv.start,
            "end": rv.end,
            "made": self._store.now()[:10],
            "statuses": [{"title": s.requirement.title, "text": s.text, "met": s.met} for s in rv.statuses],
            "minutes": log.minutes,
            "participatory_minutes": log.participatory_minutes,
            "rules": [f"{kind_title(k)}: {rules.RULES[k].how}" for k in rules.KINDS],
            "activities": [
                {"day": a.day, "title": a.title, "kind": kind_title(a.kind), "minutes": a.minutes}
                | {"participatory": a.participatory}
                for a in log.activities
            ],
            "by_kind": [(kind_title(k), m) for k, m in log.by_kind().items()],
            "reflections": [self._account(r, templates) for r in reflections],
            "feedback": [
                {"day": f.day, "observer": f.observer, "title": f.title, "note": f.note} for f in log.feedback
            ],
            "untold_feedback": log.untold_feedback,
            "sessions": [
                {
                    "day": a.day,
                    "title": a.title,
                    "minutes": a.minutes,
                    "facilitator": str(attended.get(a.uid, {}).get("facilitator", "")),
                    "roles": a.detail,
                }
                for a in sessions
            ],
            "evidence": [
                {"title": r.title, "items": [f"{i.get('day', '')} {i.get('title', '')}" for i in picked.get(r.key, [])]}
                for r in reg.requirements
                if r.measure == "evidence"
            ],
            "elsewhere": [
                f"{r.title}: {r.note}" if r.note else r.title for r in reg.requirements if r.measure == "elsewhere"
            ],
            "sources": [{"title": s.title, "url": s.url, "checked": s.checked} for s in reg.sources],
            "forms": [{"title": f.title, "fields": list(f.fields)} for f in reg.forms],
        }
        self._privacy_check(pack)
        return pack

    @staticmethod
    def _account(rec: dict, templates: dict) -> dict:
        template = templates.get(rec.get("template"))
        titles = {s.id: s.title for s in template.sections} if template else {}
        sections = [
            (titles.get(k, k.replace("-", " ").capitalize()), str(v).strip())
            for k, v in (rec.get("sections") or {}).items()
            if isinstance(v, str) and v.strip()
        ]
        link = rec.get("link") if isinstance(rec.get("link"), dict) else None
        evidence = []
        if link:
            kind = str(link.get("kind", ""))
            evidence.append(str(link.get("title") or f"{kind} {link.get(kind, '')}".strip()))
        day = str(rec.get("finished_at") or rec.get("date") or "")[:10]
        return {"title": str(rec.get("title") or "Reflection"), "day": day, "sections": sections, "evidence": evidence}

    @staticmethod
    def _privacy_check(pack: dict) -> None:
        texts = [(r["title"], [t for _, t in r["sections"]]) for r in pack["reflections"]]
        texts += [(f"feedback from {f['observer']}", [f["note"]]) for f in pack["feedback"]]
        for where, parts in texts:
            found = privacy.scan("\n".join(parts))
            if found:
                raise CpdError(
                    f"Not written: '{where}' has {privacy.summary(found)}; "
                    "take out anything that could identify a patient, then make the pack again."
                )
