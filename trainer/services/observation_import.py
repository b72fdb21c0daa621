"""Add observers' files to the trainer's open team session.

Each observer fills the observer form on their own copy of the app and
saves an observation file (``trainer.sessions.observation_file``). The
trainer imports the files into the open session: each is checked against it
(session code, round, the practitioner on the roster and in that round's
groups) and stored as a ``session_observation`` exactly as if the trainer
had typed it, with the file's uid as ``form_uid`` so that the same file
never adds anything twice. An observation already there for the same
round, observer and practitioner is never replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.domain.errors import reason
from trainer.services.team_session import SessionError, TeamSessionService
from trainer.sessions.observation_file import ObservationFile, ObservationFileError, read_observation_file
from trainer.sessions.session_code import session_code

ADDED, ALREADY, OTHER_SESSION, NOT_ADDED = "added", "already there", "for another session", "not added"


@dataclass(frozen=True)
class FormResult:
    name: str  # the file's name
    status: str  # ADDED, ALREADY, OTHER_SESSION or NOT_ADDED
    message: str
    record_uid: str = ""


@dataclass
class ImportSummary:
    results: list[FormResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def added_uids(self) -> list[str]:
        return [r.record_uid for r in self.results if r.status == ADDED]

    def message(self) -> str:
        """e.g. ``3 forms added, 1 already there, 1 for another session``."""
        counts = [(self.count(status), status) for status in (ADDED, ALREADY, OTHER_SESSION, NOT_ADDED)]
        parts = [f"{n} {status}" for n, status in counts if n]
        if parts:  # the first number says what is counted
            n, status = next((n, status) for n, status in counts if n)
            parts[0] = f"{n} form{'s' if n != 1 else ''} {status}"
        return ", ".join(parts) if parts else "No files chosen."

    def problems(self) -> list[str]:
        """One line per file that was not added, saying why."""
        return [r.message for r in self.results if r.status != ADDED]


def _key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _match(people: list[dict], name: str) -> list[dict]:
    return [p for p in people if _key(p["name"]) == _key(name)]


def import_form(service: TeamSessionService, session_uid: str, form: ObservationFile, name: str) -> FormResult:
    """Check one parsed file against the session and store it (see the module docstring)."""
    session = service.get(session_uid)
    code = session_code(session_uid)
    if form.session_code != code:
        other = next((s for s in service.sessions() if session_code(s["uid"]) == form.session_code), None)
        where = (
            f"the session '{other['title']}' of {other['date']}; open that session and import it there"
            if other
            else "another session"
        )
        return FormResult(
            name, OTHER_SESSION, f"{name}: for {where} (code {form.session_code}; this session's code is {code})."
        )
    if service.find_form(session_uid, form.uid) is not None:
        return FormResult(name, ALREADY, f"{name}: already added.")
    rounds = session["rounds"]
    if not rounds:
        return FormResult(name, NOT_ADDED, f"{name}: this session has no groups yet; make the groups first.")
    if form.round > len(rounds):
        return FormResult(
            name,
            NOT_ADDED,
            f"{name}: round {form.round} does not exist; this session has "
            f"{len(rounds)} practice round{'s' if len(rounds) != 1 else ''}.",
        )
    index = form.round - 1
    in_round = {pid for group in rounds[index]["groups"] for pid in group}
    found = _match(session["participants"], form.practitioner)
    if not found:
        return FormResult(
            name,
            NOT_ADDED,
            f"{name}: no one called '{form.practitioner}' is on the roster; check the spelling with the observer.",
        )
    learners = [p for p in found if p["id"] in in_round]
    if not learners:
        return FormResult(name, NOT_ADDED, f"{name}: {found[0]['name']} is not in the groups of round {form.round}.")
    if len(learners) > 1:
        return FormResult(
            name,
            NOT_ADDED,
            f"{name}: two people in round {form.round} are called "
            f"'{form.practitioner}'; enter this form with Observer notes\u2026",
        )
    learner = learners[0]
    observers = _match(session["participants"], form.observer)
    observer = observers[0]["id"] if len(observers) == 1 else form.observer
    if observer == learner["id"]:
        return FormResult(
            name, NOT_ADDED, f"{name}: the observer and the practitioner are the same person ({learner['name']})."
        )
    if service.find_observation(session_uid, index, observer, learner["id"]) is not None:
        who = observers[0]["name"] if len(observers) == 1 else form.observer
        return FormResult(
            name,
            NOT_ADDED,
            f"{name}: round {form.round} already has notes from {who} on "
            f"{learner['name']}; they were not replaced (open them with "
            "Observer notes\u2026 to change them).",
        )
    obs = form.observation
    rec = service.save_observation(
        session_uid, index, observer, learner["id"], obs.note, obs.counts, obs.items, obs.globals, form_uid=form.uid
    )
    return FormResult(
        name, ADDED, f"{name}: added ({form.observer} on {learner['name']}, round {form.round}).", rec["uid"]
    )


def import_observation_files(service: TeamSessionService, session_uid: str, paths: list[Path]) -> ImportSummary:
    """Import each file in turn; one bad file never stops the others."""
    summary = ImportSummary()
    for path in paths:
        name = Path(path).name
        try:
            result = import_form(service, session_uid, read_observation_file(Path(path)), name)
        except ObservationFileError as exc:
            result = FormResult(name, NOT_ADDED, str(exc))
        except SessionError as exc:
            result = FormResult(name, NOT_ADDED, f"{name}: {exc}")
        except OSError as exc:
            result = FormResult(
                name, NOT_ADDED, f"{name}: could not be saved ({reason(exc)}); check that the data folder is writable."
            )
        summary.results.append(result)
    return summary
