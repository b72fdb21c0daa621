"""Build everything and run: the one place that knows all the parts."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from trainer.services.ratings import RatingsService  # noqa: F401 (named in a string: loaded lazily)

# The Qt-free parts come first. Once PySide6 is imported, its import hook
# reads the source of every module imported after it (to look for
# ``from __feature__``), which costs start-up time for nothing. The app's own
# modules are spared that by ui/common/pyside_hook.py; the other packages they
# use (tinydb, json, pickle...) are not, so every Qt-free module that start-up
# uses is imported here, before PySide6, even those only the features'
# install() functions name (they import lazily).
# The import sorter must keep this order: see the "isort: split" below, and
# tests/architecture/test_imports_at_top.py, which checks it.
from trainer import __version__
from trainer.content_cache import cache_folder, load_content_cached
from trainer.domain import colours as _colours  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.modules.page_cache import PageCache
from trainer.paths import default_data_dir
from trainer.records import migrations as _migrations  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.records import quarantine as _quarantine  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.records import record_check as _record_check  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.records.errors import StoreError, StoreLockedError
from trainer.records.store import RecordStore, open_store
from trainer.services import bookmarks as _bookmarks  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.services import goals as _goals  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.services import home as _home  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.services import journal as _journal  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.services import review_due as _review_due  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.services.checks import CheckService
from trainer.services.profiles import ProfileError, ProfileService
from trainer.services.progress import ProgressService
from trainer.ui import consultations, course, cpd, export, home, journal, review, scenarios, search, session, skills
from trainer.ui import settings as settings_feature
from trainer.ui.common import application as _application  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.ui.common import menus as _menus  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.ui.common import operation as _operation  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.ui.common.pyside_hook import skip_source_scan_for_app_modules
from trainer.ui.home import ratings as _home_ratings  # noqa: F401 (Qt-free: loaded before PySide6)
from trainer.ui.shell.parts import AppParts

# isort: split
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

skip_source_scan_for_app_modules()  # before the app's Qt modules load (see pyside_hook)

# isort: split
from trainer.ui.common.appearance import FUSION_ARGS, apply_theme, fusion_given
from trainer.ui.common.focus_ring import install_focus_ring, release_focus_ring
from trainer.ui.common.zoom import DEFAULT_ZOOM, apply_zoom
from trainer.ui.course.controller import CourseController
from trainer.ui.shell.main_window import MainWindow
from trainer.ui.shell.navigation import links as navigation_links
from trainer.ui.shell.wiring import connect_signals

SETTINGS_FILE = "ui-settings.ini"


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = cast(QApplication | None, QApplication.instance())
    if app is None:
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), *FUSION_ARGS])
        fusion_given(app)
        app.setApplicationName("Practitioner Trainer")
        app.setOrganizationName("Practitioner Trainer")
        app.setApplicationVersion(__version__)
    return app


FEATURES = (
    journal.install,
    scenarios.install,
    consultations.install,
    skills.install,
    cpd.install,
    export.install,
    session.install,
    home.install,
    course.install,
    review.install,
    search.install,
    settings_feature.install,
)


def launch(content_dir: Path, data_dir: Path) -> tuple[QApplication, AppParts]:
    """The application and the app built on these folders (for ``trainer screenshots``)."""
    app = ensure_app()
    return app, build(content_dir, data_dir)


def build(
    content_dir: Path, data_dir: Path, store: RecordStore | None = None, profile_id: str | None = None
) -> AppParts:
    """Load the course, open the store and make the main window (not shown).

    Without ``profile_id`` the last-used profile (or a default one) is used,
    never a dialog: tests and screenshots build this way.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    cache_dir = cache_folder(content_dir)  # per user, never in the data folder (see SECURITY.md)
    content = load_content_cached(content_dir, cache_dir)
    store = store if store is not None else open_store(data_dir)
    if profile_id is None:
        profile_id = ProfileService(store).default_profile().id
    settings = QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    apply_theme(ensure_app(), str(settings.value("appearance/theme", "system")))
    apply_zoom(ensure_app(), int(str(settings.value("appearance/zoom", DEFAULT_ZOOM))))
    install_focus_ring(ensure_app())
    progress = ProgressService(store, profile_id)
    controller = CourseController(content, progress, CheckService(store, content.course, progress))
    # Pages kept beside the course cache: a module opens without rendering it again.
    pages = PageCache(cache_dir, content.cache_key).render if content.cache_key else None
    window = MainWindow(controller, settings, render_page=pages)
    window.add_help_menu(
        lambda: _about_html(
            content.course.title, Path(content_dir).resolve(), data_dir.resolve(), content.course.licence
        )
    )
    parts = AppParts(store, controller, window, settings, content, profile_id, data_dir=data_dir)
    parts.links = navigation_links(window, parts)
    # Each feature adds its own sections, menus and actions. Every section but Home is
    # built when first shown (MainWindow.add_section): start-up pays for what is seen.
    # The order is the order of the tabs and of the File menu's groups.
    for install in FEATURES:
        install(parts)
    _title_for_profile(window, store, profile_id)
    if store.read_only:  # the person chose read-only: say so quietly, not a box per save
        controller.save_failed.disconnect(window.on_controller_save_failed)
        controller.save_failed.connect(
            lambda _message: window.statusBar().showMessage(
                "Read-only: another copy of the app is using these records, so nothing here is saved."
            )
        )
    connect_signals(window, parts)
    return parts


