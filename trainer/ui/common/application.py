"""The running QApplication, typed (``QApplication.instance()`` is typed as the core one)."""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QApplication


def qapp() -> QApplication:
    """The application; every widget lives inside one, so it is there when this is called."""
    return cast(QApplication, QApplication.instance())


def qapp_or_none() -> QApplication | None:
    return cast("QApplication | None", QApplication.instance())
