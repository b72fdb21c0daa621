"""What start-up sets without PySide's Qt namespace still holds (see trainer/ui/shell/main_window.py).

Home sets two enum values through widget properties, the Fusion style comes
from the QApplication's arguments, and "follow the system" reads the system's
palette. These tests check each has the effect the plain Qt call would have.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.probe import run_python
from trainer.ui.common import appearance


def test_home_scroll_area_takes_no_focus_and_headings_no_text_interaction(make_app):
    home = make_app().window.sections["home"]
    scroll = home.findChild(QScrollArea)
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert home.title.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert home.continue_card.title.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction


def test_home_buttons_sit_at_the_top_beside_long_text(make_app, qtbot):
    parts = make_app()
    home = parts.window.sections["home"]
    home.goal_label.setText(" ".join(["A long goal that wraps onto several lines."] * 12))
    home.checkin_button.setVisible(True)
    parts.window.resize(700, 700)
    qtbot.waitUntil(
        lambda: (
            home.checkin_button.isVisible() and home.goal_label.height() > 3 * home.checkin_button.sizeHint().height()
        )
    )
    label_top = home.goal_label.mapTo(home, home.goal_label.rect().topLeft()).y()
    button_top = home.checkin_button.mapTo(home, home.checkin_button.rect().topLeft()).y()
    assert abs(button_top - label_top) < home.checkin_button.height() // 2


def test_recent_reflection_role_is_qt_user_role():
    from trainer.ui.home.view import UidRole

    assert UidRole == Qt.ItemDataRole.UserRole.value


def test_system_dark_is_read_from_the_system_palette_and_kept(qapp):
    app = QApplication.instance()
    saved, kept = app.palette(), app.property("_trainer_system_dark")
    try:
        app.setProperty("_trainer_system_dark", None)
        dark = QPalette(saved)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        app.setPalette(dark)
        assert appearance.system_prefers_dark(app) is True
        app.setPalette(saved)  # our light palette now in use: the system's answer is kept
        assert appearance.resolve("system") == "dark"
        appearance.note_system_scheme(app, Qt.ColorScheme.Light)
        assert appearance.resolve("system") == "light"
        appearance.note_system_scheme(app, Qt.ColorScheme.Unknown)  # says nothing: kept
        assert appearance.resolve("system") == "light"
    finally:
        app.setPalette(saved)
        app.setProperty("_trainer_system_dark", kept)


def test_system_scheme_change_is_followed_only_when_the_theme_is_system(make_app):
    parts = make_app()
    window, app = parts.window, QApplication.instance()
    kept = app.property("_trainer_system_dark")
    themes: list[str] = []
    window.theme_changed.connect(themes.append)
    try:
        window.set_theme("light")
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert themes == ["light"] and appearance.current_theme(app) == "light"
        window.set_theme("system")
        assert themes[-1] == "dark"
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert themes[-1] == "light" and appearance.current_theme(app) == "light"
    finally:
        app.setProperty("_trainer_system_dark", kept)
        window.set_theme("light")


def test_the_app_is_made_with_the_fusion_style():
    script = (
        "from trainer.app import ensure_app\n"
        "from trainer.ui.common.appearance import apply_theme\n"
        "app = ensure_app(['trainer'])\n"
        "apply_theme(app, 'light')\n"
        "print(app.style().name())\n"
    )
    result = run_python(script, timeout=60)
    assert result.stdout.strip().lower() == "fusion", result.stderr


def test_closing_an_unchanged_window_does_not_rewrite_the_settings_file(make_app, tmp_path):
    """QSettings rewrites and flushes its file after any setValue, even of the same value (~20 ms)."""
    settings_file = tmp_path / "data" / "ui-settings.ini"
    stamps = []
    for _ in range(4):  # offscreen, the restored frame settles after a run or two
        parts = make_app()
        parts.window.close()
        parts.store.close()
        stamps.append(settings_file.stat().st_mtime_ns)
    assert stamps[-1] == stamps[-2]


def test_a_changed_setting_is_still_written(make_app, tmp_path):
    from PySide6.QtCore import QSettings

    parts = make_app()
    parts.window.close()
    parts.store.close()
    again = make_app()
    again.window.resize(820, 640)
    again.window.close()
    stored = QSettings(str(tmp_path / "data" / "ui-settings.ini"), QSettings.Format.IniFormat).value("window/geometry")
    assert stored == again.window.saveGeometry()
