"""Practice on a scenario: predict-then-reveal attempts and spot-the-skill scores.

Qt-free. Every record carries ``profile``; attempts are never overwritten,
so a learner can look back at what they wrote before.
"""

from __future__ import annotations

from typing import TypedDict

from trainer.competencies.coding import BY_ID
from trainer.competencies.utterance_coder import OTHER
from trainer.records.store import RecordStore
from trainer.scenarios.align import expected_tags
from trainer.scenarios.model import Scenario
from trainer.scenarios.scoring import SpotScore, score_spot

ATTEMPT = "scenario_attempt"
REVEAL = "scenario_reveal"
SPOT = "scenario_spot"


class AttemptCode(TypedDict):
    sentence: str
    code: str  # a counter code id, or "other"
    corrected: bool  # the learner changed the coder's code


class ScenarioPracticeService:
    def __init__(self, store: RecordStore, profile_id: str = "default", skill_order: list[str] | None = None):
        self._store = store
        self.profile_id = profile_id
        self.skill_order = list(skill_order or [])

    # -- predict, then reveal ------------------------------------------------------------
    def save_attempt(self, scenario_id: str, moment_id: str, text: str, codes: list[AttemptCode] | None = None) -> dict:
        """Keep the learner's words; ``codes``: each sentence's code as the learner left it
        (the coder's, or their correction), stored with the words."""
        text = text.strip()
        if not text:
            raise ValueError("write what you would say before saving")
        record: dict = {"profile": self.profile_id, "scenario": scenario_id, "moment": moment_id, "text": text}
        if codes:
            for entry in codes:
                if entry["code"] not in BY_ID and entry["code"] != OTHER:
                    raise ValueError(f"unknown behaviour code '{entry['code']}'")
            record["codes"] = [dict(entry) for entry in codes]
        return self._store.add(ATTEMPT, record)

    def attempts(self, scenario_id: str, moment_id: str | None = None) -> list[dict]:
        where = {"profile": self.profile_id, "scenario": scenario_id}
        if moment_id is not None:
            where["moment"] = moment_id
        return self._store.all(ATTEMPT, **where)

    def reveal(self, scenario_id: str, moment_id: str) -> None:
        self._store.upsert(
            REVEAL,
            {"revealed": True, "revealed_at": self._store.now()},
            profile=self.profile_id,
            scenario=scenario_id,
            moment=moment_id,
        )

    def hide(self, scenario_id: str, moment_id: str) -> None:
        self._store.upsert(REVEAL, {"revealed": False}, profile=self.profile_id, scenario=scenario_id, moment=moment_id)

    def revealed(self, scenario_id: str) -> set[str]:
        return {
            r["moment"]
            for r in self._store.all(REVEAL, profile=self.profile_id, scenario=scenario_id)
            if r.get("revealed")
        }

    # -- spot the skill -----------------------------------------------------------------
    def score(self, scenario: Scenario, moment_id: str, chosen: dict[int, list[str]]) -> SpotScore:
        moment = scenario.moment(moment_id)
        if moment is None:
            raise KeyError(f"no moment '{moment_id}' in scenario '{scenario.id}'")
        return score_spot(expected_tags(scenario, moment), chosen, self.skill_order)

    def save_spot(self, scenario: Scenario, moment_id: str, chosen: dict[int, list[str]]) -> tuple[dict, SpotScore]:
        result = self.score(scenario, moment_id, chosen)
        record = self._store.add(
            SPOT,
            {
                "profile": self.profile_id,
                "scenario": scenario.id,
                "moment": moment_id,
                "chosen": [{"turn": i, "tags": sorted(tags)} for i, tags in sorted(chosen.items()) if tags],
                **result.as_dict(),
            },
        )
        return record, result

    def spot_history(self, scenario_id: str | None = None) -> list[dict]:
        where = {"profile": self.profile_id}
        if scenario_id is not None:
            where["scenario"] = scenario_id
        return self._store.all(SPOT, **where)

    def spot_summary(self, scenario_id: str | None = None) -> dict:
        """Totals over every round so far: rounds, hits, misses, extras, agreement."""
        rows = self.spot_history(scenario_id)
        hits = sum(r.get("hits", 0) for r in rows)
        misses = sum(r.get("misses", 0) for r in rows)
        extras = sum(r.get("extras", 0) for r in rows)
        total = hits + misses + extras
        return {
            "rounds": len(rows),
            "hits": hits,
            "misses": misses,
            "extras": extras,
            "agreement": (hits / total) if total else None,
        }
