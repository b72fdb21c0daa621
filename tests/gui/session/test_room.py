"""The live room from the trainer's side: open it, a phone joins and counts, close it."""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest
from PySide6.QtCore import Qt

from room_support import Phones, observer_and_learner

from .test_session_gui import clock, content, start_taster, view  # noqa: F401 - the section's fixtures

pytestmark = pytest.mark.slow


def _phone_script(url: str, code: str, observer: str, round_index: int, want_phase: int, log: dict):
    """A phone on its own thread: join, count, then wait for the trainer's next phase."""

    async def go():
        async with Phones(url) as phones:
            phone = phones()
            await phone.join(code, observer)
            await phone.connect()
            log["role"] = (await phone.next("state"))["round"]["role"]
            taps = [{"id": f"gui-tap-{i:04d}", "round": round_index, "code": "affirmation", "delta": 1} for i in (1, 2)]
            await phone.send({"type": "taps", "taps": taps})
            log["ack"] = (await phone.next("ack"))["counts"]["affirmation"]
            while (state := await phone.next("state"))["phase"]["number"] != want_phase:
                pass
            log["phase"] = state["phase"]["title"]

    try:
        asyncio.run(asyncio.wait_for(go(), 20))
    except BaseException as exc:  # reported by the test
        log["error"] = repr(exc)
    log["done"] = True


