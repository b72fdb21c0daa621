"""The screenshot gallery: every main view from a real window, into docs/screenshots/.

Usage:  python scripts/gallery.py [--out docs/screenshots]    (or: make gallery)

Each section, with the demo learner's records (``trainer demo``), is grabbed at
1280x800 and 800x600, in the light and the dark theme,
at 100% and at 175% zoom, by ``trainer screenshots --zoom`` in a real X window
under Xvfb (Debian's ``xvfb`` package; ``.ci/run`` installs it). Without a display
the script runs itself again under ``xvfb-run``; with neither, it says so and stops
(the offscreen platform does not draw everything a person sees). The main dialogs
(the first run's welcome, export, search, bookmarks, settings, observing a round)
are kept at every size, theme and zoom too. An index page,
docs/screenshots/README.md, lists every picture.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ("1280x800", "800x600")
ZOOMS = (100, 175)
XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24"]
MARK = "TRAINER_GALLERY_IN_XVFB"


def gallery_name(shot: str) -> str | None:
    """'screen-home-dark-800x600-z175.png' -> 'home-dark-800x600-z175.png'; dialogs keep
    their names; anything else None."""
    if shot.startswith("screen-"):
        return shot.removeprefix("screen-")
    if shot.startswith("dialog-"):
        return shot
    return None


def grab(out: Path, size: str, zoom: int, env: dict, data: Path) -> list[Path]:
    with tempfile.TemporaryDirectory(prefix="trainer-gallery-") as tmp:
        command = [sys.executable, "-m", "trainer", "screenshots", tmp, "--size", size, "--zoom", str(zoom)]
        command += ["--data", str(data)]  # a copy of it is used: it is never changed
        subprocess.run(command, check=True, env=env, cwd=ROOT)
        kept = []
        for shot in sorted(Path(tmp).glob("*.png")):
            name = gallery_name(shot.name)
            if name is not None:
                target = out / name
                shutil.copyfile(shot, target)
                kept.append(target)
        return kept


def write_index(out: Path, shots: list[Path]) -> None:
    lines = [
        "# Screenshot gallery",
        "",
        "Made by `make gallery` (scripts/gallery.py): real windows under Xvfb, with the demo learner's",
        "records; every section at 1280x800 and 800x600, light and dark, at 100% and 175% zoom, and the",
        "main dialogs likewise.",
        "",
    ]
    for shot in sorted(shots, key=lambda p: p.name):
        lines.append(f"- [{shot.stem}]({shot.name})")
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get(MARK):
        if shutil.which("xvfb-run") is None:
            print("gallery: no display and no xvfb-run (apt-get install xvfb xauth)", file=sys.stderr)
            return 2
        again = [*XVFB, "env", f"{MARK}=1", sys.executable, __file__, "--out", str(args.out)]
        return subprocess.run(again, check=False).returncode
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="trainer-gallery-data-") as data:
        # the demo learner's records: the sections as a person sees them after a few weeks
        subprocess.run([sys.executable, "-m", "trainer", "demo", "--data", data], check=True, env=env, cwd=ROOT)
        for size in SIZES:
            for zoom in ZOOMS:
                shots.extend(grab(out, size, zoom, env, Path(data)))
    write_index(out, shots)
    print(f"gallery: {len(shots)} pictures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
