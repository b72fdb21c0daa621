"""Screenshots of every main screen and the comfort dialogs, in light and dark, at a zoom."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from trainer.services.profiles import ProfileService
from trainer.ui.course.bookmarks_view import AddBookmarkDialog, BookmarksDialog
from trainer.ui.export.dialog import ExportDialog
from trainer.ui.search.dialog import SearchDialog
from trainer.ui.session.observation_dialog import ObservationFileDialog
from trainer.ui.settings import make_settings_dialog
from trainer.ui.settings.welcome import WelcomeDialog


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def grab_every_screen(parts, outdir: Path, suffix: str) -> list[Path]:
    """Home, each section (built if lazy) and the main dialogs, in light then dark."""
    window = parts.window
    saved: list[Path] = []
    readable = parts.controller.course.readable()
    if readable and not parts.bookmarks.list():
        parts.bookmarks.add(
            readable[0].id, readable[0].summary or readable[0].title, note="Try this at Tuesday's clinic"
        )

    def save(widget, name: str) -> None:
        settle()
        path = outdir / f"{name}-{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for theme in ("light", "dark"):
        window.set_theme(theme)
        for key in list(window.sections):
            window.section(key)
            window.show_section(key)
            save(window, f"screen-{key}-{theme}")
        dialogs = {
            "welcome": WelcomeDialog(ProfileService(parts.store), window),  # the first run's one question
            "export": ExportDialog(parts.store, parts.content, parts.profile_id, parts.settings, window),
            "search": SearchDialog(parts.search.get().grouped, window) if parts.search else None,
            "bookmarks": BookmarksDialog(
                parts.bookmarks, lambda m: getattr(parts.controller.course.module(m), "title", m), window
            )
            if parts.bookmarks
            else None,
            "add-bookmark": AddBookmarkDialog(
                "Ask what the person already knows before you offer information, then ask what they make of it.",
                "Agenda setting \u203a Asking before advising",
                window,
            ),
            "settings": make_settings_dialog(window, parts),
            "settings-lrs": _at_lrs_page(make_settings_dialog(window, parts)),
            "observe-round": ObservationFileDialog(parts.controller.content.framework, "Sam Demo", window),
        }
        for name, dialog in dialogs.items():
            if dialog is None:
                continue
            if name == "search":
                dialog.edit.setText("goal")
            dialog.show()
            save(dialog, f"dialog-{name}-{theme}")
            dialog.close()
            dialog.deleteLater()
    window.set_theme("light")
    window.show_section("home")
    return saved


def _at_lrs_page(dialog):
    dialog.show_lrs()
    return dialog
