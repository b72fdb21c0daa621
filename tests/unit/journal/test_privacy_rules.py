"""The privacy guard's rules one by one: each test here kills mutants that the
broader tests in test_privacy.py let live (scripts/mutation_score.py)."""

import pytest

from trainer.journal.privacy import (
    DATE,
    DATE_OF_BIRTH,
    EMAIL,
    NAME,
    NHS_NUMBER,
    PHONE,
    POSTCODE,
    Finding,
    _overlaps,
    nhs_check_digit_ok,
    scan,
    summary,
)


def kinds(text):
    return [(f.kind, f.text) for f in scan(text)]


def test_a_remainder_of_zero_gives_check_digit_zero():
    # 4 0 0 0 0 0 0 0 2 weighted 10..2 -> 44, 44 % 11 == 0, so 11 - 0 = 11 becomes 0.
    # About 1 valid NHS number in 11 ends this way: without the rule none is flagged.
    assert nhs_check_digit_ok("4000000020")
    assert kinds("NHS 400 000 0020 on the letter") == [(NHS_NUMBER, "400 000 0020")]


@pytest.mark.parametrize("last", "123456789")
def test_a_remainder_of_zero_accepts_no_other_check_digit(last):
    assert not nhs_check_digit_ok("400000002" + last)


def test_a_remainder_of_one_is_never_valid():
    # 4 0 0 0 0 0 0 0 8 weighted 10..2 -> 40 + 16 = 56, 56 % 11 == 1 -> check 10: invalid
    for last in "0123456789":
        assert not nhs_check_digit_ok("400000008" + last)


@pytest.mark.parametrize("text", ["", "999100000", "99910000033", "99910000a3", "999 100 00"])
def test_anything_but_ten_digits_is_not_an_nhs_number(text):
    assert nhs_check_digit_ok(text) is False


def test_spans_that_only_touch_do_not_overlap():
    assert not _overlaps((5, 8), [(0, 5)])
    assert not _overlaps((0, 5), [(5, 8)])


def test_a_span_reaching_into_a_taken_one_overlaps():
    assert _overlaps((5, 12), [(0, 10)])
    assert _overlaps((0, 6), [(5, 10)])


def test_a_birth_cue_counts_only_within_thirty_characters_before_the_date():
    near = "born" + " " * 26 + "01/02/1950"  # the cue starts 30 characters before the date
    far = "born" + " " * 27 + "01/02/1950"  # 31 characters before: too far
    assert kinds(near) == [(DATE_OF_BIRTH, "01/02/1950")]
    assert kinds(far) == [(DATE, "01/02/1950")]


def test_a_nine_digit_national_number_is_a_phone_number():
    assert kinds("ring 01234 56789 today") == [(PHONE, "01234 56789")]


def test_a_number_with_no_uk_area_code_is_not_a_phone_number():
    # 10 national digits, but no UK number starts with 4 or 6 after the 0
    assert kinds("code 04000 123456") == []
    assert kinds("code 06000 123456") == []


def test_an_international_number_with_the_zero_in_brackets_is_a_phone_number():
    assert kinds("call +44 (0)20 7946 0958") == [(PHONE, "+44 (0)20 7946 0958")]


def test_no_findings_are_summed_up_in_words():
    assert summary([]) == "nothing that looks identifying"


def test_every_kind_has_its_plural():
    twice = [Finding(kind, 0, 1, "x") for kind in (NHS_NUMBER, DATE_OF_BIRTH, DATE, POSTCODE, PHONE, EMAIL, NAME)]
    assert summary(twice + twice) == (
        "2 NHS numbers, 2 dates of birth, 2 dates, 2 postcodes, 2 phone numbers, "
        "2 e-mail addresses and 2 titles and names"
    )


def test_one_of_each_kind_is_in_the_singular():
    once = [Finding(kind, 0, 1, "x") for kind in (EMAIL, NAME, DATE_OF_BIRTH)]
    assert summary(once) == "1 e-mail address, 1 title and name and 1 date of birth"
