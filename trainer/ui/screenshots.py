"""Save PNGs of the main screens offscreen, for docs and for looking at the UI."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def save_screenshots(outdir: Path, content_dir: Path, size: tuple[int, int],
                     data_dir: Path | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from trainer.app import build, ensure_app

    app = ensure_app()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="trainer-shots-")
        data_dir = Path(tmp.name)
    parts = build(content_dir, data_dir)
    window = parts.window
    window.resize(*size)
    window.start()
    window.show()
    app.processEvents()
    w, h = size
    saved: list[Path] = []

    def grab(name: str) -> None:
        app.processEvents()
        path = outdir / f"{name}-{w}x{h}.png"
        window.grab().save(str(path))
        saved.append(path)

    readable = parts.controller.course.readable()
    grab("main")
    if len(readable) > 1:
        parts.controller.open_module(readable[1].id)
        grab("module-2")
    broken = [m for m in parts.controller.course.modules if not m.ok]
    if broken:
        parts.controller.open_module(broken[0].id)
        grab("module-error")
    window.close()
    parts.store.close()
    if tmp is not None:
        tmp.cleanup()
    return saved


TASTER_PEOPLE = [("Asha Patel", "Practice nurse"), ("Ben Okafor", "GP"), ("Carys Lloyd", "Health coach"),
                 ("Dev Sharma", "Pharmacist"), ("Ella Byrne", "Physiotherapist"), ("Finn Walsh", "HCA"),
                 ("Grace Obi", "Practice nurse")]


def save_session_screenshots(outdir: Path, content_dir: Path, sizes=((1920, 1080), (1280, 720)),
                             data_dir: Path | None = None, plan_id: str = "taster-90") -> list[Path]:
    """Run a plan for seven people and save the control and presenter views."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from trainer.app import build, ensure_app

    app = ensure_app()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="trainer-shots-")
        data_dir = Path(tmp.name)
    parts = build(content_dir, data_dir)
    window, view = parts.window, parts.session_view
    controller = view.controller
    controller.new_session(plan_id, title="Riverside taster", date="2026-11-20", team="Riverside")
    for name, role in TASTER_PEOPLE:
        controller.add_participant(name, role, "Riverside")
    controller.make_groups(seed=2611)
    plan = controller.plan
    first_round = plan.practice_phases()[0] if plan.practice_phases() else 0
    controller.go_to_phase(first_round)
    view.debrief_edit.setPlainText("We ask a lot of closed questions at the start.\n\n"
                                   "Try one reflection before each new question.")
    window.show_section("session")
    window.show()
    view.run.presenter_button.setChecked(True)
    presenter = view.presenter
    controller.toggle_timer()
    saved: list[Path] = []
    for w, h in sizes:
        window.resize(w, h)
        presenter.showNormal()
        presenter.resize(w, h)
        app.processEvents()
        for name, widget in (("session-control", window), ("session-presenter", presenter)):
            path = outdir / f"{name}-{w}x{h}.png"
            widget.grab().save(str(path))
            saved.append(path)
    controller.go_to_phase(0)
    app.processEvents()
    path = outdir / f"session-presenter-welcome-{sizes[-1][0]}x{sizes[-1][1]}.png"
    presenter.grab().save(str(path))
    saved.append(path)
    presenter.close()
    window.close()
    parts.store.close()
    if tmp is not None:
        tmp.cleanup()
    return saved
