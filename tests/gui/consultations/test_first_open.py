"""Your turn opens without loading pydantic (issue 20): the record schemas (about 100 ms to import)
check an attempt when it is saved, not when the section is first shown. A cached course was
already validated when it was cached."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

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
    parts.window.show_section("consultations")
    for _ in range(20):
        app.processEvents()
    view = parts.window.section("consultations")
    print(before, view.list.count() > 0, "pydantic" in sys.modules)
""")


def test_the_first_open_of_your_turn_leaves_pydantic_unloaded(fixtures, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, "-c", SCRIPT, str(fixtures / "sample-course"), str(tmp_path / "data")]
    subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=120)  # caches the course
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "True", "False"], out.stderr
