"""The presenter view on a real two-screen set-up: the trainer's laptop and a projector.

The offscreen platform can pretend to have two screens (a JSON config file);
a QApplication is made once per process, so this runs in a subprocess.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from trainer.content import load_content
    from trainer.records.store import memory_store
    from trainer.services.team_session import TeamSessionService
    from trainer.ui.session.controller import TeamSessionController
    from trainer.ui.session.view import SessionView

    app = QApplication([])
    content = load_content(Path(sys.argv[1]) / "tests" / "fixtures" / "sample-course")
    controller = TeamSessionController(TeamSessionService(memory_store(), "trainer-1"), content.plans,
                                       skill_names={s.id: s.name for s in content.framework.skills})
    view = SessionView(controller, QSettings(sys.argv[2], QSettings.Format.IniFormat),
                       framework=content.framework)
    view.resize(1200, 760)
    view.show()
    app.processEvents()
    view.run.presenter_button.click()
    app.processEvents()
    p = view.presenter
    g = p.geometry()
    print(json.dumps({"screens": [s.name() for s in app.screens()], "trainer": view.screen().name(),
                      "presenter": p.screen().name(), "full_screen": p.isFullScreen(),
                      "geometry": [g.x(), g.y(), g.width(), g.height()], "visible": p.isVisible()}))
    view.run.presenter_button.click()  # and it closes again from the trainer's screen
    app.processEvents()
    print(json.dumps({"closed": view.presenter is None}))
""")


def run_with_screens(tmp_path, screens):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT), str(tmp_path / "ui.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    shown, closed = (json.loads(line) for line in result.stdout.strip().splitlines()[-2:])
    return shown, closed


def test_presenter_fills_the_projector_and_leaves_the_laptop_to_the_trainer(tmp_path):
    shown, closed = run_with_screens(
        tmp_path,
        [
            {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800},
            {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080},
        ],
    )
    assert shown["screens"] == ["laptop", "projector"]
    assert shown["trainer"] == "laptop"
    assert shown["presenter"] == "projector" and shown["full_screen"] and shown["visible"]
    assert shown["geometry"] == [1280, 0, 1920, 1080]
    assert closed["closed"]


def test_with_one_screen_the_presenter_is_a_normal_window(tmp_path):
    shown, closed = run_with_screens(tmp_path, [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800}])
    assert shown["presenter"] == "laptop" and not shown["full_screen"] and shown["visible"]
    assert closed["closed"]
