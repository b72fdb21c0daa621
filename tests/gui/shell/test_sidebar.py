"""The sidebar replaces the tab bar: names and icons, keyboard, compact below 1000 px."""

from importlib.metadata import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from trainer.ui.common import icons
from trainer.ui.shell.sidebar import ACCESSIBLE_TEXT_ROLE, COMPACT_BELOW, KEY_ROLE, sidebar_of


def rows(sidebar):
    return [sidebar.item(i).data(KEY_ROLE) for i in range(sidebar.count())]


def test_sidebar_lists_every_section_in_tab_order_with_names(make_app):
    window = make_app().window
    frame = sidebar_of(window)
    sidebar = frame.list
    assert frame is not None and sidebar.accessibleName() == "Sections"
    assert rows(sidebar) == sorted(window.sections, key=lambda k: window.tabs.indexOf(window.sections[k]))
    names = [sidebar.item(i).data(ACCESSIBLE_TEXT_ROLE) for i in range(sidebar.count())]
    assert "Home" in names and all("&" not in n for n in names)
    assert not window.tabs.tabBar().isVisible()  # the tabs stay as the pages' owner


def test_choosing_a_row_shows_its_section_and_the_section_moves_the_row(make_app, qtbot):
    window = make_app().window
    frame = sidebar_of(window)
    sidebar = frame.list
    sidebar.setCurrentRow(rows(sidebar).index("journal"))
    assert window.current_section() == "journal" and window.is_built("journal")
    window.show_section("course")
    assert sidebar.currentItem().data(KEY_ROLE) == "course"


def test_alt_number_and_arrow_keys_still_move_between_sections(make_app, qtbot):
    window = make_app().window
    window.activateWindow()
    qtbot.waitActive(window)
    frame = sidebar_of(window)
    sidebar = frame.list
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_section() == rows(sidebar)[1]
    sidebar.setFocus()
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert window.current_section() == rows(sidebar)[2]


def test_sidebar_is_compact_below_1000_px_and_wide_above(make_app, qtbot):
    window = make_app().window
    frame = sidebar_of(window)
    sidebar = frame.list
    window.resize(COMPACT_BELOW + 200, 700)
    qtbot.waitUntil(lambda: not frame.compact)
    wide = sidebar.width()
    window.resize(COMPACT_BELOW - 200, 600)
    qtbot.waitUntil(lambda: frame.compact)
    assert sidebar.width() < wide / 2
    assert sidebar.item(0).toolTip().startswith("Home")  # the name is still there for the mouse


def test_compact_choice_is_kept(make_app, qtbot, tmp_path):
    parts = make_app()
    parts.window.resize(COMPACT_BELOW + 200, 700)
    action = next(a for a in parts.window.view_menu.actions() if a.text() == "Compact &sidebar")
    action.setChecked(True)
    qtbot.waitUntil(lambda: sidebar_of(parts.window).compact)
    parts.window.close()
    parts.store.close()
    again = make_app()
    again.window.resize(COMPACT_BELOW + 200, 700)
    qtbot.waitUntil(lambda: sidebar_of(again.window).compact)


def test_icon_font_loads_from_qtawesome_without_importing_it(qapp):
    import sys

    family = icons.icon_family()
    assert family is not None and family in QFontDatabase.families()
    assert "qtawesome" not in sys.modules
    assert not icons.icon("home", qapp.palette().text().color()).isNull()


def test_icon_licences_are_permissive():
    meta = metadata("qtawesome")
    assert meta["License"] == "MIT" or "MIT" in (meta.get("License-Expression") or "")
    classifiers = meta.get_all("Classifier") or []
    assert not [c for c in classifiers if "GPL" in c]
    assert icons.FONT_FILE.startswith("fontawesome5-solid")  # Font Awesome Free: SIL OFL 1.1


def test_rows_and_names_grow_with_the_zoom(make_app, qtbot):
    window = make_app().window
    window.resize(COMPACT_BELOW + 400, 800)
    frame = sidebar_of(window)
    qtbot.waitUntil(lambda: not frame.compact)
    height, width = frame.list.item(0).sizeHint().height(), frame.list.width()
    window.set_zoom(175)
    try:
        qtbot.waitUntil(lambda: frame.list.item(0).sizeHint().height() > height and frame.list.width() > width)
    finally:
        window.set_zoom(100)
