"""Build everything and run: the one place that knows all the parts."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from trainer import __version__
from trainer.content import load_content
from trainer.paths import default_data_dir
from trainer.records.store import RecordStore, open_store
from trainer.services.progress import ProgressService
from trainer.ui.controller import CourseController
from trainer.ui.main_window import MainWindow
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
    session_view: object = None  # trainer.ui.session_view.SessionView (team sessions)


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
    content = load_content(content_dir)
    store = store if store is not None else open_store(data_dir)
    settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    controller = CourseController(content, ProgressService(store, profile_id))
    window = MainWindow(controller, settings)
    parts = AppParts(store, controller, window, settings, profile_id)
    parts.session_view = _add_team_session(window, content, store, settings, profile_id)
    connect_signals(window, parts)
    return parts


def _add_team_session(window: MainWindow, content, store: RecordStore, settings: QSettings, profile_id: str):
    from trainer.services.team_session import TeamSessionService
    from trainer.ui.session_controller import TeamSessionController
    from trainer.ui.session_export import install_bundle_import
    from trainer.ui.session_view import SessionView

    skill_names = {s.id: s.name for s in content.framework.skills} if content.framework else {}
    controller = TeamSessionController(TeamSessionService(store, profile_id), content.plans,
                                       skill_names=skill_names, parent=window)
    view = SessionView(controller, settings, framework=content.framework)
    window.add_section("session", "&Team session", view)
    view.status_message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    install_bundle_import(window, store, profile_id)
    view.start()
    return view


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
