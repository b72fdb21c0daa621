"""The short session code a trainer reads out to the room.

Six characters derived from the session uid, from an alphabet without the
look-alikes 0/O, 1/I/L and U, so "K7P2QX" survives being read out, written
on a flip chart and typed on another computer. Stdlib only: the control
view and the presenter view show it.
"""

from __future__ import annotations

import hashlib

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
LENGTH = 6


def session_code(session_uid: str) -> str:
    """The same uid always gives the same code."""
    number = int.from_bytes(hashlib.sha256(session_uid.encode("utf-8")).digest()[:8], "big")
    out = []
    for _ in range(LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        out.append(ALPHABET[digit])
    return "".join(out)


def normalise_code(text: str) -> str:
    """What a person typed, as a code: upper case, without spaces or dashes."""
    return "".join(ch for ch in str(text).upper() if ch not in " -\u2009\u00a0\t")


def is_code(text: str) -> bool:
    code = normalise_code(text)
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)
