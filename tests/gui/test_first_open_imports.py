"""Your turn and CPD open without loading pydantic (issue 20): the record schemas and the
attendance file's models (about 100 ms to import) check an attempt when it is saved and a file
when it is imported, not when the section is first shown. A cached course was already
validated when it was cached."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

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
    parts.window.show_section(sys.argv[3])
    for _ in range(20):
        app.processEvents()
    print(before, parts.window.tabs.currentWidget() is parts.window.section(sys.argv[3]), "pydantic" in sys.modules)
""")


@pytest.mark.parametrize("section", ["consultations", "cpd"])
def test_the_first_open_of_a_section_leaves_pydantic_unloaded(fixtures, tmp_path, section):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, "-c", SCRIPT, str(fixtures / "sample-course"), str(tmp_path / "data"), section]
    subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=120)  # caches the course
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "True", "False"], out.stderr
