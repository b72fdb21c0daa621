"""Reading the small JSON files that travel between copies of the app (feedback
bundles, observation files): one plain line for every way a file can be wrong."""

from __future__ import annotations

from pathlib import Path

from trainer.content_format.schema import explain
from trainer.domain.errors import reason
from trainer.records import safe_json

MAX_FILE_DEPTH = 48  # a record may nest 32 deep (records/record_check.py), inside a file


def read_json_file(path: Path, what: str, error: type[Exception], max_bytes: int):
    """The parsed JSON of ``path``, or ``error`` raised with one plain line.

    ``what`` names the kind of file with its article, e.g. "a feedback bundle".
    """
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes:
            raise error(f"{path.name}: too large to be {what}")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path.name}: is a folder, not {what}") from None
    except OSError as exc:
        raise error(f"{path.name}: cannot read the file ({reason(exc)})") from None
    try:
        return safe_json.loads(raw, max_depth=MAX_FILE_DEPTH)
    except safe_json.BadJson as exc:
        if "UTF-8" in exc.reason:
            raise error(f"{path.name}: not a text file; {what} is JSON") from None
        if exc.line is not None:
            raise error(
                f"{path.name}, line {exc.line}: {exc.reason}; the file may be cut short, ask for it again"
            ) from None
        raise error(f"{path.name}: {exc.reason}; it is not {what} this app can read") from None


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


def session_identity(session: dict) -> dict:
    """The session as a file handed to a participant names it (bundles, attendance files)."""
    return {
        "uid": session["uid"],
        "title": session.get("title", ""),
        "date": session["date"],
        "team": session.get("team", ""),
        "plan_title": session.get("plan_title", ""),
    }
