"""Spare our own modules PySide6's source scan on import.

Once PySide6 is imported, its import hook looks at every module imported after
it to learn whether that module may use ``from __feature__ import ...``
(snake_case or true_property names for Qt). It decides by reading the module's
whole source file (``inspect.getsource``) and searching it for "PySide6": about
0.1 ms a module, paid by every app module loaded at start-up or when a section
first opens.

The app never uses ``__feature__`` (tests/architecture checks it), so the
answer for its own modules is known: they are marked as PySide users with no
feature, which is what the scan concludes for a module that imports PySide6
and the default for any module. Other packages are still scanned. If a future
PySide6 changes these internals, nothing is patched and only the time is lost.
"""

from __future__ import annotations

import sys

OUR_PACKAGE = "trainer"


def skip_source_scan_for_app_modules() -> bool:
    """Answer PySide6's "does this module use PySide?" for the app's modules without
    reading their source. True when the hook is in place (or already was)."""
    feature = sys.modules.get("shibokensupport.feature")  # there once PySide6 is imported
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan):
        return False
    if getattr(scan, "app_modules_known", False):
        return True

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        if name == OUR_PACKAGE or name.startswith(OUR_PACKAGE + "."):
            return True  # never uses __feature__: Qt's own names, as PySide6 gives them by default
        return bool(scan(module))

    uses_pyside.app_modules_known = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a private name PySide6 looks up at each import)
    return True