def _about_html(*args) -> str:
    from trainer.ui.shell.help_dialog import about_html

    return about_html(*args)


def _title_for_profile(window: MainWindow, store: RecordStore, profile_id: str) -> None:
    profile = ProfileService(store).get(profile_id)
    extra = [profile.name] if profile else []
    if store.read_only:
        extra.append("read-only")
    if extra:
        window.setWindowTitle(f"{window.windowTitle()} ({', '.join(extra)})")


def open_records(data_dir: Path, interactive: bool) -> RecordStore | None:
    """Open the store with the folder lock; ask before falling back to read-only."""
    try:
        try:
            return open_store(data_dir, lock=True)
        except StoreLockedError as exc:
            from trainer.ui.common.store_prompts import StorePrompts

            if interactive and not StorePrompts.ask_read_only(None, str(exc)):
                return None
            print(f"trainer: {exc} Opening read-only.", file=sys.stderr)
            return open_store(data_dir, read_only=True)
    except StoreError as exc:
        if interactive:
            from trainer.ui.common.store_prompts import StorePrompts

            StorePrompts.show_error(None, "Your records could not be opened", str(exc))
        print(f"trainer: error: {exc}", file=sys.stderr)
        return None


def choose_profile(
    store: RecordStore, requested: str | None, interactive: bool, preferred: str | None = None
) -> str | None:
    """The profile to open: --profile, the one chosen in Settings, the lone known one, the
    chooser, or (no asking) the last."""
    service = ProfileService(store)
    chosen: str | None
    if requested:
        chosen = service.select_or_create(requested).id
    elif preferred and service.get(preferred) is not None:
        chosen = preferred
    elif not interactive or (store.read_only and not service.list()):
        chosen = service.default_profile().id  # no asking; nothing to choose from read-only
    else:
        from trainer.ui.settings.profiles import ProfilesDialog

        chosen = service.startup_choice() or ProfilesDialog.ask(None, service, read_only=store.read_only)
    if chosen is not None and service.get(chosen) is not None:
        service.mark_used(chosen)
    return chosen


