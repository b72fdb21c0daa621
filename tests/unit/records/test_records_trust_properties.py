"""Property tests for every reader of outside files: bundles, observer files, backups,
``records.json`` and journal lines. Any input gives a result or one clear error (the
reader's own, one line), never a traceback, and never a change to the store on error."""

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.export.backup import FORMAT as BACKUP
from trainer.export.backup import BackupError, read_backup, restore
from trainer.records.errors import StoreError
from trainer.records.files import read_journal
from trainer.records.schemas import problem
from trainer.records.store import memory_store, open_store, read_on_disk
from trainer.sessions.bundles import FORMAT as BUNDLE
from trainer.sessions.bundles import BundleError, import_bundle
from trainer.sessions.observation_file import FORMAT as FORM
from trainer.sessions.observation_file import ObservationFileError, read_observation_file
from trainer.tools.doctor import run_doctor

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = ["reflection", "progress", "goal", "goal_checkin", "bookmark", "observation", "profiles", "note"]
FIELDS = [
    "uid",
    "created",
    "updated",
    "profile",
    "date",
    "module",
    "position",
    "done",
    "title",
    "tags",
    "sections",
    "items",
    "globals",
    "counts",
    "name",
    "goal",
    "confidence",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["2026-01-02", "2026-01-02T10:00:00+00:00", "zzz", "", "r1"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8) | values
texts = (
    st.binary(max_size=200)
    | st.text(max_size=200).map(str.encode)
    | values.map(lambda v: json.dumps(v).encode())
    | st.sampled_from([b"[" * 5000, b'{"a": ' + b"9" * 5000 + b"}", b"\xef\xbb\xbf{}", b"NaN"])
)


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="trainer-prop-"))


def _one_line(exc: Exception) -> bool:
    return "\n" not in str(exc) and bool(str(exc).strip())


def _write(raw: bytes) -> Path:
    path = _folder() / "file.json"
    path.write_bytes(raw)
    return path


@SETTINGS
@given(raw=texts)
def test_any_bytes_as_a_backup_bundle_or_form(raw):
    path = _write(raw)
    for reader, error in ((read_backup, BackupError), (read_observation_file, ObservationFileError)):
        try:
            reader(path)
        except error as exc:
            assert _one_line(exc)


@SETTINGS
@given(recs=st.dictionaries(st.sampled_from(KINDS), st.lists(records, max_size=4), max_size=3))
def test_any_backup_restores_only_usable_records_or_changes_nothing(recs):
    folder = _folder()
    store = open_store(folder)
    store.import_record("reflection", {"uid": "mine", "title": "Mine", "updated": "2026-01-02T10:00:00+00:00"})
    before = read_on_disk(folder)
    try:
        restore(store, {"format": BACKUP, "version": 1, "records": recs})
    except BackupError as exc:
        assert _one_line(exc)
        assert read_on_disk(folder) == before
    for kind in store.kinds():
        for rec in store.all(kind):
            assert problem(kind, rec) is None, rec
    assert store.get("reflection", "mine") is not None
    store.close()


@SETTINGS
@given(
    session=st.dictionaries(st.sampled_from(["uid", "date", "title"]), values, max_size=3),
    observations=st.lists(
        st.dictionaries(
            st.sampled_from(["uid", "round", "observer_name", "counts", "items", "globals", "note"]), values, max_size=7
        ),
        max_size=3,
    ),
)
def test_any_bundle_imports_usable_observations_or_changes_nothing(session, observations):
    folder = _folder()
    path = _write(
        json.dumps(
            {"format": BUNDLE, "version": 1, "session": session, "learner": {"name": "A"}, "observations": observations}
        ).encode()
    )
    store = open_store(folder / "data")
    before = read_on_disk(folder / "data")
    try:
        import_bundle(store, "default", path)
    except BundleError as exc:
        assert _one_line(exc)
        assert read_on_disk(folder / "data") == before
    for rec in store.all("observation"):
        assert problem("observation", rec) is None
    store.close()


@SETTINGS
@given(
    form=st.dictionaries(
        st.sampled_from(["uid", "session_code", "round", "practitioner", "observer", "observation"]), values, max_size=6
    )
)
def test_any_observation_form(form):
    path = _write(json.dumps({"format": FORM, "version": 1, **form}).encode())
    try:
        read_observation_file(path)
    except ObservationFileError as exc:
        assert _one_line(exc)


def _check_opens(folder: Path) -> None:
    copy = Path(tempfile.mkdtemp()) / "copy"
    shutil.copytree(folder, copy)
    assert run_doctor(copy, say=lambda _line: None) in (0, 1)  # the doctor never crashes
    try:
        store = open_store(folder)
    except StoreError as exc:
        assert _one_line(exc)
        return
    for kind in store.kinds():
        for rec in store.all(kind):
            assert problem(kind, rec) is None
    store.add("note", {"text": "still works"})
    store.close()
    reopened = open_store(folder)
    assert len(reopened.all("note")) >= 1
    reopened.close()


