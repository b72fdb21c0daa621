"""Every bundled module ends with a sound knowledge check (issue 21).

A content check, written straight from the format in docs/AUTHORING.md
("Check your understanding"), so it stands on its own: it reads the raw
module files with PyYAML and does not use the app's parser or validator.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

MODULES = sorted((Path(__file__).resolve().parents[2] / "content" / "modules").glob("[0-9][0-9]-*.md"))

KINDS = {"single", "multiple", "mi-consistent", "order", "free-text", "skill-prompt"}
OPTION_COUNTS = {"single": (2, 6), "multiple": (2, 6), "mi-consistent": (2, 4)}
ID_RE = re.compile(r"^[a-z0-9-]+$")
# The block is the last thing in the body: only blank lines may follow it.
BLOCK_RE = re.compile(r"^```questions[ \t]*\n(.*?)^```[ \t]*\n*\Z", re.MULTILINE | re.DOTALL)


def _objectives(text: str) -> list[str]:
    front = text.split("\n---", 1)[0].removeprefix("---\n")
    return yaml.safe_load(front)["objectives"]


def _questions(text: str) -> list[dict]:
    match = BLOCK_RE.search(text)
    assert match, "no ```questions block at the very end of the body"
    questions = yaml.safe_load(match.group(1))
    assert isinstance(questions, list), "the questions block is not a YAML list"
    return questions


def _objective_indexes(q: dict) -> list[int]:
    value = q["objective"]
    return value if isinstance(value, list) else [value]


def problems(text: str) -> list[str]:
    """What is wrong with a module's questions, one line each (empty when sound)."""
    objectives = _objectives(text)
    questions = _questions(text)
    found: list[str] = []
    ids = [q.get("id") for q in questions]
    for q in questions:
        where = f"question {q.get('id')!r}"
        kind = q.get("kind")
        if not isinstance(q.get("id"), str) or not ID_RE.match(q["id"]) or ids.count(q["id"]) > 1:
            found.append(f"{where}: id missing, badly formed or used twice")
        if kind not in KINDS:
            found.append(f"{where}: unknown kind {kind!r}")
        if not str(q.get("prompt") or "").strip():
            found.append(f"{where}: no prompt")
        indexes = _objective_indexes(q) if "objective" in q else []
        if not indexes or any(not isinstance(i, int) or not 1 <= i <= len(objectives) for i in indexes):
            found.append(f"{where}: objective {q.get('objective')!r} is not 1..{len(objectives)}")
        if kind in OPTION_COUNTS:
            options = q.get("options") or []
            low, high = OPTION_COUNTS[kind]
            right = sum(1 for o in options if o.get("correct") is True)
            if not low <= len(options) <= high:
                found.append(f"{where}: {len(options)} options, expected {low} to {high}")
            if right < 1 or (kind != "multiple" and right != 1):
                found.append(f"{where}: {right} correct options")
            if any(not str(o.get("text") or "").strip() or not str(o.get("feedback") or "").strip() for o in options):
                found.append(f"{where}: an option without text or feedback")
        if kind == "order":
            if not 3 <= len(q.get("items") or []) <= 6:
                found.append(f"{where}: order needs 3 to 6 items")
            if not str(q.get("feedback") or "").strip():
                found.append(f"{where}: order needs feedback")
        if kind in ("free-text", "skill-prompt") and not str(q.get("model_answer") or "").strip():
            found.append(f"{where}: no model_answer")
    check = [q for q in questions if q.get("kind") != "skill-prompt"]
    if not 3 <= len(check) <= 6:
        found.append(f"{len(check)} check questions, expected 3 to 6")
    covered = {i for q in check if "objective" in q for i in _objective_indexes(q)}
    for missing in sorted(set(range(1, len(objectives) + 1)) - covered):
        found.append(f"objective {missing} ({objectives[missing - 1]!r}) has no check question")
    if not any(q.get("kind") == "skill-prompt" for q in questions):
        found.append("no skill-prompt for spaced review")
    return found


def test_there_are_thirteen_bundled_modules():
    assert len(MODULES) == 13


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_module_check_is_sound_and_covers_every_objective(path):
    assert problems(path.read_text(encoding="utf-8")) == []


SOUND = """---
title: A module
objectives:
  - One thing
  - Another thing
---

Body.

```questions
- id: a
  kind: single
  objective: 1
  prompt: Which?
  options:
    - {text: This, correct: true, feedback: Right because.}
    - {text: That, feedback: Wrong because.}
- id: b
  kind: order
  objective: [1, 2]
  prompt: Order these.
  items: [one, two, three]
  feedback: Why.
- id: c
  kind: free-text
  objective: 2
  prompt: Say it.
  model_answer: Like this.
- id: d
  kind: skill-prompt
  objective: 2
  prompt: Write the words.
  model_answer: These words.
```
"""


def test_a_sound_check_passes_and_each_break_is_caught():
    assert problems(SOUND) == []
    cases = {
        "objective 3 is": SOUND.replace("objective: 1\n", "objective: 3\n"),
        "0 correct options": SOUND.replace("correct: true", "correct: false"),
        "unknown kind 'ordering'": SOUND.replace("kind: order", "kind: ordering"),
        "without text or feedback": SOUND.replace(", feedback: Wrong because.", ""),
        "no model_answer": SOUND.replace("model_answer: Like this.", "feedback: x"),
        "used twice": SOUND.replace("id: c", "id: a"),
        "2 check questions": SOUND.replace("kind: free-text", "kind: skill-prompt"),
        "objective 1 ('One thing') has no check": SOUND.replace("objective: [1, 2]", "objective: 2").replace(
            "objective: 1\n", "objective: 2\n"
        ),
    }
    for expected, text in cases.items():
        found = problems(text)
        assert any(expected in p for p in found), (expected, found)
