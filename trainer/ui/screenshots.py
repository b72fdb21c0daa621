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
    window.set_theme("dark")
    parts.controller.open_module(readable[0].id if readable else parts.controller.course.modules[0].id)
    grab("main-dark")
    window.set_theme("light")
    if "skills" in window.sections:
        from trainer.ui.skills_screenshots import grab_skills

        grab_skills(parts, grab, demo=tmp is not None)
    window.close()
    parts.store.close()
    if tmp is not None:
        tmp.cleanup()
    return saved
