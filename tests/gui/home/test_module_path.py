"""Home's course path: one stop a module, by its state; keys and clicks open a module."""

from PySide6.QtCore import QPoint, Qt

from trainer.ui.home.path import ModulePath

MODULES = (("a", "Why it matters", "done"), ("b", "Agenda setting", "hand"), ("c", "Goals", "todo"))


def make(qtbot) -> ModulePath:
    path = ModulePath()
    qtbot.addWidget(path)
    path.set_modules(MODULES, "c")
    path.resize(600, path.sizeHint().height())
    path.show()
    qtbot.waitExposed(path)
    return path


def test_the_description_says_progress_and_the_stop_the_keys_are_on(qtbot):
    path = make(qtbot)
    assert path.selected == 2  # starts on the module to carry on with
    assert path.accessibleName() == "Course progress"
    assert path.accessibleDescription().startswith("1 of 3 modules done. Module 3, Goals: not done yet")
    path.setFocus()
    qtbot.keyClick(path, Qt.Key.Key_Left)
    assert "Module 2, Agenda setting: marked done by hand" in path.accessibleDescription()


def test_enter_and_a_click_open_a_module(qtbot):
    path = make(qtbot)
    path.setFocus()
    qtbot.keyClick(path, Qt.Key.Key_Home)
    with qtbot.waitSignal(path.module_chosen) as got:
        qtbot.keyClick(path, Qt.Key.Key_Return)
    assert got.args == ["a"]
    centre = path._centres()[1]
    with qtbot.waitSignal(path.module_chosen) as got:
        qtbot.mouseClick(path, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert got.args == ["b"]


def test_the_stops_are_painted_in_their_states(qtbot):
    path = make(qtbot)
    image = path.grab().toImage()
    accent = path.palette().highlight().color()
    centres = path._centres()
    done = image.pixelColor(int(centres[0].x()), int(centres[0].y()))
    todo = image.pixelColor(int(centres[2].x()) + int(path._radius()) // 2 + 2, int(centres[2].y()))
    assert done == accent  # a done module is filled
    assert todo != accent  # a module to do is hollow (its centre dot aside)


def test_home_opens_the_module_of_a_stop(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    home = parts.window.sections["home"]
    path = home.progress_path
    assert len(path.modules) >= 3 and all(state == "todo" for _, _, state in path.modules)
    path.setFocus()
    qtbot.keyClick(path, Qt.Key.Key_End)
    qtbot.keyClick(path, Qt.Key.Key_Return)
    assert parts.window.current_section() == "course"
    assert parts.window.course_view.reader.module.id == path.modules[-1][0]
