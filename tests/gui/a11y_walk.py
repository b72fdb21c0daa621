"""Find focusable widgets that assistive technology cannot name (used by the accessibility tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)


def _buddied(root: QWidget) -> set[int]:
    top = root.window()
    return {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy() is not None}


def _named_by_parent(widget: QWidget) -> bool:
    """Parts of a compound control (a spin box's or editable combo's line edit) take its name."""
    parent = widget.parentWidget()
    return isinstance(parent, (QAbstractSpinBox, QComboBox))


def describe(widget: QWidget) -> str:
    names = []
    w = widget
    while w is not None and len(names) < 4:
        names.append(f"{type(w).__name__}({w.objectName() or w.accessibleName() or ''})")
        w = w.parentWidget()
    return " < ".join(names)


def unnamed(root: QWidget) -> list[str]:
    """Focusable, visible widgets under ``root`` with no accessible name."""
    buddies = _buddied(root)
    problems = []
    for w in [root, *root.findChildren(QWidget)]:
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisible():
            continue
        if w.accessibleName().strip():
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue
        if isinstance(w, QLabel) and w.text().strip():  # Qt names a label by its text
            continue
        if isinstance(w, QTabBar) and all(w.tabText(i).strip() for i in range(w.count())):
            continue
        if id(w) in buddies or _named_by_parent(w):
            continue
        if w.focusProxy() is not None and w.focusProxy() is not w:
            continue
        problems.append(describe(w))
    return problems


def show_path_to(widget: QWidget) -> None:
    """Make every tab or stack page above ``widget`` current, so that it is shown."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def at(parts, zoom: int, size: tuple[int, int]) -> None:
    """The app's window at ``zoom`` percent and ``size``, laid out (put the zoom back to 100 after)."""
    parts.window.set_zoom(zoom)
    parts.window.resize(*size)
    settle()
    settle()


def walk(root: QWidget) -> list[str]:
    """Check ``root`` as shown, then with each page of every tab widget inside it."""
    settle()
    problems = unnamed(root)
    for tabs in root.findChildren(QTabWidget):
        show_path_to(tabs)
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            problems += [p for p in unnamed(tabs.widget(i)) if p not in problems]
    return problems
