"""Expert behaviour codes on a scenario's practitioner turns: '> code: id: reason'."""

from __future__ import annotations

from trainer.scenarios.loader import load_scenarios

from .scenario_helpers import SKILLS, text, write

CODED = {
    32: ["> code: open_question: invites Sam to say how things are, in Sam's words"],
    34: ["> code: Simple reflection \u2014 repeats Sam's one word"],
}


def errors(tmp_path, **kwargs) -> list[tuple[int, str]]:
    write(tmp_path, text(**kwargs))
    loaded = load_scenarios(tmp_path, SKILLS)
    return [(d.line, d.message) for d in loaded.diagnostics if d.severity == "error"]


def test_codes_and_reasons_are_read_and_not_shown_as_words(tmp_path):
    write(tmp_path, text(insert=CODED))
    loaded = load_scenarios(tmp_path, SKILLS)
    assert loaded.diagnostics == []
    (s,) = loaded.scenarios
    coded = s.coded_turns()
    assert [(m.id, t.code) for m, t in coded] == [("opening", "open_question"), ("opening", "simple_reflection")]
    assert coded[0][1].code_reason == "invites Sam to say how things are, in Sam's words"
    assert coded[0][1].words == "How have things been? Take your time."
    assert coded[0][1].tags == ["open-questions"]
    assert coded[1][1].code_reason == "repeats Sam's one word"


def test_unknown_code_names_the_line_and_the_nearest(tmp_path):
    ((line, message),) = errors(tmp_path, insert={32: ["> code: open_questoin: asks"]})
    assert line == 32
    assert "unknown behaviour code 'open_questoin'" in message and 'did you mean "open_question"' in message


def test_code_without_reason(tmp_path):
    ((line, message),) = errors(tmp_path, insert={34: ["> code: simple_reflection"]})
    assert line == 34 and "has no reason" in message


def test_code_twice_on_one_turn(tmp_path):
    found = errors(tmp_path, insert={34: ["> code: simple_reflection: a", "> code: complex_reflection: b"]})
    assert found == [(35, "this turn already has a code (line 34); give each turn one code")]


def test_code_on_the_traditional_version_or_the_person(tmp_path):
    found = errors(tmp_path, insert={24: ["> code: advice_without_permission: tells"], 33: ["> code: summary: x"]})
    assert [line for line, _ in found] == [24, 34]
    assert all("belongs straight under a practitioner's turn" in m for _, m in found)
