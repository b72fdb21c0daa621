"""Build everything and run: the one place that knows all the parts."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from trainer.services.ratings import RatingsService  # noqa: F401 (named in a string: loaded lazily)

# The Qt-free parts come first. Once PySide6 is imported, its import hook
# reads the source of every module imported after it (to look for
# ``from __feature__``), which costs start-up time for nothing.
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from trainer import __version__
from trainer.competencies.kinds import OBSERVATION, SELF_ASSESSMENT
from trainer.content_cache import cache_folder, load_content_cached
from trainer.modules.page_cache import PageCache
from trainer.paths import default_data_dir
from trainer.records.errors import StoreError, StoreLockedError
from trainer.records.migrations import DEFAULT_PROFILE_NAME
from trainer.records.store import RecordStore, open_store
from trainer.services.bookmarks import BookmarkService
from trainer.services.goals import GoalService
from trainer.services.home import home_summary
from trainer.services.journal import JournalService
from trainer.services.profiles import ProfileError, ProfileService
from trainer.services.progress import ProgressService
from trainer.ui.common.appearance import FUSION_ARGS, apply_theme, fusion_given
from trainer.ui.common.focus_ring import install_focus_ring, release_focus_ring
from trainer.ui.common.menus import add_at_top
from trainer.ui.common.zoom import DEFAULT_ZOOM, apply_zoom
from trainer.ui.course.bookmarks_controller import BookmarkController
from trainer.ui.course.controller import CourseController
from trainer.ui.export.lrs_send import install_lrs
from trainer.ui.export.menu import install_export
from trainer.ui.home.view import HomeView
from trainer.ui.journal.controller import JournalController, link_choices, link_describer
from trainer.ui.session.observation_files import install_observation_file
from trainer.ui.shell.main_window import MainWindow
from trainer.ui.shell.parts import AppParts, Lazy
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
    controller = CourseController(content, ProgressService(store, profile_id))
    # Pages kept beside the course cache: a module opens without rendering it again.
    pages = PageCache(cache_dir, content.cache_key).render if content.cache_key else None
    window = MainWindow(controller, settings, render_page=pages)
    window.add_help_menu(
        lambda: _about_html(
            content.course.title, Path(content_dir).resolve(), data_dir.resolve(), content.course.licence
        )
    )
    journal = JournalController(
        JournalService(store, profile_id, lambda: content.templates),
        GoalService(store, profile_id),
        link_describer(content),
        window,
        link_options=link_choices(content),
    )
    # Every section but Home is built when first shown (see MainWindow.add_section):
    # start-up only pays for what the person sees.
    window.add_section("journal", "&Journal", lambda: _journal_view(journal, settings))
    window.add_section("scenarios", "&Scenarios", lambda: _scenario_view(content, store, profile_id, settings, window))
    if content.has_framework:
        window.add_section("skills", "S&kills", lambda: _skills_view(store, content, profile_id, controller))
    install_export(window, store, content, profile_id, settings)
    parts = AppParts(
        store,
        controller,
        window,
        settings,
        profile_id,
        journal=journal,
        data_dir=data_dir,
        search=Lazy(lambda: _search_service(content, journal)),
        bookmarks=BookmarkController(BookmarkService(store, profile_id), window),
    )
    _add_team_session(window, content, store, settings, profile_id)
    install_observation_file(window, store, content, profile_id)  # File > Observe a team session round...
    install_lrs(window, parts, content)  # File > Send to learning record store…
    window.insert_section(0, "home", "&Home", _home_view(content, store, profile_id, journal))
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


def _journal_view(journal, settings):
    from trainer.ui.journal.view import JournalView

    return JournalView(journal, settings)


def _scenario_view(content, store, profile_id, settings, window):
    from trainer.ui.scenarios.view import build_scenario_section

    view = build_scenario_section(content, store, profile_id, settings, window)
    view.status_message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    return view


def _home_view(content, store: RecordStore, profile_id: str, journal: JournalController) -> HomeView:
    progress = ProgressService(store, profile_id)
    ratings = _LazyRatings(store, content, profile_id) if content.has_framework else None
    profile = ProfileService(store).get(profile_id)
    name = profile.name if profile and profile.name != DEFAULT_PROFILE_NAME else ""
    return HomeView(
        lambda: home_summary(
            content.course, progress, journal.goals, journal.journal, ratings, lambda: content.scenarios
        ),
        name,
    )


def _search_service(content, journal: JournalController):
    from trainer.services.search import SearchService

    return SearchService(content.course, content.scenarios, journal.journal)


class _LazyRatings(Lazy["RatingsService"]):
    """The ratings service for Home, made (and its code loaded) only once something is rated."""

    def __init__(self, store: RecordStore, content, profile_id: str):
        super().__init__(lambda: _ratings_service(store, content.framework, profile_id))
        self._store, self._profile_id = store, profile_id

    def summaries(self, course, done_ids):
        if not any(self._store.all(kind, profile=self._profile_id) for kind in (SELF_ASSESSMENT, OBSERVATION)):
            return []  # nothing rated yet: no suggestion, and the dashboard code stays unloaded
        return self.get().summaries(course, done_ids)

    def suggestions(self, summaries, done_ids, scenarios, limit: int = 1):
        return self.get().suggestions(summaries, done_ids, scenarios, limit=limit)


def _ratings_service(store: RecordStore, framework, profile_id: str):
    from trainer.services.ratings import RatingsService

    return RatingsService(store, framework, profile_id)


def _skills_view(store: RecordStore, content, profile_id: str, controller: CourseController):
    # Imported here: the dashboard's charts (pyqtgraph, numpy) are only loaded
    # when the Skills section is first shown, not at start-up.
    from trainer.ui.skills.controller import SkillsController
    from trainer.ui.skills.view import SkillsView

    return SkillsView(
        SkillsController(_ratings_service(store, content.framework, profile_id), content, controller.done_ids)
    )


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
        try:
            preferred = QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat).value(
                "profiles/default", ""
            )
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
    return session


def _add_team_session(window: MainWindow, content, store: RecordStore, settings: QSettings, profile_id: str) -> None:
    """The Team session section (built when first shown) and File > Import feedback bundle."""

    def make_view():
        from trainer.services.team_session import TeamSessionService
        from trainer.ui.session.controller import TeamSessionController
        from trainer.ui.session.view import SessionView

        skill_names = {s.id: s.name for s in content.framework.skills} if content.framework else {}
        controller = TeamSessionController(
            TeamSessionService(store, profile_id), content.plans, skill_names=skill_names, parent=window
        )
        view = SessionView(controller, settings, framework=content.framework)
        view.status_message.connect(lambda text: window.statusBar().showMessage(text, 6000))
        view.start()
        return view

    window.add_section("session", "&Team session", make_view)
    install_bundle_import(window, store, profile_id)


def install_bundle_import(window: MainWindow, store: RecordStore, profile_id: str) -> QAction:
    """File > Import feedback bundle...; the bundle code loads when it is first used."""
    action = QAction("&Import feedback bundle\u2026", window)
    action.setStatusTip("Add the observer feedback your trainer gave you to your records")

    def on_import_triggered() -> None:
        from PySide6.QtWidgets import QFileDialog

        from trainer.ui.session.export import import_bundle_file

        path, _ = QFileDialog.getOpenFileName(window, "Import feedback bundle", "", "Feedback bundle (*.json)")
        if path:
            import_bundle_file(window, store, profile_id, Path(path))

    action.triggered.connect(on_import_triggered)
    add_at_top(window.file_menu, action)
    return action


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