def test_open_the_room_a_phone_counts_live_and_closing_stops_the_server(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    c = view.controller
    first = c.plan.practice_phases()[0]
    c.go_to_phase(first)
    panel = view.room
    assert panel.open_button.text() == "Open the room" and panel.qr_label.isHidden()
    panel.network.setCurrentIndex(panel.network.findData("127.0.0.1"))
    view.room_host.port = 0  # any free port on 127.0.0.1
    with qtbot.waitSignal(view.room_host.opened, timeout=10_000):
        panel.open_button.click()
    host = view.room_host
    try:
        state = host.state()
        assert panel.open_button.text() == "Close the room"
        assert state.code in panel.address_label.text() and "127.0.0.1" in panel.address_label.text()
        assert not panel.qr_label.pixmap().isNull()
        observer, learner, _ = observer_and_learner(state)

        log: dict = {}
        args = (host.url.split("?")[0], state.code, observer, state.round_index, first + 2, log)
        thread = threading.Thread(target=_phone_script, args=args, daemon=True)
        with qtbot.waitSignal(c.observation_saved, timeout=10_000):
            thread.start()
        qtbot.wait_until(lambda: "ack" in log or "error" in log, timeout=10_000)
        assert log.get("role") == "observer", log
        assert log["ack"] == 2
        items = [panel.joined_list.item(i).text() for i in range(panel.joined_list.count())]
        assert state.people[observer] in items
        saved = c.service.find_observation(c.uid, state.round_index, observer, learner)
        assert saved["counts"]["affirmation"] == 2

        c.next_phase()  # the phone hears it
        qtbot.wait_until(lambda: log.get("done"), timeout=10_000)
        thread.join(5)
        assert "error" not in log, log
        assert log["phase"] == c.plan.phases[first + 1].title
        port = host.server.port
        # the presenter view shows where to join while the room is open
        view.run.presenter_button.click()
        assert not view.presenter.room_qr.isHidden()
        assert state.code in view.presenter.room_label.text()
    finally:
        with qtbot.waitSignal(host.closed, timeout=10_000):
            panel.open_button.click()
    assert panel.open_button.text() == "Open the room" and not host.is_open
    assert view.presenter.room_qr.isHidden()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass


def test_the_room_needs_a_session(view, qtbot):  # noqa: F811
    messages = []
    view.status_message.connect(messages.append)
    view.room.open_button.click()
    assert not view.room_host.is_open
    assert any("session first" in m for m in messages)


def test_counts_from_a_phone_show_up_on_an_open_observer_form(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    c = view.controller
    c.go_to_phase(c.plan.practice_phases()[0])
    host = view.room_host
    observer, learner, _ = observer_and_learner(host.state())
    round_index = c.round_index_for_phase()
    c.request_observation(round_index, observer, learner)
    form = view.open_form
    qtbot.waitExposed(form)
    form.note_edit.setPlainText("Typed while the phone counts")
    taps = [{"id": f"form-tap-{i:03d}", "code": "open_question", "delta": 1} for i in range(4)]
    rec = c.service.add_live_taps(c.uid, round_index, observer, learner, taps)
    host._on_event("saved", {"observation": rec["uid"], "round": round_index, "taps": 4})  # as the server reports it
    assert form.counts()["open_question"] == 4
    assert form.note_edit.toPlainText() == "Typed while the phone counts"
    form.reject()
    tree = view.groups.tree
    marks = {
        tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole): tree.topLevelItem(i).child(j).text(2)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    }
    assert marks[learner] == "observed \u2713 \u00b7 4 counted"  # the groups panel climbs with the phone


def _asking_phone(url: str, code: str, name: str, log: dict):
    async def go():
        async with Phones(url) as phones:
            async with phones.http.post(url + "api/ask", json={"code": code, "name": name}) as resp:
                request_id = (await resp.json())["request"]
            while True:
                async with phones.http.get(url + "api/ask", params={"request": request_id}) as resp:
                    answer = await resp.json()
                if answer["status"] != "waiting":
                    break
                await asyncio.sleep(0.05)
            log["answer"] = answer

    try:
        asyncio.run(asyncio.wait_for(go(), 20))
    except BaseException as exc:  # reported by the test
        log["error"] = repr(exc)


def test_the_trainer_adds_a_typed_name_from_the_room_box(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    panel, host = view.room, view.room_host
    panel.network.setCurrentIndex(panel.network.findData("127.0.0.1"))
    host.port = 0
    with qtbot.waitSignal(host.opened, timeout=10_000):
        panel.open_button.click()
    try:
        log: dict = {}
        url, code = host.url.split("?")[0], host.state().code
        thread = threading.Thread(target=_asking_phone, args=(url, code, "Sam Hill", log), daemon=True)
        thread.start()
        qtbot.wait_until(lambda: panel.asks_list.count() == 1 or "error" in log, timeout=10_000)
        assert panel.asks_list.item(0).text() == "Sam Hill" and panel.accept_button.isVisible()
        with qtbot.waitSignal(view.controller.session_changed, timeout=10_000):
            panel.accept_button.click()
        qtbot.wait_until(lambda: "answer" in log or "error" in log, timeout=10_000)
        thread.join(5)
        assert log["answer"]["status"] == "accepted" and log["answer"]["name"] == "Sam Hill", log
        assert "Sam Hill" in view.controller.names().values()
        qtbot.wait_until(lambda: panel.asks_list.count() == 0, timeout=10_000)
        assert not panel.accept_button.isVisible()
    finally:
        host.close()


def test_notes_from_a_phone_fill_an_untouched_observer_form_and_spare_a_typed_one(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    c = view.controller
    c.go_to_phase(c.plan.practice_phases()[0])
    host = view.room_host
    state = host.state()
    assert [g["id"] for g in state.globals] == [g.id for g in view.framework.globals]
    observer, learner, _ = observer_and_learner(state)
    round_index = c.round_index_for_phase()
    c.request_observation(round_index, observer, learner)
    form = view.open_form
    qtbot.waitExposed(form)
    gid = view.framework.globals[0].id
    rec = c.service.set_live_notes(c.uid, round_index, observer, learner, "From the phone", {"said": "Asked"}, {gid: 4})
    host._on_event("saved", {"observation": rec["uid"], "round": round_index, "taps": 0})
    assert form.note_edit.toPlainText() == "From the phone"
    assert form.checklist.globals()[gid] == 4
    assert form.checklist.items()[state.skill_id]["said"] == "Asked"
    form.note_edit.setPlainText("The trainer's own words")  # now the trainer types: phones leave it alone
    rec = c.service.set_live_notes(c.uid, round_index, observer, learner, "Later from the phone", {}, {gid: 2})
    host._on_event("saved", {"observation": rec["uid"], "round": round_index, "taps": 0})
    assert form.note_edit.toPlainText() == "The trainer's own words"
    form.reject()


def test_the_trainer_chooses_when_feedback_opens_on_phones(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    c = view.controller
    box = view.room.feedback_opens
    assert box.isEnabled() and box.currentData() == "after_round"
    assert box.accessibleName()
    box.setCurrentIndex(box.findData("never"))
    box.activated.emit(box.currentIndex())
    assert c.session["feedback_opens"] == "never"
    assert view.room_host.state().feedback_opens == "never"
    c.open_session(c.uid)  # shown again as saved with the session
    assert box.currentData() == "never"


def test_the_feedback_choice_is_shown_whole_in_the_live_room_pane(view, qtbot):  # noqa: F811
    """At 1280 wide the pane is narrow: the long choice ("After each round (from its feedback
    phase)") was cut off in the box; the choices are short and the tooltip says more."""
    start_taster(view, qtbot)
    box = view.room.feedback_opens
    metrics = box.fontMetrics()
    for i in range(box.count()):
        assert metrics.horizontalAdvance(box.itemText(i)) + 2 * metrics.height() <= box.width(), box.itemText(i)
    assert "feedback phase" in box.toolTip() and "debrief" in box.toolTip()
