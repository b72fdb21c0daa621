"""Status messages expire: none stays after its section moved on."""

from trainer.ui.shell.status import EXPIRE_MS, expire_status_messages


def test_a_message_goes_after_its_time_and_a_new_one_starts_again(make_app, qtbot):
    window = make_app().window
    timer = expire_status_messages(window, 200)
    bar = window.statusBar()
    bar.showMessage("Moved 'Clinic day' to the bin. Press Ctrl+Z to undo.")
    assert timer.isActive()
    qtbot.wait(120)
    bar.showMessage("Saved.")
    qtbot.wait(120)
    assert bar.currentMessage() == "Saved."  # the newer message has its own full time
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)


def test_the_app_expires_messages_after_six_seconds(make_app):
    window = make_app().window
    window.statusBar().showMessage("Saved.")
    timers = [t for t in window.findChildren(type(expire_status_messages(window))) if t.interval() == EXPIRE_MS]
    assert EXPIRE_MS == 6000 and any(t.isActive() for t in timers)