class Session:
    """The running app: one store, one window at a time, switchable between profiles."""

    tour: QDialog | None = None  # the first run's tour, while it is open

    def __init__(self, content_dir: Path, data_dir: Path, store: RecordStore, profile_id: str):
        self.content_dir, self.data_dir, self.store = content_dir, data_dir, store
        self.parts = self._open(profile_id)

    def _open(self, profile_id: str) -> AppParts:
        parts = build(self.content_dir, self.data_dir, store=self.store, profile_id=profile_id)
        switch = QAction("S&witch profile\u2026", parts.window)
        switch.triggered.connect(self.on_switch_triggered)
        manage = QAction("&Manage profiles\u2026", parts.window)
        manage.triggered.connect(self.on_manage_triggered)
        parts.window.add_file_actions(switch, manage)
        if parts.window.restore_controller is not None:  # a restore gave this person their old uid
            parts.window.restore_controller.profile_moved.connect(self.on_profile_moved)
        parts.window.start()
        return parts

    def on_switch_triggered(self) -> None:
        from trainer.ui.settings.profiles import ProfilesDialog

        service = ProfileService(self.store)
        chosen = ProfilesDialog.ask(
            self.parts.window, service, current_id=self.parts.profile_id, read_only=self.store.read_only
        )
        if chosen is None or chosen == self.parts.profile_id:
            return
        self.switch_to(chosen)

    def on_manage_triggered(self) -> None:
        from trainer.ui.settings.profiles import ProfilesDialog

        ProfilesDialog.ask(
            self.parts.window,
            ProfileService(self.store),
            manage=True,
            current_id=self.parts.profile_id,
            read_only=self.store.read_only,
        )
        _title_for_profile_refresh(self.parts)

    def on_profile_moved(self, profile_id: str) -> None:
        """Reopen as the restored person, and say so in the new window."""
        box = self.parts.window.restore_message
        said = box.text() if box is not None else "Backup restored."
        self.switch_to(profile_id)
        self.parts.window.statusBar().showMessage(f"{said} Your profile is now the one from the backup.", 15000)

    def switch_to(self, profile_id: str) -> None:
        gc.unfreeze()  # the old window becomes garbage the collector may need to free
        old = self.parts
        ProfileService(self.store).mark_used(profile_id)
        self.parts = self._open(profile_id)
        self.parts.window.show()
        old.window.close()  # saves where the previous learner was
        old.window.deleteLater()


def _title_for_profile_refresh(parts: AppParts) -> None:
    parts.window.setWindowTitle(f"{parts.controller.course.title} \u2014 Practitioner Trainer")
    _title_for_profile(parts.window, parts.store, parts.profile_id)


def start(content_dir: Path, data_dir: Path, interactive: bool = True, profile: str | None = None) -> Session | int:
    """Open the records, tell the person about repairs, pick the learner, show the window.

    Returns the running Session, or an exit status when there is nothing to run.
    """
    store = open_records(data_dir, interactive)
    if store is None:
        return 1
    try:
        if store.notices:
            for notice in store.notices:
                print(f"trainer: {notice}", file=sys.stderr)
            if interactive:
                from trainer.ui.common.store_prompts import StorePrompts

                StorePrompts.show_notices(None, store.notices)
        ui_settings = QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat)
        welcome = None
        if interactive and not profile:  # a fresh data folder: the welcome, not the chooser
            from trainer.ui.settings.welcome import ask_welcome

            welcome = ask_welcome(store, lambda theme: ui_settings.setValue("appearance/theme", theme))
            ui_settings.sync()
        try:
            preferred = ui_settings.value("profiles/default", "")
            profile_id = choose_profile(store, profile, interactive, str(preferred or "") or None)
        except ProfileError as exc:
            print(f"trainer: error: {exc}", file=sys.stderr)
            store.close()
            return 2
        if profile_id is None:
            store.close()
            return 0  # the person closed the profile chooser
        session = Session(content_dir, data_dir, store, profile_id)
    except BaseException:
        store.close()
        raise
    session.parts.window.show()
    if welcome is not None:
        from trainer.ui.shell.tour import after_welcome

        session.tour = after_welcome(session.parts, welcome)
    return session


def run(content_dir: Path, data_dir: Path | None = None, smoke: bool = False, profile: str | None = None) -> int:
    app = ensure_app()
    try:
        session = start(content_dir, Path(data_dir or default_data_dir()), not smoke, profile)
    finally:
        # What start-up made (modules, classes, the window) lives as long as the app:
        # freeze it so the collector never walks it again, during use or at exit.
        gc.freeze()
        gc.enable()
    if isinstance(session, int):
        return session
    try:
        if smoke:
            QTimer.singleShot(0, session.parts.window.close)
            QTimer.singleShot(0, app.quit)
        return app.exec()
    finally:
        release_focus_ring(app)
        # Everything on disk now: start-up's objects are frozen (never collected), so
        # nothing may wait for a destructor to be written.
        session.parts.settings.sync()
        session.store.close()
