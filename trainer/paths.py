"""Where a person's data lives by default. No Qt here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "practitioner-trainer"


def location_file() -> Path:
    """The per-user pointer to a data folder moved with Settings > Move data to..."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming") / "Practitioner Trainer"
    elif sys.platform == "darwin":
        base = home / "Library" / "Preferences" / "Practitioner Trainer"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / APP_DIR_NAME
    return base / "location"


def moved_data_dir() -> Path | None:
    """The folder named in the pointer file, if there is one and it is readable."""
    try:
        text = location_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text).expanduser() if text else None


def default_data_dir() -> Path:
    """TRAINER_DATA wins; then a folder the person moved their data to; then the usual place."""
    env = os.environ.get("TRAINER_DATA")
    if env:
        return Path(env).expanduser()
    moved = moved_data_dir()
    if moved is not None:
        return moved
    return standard_data_dir()


def standard_data_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / "Practitioner Trainer"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Practitioner Trainer"
    base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / APP_DIR_NAME
