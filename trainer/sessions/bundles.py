"""Feedback bundles: the observations about one participant, as one JSON file.

The trainer exports one file per participant; the participant imports it
into their own data folder, where each observation becomes an
``observation`` record. The format is described in docs/BUNDLES.md.

Import is careful with a person's records: the whole file is checked before
anything is written, every problem is one plain line, importing the same
file twice adds nothing (record uids are derived from the bundle), and an
existing record is never changed.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from trainer.records.quarantine import describe, set_aside
from trainer.records.schemas import split_valid
from trainer.records.storage import atomic_write_bytes
from trainer.records.store import RecordStore
from trainer.sessions.counts import BEHAVIOUR_KEYS, clean_counts
from trainer.sessions.json_files import check_versioned, read_json_file, session_identity

FORMAT = "practitioner-trainer/feedback-bundle"
VERSION = 1
IMPORTED_KIND = "observation"
SOURCE = "team-session-bundle"
_NAMESPACE = uuid.UUID("6d1f4c1e-5a0b-4c47-9a53-0e5b8f1c2a90")
MAX_BYTES = 5_000_000


class BundleError(ValueError):
    """A bundle that cannot be read or imported; str() is one plain line."""


# -- the file format ----------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, defer_build=True)


class BundleSession(_Model):
    uid: str = Field(min_length=1)
    title: str = ""
    date: str = Field(min_length=1)
    team: str = ""
    plan_title: str = ""


class BundleLearner(_Model):
    name: str = Field(min_length=1)


class BundleCalibration(_Model):
    """The observer's latest coding-practice agreement with an expert (since issue 22)."""

    kappa: float | None = Field(default=None, ge=-1, le=1, allow_inf_nan=False)
    agreement: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    date: str = ""
    items: int = Field(default=0, ge=0)
    scenario: str = ""


class BundleObservation(_Model):
    uid: str = Field(min_length=1)
    round: int = Field(ge=1)
    round_title: str = ""
    skill: str = ""
    observer_name: str = Field(min_length=1)
    observer_id: str = ""  # the observer's roster id in the session (since issue 23)
    note: str = ""
    counts: dict[str, int]
    items: dict[str, dict] = {}  # checklist ratings by skill id (optional)
    globals: dict[str, int | None] = {}
    calibration: BundleCalibration | None = None  # absent in bundles before issue 22


class Bundle(_Model):
    format: str
    version: int
    exported: str = ""
    session: BundleSession
    learner: BundleLearner
    observations: list[BundleObservation]


# -- export --------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "participant"


def build_bundles(
    session: dict,
    observations: list[dict],
    round_titles: dict[int, str] | None = None,
    exported: str = "",
    calibrations: dict[str, dict] | None = None,
) -> dict[str, dict]:
    """{participant id: bundle dict} for every participant someone observed;
    ``calibrations``: {observer id: their latest calibration} (services/coding_practice.py)."""
    round_titles = round_titles or {}
    calibrations = calibrations or {}
    out: dict[str, dict] = {}
    for person in session["participants"]:
        about = [o for o in observations if o.get("learner") == person["id"]]
        if not about:
            continue
        out[person["id"]] = {
            "format": FORMAT,
            "version": VERSION,
            "exported": exported,
            "session": session_identity(session),
            "learner": {"name": person["name"]},
            "observations": [
                {
                    "uid": o["uid"],
                    "round": o["round"] + 1,
                    "round_title": round_titles.get(o["round"], ""),
                    "skill": o.get("skill", ""),
                    "observer_name": o.get("observer_name", "") or "Observer",
                    "observer_id": str(o.get("observer", "")),
                    "note": o.get("note", ""),
                    "counts": clean_counts(o.get("counts")),
                    "items": o.get("items") or {},
                    "globals": o.get("globals") or {},
                    "calibration": calibrations.get(str(o.get("observer", ""))),
                }
                for o in about
            ],
        }
    return out


