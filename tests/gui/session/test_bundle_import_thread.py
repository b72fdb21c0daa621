"""File > Import feedback bundle reads the file off the UI thread, so the window stays alive."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

import trainer.ui.session.export as session_export
from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.services.team_session import TeamSessionService
from trainer.sessions.bundles import IMPORTED_KIND, build_bundles, read_bundle, write_bundles


def _bundle_file(sample_course, folder):
    taster = next(p for p in load_content(sample_course).plans if p.id == "taster-90")
    service = TeamSessionService(memory_store(), "trainer-1", seed_source=lambda: 1234)
    session = service.create(taster, title="Taster", date="2026-11-20")
    for name in ("Asha Patel", "Ben Okafor", "Carys Lloyd"):
        service.add_participant(session["uid"], name)
    session = service.make_groups(session["uid"], taster, seed=11)
    group = session["rounds"][0]["groups"][0]
    service.save_observation(session["uid"], 0, group[1], group[0], "Good open questions", {"open_question": 3})
    session = service.get(session["uid"])
    bundles = build_bundles(session, service.observations(session["uid"]), {0: "Round 1"})
    return write_bundles(folder, session, bundles)[0]


def test_the_window_keeps_handling_events_while_a_bundle_is_read(make_app, sample_course, tmp_path, monkeypatch):
    path = _bundle_file(sample_course, tmp_path / "bundles")
    parts = make_app()
    ui_thread = threading.get_ident()
    ticked = threading.Event()
    seen: dict[str, int] = {}

    def slow_read(p):
        seen["thread"] = threading.get_ident()
        # The UI thread's timer can only fire if this runs elsewhere; on the UI thread it would
        # wait here in vain (and the test fails after the timeout, without hanging).
        seen["ticked"] = ticked.wait(timeout=5)
        return read_bundle(p)

    monkeypatch.setattr(session_export, "read_bundle", slow_read)
    QTimer.singleShot(50, ticked.set)
    message = session_export.import_bundle_file(parts.window, parts.store, parts.profile_id, path)

    assert seen["thread"] != ui_thread and seen["ticked"] is True
    assert "1 observation" in message or "added" in message.lower(), message
    assert len(parts.store.all(IMPORTED_KIND, profile=parts.profile_id)) == 1
