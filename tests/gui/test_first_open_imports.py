"""Your turn, CPD and the export dialog open without loading pydantic (issue 20): the record
schemas and the attendance file's models (about 100 ms to import) check an attempt when it is
saved, a file when it is imported and a backup when it is restored, not when they first open.
A cached course was already validated when it was cached."""

from __future__ import annotations

import textwrap

import pytest

from tests.probe import run_python

SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from trainer.app import build, ensure_app

    app = ensure_app(["trainer"])
    parts = build(Path(sys.argv[1]), Path(sys.argv[2]))
    parts.window.start()
    parts.window.show()
    for _ in range(20):
        app.processEvents()
    before = "pydantic" in sys.modules
    if sys.argv[3] == "export":
        parts.window.export_action.trigger()
    else:
        parts.window.show_section(sys.argv[3])
    for _ in range(20):
        app.processEvents()
    if sys.argv[3] == "export":
        shown = parts.window.export_dialog.isVisible()
    else:
        shown = parts.window.tabs.currentWidget() is parts.window.section(sys.argv[3])
    print(before, shown, "pydantic" in sys.modules)
""")


@pytest.mark.parametrize("section", ["consultations", "cpd", "export"])
def test_the_first_open_of_a_section_leaves_pydantic_unloaded(fixtures, tmp_path, section):
    """Each opened on its own, in a fresh window: whichever is first pays for pydantic otherwise."""
    args = (str(fixtures / "sample-course"), str(tmp_path / "data"), section)
    run_python(SCRIPT, *args, check=True)  # caches the course
    out = run_python(SCRIPT, *args, check=True)
    assert out.stdout.split() == ["False", "True", "False"], out.stderr
