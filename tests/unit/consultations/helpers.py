"""A small valid consultation to break in one place per test."""

from __future__ import annotations

from pathlib import Path

VALID = """\
title: Ana and her walking
profession: ahp
practitioner: Physiotherapist
setting: Outpatient clinic, second visit
person:
  name: Ana
  about: 58, knee pain, wants to walk her dog again
skills: [open-questions]
start: opening
nodes:
  opening:
    person: My knee is still sore.
    responses:
      - say: What has the soreness stopped you doing?
        codes: [open_question]
        feedback: An open question invites her story.
        next: story
        expert: true
      - say: You should do your exercises every day.
        codes: [advice_without_permission]
        feedback: Advice before asking meets resistance.
        next: resist
  story:
    person: Walking the dog, mostly.
    responses:
      - say: The walks matter to you, and you miss them.
        codes: [complex_reflection]
        feedback: A reflection of what matters.
        next: close
        expert: true
        safety_net: true
      - say: Is it worse in the morning?
        codes: [closed_question]
        feedback: A closed question narrows the talk.
        next: close
  resist:
    person: I do try, you know.
    pushback: true
    responses:
      - say: You have been trying hard.
        codes: [affirmation]
        feedback: Affirming her effort softens the discord.
        next: story
        expert: true
      - say: Trying is not enough.
        codes: [advice_without_permission]
        feedback: Arguing back deepens the discord.
        next: close
  close:
    person: Thank you, I will try that.
    end: true
"""


def write(tmp_path: Path, text: str, name: str = "ana.yaml") -> Path:
    folder = tmp_path / "consultations"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str, after: str = "") -> int:
    """The 1-based line of the first line holding ``fragment`` (after the one holding ``after``)."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if after in ln) if after else 0
    return next(i for i, ln in enumerate(lines) if i >= start and fragment in ln) + 1
