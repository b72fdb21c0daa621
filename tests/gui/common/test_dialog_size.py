"""The main dialogs fit the window at 175% in 800x600 (issue 20): their zoomed sizes
(em * 45 wide, say) used to be larger than the window, and the export dialog taller."""

from __future__ import annotations

import pytest

from tests.gui.a11y_walk import settle
from trainer.services.profiles import ProfileService
from trainer.ui.common.dialog_size import fit_to_window
from trainer.ui.course.bookmarks_view import AddBookmarkDialog, BookmarksDialog
from trainer.ui.export.dialog import ExportDialog
from trainer.ui.search.dialog import SearchDialog
from trainer.ui.session.observation_dialog import ObservationFileDialog
from trainer.ui.settings import make_settings_dialog
from trainer.ui.settings.welcome import WelcomeDialog

DIALOGS = ["search", "bookmarks", "add-bookmark", "settings", "observe-round", "export"]


def make(name, parts):
    window = parts.window
    return {
        "search": lambda: SearchDialog(parts.search.get().grouped, window),
        "bookmarks": lambda: BookmarksDialog(parts.bookmarks, lambda m: m, window),
        "add-bookmark": lambda: AddBookmarkDialog("A passage worth keeping.", "Module 1", window),
        "settings": lambda: make_settings_dialog(window, parts),
        "observe-round": lambda: ObservationFileDialog(parts.controller.content.framework, "Sam Demo", window),
        "export": lambda: ExportDialog(parts.store, parts.content, parts.profile_id, parts.settings, window),
    }[name]()


@pytest.fixture
def small_large(make_app, sample_course):
    parts = make_app(sample_course)
    parts.window.set_zoom(175)
    parts.window.resize(800, 600)
    settle()
    yield parts
    parts.window.set_zoom(100)


@pytest.mark.parametrize("name", DIALOGS)
def test_each_main_dialog_fits_an_800x600_window_at_175(small_large, qtbot, name):
    dialog = make(name, small_large)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert dialog.width() <= 800 and dialog.height() <= 600, (dialog.width(), dialog.height())
    dialog.close()


def test_the_welcome_fits_800_pixels_at_175(small_large, qtbot, tmp_path):
    from trainer.records.store import open_store

    store = open_store(tmp_path / "fresh")
    dialog = WelcomeDialog(ProfileService(store))
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert dialog.width() <= 800, dialog.width()
    dialog.close()
    store.close()


def test_a_dialog_is_never_squeezed_below_what_its_layout_needs(small_large, qtbot):
    dialog = make("export", small_large)
    qtbot.addWidget(dialog)
    small_large.window.resize(640, 480)
    settle()
    fit_to_window(dialog)
    assert dialog.width() >= dialog.minimumSizeHint().width()
    assert dialog.height() >= dialog.minimumSizeHint().height()