@SETTINGS
@given(
    raw=texts
    | st.dictionaries(
        st.sampled_from(KINDS + ["_meta"]),
        st.dictionaries(st.sampled_from(["1", "2", "x"]), records, max_size=3),
        max_size=3,
    ).map(lambda d: json.dumps(d).encode())
)
def test_any_records_file_opens_or_says_why(raw):
    folder = _folder()
    (folder / "records.json").write_bytes(raw)
    _check_opens(folder)


journal_ops = st.fixed_dictionaries(
    {
        "seq": st.integers(-2, 50) | values,
        "op": st.sampled_from(["put", "del", "x"]),
        "kind": st.sampled_from(KINDS + ["_meta"]) | values,
    },
    optional={"rec": records, "uid": values},
)


@SETTINGS
@given(lines=st.lists(journal_ops.map(lambda op: json.dumps(op).encode()) | texts, max_size=5), newline=st.booleans())
def test_any_journal_lines_open_or_say_why(lines, newline):
    folder = _folder()
    store = open_store(folder)
    store.add("note", {"text": "before"})
    store.close()
    raw = b"\n".join(line.replace(b"\n", b" ") for line in lines) + (b"\n" if newline else b"")
    (folder / "records.journal").write_bytes(raw)
    read_journal(folder / "records.journal")
    _check_opens(folder)


def test_the_memory_store_rejects_nothing_it_should_keep():
    store = memory_store()
    report = restore(
        store,
        {
            "format": BACKUP,
            "version": 1,
            "records": {"reflection": [{"uid": "a", "date": "2026-01-02", "updated": "2026-01-02T10:00:00+00:00"}]},
        },
    )
    assert report.added == 1 and report.quarantined == 0


T = "2026-01-02T10:00:00+00:00"
VALID = {
    "reflection": {"date": "2026-01-02", "title": "t", "tags": ["a"], "sections": {"a": "x"}, "link": None},
    "progress": {"module": "m", "done": True, "done_at": T, "position": 0.5},
    "goal": {"goal": "g", "importance": 5, "confidence": None, "plan": {"what": "w"}, "every_days": 7},
    "goal_checkin": {"goal": "g", "date": "2026-01-02", "confidence": 3},
    "bookmark": {"module": "m", "text": "t"},
    "observation": {"date": "2026-01-02", "items": {"s": {"rating": 1}}, "globals": {"g": 3}, "counts": {"c": 1}},
    "profiles": {"name": "A"},
    "profile_state": {"last_module": "m"},
    "coding_practice": {
        "scenario": "s",
        "date": "2026-01-02",
        "codes": ["summary"],
        "agreement": 0.5,
        "kappa": -0.25,
        "per_code": {"summary": {"both": 1}},
        "items": 2,
    },
    "review_card": {"card": "m#q", "module": "m", "question": "q", "fsrs": {"state": 2}, "due": T},
    "review_log": {"card": "m#q", "rating": 3, "reviewed_at": T, "answer": "a", "correct": None, "seconds": 4.5},
    "note": {},
}
tricky = values | st.sampled_from(
    [
        0.5,
        1,
        1.5,
        -0.0,
        float("nan"),
        True,
        [],
        {},
        {"a": None},
        {"a": 1},
        ["a", 1],
        "2026-02-30",
        "2026-01-02T25:00",
        T,
        "",
        None,
    ]
)


@st.composite
def near_valid(draw):
    kind = draw(st.sampled_from(sorted(VALID)))
    rec = {"uid": "u", "profile": "p", "created": T, "updated": T, **VALID[kind]}
    for name in draw(st.lists(st.sampled_from(sorted(rec) + ["extra"]), max_size=2)):
        if draw(st.booleans()):
            rec[name] = draw(tricky)
        else:
            rec.pop(name, None)
    return kind, rec


@settings(max_examples=400, deadline=None)
@given(case=near_valid() | st.tuples(st.sampled_from(sorted(VALID)), records))
def test_the_quick_check_at_open_never_passes_what_the_schema_refuses(case):
    from trainer.records.record_check import clearly_usable

    kind, rec = case
    if clearly_usable(kind, rec):
        assert problem(kind, rec) is None, rec


def test_the_quick_check_agrees_with_the_schema_on_every_field_and_edge_value():
    from trainer.records.record_check import clearly_usable

    edges = [
        0.5,
        1,
        1.5,
        -1,
        -0.0,
        float("nan"),
        float("inf"),
        True,
        False,
        [],
        {},
        {"a": None},
        {"a": 1},
        {"a": "b"},
        {"a": {}},
        ["a"],
        ["a", 1],
        "2026-02-30",
        "2026-01-02T25:00",
        T,
        "2026-01-02",
        "",
        "x",
        None,
        7,
    ]
    for kind, fields in VALID.items():
        base = {"uid": "u", "profile": "p", "created": T, "updated": T, **fields}
        assert clearly_usable(kind, base), kind
        for name in [*base, "extra"]:
            for value in edges:
                rec = {**base, name: value}
                if clearly_usable(kind, rec):
                    assert problem(kind, rec) is None, (kind, name, value)
            rec = {k: v for k, v in base.items() if k != name}
            if clearly_usable(kind, rec):
                assert problem(kind, rec) is None, (kind, name, "missing")
