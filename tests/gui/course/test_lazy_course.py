"""The app opens on Home; the Course is built the first time it is needed.

Whatever builds it (its tab, a shortcut, a search result, Home's Continue),
the person gets the module they were reading, at the place they left it.
"""


def _read_second_halfway(parts, qtbot):
    parts.window.show_section("course")
    view = parts.window.course_view
    parts.controller.open_module("second")
    parts.window.resize(640, 480)
    view.reader.set_point_size(28)  # large text in a small window, so the page scrolls
    qtbot.waitUntil(lambda: view.reader.browser.verticalScrollBar().maximum() > 0)
    view.reader.set_scroll_fraction(0.5)
    fraction = view.reader.scroll_fraction()
    assert 0 < fraction < 1
    parts.window.close()  # saves the place
    saved = parts.controller.progress("second").position
    assert abs(saved - fraction) < 0.01
    return saved


def test_start_shows_home_and_leaves_the_course_unbuilt(make_app):
    parts = make_app()
    window = parts.window
    assert window.current_section() == "home"
    assert not window.is_built("course")
    assert parts.controller.current_id is None
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.sections["course"]))
    assert window.is_built("course")
    assert window.course_view.reader.module.id == "first"


def test_the_saved_place_survives_opening_another_module_at_once(make_app, tmp_path, qtbot):
    """A search hit or bookmark builds the Course and opens a module straight away:
    the module it opened first has not scrolled to its place yet, and that place is kept."""
    saved = _read_second_halfway(make_app(data=tmp_path / "data"), qtbot)
    again = make_app(data=tmp_path / "data")
    again.window.show_section("course")
    assert again.window.course_view.reader.module.id == "second"
    again.controller.open_module("third")  # in the same turn of the event loop
    assert again.controller.progress("second").position == saved
    again.window.resize(640, 480)
    again.window.course_view.reader.set_point_size(28)
    again.controller.open_module("second")  # and the place is still there to go back to
    qtbot.waitUntil(lambda: abs(again.window.course_view.reader.scroll_fraction() - saved) < 0.05)


def test_theme_changed_before_the_course_is_built_shows_in_its_pages(make_app):
    parts = make_app()
    parts.window.set_theme("dark")
    assert not parts.window.is_built("course")
    reader = parts.window.course_view.reader
    assert reader.theme.name == "dark"
    assert reader.theme.text.lower() in reader.browser.toHtml().lower()
    parts.window.set_theme("light")


def test_text_size_shortcut_on_home_acts_on_the_reader(make_app, qtbot):
    parts = make_app()
    window = parts.window
    window.activateWindow()
    qtbot.waitActive(window)
    window.larger_action.trigger()
    reader = window.course_view.reader
    assert reader.point_size == reader._default_point + 1
    assert window.current_section() == "home"  # a size change does not move the person


def test_go_menu_moves_work_before_the_course_is_built(make_app):
    parts = make_app()
    window = parts.window
    window.next_action.trigger()  # builds the Course (opening the first module), then moves on
    assert window.current_section() == "course"
    assert window.course_view.reader.module.id == "second"
    assert window.prev_action.isEnabled() and window.next_action.isEnabled()


def test_closing_without_opening_the_course_keeps_everything(make_app, tmp_path, qtbot):
    saved = _read_second_halfway(make_app(data=tmp_path / "data"), qtbot)
    quick = make_app(data=tmp_path / "data")
    quick.window.close()  # looked at Home only
    again = make_app(data=tmp_path / "data")
    assert again.controller.progress("second").position == saved
    assert again.window.course_view.reader.module.id == "second"
