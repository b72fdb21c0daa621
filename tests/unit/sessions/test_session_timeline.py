"""Where a session stands in its plan: start times, progress and the words for them."""

import pytest

from trainer.sessions.timeline import clock_text, phase_row, phase_starts, progress_text, session_elapsed

MINUTES = [10, 7, 7, 8, 8]


def test_phases_start_where_the_ones_before_end():
    assert phase_starts(MINUTES) == [0, 10, 17, 24, 32]
    assert phase_starts([]) == []


@pytest.mark.parametrize(("minutes", "text"), [(0, "0:00"), (5, "0:05"), (32, "0:32"), (85, "1:25"), (-3, "0:00")])
def test_clock_text_is_hours_and_minutes(minutes, text):
    assert clock_text(minutes) == text


def test_a_phase_row_reads_as_a_time_a_title_and_its_minutes_not_a_cryptic_code():
    row = phase_row(32, "Round 1: set the agenda together", 8)
    assert row == "0:32  Round 1: set the agenda together \u00b7 8 min"
    assert "\u2032" not in row  # the old list's prime mark: "32′  5. ..."


def test_session_elapsed_counts_earlier_phases_whole_and_the_current_one_up_to_its_plan():
    assert session_elapsed(MINUTES, 0, 0) == 0
    assert session_elapsed(MINUTES, 2, 90) == (10 + 7) * 60 + 90
    assert session_elapsed(MINUTES, 2, 60 * 60) == (10 + 7 + 7) * 60  # an overrun does not run ahead
    assert session_elapsed(MINUTES, 99, 0) == (10 + 7 + 7 + 8) * 60  # clamped to the last phase
    assert session_elapsed([], 0, 30) == 0


def test_progress_text_says_what_is_done_and_what_is_left():
    assert progress_text(32 * 60 + 59, 90) == "32 of 90 min \u00b7 58 min to go"
    assert progress_text(0, 90) == "0 of 90 min \u00b7 90 min to go"
    assert progress_text(90 * 60, 90) == "All 90 min done"
