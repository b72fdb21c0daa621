"""The ratings Home shows, made (and the ratings code loaded) only once something is rated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.competencies.kinds import OBSERVATION, SELF_ASSESSMENT
from trainer.ui.common.lazy import Lazy

if TYPE_CHECKING:
    from trainer.content import Content
    from trainer.records.store import RecordStore
    from trainer.services.ratings import RatingsService


class LazyRatings(Lazy["RatingsService"]):
    """Stands for the ratings service on Home: nothing rated yet, nothing loaded."""

    def __init__(self, store: RecordStore, content: Content, profile_id: str):
        super().__init__(lambda: _ratings_service(store, content, profile_id))
        self._store, self._profile_id = store, profile_id

    def summaries(self, course, done_ids):
        if not any(self._store.all(kind, profile=self._profile_id) for kind in (SELF_ASSESSMENT, OBSERVATION)):
            return []  # nothing rated yet: no suggestion, and the dashboard code stays unloaded
        return self.get().summaries(course, done_ids)

    def suggestions(self, summaries, done_ids, scenarios, limit: int = 1):
        return self.get().suggestions(summaries, done_ids, scenarios, limit=limit)


def _ratings_service(store: RecordStore, content: Content, profile_id: str) -> RatingsService:
    from trainer.services.ratings import RatingsService

    assert content.framework is not None  # Home asks for ratings only when the course has a framework
    return RatingsService(store, content.framework, profile_id)
