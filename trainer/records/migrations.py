"""Schema versions of the records and the ordered steps between them.

v0: the first, unversioned layout: TinyDB tables of records; no ``_meta``
    table; records may lack ``uid``/``created``/``updated``/``profile``.
v1: a ``_meta`` table holding ``{"schema": 1}``; every record has a uid,
    created and updated times and a profile id; every profile id used has a
    record in the ``profiles`` table.

To change the layout: write ``_v1_to_v2(data, now)``, add it to
``MIGRATIONS`` and raise ``SCHEMA_VERSION``; add a test from each older
version. A backup is taken before any migration runs.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.records.errors import NewerSchemaError
from trainer.records.files import META, META_ID, meta_of
from trainer.records.ids import new_uid

SCHEMA_VERSION = 1
PROFILES = "profiles"
DEFAULT_PROFILE = "default"
DEFAULT_PROFILE_NAME = "My profile"


def schema_of(data: dict) -> int:
    if META not in data:
        return 0
    try:
        return int(meta_of(data).get("schema", 0))
    except (TypeError, ValueError):
        return 0


def _v0_to_v1(data: dict, now: str) -> dict:
    used: set[str] = set()
    for kind, table in data.items():
        if kind == META:
            continue
        for doc in table.values():
            doc.setdefault("uid", new_uid())
            if not isinstance(doc["uid"], str) or not isinstance(doc.get("profile", ""), (str, type(None))):
                continue  # not a record this app made: set aside after migration (schemas.py)
            doc["created"] = doc.get("created") or now
            doc["updated"] = doc.get("updated") or doc["created"]
            if kind == PROFILES:
                doc["profile"] = doc["uid"]
            elif not doc.get("profile"):
                doc["profile"] = DEFAULT_PROFILE
            used.add(doc["profile"])
    profiles = data.setdefault(PROFILES, {})
    known = {doc.get("uid") for doc in profiles.values() if isinstance(doc.get("uid"), str)}
    next_id = max((int(k) for k in profiles if k.isdigit()), default=0) + 1
    for pid in sorted(used - known):
        name = DEFAULT_PROFILE_NAME if pid == DEFAULT_PROFILE else pid
        profiles[str(next_id)] = {"uid": pid, "name": name, "profile": pid, "created": now, "updated": now}
        next_id += 1
    data[META] = {META_ID: {**meta_of(data), "schema": 1}}
    return data


MIGRATIONS: dict[int, Callable[[dict, str], dict]] = {0: _v0_to_v1}


def newer_message(found: int) -> str:
    return (
        f"These records were saved by a newer version of Practitioner Trainer "
        f"(records format {found}; this version understands up to {SCHEMA_VERSION}). "
        "Nothing has been changed. Please install the newer version to open them."
    )


def check_not_newer(data: dict) -> int:
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(newer_message(version))
    return version


def migrate(data: dict, now: str) -> tuple[dict, list[int]]:
    """Bring ``data`` up to SCHEMA_VERSION; return it and the versions it passed."""
    version = check_not_newer(data)
    steps: list[int] = []
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data, now)
        steps.append(version)
        version += 1
    return data, steps


def new_data() -> dict:
    return {META: {META_ID: {"schema": SCHEMA_VERSION}}}
