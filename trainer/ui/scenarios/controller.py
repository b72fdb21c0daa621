"""Qt-facing controller for the Scenarios section.

Wraps ScenarioPracticeService: widgets call a method here and hear one
past-tense signal when something was saved. Never imported below ``ui``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from trainer.competencies.model import Framework
from trainer.scenarios.coding_practice import PracticeResult
from trainer.scenarios.model import Scenario
from trainer.scenarios.scoring import SpotScore
from trainer.services.coding_practice import CodingPracticeService
from trainer.services.scenario_practice import AttemptCode, ScenarioPracticeService
from trainer.ui.common.operation import OperationRunner


class ScenarioController(QObject):
    scenario_opened = Signal(str)
    attempt_saved = Signal(str, str)  # scenario id, moment id
    moment_revealed = Signal(str, str)
    moment_hidden = Signal(str, str)
    spot_scored = Signal(str, str, object)  # scenario id, moment id, SpotScore
    save_failed = Signal(str)

    def __init__(
        self,
        scenarios: list[Scenario],
        framework: Framework | None,
        service: ScenarioPracticeService,
        parent: QObject | None = None,
        coding: CodingPracticeService | None = None,
    ):
        super().__init__(parent)
        self._ops = OperationRunner("Your practice", self.save_failed.emit, plain_errors=(ValueError,))
        self.scenarios = list(scenarios)
        self.framework = framework
        self._service = service
        self._coding = coding
        self.current_id: str | None = None

    # -- queries -------------------------------------------------------------------
    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    @property
    def current(self) -> Scenario | None:
        return self.scenario(self.current_id) if self.current_id else None

    def skill_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.framework.skills} if self.framework else {}

    def skill_order(self) -> list[str]:
        return [s.id for s in self.framework.skills] if self.framework else []

    def skill_description(self, skill_id: str) -> str:
        skill = self.framework.skill(skill_id) if self.framework else None
        return skill.done_well if skill else ""

    def attempts(self, scenario_id: str, moment_id: str | None = None) -> list[dict]:
        return self._service.attempts(scenario_id, moment_id)

    def revealed(self, scenario_id: str) -> set[str]:
        return self._service.revealed(scenario_id)

    def spot_history(self, scenario_id: str | None = None) -> list[dict]:
        return self._service.spot_history(scenario_id)

    def spot_summary(self, scenario_id: str | None = None) -> dict:
        return self._service.spot_summary(scenario_id)

    # -- commands ------------------------------------------------------------------
    def open_scenario(self, scenario_id: str) -> None:
        if self.scenario(scenario_id) is None:
            return
        self.current_id = scenario_id
        self.scenario_opened.emit(scenario_id)

    def save_attempt(self, scenario_id: str, moment_id: str, text: str, codes: list[AttemptCode] | None = None) -> bool:
        if not self._ops.ok(lambda: self._service.save_attempt(scenario_id, moment_id, text, codes)):
            return False
        self.attempt_saved.emit(scenario_id, moment_id)
        return True

    def reveal(self, scenario_id: str, moment_id: str) -> None:
        if self._ops.ok(lambda: self._service.reveal(scenario_id, moment_id)):
            self.moment_revealed.emit(scenario_id, moment_id)

    def hide(self, scenario_id: str, moment_id: str) -> None:
        if self._ops.ok(lambda: self._service.hide(scenario_id, moment_id)):
            self.moment_hidden.emit(scenario_id, moment_id)

    def save_coding(self, scenario: Scenario, chosen: list[str]) -> PracticeResult | None:
        """Keep a coding practice round; its figures, or None when it could not be saved."""
        coding = self._coding
        if coding is None:
            return None
        saved = self._ops.run(lambda: coding.save(scenario, chosen))
        return saved[1] if saved else None

    def check_spot(self, scenario_id: str, moment_id: str, chosen: dict[int, list[str]]) -> SpotScore | None:
        scenario = self.scenario(scenario_id)
        if scenario is None:
            return None
        saved = self._ops.run(lambda: self._service.save_spot(scenario, moment_id, chosen))
        if saved is None:
            return None
        _record, score = saved
        self.spot_scored.emit(scenario_id, moment_id, score)
        return score
