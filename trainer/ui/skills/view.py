"""The Skills section: dashboard, self-assessment, observer checklist, comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from trainer.ui.common.tab_titles import fit_tab_titles
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.dashboard import DashboardView

if TYPE_CHECKING:
    from trainer.ui.skills.compare_view import CompareView, SelfObserverView
    from trainer.ui.skills.observer_view import ObserverView
    from trainer.ui.skills.self_view import SelfAssessmentView

PAGES = ("dashboard", "self", "observer", "compare", "side_by_side")


TITLES = {
    "dashboard": "Dashboard",
    "self": "Self-assessment",
    "observer": "Observer checklist",
    "compare": "Compare over time",
    "side_by_side": "You and your observer",
}
SHORT_TITLES = {  # when the full titles would not fit the window (a small one, a large zoom)
    "dashboard": "Dashboard",
    "self": "Self",
    "observer": "Observer",
    "compare": "Over time",
    "side_by_side": "You and observer",
}


class SkillsView(QWidget):
    """The dashboard is built at once; the four pages behind tabs when first shown or asked
    for (each reads every rating record: building all five made the first open stall)."""

    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.dashboard = DashboardView(controller)
        self._built: dict[str, QWidget] = {"dashboard": self.dashboard}
        self.pages = QTabWidget()
        self.pages.setAccessibleName("Skills pages")
        for key in PAGES:
            self.pages.addTab(self.dashboard if key == "dashboard" else QWidget(), TITLES[key])
        self.titles = fit_tab_titles(self.pages, [(TITLES[key], SHORT_TITLES[key]) for key in PAGES])
        self.pages.currentChanged.connect(lambda index: self._page(PAGES[index]) if index >= 0 else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.dashboard.empty.action_requested.connect(lambda: self.show_page("self"))
        for signal in (controller.self_assessment_saved, controller.observation_saved, controller.record_deleted):
            signal.connect(self.on_controller_records_changed)

    def _page(self, key: str) -> QWidget:
        """The page of ``key``, built (in its tab's place) the first time."""
        page = self._built.get(key)
        if page is None:
            from trainer.ui.skills.compare_view import CompareView, SelfObserverView  # lazy: until wanted
            from trainer.ui.skills.observer_view import ObserverView  # lazy: with its page
            from trainer.ui.skills.self_view import SelfAssessmentView  # lazy: with its page

            make: Any = {
                "self": SelfAssessmentView,
                "observer": ObserverView,
                "compare": CompareView,
                "side_by_side": SelfObserverView,
            }[key]
            page = make(self.controller)
            self._built[key] = page
            index, current = PAGES.index(key), self.pages.currentIndex()
            self.pages.blockSignals(True)
            placeholder = self.pages.widget(index)
            self.pages.removeTab(index)
            self.pages.insertTab(index, page, TITLES[key])
            self.pages.setCurrentIndex(current)
            self.pages.blockSignals(False)
            self.titles.fit()
            if placeholder is not None:
                placeholder.deleteLater()
        return page

    @property
    def self_view(self) -> SelfAssessmentView:
        return cast("SelfAssessmentView", self._page("self"))

    @property
    def observer_view(self) -> ObserverView:
        return cast("ObserverView", self._page("observer"))

    @property
    def compare_view(self) -> CompareView:
        return cast("CompareView", self._page("compare"))

    @property
    def side_view(self) -> SelfObserverView:
        return cast("SelfObserverView", self._page("side_by_side"))

    def show_page(self, key: str) -> None:
        self._page(key)
        self.pages.setCurrentIndex(PAGES.index(key))

    def start_observation(
        self, learner: str = "", observer: str = "", session_id: str | None = None, round_id: str | None = None
    ) -> bool:
        """Open a new observer checklist filled in for a practice round (for team sessions).

        Returns False when the person chose to keep an unsaved observation instead.
        """
        view = self.observer_view
        if not view.bar.may_discard():
            return False
        view.new()
        for edit, value in (
            (view.learner_edit, learner),
            (view.observer_edit, observer),
            (view.session_edit, session_id),
            (view.round_edit, round_id),
        ):
            if value:
                edit.setText(str(value))
        view.steps.setCurrentIndex(0)
        self.show_page("observer")
        return True

    def reload_all(self) -> None:
        """Re-read every record (after records were written outside this section)."""
        self.dashboard.refresh()
        for key in ("self", "observer"):
            if key in self._built:
                cast(Any, self._built[key]).new()
        self.on_controller_records_changed()

    def on_window_zoom_changed(self, _percent: int) -> None:
        self.dashboard.apply_chart_fonts()

    def on_window_theme_changed(self, _theme: str) -> None:
        self.dashboard.apply_chart_palette()
        self.dashboard.refresh()

    def on_records_changed(self) -> None:
        self.on_controller_records_changed()
        self.dashboard.refresh()

    def on_controller_records_changed(self, *_args) -> None:
        for key in ("compare", "side_by_side"):  # a page not built yet reads the records when it is
            if key in self._built:
                cast(Any, self._built[key]).reload()
