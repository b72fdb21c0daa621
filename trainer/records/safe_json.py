"""JSON from files a person can be handed, parsed so that any input gives data or one
plain ``BadJson`` (never a ``RecursionError``, never a traceback).

Refused: nesting too deep for the parser, numbers too long to be numbers,
and (unless ``allow_nan``) NaN, Infinity and numbers too large to be finite.
A UTF-8 byte order mark at the start is accepted (Windows Notepad writes one).
"""

from __future__ import annotations

import json
import math
from typing import Any


class BadJson(ValueError):
    """Why the text is not usable JSON, in plain words; ``line`` where known."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


def _no_constant(name: str) -> Any:
    raise BadJson(f"'{name}' is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BadJson(f"the number {text[:20]} is too large")
    return value


def depth_within(value: Any, limit: int) -> bool:
    """True when lists and objects in ``value`` nest at most ``limit`` deep (no recursion)."""
    if not isinstance(value, (dict, list)):
        return True
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return True


def loads(raw: bytes | str, *, allow_nan: bool = False, max_depth: int | None = None) -> Any:
    """Parse ``raw``; raise ``BadJson`` for anything that is not plain, usable JSON
    (with ``max_depth``: also for lists and objects nested deeper than that)."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")  # not "utf-8-sig": its codec is one more module at start-up
        except UnicodeDecodeError:
            raise BadJson("the file is not UTF-8 text") from None
    if raw.startswith("\ufeff"):  # a byte order mark, as some editors on Windows write
        raw = raw[1:]
    extra: dict = {} if allow_nan else {"parse_constant": _no_constant, "parse_float": _finite}
    try:
        data = json.loads(raw, **extra)
    except BadJson:
        raise
    except json.JSONDecodeError as exc:
        raise BadJson(f"not valid JSON ({exc.msg})", exc.lineno) from None
    except RecursionError:
        raise BadJson("it is nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise BadJson(f"it holds a value that cannot be read ({str(exc).split(';')[0]})") from None
    if max_depth is not None and not depth_within(data, max_depth):
        raise BadJson("it is nested too deeply to read")
    return data
