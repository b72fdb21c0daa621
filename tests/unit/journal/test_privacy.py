import pytest

from trainer.journal.privacy import (
    DATE,
    DATE_OF_BIRTH,
    EMAIL,
    NAME,
    NHS_NUMBER,
    PHONE,
    POSTCODE,
    nhs_check_digit_ok,
    scan,
    summary,
)


def kinds(text):
    return [(f.kind, f.text) for f in scan(text)]


@pytest.mark.parametrize("number", ["9991000003", "999 100 0003", "999-100-0003"])
def test_valid_nhs_numbers_are_flagged(number):
    assert kinds(f"Her number was {number} on the letter.") == [(NHS_NUMBER, number)]


def test_ten_digits_failing_the_check_are_not_flagged():
    assert not nhs_check_digit_ok("1234567890")  # check digit would be 10: never valid
    assert not nhs_check_digit_ok("9991000004")
    assert kinds("Reference 1234567890 and 999 100 0004.") == []


def test_check_digit_eleven_becomes_zero():
    # weights 10..2 on 000000001 -> 2, remainder 2, check 9; on 100000010 -> 12, remainder 1 -> 10 invalid
    assert nhs_check_digit_ok("0000000019")
    assert not nhs_check_digit_ok("1000000100")


def test_dates_of_birth_and_other_dates():
    assert kinds("DOB 12/03/1956.") == [(DATE_OF_BIRTH, "12/03/1956")]
    assert kinds("She was born on 3rd March 1956.") == [(DATE_OF_BIRTH, "3rd March 1956")]
    assert kinds("We met on 2024-05-01.") == [(DATE, "2024-05-01")]
    assert kinds("Seen on 14 Feb 2025 in clinic.") == [(DATE, "14 Feb 2025")]


def test_things_that_are_not_dates():
    assert kinds("At 10:30 she scored her confidence 7/10, up from 5/10.") == []
    assert kinds("In May 2024 the team started the course.") == []


def test_postcodes_phones_and_email():
    assert kinds("He lives near SW1A 1AA now.") == [(POSTCODE, "SW1A 1AA")]
    assert kinds("Call 07700 900123 or +44 20 7946 0958.") == [(PHONE, "07700 900123"), (PHONE, "+44 20 7946 0958")]
    assert kinds("Write to sam.jones@example.org please") == [(EMAIL, "sam.jones@example.org")]


def test_titles_followed_by_names():
    assert kinds("Dr Foster went to Gloucester.") == [(NAME, "Dr Foster")]
    assert kinds("Mrs Patel and Mr J. Jones came.") == [(NAME, "Mrs Patel"), (NAME, "Mr J. Jones")]


def test_ordinary_prose_is_not_flagged():
    text = (
        "The patient arrived early. She said Monday was hard. I asked what mattered most "
        "to her today. We agreed a plan: walk for ten minutes, three times a week. "
        "Take 1 2 3 steps. My dr said nothing. On ward 12 at 9 am."
    )
    assert scan(text) == []


def test_findings_are_in_order_with_positions_and_advice():
    text = "Mr Brown, DOB 01/02/1950, NHS 999 100 0003."
    found = scan(text)
    assert [f.kind for f in found] == [NAME, DATE_OF_BIRTH, NHS_NUMBER]
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.advice
    assert summary(found) == "1 title and name, 1 date of birth and 1 NHS number"
    assert summary(scan("9991000003 and 9991000003")) == "2 NHS numbers"


def test_more_birth_date_forms_and_phone_forms():
    assert kinds("D.O.B. 12.03.56") == [(DATE_OF_BIRTH, "12.03.56")]
    assert kinds("Date of birth: 1 January 1949") == [(DATE_OF_BIRTH, "1 January 1949")]
    assert kinds("Ring 0800 123 4567 for advice") == [(PHONE, "0800 123 4567")]
    assert kinds("He walked 10000 steps, 2500 more than last week.") == []
