"""Cache files that only this install can have written.

The start-up caches are pickles (fast, and they keep the course's lazy
parts). Unpickling runs code, so a pickle is read only when it carries a MAC
made with this install's own key: a random key kept in the per-user cache
folder, never in a data folder, a course or a bundle. A file copied from
anywhere else, edited or cut short fails the check and is never unpickled;
the caller then rebuilds its cache from the real files.

The MAC is keyed BLAKE2b (RFC 7693: a keyed hash designed as a MAC, so no
HMAC construction is needed), taken from the C module itself: ``hashlib`` and
``hmac`` would load OpenSSL too, about 3 ms of every start.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

from trainer.paths import APP_DIR_NAME

try:  # the C implementations alone (see above); the public names on any other Python
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # pragma: no cover - not CPython
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]  # the same function, public name

MAGIC = b"TRCACHE2"
KEY_FILE = "cache.key"
_KEY_BYTES = 32
_SIGNATURE_BYTES = 32
_keys: dict[Path, bytes] = {}


def user_cache_dir() -> Path:
    """The per-user cache folder (never the data folder: that one can be handed around)."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / "Practitioner Trainer" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "Practitioner Trainer"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / APP_DIR_NAME


def install_key(folder: Path | None = None) -> bytes | None:
    """This install's signing key, made on first use; None when it cannot be kept."""
    folder = Path(folder) if folder is not None else user_cache_dir()
    if folder in _keys:
        return _keys[folder]
    path = folder / KEY_FILE
    try:
        key = path.read_bytes()
    except OSError:
        key = b""
    if len(key) != _KEY_BYTES:
        key = os.urandom(_KEY_BYTES)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"{KEY_FILE}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
            os.replace(tmp, path)
            key = path.read_bytes()  # another copy of the app may have written it first
        except OSError:
            return None
        if len(key) != _KEY_BYTES:
            return None
    _keys[folder] = key
    return key


def sign(key: bytes, body: bytes) -> bytes:
    """The MAC of ``body`` under ``key`` (keyed BLAKE2b, 32 bytes)."""
    return blake2b(body, key=key, digest_size=_SIGNATURE_BYTES).digest()


def name_for(text: str) -> str:
    """A short stable file name for ``text`` (not secret: no key)."""
    return blake2b(text.encode(), digest_size=12).hexdigest()


def dump(path: Path, obj: object, key: bytes | None = None) -> bool:
    """Pickle ``obj`` to ``path`` (atomically) with this install's signature; False if not kept."""
    key = key if key is not None else install_key()
    if key is None:
        return False
    try:
        body = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return False
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(MAGIC + sign(key, body) + body)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def load(path: Path, key: bytes | None = None) -> object:
    """What ``dump`` kept at ``path``. OSError if unreadable, ValueError if not signed by this install."""
    key = key if key is not None else install_key()
    if key is None:
        raise ValueError("no install key: caches are not read")
    with open(path, "rb") as fh:
        data = fh.read()
    size = len(MAGIC) + _SIGNATURE_BYTES
    head, signature, body = data[: len(MAGIC)], data[len(MAGIC) : size], data[size:]
    if head != MAGIC or not compare_digest(signature, sign(key, body)):
        raise ValueError(f"{path}: not a cache this install wrote")
    return pickle.loads(body)  # signed with our own key: we wrote these bytes
