from trainer.sessions.timer import PhaseTimer, format_remaining


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += seconds


def test_counts_down_only_while_running():
    clock = FakeClock()
    timer = PhaseTimer(300, clock)
    clock.advance(50)
    assert timer.remaining() == 300 and not timer.running and not timer.started
    timer.start()
    clock.advance(100)
    assert timer.remaining() == 200
    timer.pause()
    clock.advance(500)
    assert timer.remaining() == 200 and not timer.finished
    timer.resume()
    clock.advance(150)
    assert timer.remaining() == 50
    clock.advance(60)
    assert timer.remaining() == 0 and timer.finished


def test_start_twice_does_not_restart_and_toggle_pauses():
    clock = FakeClock()
    timer = PhaseTimer(60, clock)
    timer.start()
    clock.advance(10)
    timer.start()
    clock.advance(10)
    assert timer.remaining() == 40
    timer.toggle()
    assert not timer.running
    clock.advance(30)
    timer.toggle()
    assert timer.running and timer.remaining() == 40


def test_extend_adds_a_minute_before_and_after_the_end():
    clock = FakeClock()
    timer = PhaseTimer(60, clock)
    timer.start()
    clock.advance(30)
    timer.extend()
    assert timer.remaining() == 90
    clock.advance(200)  # long past the end
    assert timer.finished
    timer.extend(60)
    assert not timer.finished and timer.remaining() == 60
    clock.advance(60)
    assert timer.finished


def test_reset_stops_and_restores_or_changes_duration():
    clock = FakeClock()
    timer = PhaseTimer(60, clock)
    timer.start()
    clock.advance(45)
    timer.reset()
    assert timer.remaining() == 60 and not timer.running
    timer.reset(120)
    assert timer.remaining() == 120


def test_format_rounds_up():
    assert format_remaining(0) == "0:00"
    assert format_remaining(0.2) == "0:01"
    assert format_remaining(61) == "1:01"
    assert format_remaining(600) == "10:00"
