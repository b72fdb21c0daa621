"""Where a person's data lives by default. No Qt here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "practitioner-trainer"


def default_data_dir() -> Path:
    env = os.environ.get("TRAINER_DATA")
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / "Practitioner Trainer"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Practitioner Trainer"
    base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_DIR_NAME
