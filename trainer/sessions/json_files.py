"""Reading the small JSON files that travel between copies of the app (feedback
bundles, observation files): one plain line for every way a file can be wrong."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.content_format.schema import explain
from trainer.domain.errors import reason


def read_json_file(path: Path, what: str, error: type[Exception], max_bytes: int):
    """The parsed JSON of ``path``, or ``error`` raised with one plain line.

    ``what`` names the kind of file with its article, e.g. "a feedback bundle".
    """
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes:
            raise error(f"{path.name}: too large to be {what}")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise error(f"{path.name}: not a text file; {what} is JSON") from None
    except OSError as exc:
        raise error(f"{path.name}: cannot read the file ({reason(exc)})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            f"{path.name}, line {exc.lineno}: not valid JSON ({exc.msg}); the file may be cut short, ask for it again"
        ) from None


def field_path(loc: tuple) -> str:
    """pydantic's error location as the file's field: ('observations', 0, 'round') -> observations[1].round."""
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def check_versioned(data, name: str, *, fmt: str, version: int, what: str, label: str, error: type[Exception], model):
    """Check the ``format`` and ``version`` fields, then validate with the pydantic ``model``.

    ``what`` is the kind of file with its article ("a feedback bundle"), ``label``
    how its version is spoken of ("bundle"). Raises ``error`` with one plain line.
    """
    from pydantic import ValidationError  # lazy: pydantic loads with the first schema check

    if not isinstance(data, dict) or data.get("format") != fmt:
        raise error(f"{name}: not {what} from Practitioner Trainer")
    found = data.get("version")
    if not isinstance(found, int) or isinstance(found, bool):
        raise error(f"{name}: field 'version' is missing or not a whole number")
    if found > version:
        raise error(f"{name}: {label} version {found} is newer than this app reads (version {version}); update the app")
    if found < 1:
        raise error(f"{name}: {label} version {found} is not known")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise error(f"{name}: field '{field_path(err['loc'])}': {explain(err)}") from None
