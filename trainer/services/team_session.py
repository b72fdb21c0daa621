"""Plan and run a team session: roster, attendance, groups, observations, debrief.

Records (all with ``profile`` = the trainer's profile id):

* ``team_session``: one per session, holding the plan id, title, date, team,
  ``participants`` ([{id, name, role, team, present}]), ``seed``, ``rounds``
  ([{phase, format, skill, block, turn, groups, observations}]), the phase the
  trainer has reached and the debrief notes. ``groups`` hold participant ids;
  ``observations`` hold uids of ``session_observation`` records.
* ``session_observation``: one per observer, learner and round: a free-text
  note, the eight behaviour counts, checklist ``items`` (rating and the
  three-part notes) and ``globals``; from the live room also ``live_taps``
  (the ids of the taps applied). Checked against ``SessionObservation``
  (records/schemas.py) on the way in from the live room. (The learner's copy, after a
  feedback bundle is imported, is an ``observation`` record in their own
  data folder: see docs/BUNDLES.md.)
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable

from trainer.competencies.ratings import NA, OBSERVER_NOTES
from trainer.records.schemas import problem
from trainer.records.store import RecordStore
from trainer.scenarios.coding_practice import PracticeResult
from trainer.scenarios.model import Scenario
from trainer.services.coding_practice import CodingPracticeService, calibration_summary
from trainer.services.profiles import ProfileService
from trainer.sessions.counts import MAX_COUNT, clean_counts
from trainer.sessions.grouping import GroupingError, plan_groups, swap
from trainer.sessions.plan_model import SessionPlan

SESSION = "team_session"
OBSERVATION = "session_observation"
HISTORY_SESSIONS = 3
TRAINER = "trainer"  # observer id used when the trainer observes a pair
FEEDBACK_OPENS = ("after_round", "after_debrief", "never")  # when phones in the live room show feedback
MAX_LIVE_TAPS = 20_000  # client ids kept per observation to refuse resent taps


class SessionError(ValueError):
    """A request that cannot be carried out; the message is for the trainer."""


def _new_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)


class TeamSessionService:
    def __init__(self, store: RecordStore, profile_id: str = "default", seed_source: Callable[[], int] = _new_seed):
        self._store = store
        self.profile_id = profile_id
        self._seed_source = seed_source

    # -- sessions ------------------------------------------------------------------
    def sessions(self) -> list[dict]:
        found = self._store.all(SESSION, profile=self.profile_id)
        return sorted(found, key=lambda r: (r.get("date", ""), r.get("created", "")), reverse=True)

    def get(self, uid: str) -> dict:
        rec = self._store.get(SESSION, uid)
        if rec is None or rec.get("profile") != self.profile_id:
            raise SessionError("that session was not found; it may have been deleted")
        return rec

    def create(
        self, plan: SessionPlan, title: str = "", date: str = "", team: str = "", participants: list[dict] | None = None
    ) -> dict:
        return self._store.add(
            SESSION,
            {
                "profile": self.profile_id,
                "plan_id": plan.id,
                "plan_title": plan.title,
                "title": title.strip() or plan.title,
                "date": date or self._store.now()[:10],
                "team": team.strip(),
                "participants": [self._participant(p) for p in participants or []],
                "seed": None,
                "rounds": [],
                "phase_index": 0,
                "debrief": "",
            },
        )

    def last_of_team(self, team: str) -> dict | None:
        """The most recent session of the team with that name (none for a blank name)."""
        team = team.strip().casefold()
        if not team:
            return None
        return next((s for s in self.sessions() if s.get("team", "").casefold() == team), None)

    def update_details(
        self, uid: str, *, title: str | None = None, date: str | None = None, team: str | None = None
    ) -> dict:
        changes = {k: v.strip() for k, v in (("title", title), ("date", date), ("team", team)) if v is not None}
        self.get(uid)
        return self._store.update_existing(SESSION, uid, changes)

    def set_feedback_opens(self, uid: str, when: str) -> dict:
        """When participants may see their own feedback on their phone in the live room."""
        if when not in FEEDBACK_OPENS:
            raise SessionError(f"'{when}' is not a choice of when feedback opens ({', '.join(FEEDBACK_OPENS)})")
        self.get(uid)
        return self._store.update_existing(SESSION, uid, {"feedback_opens": when})

    def delete(self, uid: str) -> None:
        self.get(uid)
        for obs in self._store.all(OBSERVATION, profile=self.profile_id, session=uid):
            self._store.delete(OBSERVATION, obs["uid"])
        self._store.delete(SESSION, uid)

    # -- roster --------------------------------------------------------------------
    @staticmethod
    def _participant(raw: dict) -> dict:
        name = str(raw.get("name", "")).strip()
        if not name:
            raise SessionError("a participant needs a name")
        return {
            "id": raw.get("id") or uuid.uuid4().hex[:12],
            "name": name,
            "role": str(raw.get("role", "")).strip(),
            "team": str(raw.get("team", "")).strip(),
            "present": bool(raw.get("present", True)),
        }

    def add_participant(self, uid: str, name: str, role: str = "", team: str = "") -> dict:
        session = self.get(uid)
        person = self._participant({"name": name, "role": role, "team": team})
        self._store.update(SESSION, uid, {"participants": session["participants"] + [person]})
        return person

    def remove_participant(self, uid: str, person_id: str) -> None:
        session = self.get(uid)
        if any(person_id in g for r in session["rounds"] for g in r["groups"]):
            raise SessionError("this person is in the groups; untick 'present' and make new groups instead")
        kept = [p for p in session["participants"] if p["id"] != person_id]
        self._store.update(SESSION, uid, {"participants": kept})

    def set_present(self, uid: str, person_id: str, present: bool) -> None:
        session = self.get(uid)
        people = [{**p, "present": present} if p["id"] == person_id else p for p in session["participants"]]
        self._store.update(SESSION, uid, {"participants": people})

    def present(self, session: dict) -> list[dict]:
        return [p for p in session["participants"] if p.get("present")]

    # -- groups --------------------------------------------------------------------
    def history(self, session: dict) -> list[list[list[str]]]:
        """Groups of this team's last sessions (most recent first), as current ids."""
        if not session.get("team", "").strip():
            return []  # without a team name, past sessions cannot be told apart
        by_name = {p["name"].casefold(): p["id"] for p in session["participants"]}
        past = [
            s
            for s in self.sessions()
            if s["uid"] != session["uid"]
            and s.get("team", "").casefold() == session.get("team", "").casefold()
            and s.get("date", "") <= session.get("date", "")
            and s.get("rounds")
        ]
        out = []
        for old in past[:HISTORY_SESSIONS]:
            names = {p["id"]: p["name"].casefold() for p in old["participants"]}
            groups = []
            for rnd in old["rounds"]:
                for group in rnd["groups"]:
                    ids = [by_name[names[i]] for i in group if names.get(i) in by_name]
                    if len(ids) > 1:
                        groups.append(ids)
            out.append(groups)
        return out

    def make_groups(self, uid: str, plan: SessionPlan, seed: int | None = None) -> dict:
        session = self.get(uid)
        people = [p["id"] for p in self.present(session)]
        indexes = plan.practice_phases()
        if not indexes:
            raise SessionError("this plan has no practice rounds")
        seed = seed if seed is not None else self._seed_source()
        practice = [plan.phases[i].practice for i in indexes]
        if any(p is None for p in practice):
            raise SessionError("a practice round in this plan says nothing about its practice")
        steps = [p for p in practice if p is not None]  # all of them: for the type checker
        try:
            rounds = plan_groups(
                people, [p.format for p in steps], seed, self.history(session), [p.new_groups for p in steps]
            )
        except GroupingError as exc:
            raise SessionError(str(exc)) from None
        old = {r["phase"]: r for r in session["rounds"]}
        stored = [
            {
                "phase": i,
                "format": p.format,
                "skill": p.skill,
                "block": r.block,
                "turn": r.turn,
                "groups": [list(g) for g in r.groups],
                "observations": old.get(i, {}).get("observations", []),
            }
            for i, p, r in zip(indexes, steps, rounds)
        ]
        return self._store.update_existing(SESSION, uid, {"seed": seed, "rounds": stored})

    def _session_round(self, uid: str, round_index: int, *people: str) -> tuple[dict, list[dict], dict[str, str]]:
        """The session, its rounds and the roster's names by id, once ``round_index`` is a round
        and each of ``people`` (observer, learner) is on the roster."""
        session = self.get(uid)
        rounds = session["rounds"]
        if not 0 <= round_index < len(rounds):
            raise SessionError("there is no such round; make the groups first")
        names = {p["id"]: p["name"] for p in session["participants"]}
        if any(person not in names for person in people):
            raise SessionError("the observer and the person observed must be on the roster")
        return session, rounds, names

    def swap(self, uid: str, round_index: int, a: str, b: str) -> dict:
        """Swap two people in a round and in the later rounds of the same block."""
        _, rounds, _ = self._session_round(uid, round_index)
        block = rounds[round_index]["block"]
        try:
            for rnd in rounds[round_index:]:
                if rnd["block"] == block:
                    rnd["groups"] = [list(g) for g in swap(rnd["groups"], a, b)]
        except GroupingError:
            raise SessionError("both people must be in this round's groups") from None
        return self._store.update_existing(SESSION, uid, {"rounds": rounds})

    def round_for_phase(self, session: dict, phase_index: int) -> int | None:
        return next((i for i, r in enumerate(session["rounds"]) if r["phase"] == phase_index), None)

    def set_phase(self, uid: str, phase_index: int) -> dict:
        self.get(uid)
        return self._store.update_existing(SESSION, uid, {"phase_index": max(0, int(phase_index))})

    # -- observations and debrief ---------------------------------------------------
    def save_observation(
        self,
        uid: str,
        round_index: int,
        observer: str,
        learner: str,
        note: str = "",
        counts: dict | None = None,
        items: dict | None = None,
        globals_: dict | None = None,
        form_uid: str | None = None,
    ) -> dict:
        """One observer's record of one learner in one round: a note, the eight
        behaviour counts and, optionally, checklist ratings (``items`` by skill id,
        ``globals_`` by global id) as the Skills observer checklist stores them.
        ``form_uid`` marks a record that came from an observer's file (see
        ``trainer.services.observation_import``)."""
        session = self.get(uid)
        rounds = session["rounds"]
        if not 0 <= round_index < len(rounds):
            raise SessionError("there is no such round; make the groups first")
        names = {p["id"]: p["name"] for p in session["participants"]}
        if learner not in names:
            raise SessionError("the person observed is not on the roster")
        fields = {
            "note": note.strip(),
            "counts": clean_counts(counts),
            "skill": rounds[round_index]["skill"],
            "items": dict(items or {}),
            "globals": dict(globals_ or {}),
            "observer_name": names.get(observer, "Trainer" if observer == TRAINER else observer),
            "learner_name": names[learner],
            "session_date": session["date"],
        }
        if form_uid:
            fields["form_uid"] = form_uid
        with self._store.atomic():  # the observation and the round's list of them: both or neither
            rec = self._store.upsert(
                OBSERVATION,
                fields,
                profile=self.profile_id,
                session=uid,
                round=round_index,
                learner=learner,
                observer=observer,
            )
            if rec["uid"] not in rounds[round_index]["observations"]:
                rounds[round_index]["observations"].append(rec["uid"])
                self._store.update(SESSION, uid, {"rounds": rounds})
        return rec

    def add_live_taps(self, uid: str, round_index: int, observer: str, learner: str, taps: list[dict]) -> dict:
        """Taps from an observer's phone in the live room, saved as they arrive.

        Each tap is ``{"id": client id, "code": behaviour key, "delta": 1 or -1}``
        (-1 is an undo). Ids already applied to this observation are skipped, so
        a phone that resends after a dropped connection never counts twice. The
        note, if the trainer wrote one, is kept. Returns the observation record.
        """
        session, rounds, names = self._session_round(uid, round_index, observer, learner)
        old = self.find_observation(uid, round_index, observer, learner) or {}
        seen = list(old.get("live_taps", []))
        known = set(seen)
        counts = clean_counts(old.get("counts"))
        for tap in taps:
            if tap["id"] in known or tap["code"] not in counts:
                continue
            known.add(tap["id"])
            seen.append(tap["id"])
            counts[tap["code"]] = max(0, min(MAX_COUNT, counts[tap["code"]] + (1 if tap["delta"] > 0 else -1)))
        if old and len(seen) == len(old.get("live_taps", [])):
            return old  # nothing new: a resend
        with self._store.atomic():  # the observation and the round's list of them: both or neither
            return self._put_live(session, round_index, observer, learner, old, counts=counts, live_taps=seen)

    def _put_live(self, session: dict, round_index: int, observer: str, learner: str, old: dict, **changes) -> dict:
        """Write an observation from the live room (``old`` with ``changes``), checked against the
        ``session_observation`` schema first: a record the app could not show is never stored."""
        uid, rounds = session["uid"], session["rounds"]
        names = {p["id"]: p["name"] for p in session["participants"]}
        fields = {
            "note": old.get("note", ""),
            "counts": clean_counts(old.get("counts")),
            "live_taps": list(old.get("live_taps", [])),
            "skill": rounds[round_index]["skill"],
            "items": old.get("items", {}),
            "globals": old.get("globals", {}),
            "observer_name": names[observer],
            "learner_name": names[learner],
            "session_date": session["date"],
        }
        fields.update(changes)
        fields["live_taps"] = fields["live_taps"][-MAX_LIVE_TAPS:]
        key = {"profile": self.profile_id, "session": uid, "round": round_index, "learner": learner}
        why = problem(OBSERVATION, {"uid": old.get("uid", "new"), **key, "observer": observer, **fields})
        if why:
            raise SessionError(f"the observation was not saved: {why}")
        rec = self._store.upsert(OBSERVATION, fields, **key, observer=observer)
        if rec["uid"] not in rounds[round_index]["observations"]:
            rounds[round_index]["observations"].append(rec["uid"])
            self._store.update(SESSION, uid, {"rounds": rounds})
        return rec

    def set_live_notes(
        self,
        uid: str,
        round_index: int,
        observer: str,
        learner: str,
        note: str,
        item_notes: dict[str, str],
        globals_: dict[str, int | None],
    ) -> dict:
        """The observer's notes from their phone, all in one durable step: the free note, the
        three-part notes on the round's skill (``said``, ``response``, ``alternative``; the
        rating is kept) and the global ratings given (others are kept). Counts are kept."""
        session, rounds, names = self._session_round(uid, round_index, observer, learner)
        unknown = sorted(set(item_notes) - set(OBSERVER_NOTES))
        if unknown:
            raise SessionError(f"unknown part of the notes '{unknown[0]}'")
        old = self.find_observation(uid, round_index, observer, learner) or {}
        skill = rounds[round_index]["skill"]
        items = {k: dict(v) for k, v in (old.get("items") or {}).items()}
        item = items.setdefault(skill, {"rating": None})
        for key in OBSERVER_NOTES:
            text = item_notes.get(key, "").strip()
            if text:
                item[key] = text
            else:
                item.pop(key, None)
        with self._store.atomic():
            return self._put_live(
                session,
                round_index,
                observer,
                learner,
                old,
                note=note.strip(),
                items=items,
                globals={**(old.get("globals") or {}), **globals_},
            )

    def set_live_rating(self, uid: str, round_index: int, observer: str, learner: str, rating) -> dict:
        """The observer's checklist rating of the round's skill from their phone: 0, 1, 2, "na",
        or None to clear it. Counts, notes and other items are kept. Returns the observation."""
        if rating not in (0, 1, 2, NA, None) or isinstance(rating, bool):
            raise SessionError("a rating is 0, 1, 2 or n/a")
        session = self.get(uid)
        if not 0 <= round_index < len(session["rounds"]):
            raise SessionError("there is no such round; make the groups first")
        skill = session["rounds"][round_index]["skill"]
        old = self.find_observation(uid, round_index, observer, learner)
        if old is None:  # the first thing this observer sends: an observation with no counts yet
            old = self.add_live_taps(uid, round_index, observer, learner, [])
        items = dict(old.get("items") or {})
        items[skill] = {**(items.get(skill) or {}), "rating": rating}
        return self._store.update_existing(OBSERVATION, old["uid"], {"items": items})

    def observations(self, uid: str, round_index: int | None = None) -> list[dict]:
        where: dict[str, object] = {"profile": self.profile_id, "session": uid}
        if round_index is not None:
            where["round"] = round_index
        return sorted(self._store.all(OBSERVATION, **where), key=lambda o: (o["round"], o.get("created", "")))

    def write_feedback_bundles(self, session: dict, plan: SessionPlan | None, outdir) -> list:
        """One feedback file per observed participant in ``outdir``; returns the paths."""
        titles = {i: plan.phases[r["phase"]].title for i, r in enumerate(session["rounds"])} if plan else {}
        from trainer.sessions.bundles import build_bundles, write_bundles  # lazy: pydantic, at export

        bundles = build_bundles(
            session, self.observations(session["uid"]), titles, self._store.now(), self.calibrations(session)
        )
        return write_bundles(outdir, session, bundles)

    def attendance(self, session: dict, plan: SessionPlan | None) -> list[dict]:
        """Every attendee's attendance data (``trainer.sessions.attendance``), in roster order:
        observed or not, everyone present gets proof that they attended."""
        me = ProfileService(self._store).get(self.profile_id)
        from trainer.sessions.attendance import build_attendance  # lazy: pydantic, at export

        found = build_attendance(
            session, plan, self.observations(session["uid"]), self._store.now(), me.name if me else ""
        )
        return list(found.values())

    def attendance_of(self, uid: str, person_id: str, plan: SessionPlan | None) -> dict | None:
        """One attendee's attendance data, or None when they are not marked present: what the
        live room hands that person's phone at the end, beside their feedback."""
        return next((f for f in self.attendance(self.get(uid), plan) if f["attendee"]["id"] == person_id), None)

    def write_attendance_files(self, session: dict, plan: SessionPlan | None, outdir) -> list:
        """One attendance file per attendee in ``outdir``; returns the paths."""
        files = self.attendance(session, plan)
        from trainer.sessions.attendance import write_attendance  # lazy: pydantic, at export

        return write_attendance(outdir, session, {f["attendee"]["id"]: f for f in files})

    def feedback_bundle(self, uid: str, person_id: str, round_titles: dict[int, str] | None = None) -> dict | None:
        """The feedback bundle of one participant (as ``write_feedback_bundles`` writes it), or None
        when no one observed them: what the live room hands that person's phone at the end."""
        session = self.get(uid)
        about = [o for o in self.observations(uid) if o.get("learner") == person_id]
        calibrations = self.calibrations(session)
        from trainer.sessions.bundles import build_bundles  # lazy: pydantic, at the end of a live room

        return build_bundles(session, about, round_titles or {}, self._store.now(), calibrations).get(person_id)

    def save_calibration(self, uid: str, observer: str, scenario: Scenario, chosen: list[str]) -> PracticeResult:
        """A coding practice round done by ``observer`` (a roster id, or TRAINER) to calibrate
        before this session, recorded against their name in the session."""
        session = self.get(uid)
        names = {p["id"]: p["name"] for p in session["participants"]}
        if observer != TRAINER and observer not in names:
            raise SessionError("that observer is not on this session's roster")
        name = names.get(observer, "Trainer")
        practice = CodingPracticeService(self._store, self.profile_id)
        _record, result = practice.save(scenario, chosen, session=uid, observer=observer, observer_name=name)
        return result

    def calibration(self, uid: str, observer: str) -> dict | None:
        """The observer's latest calibration in this session, as it travels in bundles."""
        return calibration_summary(
            CodingPracticeService(self._store, self.profile_id).latest_calibration(uid, observer)
        )

    def calibrations(self, session: dict) -> dict[str, dict]:
        """{observer id: their latest calibration in this session} for everyone calibrated."""
        practice = CodingPracticeService(self._store, self.profile_id)
        out: dict[str, dict] = {}
        for pid in [p["id"] for p in session["participants"]] + [TRAINER]:
            summary = calibration_summary(practice.latest_calibration(session["uid"], pid))
            if summary is not None:
                out[pid] = summary
        return out

    def local_profiles(self) -> list[tuple[str, str]]:
        """(name, role) of the learners who have a profile on this computer, by name."""
        return [(p.name, p.role) for p in ProfileService(self._store).list()]

    def find_observation(self, uid: str, round_index: int, observer: str, learner: str) -> dict | None:
        return self._store.find_one(
            OBSERVATION, profile=self.profile_id, session=uid, round=round_index, observer=observer, learner=learner
        )

    def find_form(self, uid: str, form_uid: str) -> dict | None:
        """The observation imported from the observer's file with that uid, if any."""
        return self._store.find_one(OBSERVATION, profile=self.profile_id, session=uid, form_uid=form_uid)

    def set_debrief(self, uid: str, text: str) -> dict:
        self.get(uid)
        return self._store.update_existing(SESSION, uid, {"debrief": text})
