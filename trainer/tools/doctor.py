"""``trainer doctor``: check a data folder, say what is there, repair what can be.

Exit status 0 when the folder is healthy or was repaired, 1 when it could
not be (no good backup of a damaged file, a newer records format, or a
damaged file while another copy holds the folder).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from trainer.records import backups as bk
from trainer.records.errors import StoreError, StoreLockedError
from trainer.records.files import JOURNAL, SNAPSHOT, CorruptFile, parse_snapshot, read_journal
from trainer.records.lock import DataLock
from trainer.records.migrations import PROFILES
from trainer.records.quarantine import count, quarantine_path
from trainer.records.record_check import problem
from trainer.records.store import open_store
from trainer.services.profiles import ProfileService


def _check_files(folder: Path, say: Callable[[str], None]) -> bool:
    """Report the records file and journal as found; True when both read cleanly."""
    ok = True
    snapshot = folder / SNAPSHOT
    if not snapshot.exists():
        say(f"Records file: {SNAPSHOT} not found (a new, empty one will be made)")
    else:
        try:
            parse_snapshot(snapshot, snapshot.read_bytes())
            say(f"Records file: {SNAPSHOT} reads correctly ({snapshot.stat().st_size:,} bytes)")
        except CorruptFile as bad:
            say(f"Records file: {SNAPSHOT} is DAMAGED: {bad.reason}" + (f" [{bad.detail}]" if bad.detail else ""))
            ok = False
    ops, torn, bad_line = read_journal(folder / JOURNAL)
    if ops or torn or bad_line:
        state = f"{len(ops)} unsaved-to-snapshot change{'s' if len(ops) != 1 else ''}"
        if torn:
            state += "; the last line was cut off by a crash (it is dropped)"
        if bad_line:
            state += f"; line {bad_line} is DAMAGED"
            ok = False
        say(f"Recent changes: {JOURNAL}: {state}")
    return ok


def _report_backups(folder: Path, say: Callable[[str], None]) -> None:
    backups = bk.list_backups(folder)
    if not backups:
        say("Backups: none yet")
        return
    bad = []
    for path in backups:
        try:
            if bk.load_backup(path).bad_line is not None:
                bad.append(path.name)
        except (CorruptFile, OSError):
            bad.append(path.name)
    say(
        f"Backups: {len(backups)} in {bk.backup_dir(folder)}; newest {backups[0].name} "
        f"({bk.describe_time(bk.backup_time(backups[0]))})"
    )
    if bad:
        say(f"  {len(bad)} backup{'s' if len(bad) != 1 else ''} cannot be read: {', '.join(bad)}")


def _restore(store, folder: Path, name: str, say: Callable[[str], None]) -> bool:
    backups = bk.list_backups(folder)
    chosen = backups[:1] if name == "newest" else [p for p in backups if p.name.startswith(name)]
    if len(chosen) != 1:
        names = ", ".join(p.name for p in backups[:12]) or "none"
        say(f"PROBLEM: no single backup matches '{name}' (backups, newest first: {names})")
        return False
    try:
        before = store.restore_backup(chosen[0])
    except (CorruptFile, StoreError, OSError) as exc:
        say(f"PROBLEM: backup {chosen[0].name} could not be restored: {exc}")
        return False
    say(
        f"RESTORED: backup {chosen[0].name} ({bk.describe_time(bk.backup_time(chosen[0]))}). "
        f"The records as they were just before are kept in backup {before.name if before else '-'}."
    )
    return True


def run_doctor(folder: Path, say: Callable[[str], None] = print, restore: str | None = None) -> int:
    folder = Path(folder)
    say(f"Data folder: {folder}")
    if not folder.is_dir():
        say("Nothing to check: the folder does not exist yet.")
        return 0
    lock_state = DataLock(folder).state()
    say(f"Lock: {lock_state}")
    files_ok = _check_files(folder, say)
    in_use = lock_state.startswith("in use")
    if in_use and restore:
        say("Cannot restore while the app is running on this folder: close it first.")
        return 1
    try:
        store = open_store(folder, read_only=in_use, lock=not in_use)
    except StoreLockedError as exc:
        say(f"Cannot check further: {exc}")
        return 1
    except StoreError as exc:
        say(f"PROBLEM: {exc}")
        return 1
    restored_ok = True
    try:
        if restore:
            restored_ok = _restore(store, folder, restore, say)
        for notice in store.notices:
            say(("REPAIRED: " if store.repaired and not in_use else "PROBLEM: ") + notice)
        if store.migrated_from:
            say(f"Updated the records format from version {store.migrated_from[0]} (a backup was taken first)")
        say(f"Schema version: {store.schema_version}")
        unusable = _report_schema(store, folder, say)
        _report_profiles(store, say)
        _report_backups(folder, say)
    finally:
        store.close()
    if in_use and not files_ok:
        say("The app is running on this folder: close it, then run 'trainer doctor' again to repair.")
        return 1
    if not restored_ok:
        return 1
    if unusable:
        say("PROBLEM: some records do not fit their schema; run 'trainer doctor' again when the app is closed.")
        return 1
    if store.damaged:
        say("Could not repair: no good backup was found. The damaged file was kept.")
        return 1
    say("Repaired." if store.repaired or not files_ok else "Healthy.")
    return 0


def _report_schema(store, folder: Path, say: Callable[[str], None]) -> int:
    """Every record is checked against its kind's schema when the folder is opened (bad
    ones are set aside then, and said in a notice); say so, and what is in quarantine."""
    records = [(k, r) for k in store.kinds() for r in store.all(k)]
    bad = sum(1 for k, r in records if problem(k, r) is not None)
    say(f"Records checked against their schema: {len(records) - bad} usable" + (f", {bad} NOT usable" if bad else ""))
    held = count(folder)
    if held:
        say(f"Quarantine: {held} record{'s' if held != 1 else ''} set aside in {quarantine_path(folder)}")
    return bad


def _report_profiles(store, say: Callable[[str], None]) -> None:
    service = ProfileService(store)
    counts = service.record_counts()
    profiles = service.list()
    say(f"Profiles: {len(profiles)}")
    for p in profiles:
        per = counts.get(p.id, {})
        detail = ", ".join(f"{k} {n}" for k, n in sorted(per.items())) or "no records"
        say(f"  {p.label} [{p.id}]: {detail}")
    known = {p.id for p in profiles}
    for pid, per in sorted(counts.items()):
        if pid not in known:
            say(
                f"  (records for a profile that no longer exists, {pid}: "
                f"{', '.join(f'{k} {n}' for k, n in sorted(per.items()))})"
            )
    totals = {k: len(store.all(k)) for k in store.kinds() if k != PROFILES}
    say("Records by kind: " + (", ".join(f"{k} {n}" for k, n in sorted(totals.items())) or "none"))
