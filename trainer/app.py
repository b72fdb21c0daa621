"""Build everything and run: the one place that knows all the parts."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from trainer import __version__
from trainer.content_cache import load_content_cached
from trainer.paths import default_data_dir
from trainer.records.store import RecordStore, open_store
from trainer.services.goals import GoalService
from trainer.services.journal import JournalService
from trainer.services.progress import ProgressService
from trainer.services.ratings import RatingsService
from trainer.ui.appearance import apply_theme
from trainer.ui.controller import CourseController
from trainer.ui.export_menu import install_export
from trainer.ui.help_dialog import about_html
from trainer.ui.journal_controller import JournalController, link_choices, link_describer
from trainer.ui.journal_view import JournalView
from trainer.ui.main_window import MainWindow
from trainer.ui.scenario_view import build_scenario_section
from trainer.ui.skills_controller import SkillsController
from trainer.ui.wiring import connect_signals

SETTINGS_FILE = "ui-settings.ini"
DEFAULT_PROFILE = "default"


@dataclass
class AppParts:
    store: RecordStore
    controller: CourseController
    window: MainWindow
    settings: QSettings
    profile_id: str = DEFAULT_PROFILE
    journal: JournalController | None = None


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("Practitioner Trainer")
        app.setOrganizationName("Practitioner Trainer")
        app.setApplicationVersion(__version__)
    return app


def build(content_dir: Path, data_dir: Path, store: RecordStore | None = None,
          profile_id: str = DEFAULT_PROFILE) -> AppParts:
    """Load the course, open the store and make the main window (not shown)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    content = load_content_cached(content_dir, data_dir)
    store = store if store is not None else open_store(data_dir)
    settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    apply_theme(ensure_app(), str(settings.value("appearance/theme", "system")))
    controller = CourseController(content, ProgressService(store, profile_id))
    window = MainWindow(controller, settings)
    window.add_help_menu(about_html(content.course.title, Path(content_dir).resolve(), data_dir.resolve(),
                                    content.course.licence))
    journal = JournalController(JournalService(store, profile_id, content.templates),
                                GoalService(store, profile_id), link_describer(content), window,
                                link_options=link_choices(content))
    window.add_section("journal", "&Journal", JournalView(journal, settings))
    scenarios = build_scenario_section(content, store, profile_id, settings, window)
    window.add_section("scenarios", "&Scenarios", scenarios)
    scenarios.status_message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    if content.framework is not None:
        skills = SkillsController(RatingsService(store, content.framework, profile_id), content,
                                  controller.done_ids)
        window.add_section("skills", "S&kills", lambda: _skills_view(skills))
    install_export(window, store, content, profile_id, settings)
    parts = AppParts(store, controller, window, settings, profile_id, journal=journal)
    connect_signals(window, parts)
    return parts


def _skills_view(skills):
    # Imported here: the dashboard's charts (pyqtgraph, numpy) are only loaded
    # when the Skills section is first shown, not at start-up.
    from trainer.ui.skills_view import SkillsView

    return SkillsView(skills)


def run(content_dir: Path, data_dir: Path | None = None, smoke: bool = False) -> int:
    app = ensure_app()
    parts = build(content_dir, data_dir or default_data_dir())
    window = parts.window
    window.start()
    window.show()
    if smoke:
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    parts.store.close()
    return code
