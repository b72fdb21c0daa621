"""The whole demo in Debian's chromium: seven phones play the taster, the trainer moves the phases.

Seven browser contexts (seven phones, each its own storage) join by the page,
see their group and role each round, observers count, undo, rate and write
notes, one phone reloads in the middle of a round, and at the end everyone
reads and downloads their own feedback. The session record then holds every
tap once, every rating and every note: nothing lost, nothing twice.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import expect

from trainer.records.store import memory_store
from trainer.services.attendance import AttendanceService
from trainer.sessions.bundles import import_bundle

pytestmark = pytest.mark.slow

TAPS = ["Open question", "Open question", "Simple reflection", "Affirmation"]  # then Undo: the affirmation goes
KEYS = {"Open question": "open_question", "Simple reflection": "simple_reflection", "Affirmation": "affirmation"}


def _join(page, url: str, code: str, name: str) -> None:
    page.goto(url + "?code=" + code)  # as the QR code opens it
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(name, exact=True).check()
    page.get_by_role("button", name="Join").click()
    expect(page.locator("#status")).to_have_text("Connected")


def test_seven_phones_play_the_taster_in_the_browser_and_nothing_is_lost(
    browser, room, service, session, taster, state_at, course, tmp_path
):
    state = room.room.state
    url, code = room.url, state.code
    first_global = course.framework.globals[0]
    contexts, pages = [], {}
    try:
        for pid, name in state.people.items():
            context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(15_000)
            _join(page, url, code, name)
            pages[pid] = page
        assert len(pages) == 7
        assert {p["name"] for p in room.room.joined() if p["connected"]} == set(state.people.values())

        expected: Counter = Counter()
        observed = []  # (round, observer, learner)
        reloaded = False
        for index, phase in enumerate(taster.phases):
            now = state_at(index)
            room.publish(now)
            for page in pages.values():
                expect(page.locator("#phase-title")).to_have_text(phase.title)
            if phase.kind != "practice":
                continue
            roles = Counter()
            for pid, page in pages.items():
                seat = now.seat(pid)
                assert seat is not None
                label = {"practitioner": "Practitioner", "person": "Person", "observer": "Observer"}[seat.role]
                expect(page.locator("#role")).to_have_text("Your role: " + label)
                roles[seat.role] += 1
            assert roles["observer"] >= 1 and roles["practitioner"] + roles["person"] + roles["observer"] == 7
            for pid, page in pages.items():
                seat = now.seat(pid)
                if seat.role != "observer" or seat.learner is None:
                    expect(page.locator("#counter")).to_be_hidden()
                    continue
                expect(page.locator("#counter-who")).to_contain_text(now.people[seat.learner])
                for label in TAPS[:2]:
                    page.get_by_role("button", name=re.compile("^" + label)).click()
                if not reloaded:  # the phone drops in the middle of counting and comes back
                    expect(page.locator("#sync")).to_have_text("Saved")
                    page.reload()
                    expect(page.locator("#status")).to_have_text("Connected")
                    expect(page.get_by_role("button", name="Open question: 2")).to_be_visible()
                    reloaded = True
                for label in TAPS[2:]:
                    page.get_by_role("button", name=re.compile("^" + label)).click()
                page.get_by_role("button", name="Undo last tap").click()
                expect(page.locator("#sync")).to_have_text("Saved")
                expect(page.get_by_role("button", name="Affirmation: 0")).to_be_visible()
                page.get_by_role("button", name="Done well").click()
                expect(page.get_by_role("button", name="Done well")).to_have_attribute("aria-pressed", "true")
                page.get_by_label("What was said").fill(f"Round {seat.round_index + 1}: asked what matters")
                page.get_by_label("Other notes").fill("Left room for the person's own agenda")
                page.get_by_role("button", name=f"{first_global.name}: 4 of {first_global.max}").click()
                page.get_by_role("button", name="Save notes").click()
                expect(page.locator("#notes-sync")).to_have_text("Notes saved")
                for label in TAPS[:3]:
                    expected[(seat.round_index, KEYS[label])] += 1
                observed.append((seat.round_index, pid, seat.learner))

        # the last phase: everyone reads their own feedback; the observed download the file
        assert room.room.state.feedback_open
        learners = {learner for _, _, learner in observed}
        for pid, page in pages.items():
            page.get_by_role("button", name="Show my feedback").click()
            body = page.locator("#feedback-body")
            expect(body).to_contain_text(f"{state.people[pid]} attended Riverside taster")
            # everyone, observed or not, takes their attendance file: it credits the session's CPD time
            with page.expect_download() as download:
                page.get_by_role("link", name="Download your attendance file (CPD)").click()
            path = tmp_path / f"{pid}-{download.value.suggested_filename}"
            download.value.save_as(path)
            mine = memory_store()
            AttendanceService(mine, "learner").import_file(path)
            (credited,) = mine.all("session_attendance")
            assert credited["session_uid"] == session["uid"] and credited["minutes"] == taster.total_minutes
            if pid not in learners:
                expect(body).to_contain_text("No one observed you")
                continue
            expect(body).to_contain_text("What was said: Round")
            expect(body).to_contain_text("Done well")
            expect(body).to_contain_text(f"{first_global.name}4 of {first_global.max}")
            with page.expect_download() as download:
                page.get_by_role("link", name="Download the file for the app").click()
            path = tmp_path / f"{pid}-{download.value.suggested_filename}"
            download.value.save_as(path)
            assert import_bundle(memory_store(), "learner", path).added >= 1
    finally:
        for context in contexts:
            context.close()

    # the session record holds every tap once, and every rating and note
    assert len(observed) == len(taster.practice_phases())
    stored: Counter = Counter()
    for rnd, observer, learner in observed:
        rec = service.find_observation(session["uid"], rnd, observer, learner)
        assert len(rec["live_taps"]) == len(TAPS) + 1  # four taps and one undo, each once
        assert rec["items"][rec["skill"]]["rating"] == 2
        assert rec["items"][rec["skill"]]["said"] == f"Round {rnd + 1}: asked what matters"
        assert rec["note"] == "Left room for the person's own agenda"
        assert rec["globals"] == {first_global.id: 4}
        for key, n in rec["counts"].items():
            stored[(rnd, key)] += n
    assert +stored == +expected
    assert sum(expected.values()) == 3 * len(taster.practice_phases())
