"""The Skills section: dashboard, self-assessment, observer checklist, comparisons."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from trainer.ui.skills.compare_view import CompareView, SelfObserverView
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.dashboard import DashboardView
from trainer.ui.skills.observer_view import ObserverView
from trainer.ui.skills.self_view import SelfAssessmentView

PAGES = ("dashboard", "self", "observer", "compare", "side_by_side")


class SkillsView(QWidget):
    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.dashboard = DashboardView(controller)
        self.self_view = SelfAssessmentView(controller)
        self.observer_view = ObserverView(controller)
        self.compare_view = CompareView(controller)
        self.side_view = SelfObserverView(controller)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("Skills pages")
        for widget, title in (
            (self.dashboard, "Dashboard"),
            (self.self_view, "Self-assessment"),
            (self.observer_view, "Observer checklist"),
            (self.compare_view, "Compare over time"),
            (self.side_view, "You and your observer"),
        ):
            self.pages.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.dashboard.empty.action_requested.connect(lambda: self.show_page("self"))
        for signal in (controller.self_assessment_saved, controller.observation_saved, controller.record_deleted):
            signal.connect(self.on_controller_records_changed)

    def show_page(self, key: str) -> None:
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
        self.self_view.new()
        self.observer_view.new()
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
        self.compare_view.reload()
        self.side_view.reload()
