"""Learner profiles: several people can keep their own records on one computer.

Every record a person makes carries ``profile`` = the id of their profile.
Profiles are records too (kind ``profiles``; a profile's own ``profile``
field is its id). The last one used is remembered on the profile record
(``last_used``), so the app can skip the chooser for a lone, known learner.
"""

from __future__ import annotations

from trainer.domain.plain import plain
from trainer.records.ids import new_uid
from trainer.records.migrations import DEFAULT_PROFILE, DEFAULT_PROFILE_NAME, PROFILES
from trainer.records.store import RecordStore

MAX_NAME = 60


class ProfileError(ValueError):
    """A profile request that cannot be done; the text is for people."""


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class Profile:
    id: str
    name: str
    role: str = ""
    last_used: str | None = None
    created: str | None = None
    use_order: int = 0  # increases with each use: times can tie within a second

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


def _profile(rec: dict) -> Profile:
    return Profile(
        rec["uid"],
        rec.get("name") or rec["uid"],
        rec.get("role") or "",
        rec.get("last_used"),
        rec.get("created"),
        int(rec.get("use_order") or 0),
    )


class ProfileService:
    def __init__(self, store: RecordStore):
        self._store = store

    # -- queries -----------------------------------------------------------------
    def list(self) -> list[Profile]:
        return sorted((_profile(r) for r in self._store.all(PROFILES)), key=lambda p: (p.name.casefold(), p.id))

    def get(self, profile_id: str) -> Profile | None:
        rec = self._store.get(PROFILES, profile_id)
        return _profile(rec) if rec else None

    def find_by_name(self, name: str) -> Profile | None:
        wanted = name.strip().casefold()
        return next((p for p in self.list() if p.name.casefold() == wanted), None)

    def last_used(self) -> Profile | None:
        used = [p for p in self.list() if p.last_used]
        return max(used, key=lambda p: (p.use_order, p.last_used)) if used else None

    def startup_choice(self) -> str | None:
        """The profile to open without asking: the only one, if it was used before."""
        profiles = self.list()
        if len(profiles) == 1 and profiles[0].last_used:
            return profiles[0].id
        return None

    def record_counts(self) -> dict[str, dict[str, int]]:
        """{profile id: {kind: number of records}} over every kind but profiles."""
        counts: dict[str, dict[str, int]] = {}
        for kind in self._store.kinds():
            if kind == PROFILES:
                continue
            for rec in self._store.all(kind):
                per = counts.setdefault(str(rec.get("profile")), {})
                per[kind] = per.get(kind, 0) + 1
        return counts

    # -- commands ----------------------------------------------------------------
    def _clean_name(self, name: str, exclude: str | None = None) -> str:
        name = " ".join((name or "").split())
        if not name:
            raise ProfileError("Please type a name for the profile.")
        if len(name) > MAX_NAME:
            raise ProfileError(f"Please use a shorter name (at most {MAX_NAME} characters).")
        other = self.find_by_name(name)
        if other is not None and other.id != exclude:
            raise ProfileError(f"There is already a profile called '{other.name}'.")
        return name

    def create(self, name: str, role: str = "", profile_id: str | None = None) -> Profile:
        name = self._clean_name(name)
        pid = profile_id or new_uid()
        rec = self._store.add(PROFILES, {"uid": pid, "profile": pid, "name": name, "role": " ".join(role.split())})
        return _profile(rec)

    def rename(self, profile_id: str, name: str) -> Profile:
        if self.get(profile_id) is None:
            raise ProfileError("That profile no longer exists.")
        name = self._clean_name(name, exclude=profile_id)
        return _profile(self._store.update_existing(PROFILES, profile_id, {"name": name}))

    def delete(self, profile_id: str) -> int:
        """Delete a profile and every record it owns (after a backup); return how many."""
        if self.get(profile_id) is None:
            raise ProfileError("That profile no longer exists.")
        self._store.backup("before-profile-delete")
        removed = 0
        with self._store.atomic():  # one durable step: all of it or none
            for kind in self._store.kinds():
                if kind == PROFILES:
                    continue
                removed += self._store.delete_all(kind, profile=profile_id)
            self._store.delete(PROFILES, profile_id)
        return removed

    def mark_used(self, profile_id: str) -> None:
        """Make ``profile_id`` the last used. Already so, nothing is written: opening the
        app again changes no file (no journal line, no new backup, no rewrite at close)."""
        current = self.last_used()
        if current is not None and current.id == profile_id:
            return
        if not self._store.read_only:
            order = max((p.use_order for p in self.list()), default=0) + 1
            self._store.update(PROFILES, profile_id, {"last_used": self._store.now(), "use_order": order})

    def default_profile(self) -> Profile:
        """For runs that must not ask (tests, --smoke, screenshots): last used, or any, or new."""
        chosen = self.last_used() or next(iter(self.list()), None)
        if chosen is not None:
            return chosen
        if self._store.read_only:
            return Profile(DEFAULT_PROFILE, DEFAULT_PROFILE_NAME)
        return self.create(DEFAULT_PROFILE_NAME, profile_id=DEFAULT_PROFILE)

    def select_or_create(self, name: str) -> Profile:
        """``--profile NAME``: the profile with that name (or id), made if it does not exist."""
        found = self.find_by_name(name) or self.get(name.strip())
        if found is not None:
            return found
        if self._store.read_only:
            names = ", ".join(p.name for p in self.list()) or "none"
            raise ProfileError(
                f"no profile called '{name}' (existing: {names}); it cannot be created while the records are read-only"
            )
        return self.create(name)