def write_bundles(outdir: Path, session: dict, bundles: dict[str, dict]) -> list[Path]:
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    names = {p["id"]: p["name"] for p in session["participants"]}
    paths = []
    for pid, bundle in bundles.items():
        path = outdir / f"feedback-{session['date']}-{_slug(names.get(pid, pid))}-{pid[:6]}.json"
        atomic_write_bytes(path, (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        paths.append(path)
    return paths


# -- import --------------------------------------------------------------------------
def read_bundle(path: Path) -> Bundle:
    """Parse and check a bundle file; raise BundleError with one plain line."""
    path = Path(path)
    data = read_json_file(path, "a feedback bundle", BundleError, MAX_BYTES)
    bundle = check_versioned(
        data,
        path.name,
        fmt=FORMAT,
        version=VERSION,
        what="a feedback bundle",
        label="bundle",
        error=BundleError,
        model=Bundle,
    )
    for i, obs in enumerate(bundle.observations):
        unknown = set(obs.counts) - set(BEHAVIOUR_KEYS)
        if unknown:
            raise BundleError(
                f"{path.name}: field 'observations[{i + 1}].counts': unknown behaviour '{sorted(unknown)[0]}'"
            )
        if any(v < 0 for v in obs.counts.values()):
            raise BundleError(f"{path.name}: field 'observations[{i + 1}].counts': counts cannot be negative")
        for skill, item in obs.items.items():
            rating = item.get("rating") if isinstance(item, dict) else "?"
            notes_ok = isinstance(item, dict) and all(isinstance(v, str) for k, v in item.items() if k != "rating")
            # "na" (not applicable) is what the checklist's N key stores.
            if rating not in (0, 1, 2, "na", None) or isinstance(rating, bool) or not notes_ok:
                raise BundleError(
                    f"{path.name}: field 'observations[{i + 1}].items.{skill}': expected a rating "
                    'of 0, 1, 2, "na" or null and notes as text'
                )
        for name, value in obs.globals.items():
            if value is not None and (isinstance(value, bool) or not 1 <= value <= 5):
                raise BundleError(
                    f"{path.name}: field 'observations[{i + 1}].globals.{name}': "
                    "expected a whole number from 1 to 5, or null"
                )
    return bundle


def imported_uid(session_uid: str, observation_uid: str) -> str:
    """The same bundle observation always becomes the same record uid."""
    return str(uuid.uuid5(_NAMESPACE, f"{session_uid}/{observation_uid}"))


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    learner: str
    session_date: str
    quarantined: int = 0
    quarantine_file: Path | None = None
    coded_by: tuple[str, ...] = ()  # "coded by Sam, calibration kappa 0.72 on 3 Dec", one per observer

    def message(self) -> str:
        text = self._added_message()
        if self.coded_by:
            text += " " + "; ".join(self.coded_by) + "."
        if self.quarantined:
            text += " " + describe(self.quarantined, self.quarantine_file)
        return text

    def _added_message(self) -> str:
        if not self.added and not self.skipped:
            return f"Nothing added from the session on {self.session_date}."
        if not self.added:
            return (
                f"Nothing new: the {self.skipped} observation{'s' if self.skipped != 1 else ''} from the "
                f"session on {self.session_date} were already in your records."
            )
        text = f"Added {self.added} observation{'s' if self.added != 1 else ''} from the session on {self.session_date}"
        return text + (f" ({self.skipped} already there)." if self.skipped else ".")


def import_bundle(store: RecordStore, profile_id: str, path: Path) -> ImportResult:
    """Add the bundle's observations to ``profile_id``'s records (idempotent), in one
    durable step and in time linear in their number. An observation the app could not
    show (it fails the record schema) is set aside in the quarantine, never stored."""
    return store_bundle(store, profile_id, read_bundle(path), Path(path).name)


def store_bundle(store: RecordStore, profile_id: str, bundle: Bundle, name: str) -> ImportResult:
    """The store's half of ``import_bundle``, for a bundle already read (the window reads
    it off the UI thread, then stores it on the UI thread, where the store lives)."""
    skipped = 0
    new: dict[str, dict] = {}
    now = store.now()
    for obs in bundle.observations:
        uid = imported_uid(bundle.session.uid, obs.uid)
        if uid in new or store.get(IMPORTED_KIND, uid) is not None:
            skipped += 1
            continue
        new[uid] = {
            # The fields of a Skills observer checklist, so the dashboard and
            # "You and your observer" show it like any other observation...
            "date": bundle.session.date,
            "observer": obs.observer_name,
            "observer_id": obs.observer_id,
            "learner": bundle.learner.name,
            "session_id": bundle.session.uid,
            "round_id": str(obs.round),
            "items": dict(obs.items),
            "globals": dict(obs.globals),
            "events": [],
            # ...plus where it came from.
            "uid": uid,
            "profile": profile_id,
            "source": SOURCE,
            "session_uid": bundle.session.uid,
            "session_title": bundle.session.title,
            "session_date": bundle.session.date,
            "team": bundle.session.team,
            "observer_name": obs.observer_name,
            "learner_name": bundle.learner.name,
            "round": obs.round,
            "round_title": obs.round_title,
            "skill": obs.skill,
            "note": obs.note,
            "counts": clean_counts(obs.counts),
            "calibration": obs.calibration.model_dump() if obs.calibration else None,
            "created": now,
            "updated": now,
        }
    good, bad = split_valid(IMPORTED_KIND, list(new.values()))
    coded_by: tuple[str, ...] = ()
    if any(o.calibration is not None for o in bundle.observations):  # old bundles: the message as before
        coded_by = tuple(dict.fromkeys(coded_by_line(o.observer_name, o.calibration) for o in bundle.observations))
    where = (
        set_aside(store.folder, IMPORTED_KIND, bad, f"the feedback bundle {name}")
        if bad and store.folder is not None
        else None
    )
    store.add_many(IMPORTED_KIND, good)
    return ImportResult(len(good), skipped, bundle.learner.name, bundle.session.date, len(bad), where, coded_by)


def coded_by_line(observer: str, calibration: BundleCalibration | None) -> str:
    """ "Coded by Sam, calibration kappa 0.72 on 3 Dec" (or "..., not calibrated")."""
    if calibration is None or calibration.kappa is None:
        return f"Coded by {observer}, not calibrated"
    return f"Coded by {observer}, calibration kappa {calibration.kappa:.2f}{_on(calibration.date)}"


def _on(day: str) -> str:
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return ""
    return f" on {when.day} {when.strftime('%b')}"
