"""Qt-facing controller for team sessions: service calls, run state and the timer.

Widgets call methods here; the controller writes through
``TeamSessionService`` and announces what changed with past-tense signals.
It also holds what is not stored: the phase timer (a pure ``PhaseTimer``
with an injected clock, polled by a QTimer).

Extension point for observer forms: ``request_observation`` emits
``observation_requested(session_uid, round_index, observer_id, learner_id)``;
whatever form answers it saves with ``save_observation``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from trainer.scenarios.coding_practice import PracticeResult
from trainer.scenarios.model import Scenario
from trainer.services.team_session import SessionError, TeamSessionService
from trainer.sessions.grouping import roles_for
from trainer.sessions.plan_model import Phase, SessionPlan
from trainer.sessions.timer import PhaseTimer, format_remaining
from trainer.ui.common.operation import OperationRunner

if TYPE_CHECKING:
    from trainer.services.observation_import import ImportSummary

TICK_MS = 200


class TeamSessionController(QObject):
    session_opened = Signal(str)  # uid ("" when none)
    session_changed = Signal(str)  # details, roster or attendance
    groups_made = Signal(str)  # groups made, reshuffled or swapped
    phase_changed = Signal(int)
    timer_ticked = Signal()
    timer_finished = Signal()
    observation_requested = Signal(str, int, str, str)
    observation_saved = Signal(str)
    debrief_saved = Signal(str)
    failed = Signal(str)
    noticed = Signal(str)  # something worth telling the trainer that is not a failure
    calibration_saved = Signal(str)  # observer id

    def __init__(
        self,
        service: TeamSessionService,
        plans: list[SessionPlan],
        clock: Callable[[], float] = time.monotonic,
        skill_names: dict[str, str] | None = None,
        parent: QObject | None = None,
        scenarios: list[Scenario] | None = None,
    ):
        super().__init__(parent)
        self._ops = OperationRunner("The session", self.failed.emit, plain_errors=(SessionError,))
        self.service = service
        self.plans = {p.id: p for p in plans}
        self.skill_names = skill_names or {}
        self.scenarios = list(scenarios or [])  # those with expert codes serve to calibrate observers
        self._clock = clock
        self.uid: str | None = None
        self.phase_index = 0
        self.timer = PhaseTimer(0, clock)
        self._finished_told = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)

    # -- queries -------------------------------------------------------------------
    @property
    def session(self) -> dict | None:
        if self.uid is None:
            return None
        try:
            return self.service.get(self.uid)
        except SessionError:
            return None

    @property
    def plan(self) -> SessionPlan | None:
        session = self.session
        return self.plans.get(session["plan_id"]) if session else None

    @property
    def phase(self) -> Phase | None:
        plan = self.plan
        if plan is None or not plan.phases:
            return None
        return plan.phases[min(self.phase_index, len(plan.phases) - 1)]

    def names(self) -> dict[str, str]:
        session = self.session
        return {p["id"]: p["name"] for p in session["participants"]} if session else {}

    def round_index_for_phase(self, phase_index: int | None = None) -> int | None:
        session = self.session
        if session is None:
            return None
        return self.service.round_for_phase(session, self.phase_index if phase_index is None else phase_index)

    def round_roles(self, round_index: int) -> list[list[tuple[str, str]]]:
        """[[(person id, role), ...] per group] for a round."""
        session = self.session
        if session is None or not 0 <= round_index < len(session["rounds"]):
            return []
        rnd = session["rounds"][round_index]
        out = []
        for group in rnd["groups"]:
            roles = roles_for(group, rnd["turn"])
            out.append([(pid, roles.get(pid, "")) for pid in group])
        return out

    def remaining_text(self) -> str:
        return format_remaining(self.timer.remaining())

    def skill_name(self, skill_id: str) -> str:
        return self.skill_names.get(skill_id, skill_id)

    # -- sessions ------------------------------------------------------------------
    def new_session(self, plan_id: str, title: str = "", date: str = "", team: str = "") -> str | None:
        plan = self.plans.get(plan_id)
        if plan is None:
            self.failed.emit("Choose a session plan first.")
            return None
        previous = self.service.last_of_team(team)
        people = (
            [{k: p.get(k, "") for k in ("name", "role", "team")} for p in previous["participants"]] if previous else []
        )
        rec = self._ops.run(lambda: self.service.create(plan, title, date, team, participants=people))
        if rec is not None:
            self.open_session(rec["uid"])
            if people:
                assert previous is not None  # the people come from it
                self.noticed.emit(
                    f"Copied {len(people)} people from the {previous['date']} session of this team; "
                    "untick anyone who is not here."
                )
            return rec["uid"]
        return None

    def open_session(self, uid: str | None) -> None:
        self.uid = uid or None
        session = self.session
        self.phase_index = int(session.get("phase_index", 0)) if session else 0
        self._reset_timer()
        self.session_opened.emit(self.uid or "")
        self.phase_changed.emit(self.phase_index)

    def delete_session(self) -> None:
        uid = self.uid
        if uid and self._ops.ok(lambda: self.service.delete(uid)):
            remaining = self.service.sessions()
            self.open_session(remaining[0]["uid"] if remaining else None)

    def update_details(self, **changes) -> None:
        uid = self.uid
        if uid and self._ops.run(lambda: self.service.update_details(uid, **changes)) is not None:
            self.session_changed.emit(uid)

    def set_feedback_opens(self, when: str) -> None:
        """When phones in the live room show each participant their feedback."""
        uid = self.uid
        if uid and self._ops.run(lambda: self.service.set_feedback_opens(uid, when)) is not None:
            self.session_changed.emit(uid)

    def add_participant(self, name: str, role: str = "", team: str = "") -> str | None:
        uid = self.uid
        if not uid:
            self.failed.emit("Start a new session first.")
            return None
        person = self._ops.run(lambda: self.service.add_participant(uid, name, role, team))
        if person is not None:
            self.session_changed.emit(uid)
            return person["id"]
        return None

    def remove_participant(self, person_id: str) -> None:
        uid = self.uid
        if uid and self._ops.ok(lambda: self.service.remove_participant(uid, person_id)):
            self.session_changed.emit(uid)

    def set_present(self, person_id: str, present: bool) -> None:
        uid = self.uid
        if uid and self._ops.ok(lambda: self.service.set_present(uid, person_id, present)):
            self.session_changed.emit(uid)

    # -- groups --------------------------------------------------------------------
    def make_groups(self, seed: int | None = None) -> None:
        plan, uid = self.plan, self.uid
        if uid and plan and self._ops.run(lambda: self.service.make_groups(uid, plan, seed)):
            self.groups_made.emit(uid)

    def swap(self, round_index: int, a: str, b: str) -> None:
        uid = self.uid
        if uid and self._ops.run(lambda: self.service.swap(uid, round_index, a, b)):
            self.groups_made.emit(uid)

    # -- observations and debrief -----------------------------------------------------
    def request_observation(self, round_index: int, observer: str, learner: str) -> None:
        if self.uid:
            self.observation_requested.emit(self.uid, round_index, observer, learner)

    def calibration(self, observer: str) -> dict | None:
        """The observer's latest calibration in the open session (kappa, agreement, date...)."""
        uid = self.uid
        return self.service.calibration(uid, observer) if uid else None

    def save_calibration(self, observer: str, scenario: Scenario, chosen: list[str]) -> PracticeResult | None:
        uid = self.uid
        if not uid:
            return None
        result = self._ops.run(lambda: self.service.save_calibration(uid, observer, scenario, chosen))
        if result is not None:
            self.calibration_saved.emit(observer)
        return result

    def save_observation(
        self,
        round_index: int,
        observer: str,
        learner: str,
        note: str,
        counts: dict,
        items: dict | None = None,
        globals_: dict | None = None,
    ) -> str | None:
        uid = self.uid
        if not uid:
            return None
        rec = self._ops.run(
            lambda: self.service.save_observation(uid, round_index, observer, learner, note, counts, items, globals_)
        )
        if rec is not None:
            self.observation_saved.emit(rec["uid"])
            return rec["uid"]
        return None

    def import_observation_files(self, paths: list) -> ImportSummary | None:
        """Add observers' files to the open session (see trainer.services.observation_import)."""
        if not self.uid:
            self.failed.emit("Open a session first.")
            return None

        from trainer.services.observation_import import import_observation_files  # lazy: pydantic, on import

        summary = import_observation_files(self.service, self.uid, paths)
        for uid in summary.added_uids():
            self.observation_saved.emit(uid)
        return summary

    def save_debrief(self, text: str) -> None:
        uid = self.uid
        if uid and self._ops.run(lambda: self.service.set_debrief(uid, text)):
            self.debrief_saved.emit(uid)

    # -- running phases --------------------------------------------------------------
    def go_to_phase(self, index: int) -> None:
        plan, uid = self.plan, self.uid
        if plan is None:
            return
        assert uid is not None  # a plan is there only for an open session
        index = max(0, min(index, len(plan.phases) - 1))
        if index == self.phase_index and self.timer.started:
            return
        self.phase_index = index
        self._ops.run(lambda: self.service.set_phase(uid, index))
        self._reset_timer()
        self.phase_changed.emit(index)

    def next_phase(self) -> None:
        self.go_to_phase(self.phase_index + 1)

    def previous_phase(self) -> None:
        self.go_to_phase(self.phase_index - 1)

    @property
    def time_is_up(self) -> bool:
        return self.timer.started and self.timer.finished

    def toggle_timer(self) -> None:
        """Start, pause or resume; when time is up, use ``extend`` to carry on."""
        if self.phase is None or self.time_is_up:
            return
        self.timer.toggle()
        if self.timer.running:
            self._ticker.start()
        else:
            self._ticker.stop()
        self.timer_ticked.emit()

    def extend(self, seconds: int = 60) -> None:
        if self.phase is None:
            return
        was_up = self.time_is_up
        self.timer.extend(seconds)
        self._finished_told = self.timer.finished
        if was_up:
            self.timer.start()  # one more minute after the end carries straight on
        if self.timer.running and not self._ticker.isActive():
            self._ticker.start()
        self.timer_ticked.emit()

    def reset_timer(self) -> None:
        self._reset_timer()
        self.timer_ticked.emit()

    def _reset_timer(self) -> None:
        self._ticker.stop()
        phase = self.phase
        self.timer.reset(phase.minutes * 60 if phase else 0)
        self._finished_told = False

    def tick(self) -> None:
        """Poll the timer (the QTimer calls this; tests call it after moving the clock)."""
        self.timer_ticked.emit()
        if self.timer.finished and self.timer.started and not self._finished_told:
            self._finished_told = True
            self._ticker.stop()
            self.timer.pause()
            self.timer_finished.emit()
