"""Export periods: reading typed dates and stored times, and what falls inside."""

from datetime import date, datetime

import pytest

from trainer.export.period import Period, PeriodError, day_of, iso_day, long_date, parse_day


def test_a_blank_typed_date_means_no_limit():
    assert parse_day(None) is None
    assert parse_day("") is None
    assert parse_day("   ") is None


def test_a_typed_date_may_have_spaces_around_it():
    assert parse_day(" 2026-03-04 ") == date(2026, 3, 4)


def test_an_unreadable_date_is_named_in_the_message():
    with pytest.raises(PeriodError, match=r"^date 'soon' is not a date like 2026-03-31$"):
        parse_day("soon")
    with pytest.raises(PeriodError, match=r"^from date 'soon' is not a date"):
        Period.parse("soon", None)
    with pytest.raises(PeriodError, match=r"^to date 'later' is not a date"):
        Period.parse(None, "later")


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(PeriodError, match="after the to date"):
        Period.parse("2026-03-02", "2026-03-01")
    assert Period.parse("2026-03-01", "2026-03-01") == Period(date(2026, 3, 1), date(2026, 3, 1))


def test_stored_times_become_calendar_dates():
    assert day_of("2026-03-04T23:30:00+00:00") == date(2026, 3, 4)
    assert day_of("2026-03-04T23:30:00Z") == date(2026, 3, 4)
    assert day_of(" 2026-03-04 ") == date(2026, 3, 4)
    assert day_of(datetime(2026, 3, 4, 23, 30)) == date(2026, 3, 4)
    assert day_of(date(2026, 3, 4)) == date(2026, 3, 4)


def test_a_stored_time_with_words_after_the_date_keeps_the_date():
    assert day_of("2026-03-04 at 10am") == date(2026, 3, 4)


@pytest.mark.parametrize("value", [None, "", "zzz", "2026-13-01", 123])
def test_a_missing_or_unreadable_stored_time_has_no_date(value):
    assert day_of(value) is None
    assert long_date(value) == ""
    assert iso_day(value) == ""


def test_dates_are_written_out_for_people_and_for_machines():
    assert long_date("2026-03-04T10:00:00+00:00") == "4 March 2026"
    assert iso_day("2026-03-04T10:00:00+00:00") == "2026-03-04"


def test_undated_records_count_only_in_an_open_period():
    assert Period().contains(None)
    assert not Period(start=date(2026, 3, 1)).contains(None)
    assert not Period(end=date(2026, 3, 31)).contains(None)


def test_a_period_includes_both_end_days():
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert march.contains("2026-03-01T00:00:00+00:00")
    assert march.contains("2026-03-31T23:59:59+00:00")
    assert not march.contains("2026-02-28")
    assert not march.contains("2026-04-01")


def test_each_kind_of_period_is_described():
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).describe() == "1 March 2026 to 31 March 2026"
    assert Period(start=date(2026, 3, 1)).describe() == "from 1 March 2026"
    assert Period(end=date(2026, 3, 31)).describe() == "up to 31 March 2026"
    assert Period().describe() == "all dates"
