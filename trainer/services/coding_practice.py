"""Coding practice and observer calibration: rounds kept as ``coding_practice`` records.

Qt-free. A round is kept once every turn is coded. A round done to calibrate
an observer before a team session also names the session and the observer
(their roster id and name), so the observer form and the feedback bundle
can show how far that observer's counts agree with an expert's.
"""

from __future__ import annotations

from trainer.records.store import RecordStore
from trainer.scenarios.coding_practice import PracticeResult, practice_items, score_practice
from trainer.scenarios.model import Scenario

CODING_PRACTICE = "coding_practice"


class CodingPracticeService:
    def __init__(self, store: RecordStore, profile_id: str = "default"):
        self._store = store
        self.profile_id = profile_id

    def save(
        self,
        scenario: Scenario,
        chosen: list[str],
        *,
        session: str = "",
        observer: str = "",
        observer_name: str = "",
    ) -> tuple[dict, PracticeResult]:
        items = practice_items(scenario)
        result = score_practice(items, chosen)
        record = {
            "profile": self.profile_id,
            "scenario": scenario.id,
            "scenario_title": scenario.title,
            "date": self._store.now()[:10],
            "codes": list(chosen),
            "expert": [i.expert for i in items],
            **result.as_record(),
        }
        if session:
            record.update(session=session, observer=observer, observer_name=observer_name)
        return self._store.add(CODING_PRACTICE, record), result

    def rounds(self) -> list[dict]:
        return self._store.all(CODING_PRACTICE, profile=self.profile_id)

    def latest_calibration(self, session: str, observer: str) -> dict | None:
        """The observer's latest calibration round for this session, or None."""
        found = self._store.all(CODING_PRACTICE, profile=self.profile_id, session=session, observer=observer)
        return max(found, key=lambda r: r.get("created", ""), default=None)


def calibration_summary(record: dict | None) -> dict | None:
    """What travels with an observer's counts: kappa, agreement, date, turns, scenario."""
    if record is None:
        return None
    return {
        "kappa": record.get("kappa"),
        "agreement": record.get("agreement"),
        "date": record.get("date", ""),
        "items": record.get("items", 0),
        "scenario": record.get("scenario_title") or record.get("scenario", ""),
    }
