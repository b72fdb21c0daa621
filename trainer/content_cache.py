"""A start-up cache of the loaded course, so opening the app does not parse
and validate every file each time.

The cache holds the stamp it was made for: every file under the content
folder (path, size, modification time) and the code that loads it (the
package's own files). It is used only when the stamp is exactly the same,
so an edited module or a new version of the app is always loaded afresh.
Each rebuilt cache gets a new random key, under which the rendered pages
are kept (``trainer.modules.page_cache``). A cache that cannot be read or
written is ignored: the course is then simply loaded from its files.
``trainer validate`` never uses it.

The cache lives in the per-user cache folder, never in the data folder
(which people copy and share), and is read only when signed with this
install's key (``trainer.signed_cache``): a planted pickle is never loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

from trainer import __version__, signed_cache
from trainer.content import Content, load_content

COURSES_DIR = "courses"
CACHE_FILE = "content.pickle"
_PACKAGE = Path(__file__).resolve().parent
# The code the cached course is made by and made of (and the page templates): only a
# change here can change it. The UI, the services and the rest are not stamped, so a
# growing app does not add a stat per file to every start.
CONTENT_CODE = (
    "content.py",
    "content_cache.py",
    "signed_cache.py",
    "content_format",
    "domain",
    "modules",
    "scenarios",
    "consultations",
    "competencies",
    "journal",
    "sessions",
)


def _stamp(folder: Path, suffixes: tuple[str, ...] | None = None, prefix: str = "") -> list[tuple[str, int, int]]:
    """(relative path, size, mtime) of every file under ``folder``, in a stable order."""
    out: list[tuple[str, int, int]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return out
    for entry in entries:
        if entry.is_dir(follow_symlinks=True):
            if not entry.name.startswith(".") and entry.name != "__pycache__":
                out.extend(_stamp(Path(entry.path), suffixes, f"{prefix}{entry.name}/"))
        elif not suffixes or entry.name.endswith(suffixes):
            try:
                st = entry.stat()
            except OSError:
                continue
            out.append((prefix + entry.name, st.st_size, st.st_mtime_ns))
    return out


def cache_stamp(content_dir: Path) -> tuple:
    """What the cached course depends on: the app's version and files, and the course's files."""
    return (
        __version__,
        str(Path(content_dir).resolve()),
        _stamp(Path(content_dir)),
        [s for name in CONTENT_CODE for s in _code_stamp(name)],
    )


def _code_stamp(name: str) -> list[tuple[str, int, int]]:
    path = _PACKAGE / name
    if path.is_dir():
        return _stamp(path, (".py", ".j2", ".yaml"), f"{name}/")
    try:
        st = path.stat()
    except OSError:
        return []
    return [(name, st.st_size, st.st_mtime_ns)]


def cache_folder(content_dir: Path) -> Path:
    """This course's cache folder, in the per-user cache folder."""
    name = signed_cache.name_for(str(Path(content_dir).resolve()))
    return signed_cache.user_cache_dir() / COURSES_DIR / name


def load_content_cached(content_dir: Path, cache_dir: Path | None = None) -> Content:
    """The course from the cache when nothing changed, else loaded and cached.

    ``cache_dir`` defaults to ``cache_folder(content_dir)``.
    """
    folder = Path(cache_dir) if cache_dir is not None else cache_folder(content_dir)
    path = folder / CACHE_FILE
    stamp = cache_stamp(content_dir)
    try:
        saved_stamp, saved_key, cached = cast("tuple[str, str, object]", signed_cache.load(path))
        if saved_stamp == stamp and isinstance(cached, Content):
            cached.cache_key = saved_key
            return cached
    except Exception:
        pass
    content = load_content(content_dir)
    new_key = os.urandom(12).hex()
    key: str | None = new_key
    try:
        folder.mkdir(parents=True, exist_ok=True)
        from trainer.modules.page_cache import clear_other_pages

        clear_other_pages(folder, new_key)
        if not signed_cache.dump(path, (stamp, new_key, content)):
            key = None  # not kept: nor are its pages
    except OSError:
        key = None
    content.cache_key = key
    return content
