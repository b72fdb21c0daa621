"""Guard against a PySide6 build that drops a reference to None on every call.

PySide6-Essentials 6.12.0 on Python 3.11 does: each call of a Qt method that
returns nothing releases one reference to None, and after some ten thousand
calls the app dies with "deallocating None" (a long PDF export did it first).
pyproject.toml excludes that release; this test fails if such a build comes back.
"""

import sys

from PySide6.QtCore import QObject


def test_calling_qt_does_not_use_up_none(qapp):
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) > before - 100
