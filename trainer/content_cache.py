"""A start-up cache of the loaded course, so opening the app does not parse
and validate every file each time.

The cache key covers every file under the content folder (path, size,
modification time) and the code that loads it (the package's own files), so
an edited module or a new version of the app is always loaded afresh. A
cache that cannot be read or written is ignored: the course is then simply
loaded from its files. ``trainer validate`` never uses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from trainer import __version__
from trainer.content import Content, load_content

CACHE_DIR = "cache"
_PACKAGE = Path(__file__).resolve().parent


def _stamp(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[tuple[str, int, int]]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            if suffixes and not name.endswith(suffixes):
                continue
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out.append((os.path.relpath(path, folder), st.st_size, st.st_mtime_ns))
    return out


def cache_key(content_dir: Path) -> str:
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(str(Path(content_dir).resolve()).encode())
    for part in (_stamp(Path(content_dir)), _stamp(_PACKAGE, (".py", ".j2", ".yaml"))):
        digest.update(repr(part).encode())
    return digest.hexdigest()[:32]


def load_content_cached(content_dir: Path, data_dir: Path) -> Content:
    """The course from the cache when nothing changed, else loaded and cached."""
    folder = Path(data_dir) / CACHE_DIR
    key = cache_key(content_dir)
    path = folder / f"content-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            content = pickle.load(fh)
        if isinstance(content, Content):
            content.cache_key = key
            return content
    except Exception:  # noqa: BLE001 - any unreadable cache is simply rebuilt
        pass
    content = load_content(content_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        from trainer.modules.page_cache import clear_other_pages

        clear_other_pages(folder, key)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(content, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    content.cache_key = key
    return content
