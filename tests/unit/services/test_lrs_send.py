"""Sending from the app, the plain-Python half: saved settings (never a password),
the address check and the words for what happened."""

import socket
import urllib.error

import pytest

from trainer.services.lrs import LrsError, SendReport
from trainer.services.lrs_send import (
    KEYS,
    LrsSettings,
    RecordingTransport,
    check_address,
    check_home,
    check_settings,
    explain_status,
    explain_unreachable,
    result_message,
)


def test_settings_round_trip_through_a_store_of_values_without_a_password():
    saved = {}
    LrsSettings(" https://lrs.example.org/xapi/ ", " sam ", "https://lms.example.org").write(saved.__setitem__)
    assert saved == {
        "lrs/address": "https://lrs.example.org/xapi/",
        "lrs/user": "sam",
        "lrs/home": "https://lms.example.org",
    }
    assert not any("pass" in key for key in saved) and set(saved) == set(KEYS.values())
    back = LrsSettings.read(saved.get)
    assert back == LrsSettings("https://lrs.example.org/xapi/", "sam", "https://lms.example.org")
    assert back.configured and back.host() == "lrs.example.org"
    assert not LrsSettings.read({}.get).configured  # nothing saved yet: QSettings answers None


@pytest.mark.parametrize(
    "address",
    [
        "https://lrs.example.org/xapi/",
        "https://lrs.example.org:8443/data/xAPI",
        "http://localhost:8080/xapi",
        "http://127.0.0.1:5000/",
        "  https://x.org  ",
    ],
)
def test_good_addresses_pass(address):
    assert check_address(address) == address.strip()


@pytest.mark.parametrize(
    "address, words",
    [
        ("", "Type the address"),
        ("lrs.example.org/xapi", "should start with https://"),
        ("http://lrs.example.org/xapi", "must start with https://"),
        ("ftp://lrs.example.org", "not a web address"),
        ("https://", "not a web address"),
        ("https://lrs example.org", "cannot contain spaces"),
        ("https://lrs.example.org:port/", "port number"),
    ],
)
def test_wrong_addresses_are_refused_in_plain_words(address, words):
    with pytest.raises(LrsError, match=words):
        check_address(address)


def test_home_page_is_optional_but_must_be_an_address():
    assert check_home("  ") == ""
    assert check_home("https://lms.example.org/") == "https://lms.example.org"
    with pytest.raises(LrsError, match="home page"):
        check_home("my hospital")
    assert check_settings("https://lrs.example.org", " sam ", "").user == "sam"


def test_unreachable_reasons_in_plain_words():
    refused = urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))
    assert "refused the connection" in explain_unreachable(refused)
    assert "no computer was found" in explain_unreachable(urllib.error.URLError(socket.gaierror(-2, "x")))
    assert "did not answer in time" in explain_unreachable(TimeoutError("timed out"))
    assert "could not be reached (odd)" in explain_unreachable(OSError("odd"))
    assert "404 Not found" in explain_status(404) and "user name or password" in explain_status(401)
    assert "try again later" in explain_status(503)


def test_result_messages():
    assert result_message(SendReport(sent=42)) == (True, "Sent 42 statements.")
    assert result_message(SendReport(sent=1)) == (True, "Sent 1 statement.")
    ok, text = result_message(SendReport(sent=0))
    assert ok and text.startswith("Nothing new to send")
    ok, text = result_message(SendReport(sent=50, still_pending=3), "the connection was broken off")
    assert not ok
    assert text == (
        "Sent 50 statements.\n\n3 could not be sent and will be tried again next time: the connection was broken off."
    )
    ok, text = result_message(SendReport(sent=2, conflicts=1))
    assert not ok and "1 statement refused" in text


def test_recording_transport_keeps_why_it_failed():
    def refused(config, statements):
        raise urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))

    recorder = RecordingTransport(refused)
    with pytest.raises(OSError):
        recorder(None, [])
    assert "refused the connection" in recorder.failure()
    answers_404 = RecordingTransport(lambda config, statements: (404, "no"))
    assert answers_404(None, []) == (404, "no") and "404" in answers_404.failure()
    assert RecordingTransport(lambda c, s: (200, "[]")).failure() == ""
    ok, text = result_message(
        SendReport(sent=2, rejected=1), refused=["experienced 'Old' (statement 3f1e): bad timestamp"]
    )
    assert not ok and text.endswith("Refused: experienced 'Old' (statement 3f1e): bad timestamp")
    ok, text = result_message(SendReport(sent=0), refused=["authored 'Ward round' (statement 9a): conflict"])
    assert not ok and "still refused" in text and "'Ward round'" in text
