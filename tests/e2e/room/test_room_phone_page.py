"""The phone page in a real browser (Debian's chromium) against the room on 127.0.0.1."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from room_support import first_practice, observer_and_learner

pytestmark = pytest.mark.slow


def _join(page, room, person_name: str, code: str | None = None) -> None:
    page.goto(room.url)
    page.get_by_label("Session code").fill(code or room.room.state.code)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(person_name).check()
    page.get_by_role("button", name="Join").click()


def test_an_observer_joins_sees_the_role_and_the_taps_reach_the_session(phone, room, service, state_at, taster):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    _join(phone, room, state.people[observer])
    expect(phone.locator("#role")).to_have_text("Your role: Observer")
    expect(phone.locator("#counter-who")).to_contain_text(state.people[learner])
    expect(phone.locator("#status")).to_have_text("Connected")

    phone.get_by_role("button", name=re.compile(r"^Open question")).click()
    phone.get_by_role("button", name=re.compile(r"^Open question")).click()
    phone.get_by_role("button", name=re.compile(r"^Complex reflection")).click()
    phone.get_by_role("button", name="Undo last tap").click()
    expect(phone.get_by_role("button", name="Open question: 2")).to_be_visible()
    expect(phone.get_by_role("button", name="Complex reflection: 0")).to_be_visible()
    expect(phone.locator("#sync")).to_have_text("Saved")
    saved = service.find_observation(state.session_uid, state.round_index, observer, learner)
    assert saved["counts"]["open_question"] == 2 and saved["counts"]["complex_reflection"] == 0
    # the round's checklist: the skill in focus, rated once
    expect(phone.locator("#checklist-heading")).to_have_text("Checklist: Sets the agenda together")
    phone.get_by_role("button", name="Partly").click()
    expect(phone.get_by_role("button", name="Partly")).to_have_attribute("aria-pressed", "true")
    saved = service.find_observation(state.session_uid, state.round_index, observer, learner)
    assert saved["items"][state.skill_id]["rating"] == 1 and saved["counts"]["open_question"] == 2

    # the trainer moves to the next phase and starts the timer: the phone follows
    room.publish(state_at(first_practice(taster) + 1, remaining=125, running=True, duration=300))
    expect(phone.locator("#phase-title")).to_have_text(taster.phases[first_practice(taster) + 1].title)
    expect(phone.locator("#timer")).to_have_text(re.compile(r"^2:0[0-5]$"))
    expect(phone.locator("#announce")).to_have_text("Now: " + taster.phases[first_practice(taster) + 1].title)


def test_a_reload_resends_what_was_pending_without_counting_it_twice(phone, room, service):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    _join(phone, room, state.people[observer])
    button = phone.get_by_role("button", name=re.compile(r"^Summary"))
    button.click()
    expect(phone.locator("#sync")).to_have_text("Saved")
    # as if the ack had been lost: the tap is still pending when the page comes back
    phone.evaluate(
        """(round) => {
        localStorage.setItem('room.pending', JSON.stringify([
          {id: 'lost-ack-tap-1', round: round, code: 'summary', delta: 1},
          {id: 'lost-ack-tap-1', round: round, code: 'summary', delta: 1}]));
        }""",
        state.round_index,
    )
    phone.reload()
    expect(phone.locator("#status")).to_have_text("Connected")
    expect(phone.get_by_role("button", name="Summary: 2")).to_be_visible()
    expect(phone.locator("#sync")).to_have_text("Saved")
    saved = service.find_observation(state.session_uid, state.round_index, observer, learner)
    assert saved["counts"]["summary"] == 2


def test_a_wrong_code_and_a_practitioner_are_refused(phone, room, service):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    phone.goto(room.url)
    phone.get_by_label("Session code").fill("ZZZZZZ")
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_role("alert")).to_contain_text("not the session code")
    _join(phone, room, state.people[learner])
    expect(phone.locator("#role")).to_have_text("Your role: Practitioner")
    expect(phone.locator("#counter")).to_be_hidden()
    # even a hand-made message from the practitioner's page is refused
    phone.evaluate(
        """(round) => new Promise((done) => {
        const ws = new WebSocket('ws://' + location.host + '/api/live?token='
          + encodeURIComponent(JSON.parse(localStorage.getItem('room.token'))));
        ws.onopen = () => ws.send(JSON.stringify({type: 'taps', taps: [
          {id: 'forged-tap-01', round: round, code: 'affirmation', delta: 1}]}));
        ws.onmessage = (e) => { if (JSON.parse(e.data).type === 'refused') { ws.close(); done(); } };
        })""",
        state.round_index,
    )
    assert service.observations(state.session_uid) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_phone_page(browser, room, scheme, shots):
    state = room.room.state
    observer, _, _ = observer_and_learner(state)
    for name, size in (("phone", (390, 844)), ("tablet", (820, 1180))):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, color_scheme=scheme)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(room.url + "?code=" + state.code)
        page.screenshot(path=str(shots / f"room-{name}-join-{scheme}.png"))
        page.get_by_role("button", name="Continue").click()
        page.get_by_label(state.people[observer]).check()
        page.screenshot(path=str(shots / f"room-{name}-names-{scheme}.png"))
        page.get_by_role("button", name="Join").click()
        page.get_by_role("button", name=re.compile(r"^Open question")).click()
        expect(page.locator("#sync")).to_have_text("Saved")
        # the tablet is the same observer as the phone: press only what is not pressed yet (again clears)
        for button in (page.get_by_role("button", name="Partly"), page.get_by_role("button", name=": 4 of 5").first):
            if button.get_attribute("aria-pressed") != "true":
                button.click()
            expect(button).to_have_attribute("aria-pressed", "true")
        page.get_by_label("What was said").fill("What would you like us to talk about today?")
        page.get_by_label("How the person responded").fill("Listed three things and chose sleep")
        page.get_by_role("button", name="Save notes").click()
        expect(page.locator("#notes-sync")).to_have_text("Notes saved")
        page.screenshot(path=str(shots / f"room-{name}-observer-{scheme}.png"), full_page=True)
        context.close()
    for name in ("phone", "tablet"):
        for step in ("join", "names", "observer"):
            assert (shots / f"room-{name}-{step}-{scheme}.png").stat().st_size > 1000


def test_the_page_works_from_the_keyboard_alone(phone, room, service):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    names = sorted(state.people.values(), key=str.casefold)
    phone.goto(room.url)
    phone.keyboard.press("Tab")
    expect(phone.get_by_label("Session code")).to_be_focused()
    phone.keyboard.type(state.code.lower())
    phone.keyboard.press("Enter")
    expect(phone.get_by_label(names[0])).to_be_focused()
    for _ in range(names.index(state.people[observer])):
        phone.keyboard.press("ArrowDown")
    expect(phone.get_by_label(state.people[observer])).to_be_checked()
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name="Join")).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.locator("#role")).to_have_text("Your role: Observer")
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name="Open question: 0")).to_be_focused()
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Space")  # Closed question
    expect(phone.locator("#sync")).to_have_text("Saved")
    expect(phone.get_by_role("button", name="Closed question: 1")).to_be_visible()
    saved = service.find_observation(state.session_uid, state.round_index, observer, learner)
    assert saved["counts"]["open_question"] == 1 and saved["counts"]["closed_question"] == 1


def test_at_the_feedback_the_practitioner_reads_and_downloads_their_feedback(
    phone, room, service, state_at, taster, shots, tmp_path
):
    from trainer.records.store import memory_store
    from trainer.sessions.bundles import import_bundle

    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    service.add_live_taps(
        state.session_uid,
        state.round_index,
        observer,
        learner,
        [{"id": f"page-fb-{i:03d}", "code": c, "delta": 1} for i, c in enumerate(["open_question", "summary"] * 2)],
    )
    service.set_live_rating(state.session_uid, state.round_index, observer, learner, 2)
    service.set_live_notes(
        state.session_uid,
        state.round_index,
        observer,
        learner,
        "Kept to time and left the choice open",
        {"said": "What would you like to focus on?", "alternative": "A reflection before the next question"},
        {"partnership": 4},
    )
    _join(phone, room, state.people[learner])
    expect(phone.locator("#role")).to_have_text("Your role: Practitioner")
    expect(phone.get_by_role("button", name="Show my feedback")).to_be_hidden()
    room.publish(state_at(first_practice(taster) + 1))
    phone.get_by_role("button", name="Show my feedback").click()
    body = phone.locator("#feedback-body")
    expect(body).to_contain_text(f"observed by {state.people[observer]}")
    expect(body).to_contain_text(f"{state.people[learner]} attended Riverside taster")
    expect(body).to_contain_text("An alternative to try: A reflection before the next question")
    expect(body).to_contain_text("Partnership4 of 5")
    phone.locator("#feedback").screenshot(path=str(shots / "room-phone-feedback-light.png"))
    phone.emulate_media(color_scheme="dark")
    phone.locator("#feedback").screenshot(path=str(shots / "room-phone-feedback-dark.png"))
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download the file for the app").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("feedback-") and path.suffix == ".json"
    assert import_bundle(memory_store(), "learner", path).added == 1


def test_a_name_not_on_the_list_joins_once_the_trainer_adds_it(phone, room, service, session, state_at, taster):
    phone.goto(room.url + "?code=" + room.room.state.code)
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_text("My name is not on the list").click()
    phone.get_by_label("Your name").fill("Sam Hill")
    phone.get_by_role("button", name="Ask the trainer to add me").click()
    expect(phone.get_by_role("status").filter(has_text="Waiting for the trainer")).to_contain_text("Sam Hill")
    [asked] = room.room.asks.waiting()  # what the trainer's list shows
    person = service.add_participant(session["uid"], asked["name"])["id"]
    room.publish(state_at(first_practice(taster)))
    room.answer(asked["id"], person)
    expect(phone.locator("#you-name")).to_have_text("Sam Hill")
    expect(phone.locator("#role")).to_have_text("You are not in a group this round")


def test_an_observer_types_notes_and_rates_the_globals_on_the_phone(phone, room, service, course):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    _join(phone, room, state.people[observer])
    expect(phone.locator("#notes-about")).to_contain_text("no patient details")
    phone.get_by_label("What was said").fill("What would you like to talk about today?")
    phone.get_by_label("How the person responded").fill("Chose sleep first")
    phone.get_by_label("Other notes").fill("Kept the agenda open")
    first = course.framework.globals[0]
    phone.get_by_role("button", name=f"{first.name}: 4 of {first.max}").click()
    expect(phone.get_by_role("button", name=f"{first.name}: 4 of {first.max}")).to_have_attribute(
        "aria-pressed", "true"
    )
    phone.get_by_role("button", name="Save notes").click()
    expect(phone.locator("#notes-sync")).to_have_text("Notes saved")
    saved = service.find_observation(state.session_uid, state.round_index, observer, learner)
    assert saved["note"] == "Kept the agenda open" and saved["globals"] == {first.id: 4}
    assert saved["items"][state.skill_id]["said"] == "What would you like to talk about today?"
    # a reload shows what the app saved
    phone.reload()
    expect(phone.get_by_label("How the person responded")).to_have_value("Chose sleep first")
    expect(phone.get_by_role("button", name=f"{first.name}: 4 of {first.max}")).to_have_attribute(
        "aria-pressed", "true"
    )
