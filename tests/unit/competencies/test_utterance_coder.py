"""The utterance coder: every code, the hard cases, and plain explanations."""

from __future__ import annotations

import pytest

from trainer.competencies.coding import CODE_IDS
from trainer.competencies.utterance_coder import (
    EXPLANATIONS,
    OTHER,
    code_sentence,
    code_text,
    code_utterance,
    main_code,
    split_sentences,
)

EXAMPLES = [
    ("What would you most like to talk about today?", "open_question"),
    ("Can you tell me a bit about your mornings?", "open_question"),
    ("Tell me more about the walking.", "open_question"),
    ("Do you still get up in the night?", "closed_question"),
    ("How many cigarettes do you smoke a day?", "closed_question"),
    ("So you've stopped the inhaler?", "closed_question"),
    ("Can you tell me your date of birth?", "closed_question"),
    ("You're fed up with the tablets.", "simple_reflection"),
    ("So the evenings are the worst.", "simple_reflection"),
    ("Part of you wants to go back to work, and part of you is worried it's too soon.", "complex_reflection"),
    ("It's as if the pain decides what kind of day you have.", "complex_reflection"),
    ("You've worked hard to keep the diary going.", "affirmation"),
    ("That took courage to say.", "affirmation"),
    ("Let me check I've got this: the knee, the stairs and the bus to work.", "summary"),
    ("So, to sum up, you'd like to sleep better and cut down on the coffee.", "summary"),
    ("Would it be all right if I told you what helps some people? A pill box by the kettle.", "advice_with_permission"),
    ("You might want to try the stretches, but it's your call.", "advice_with_permission"),
    ("You should walk every day.", "advice_without_permission"),
    ("You might want to cut down on the cheese.", "advice_without_permission"),
    ("Why don't you try the patches?", "advice_without_permission"),
    ("Cut out the biscuits.", "advice_without_permission"),
    ("Good morning, come in.", OTHER),
    ("Well done.", OTHER),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_codes_each_example(text, expected):
    assert code_utterance(text) == expected


def test_every_code_has_an_example_and_an_explanation():
    assert set(CODE_IDS) <= {code for _, code in EXAMPLES}
    assert set(EXPLANATIONS) == {*CODE_IDS, OTHER}
    assert "can be answered yes or no" in EXPLANATIONS["closed_question"]


def test_sentences_are_split_and_each_coded_with_its_cue():
    coded = code_text("You're worried about the sugars. What would help most?")
    assert [c.text for c in coded] == ["You're worried about the sugars.", "What would help most?"]
    assert [c.code for c in coded] == ["simple_reflection", "open_question"]
    assert "starts with 'What'" in coded[1].explanation
    assert coded[1].explanation.startswith("This is an open question")
    assert split_sentences("  One.   Two?  ") == ["One.", "Two?"]


def test_permission_asked_makes_the_following_advice_with_permission():
    coded = code_text("Can I make a suggestion? Keep the rescue pack with your inhalers.")
    assert [c.code for c in coded] == ["closed_question", "advice_with_permission"]
    assert "permission was asked" in coded[1].cue
    # the same advice alone is without permission
    assert code_sentence("Keep the rescue pack with your inhalers.").code == "advice_without_permission"


def test_a_summary_runs_on_over_the_following_sentences():
    coded = code_text("Let me recap. The swelling is less. You'd like the dressings at home.")
    assert [c.code for c in coded] == ["summary"] * 3


def test_main_code_prefers_summary_then_advice_then_the_first_coded():
    assert main_code(code_text("Okay. You're tired. What helps?")) == "simple_reflection"
    assert main_code(code_text("You're tired. You need more sleep.")) == "advice_without_permission"
    assert main_code([]) == OTHER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("do you want to talk about it", "closed_question"),
        ("how many cigarettes do you smoke a day", "closed_question"),
        ("What worries you most.", "open_question"),
        ("what you need is a proper routine", "advice_without_permission"),
        ("so you're worried about the tablets", "simple_reflection"),
    ],
)
def test_questions_typed_without_a_question_mark(text, expected):
    assert code_utterance(text) == expected
