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

Big parts that start-up does not need (a course's scenarios, say) can be put in
a ``Sealed``: its bytes are written after the signed part and only their digest
inside it, so a start reads and checks the signed part alone; the bytes are
checked against that digest when they are first used.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from pathlib import Path

from trainer.paths import APP_DIR_NAME

try:  # the C implementations alone (see above); the public names on any other Python
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # pragma: no cover - not CPython
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]  # the same function, public name

MAGIC = b"TRCACHE3"
KEY_FILE = "cache.key"
_KEY_BYTES = 32
_SIGNATURE_BYTES = 32
_DIGEST_BYTES = 32
_COUNT = struct.Struct("<I")  # how many sealed parts follow the signed part
_LENGTH = struct.Struct("<Q")  # the signed part's length, then each sealed part's
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


def sign(key: bytes, body: bytes | memoryview) -> bytes:
    """The MAC of ``body`` under ``key`` (keyed BLAKE2b, 32 bytes)."""
    return blake2b(body, key=key, digest_size=_SIGNATURE_BYTES).digest()


def name_for(text: str) -> str:
    """A short stable file name for ``text`` (not secret: no key)."""
    return blake2b(text.encode(), digest_size=12).hexdigest()


class Sealed:
    """Bytes kept in a cache but checked only when used (see the module's note).

    ``open()`` gives the bytes; for bytes read from a cache it first checks them
    against the digest kept in the signed part, and raises ValueError if they differ.
    """

    __slots__ = ("_data", "_digest")

    def __init__(self, data: bytes | memoryview, digest: bytes | None = None):
        self._data, self._digest = data, digest

    def __reduce_ex__(self, protocol):
        data = self.open()
        # Out of band when dump() writes it (pickle protocol 5), in line otherwise.
        return (Sealed, (pickle.PickleBuffer(data), blake2b(data, digest_size=_DIGEST_BYTES).digest()))

    def open(self) -> bytes | memoryview:
        if self._digest is not None:
            if not compare_digest(blake2b(self._data, digest_size=_DIGEST_BYTES).digest(), self._digest):
                raise ValueError("a part of the cache was changed after it was written")
            self._digest = None
        return self._data


def dump(path: Path, obj: object, key: bytes | None = None) -> bool:
    """Pickle ``obj`` to ``path`` (atomically) with this install's signature; False if not kept."""
    key = key if key is not None else install_key()
    if key is None:
        return False
    parts: list[pickle.PickleBuffer] = []
    try:
        head = pickle.dumps(obj, protocol=5, buffer_callback=parts.append)
        sealed = [part.raw() for part in parts]
    except (pickle.PicklingError, TypeError, AttributeError, BufferError):
        return False
    signed = b"".join(
        [_COUNT.pack(len(sealed)), _LENGTH.pack(len(head)), *(_LENGTH.pack(len(p)) for p in sealed), head]
    )
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(MAGIC + sign(key, signed) + signed)
            for part in sealed:
                fh.write(part)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False
    return True


def load(path: Path, key: bytes | None = None) -> object:
    """What ``dump`` kept at ``path``. OSError if unreadable, ValueError if not signed by this install
    (its ``Sealed`` parts are checked when opened)."""
    key = key if key is not None else install_key()
    if key is None:
        raise ValueError("no install key: caches are not read")
    with open(path, "rb") as fh:
        data = fh.read()
    not_ours = ValueError(f"{path}: not a cache this install wrote")
    start = len(MAGIC) + _SIGNATURE_BYTES
    if len(data) < start + _COUNT.size or data[: len(MAGIC)] != MAGIC:
        raise not_ours
    (count,) = _COUNT.unpack_from(data, start)
    table = start + _COUNT.size
    lengths_end = table + _LENGTH.size * (count + 1)
    if lengths_end > len(data):
        raise not_ours
    lengths = [_LENGTH.unpack_from(data, table + _LENGTH.size * n)[0] for n in range(count + 1)]
    signed_end = lengths_end + lengths[0]
    if signed_end + sum(lengths[1:]) != len(data):
        raise not_ours
    view = memoryview(data)
    if not compare_digest(data[len(MAGIC) : start], sign(key, view[start:signed_end])):
        raise not_ours
    parts, offset = [], signed_end
    for length in lengths[1:]:
        parts.append(view[offset : offset + length])
        offset += length
    # signed with our own key: we wrote these bytes (and the sealed parts' digests)
    return pickle.loads(view[lengths_end:signed_end], buffers=parts)
