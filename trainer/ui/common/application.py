"""The running QApplication, typed (``QApplication.instance()`` is typed as the core one).

Qt is imported inside the functions, so app.py can load this module before PySide6
(whose import hook would otherwise read this file's source at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def qapp() -> QApplication:
    """The application; every widget lives inside one, so it is there when this is called."""
    from PySide6.QtWidgets import QApplication

    return cast(QApplication, QApplication.instance())


def qapp_or_none() -> QApplication | None:
    from PySide6.QtWidgets import QApplication

    return cast("QApplication | None", QApplication.instance())
