"""A paired scenario as plain data: one person, two consultations, the same moments."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

TRADITIONAL = "traditional"
SMS = "sms"
VERSIONS = (TRADITIONAL, SMS)
VERSION_TITLES = {TRADITIONAL: "Traditional", SMS: "Self-management support"}

PRACTITIONER = "practitioner"
PERSON = "person"
ROLES = (PRACTITIONER, PERSON, "companion", "other")

# Plain descriptions of the four activation levels (our own words; the
# licensed measure's items are never reproduced).
ACTIVATION_LEVELS = {
    1: "Level 1: may feel overwhelmed and see their role as passive",
    2: "Level 2: building the knowledge and confidence to act",
    3: "Level 3: taking action, but not yet steady under pressure",
    4: "Level 4: keeping healthy habits going, even when life gets hard",
}


@dataclass(frozen=True)
class Segment:
    """Part of a turn: spoken words, or a stage direction shown in italics."""

    kind: str  # "say" or "do"
    text: str


@dataclass
class Turn:
    speaker: str  # "" for a stage direction on its own
    segments: list[Segment]
    tags: list[str] = field(default_factory=list)
    line: int = 0
    code: str = ""  # the expert's behaviour code (coding.CODE_IDS), for coding practice
    code_reason: str = ""

    @property
    def words(self) -> str:
        return " ".join(s.text for s in self.segments if s.kind == "say").strip()

    @property
    def direction(self) -> str:
        return "; ".join(s.text for s in self.segments if s.kind == "do")

    def same_as(self, other: Turn) -> bool:
        """The same speaker saying the same words (used to find where versions part)."""
        return self.speaker == other.speaker and _norm(self.words) == _norm(other.words)


def _norm(text: str) -> str:
    return " ".join("".join(ch for ch in text.lower() if ch.isalnum() or ch.isspace()).split())


@dataclass
class Moment:
    id: str
    title: str
    line: int
    traditional: list[Turn] = field(default_factory=list)
    sms: list[Turn] = field(default_factory=list)
    commentary: str = ""
    practice: str = ""

    def turns(self, version: str) -> list[Turn]:
        return self.traditional if version == TRADITIONAL else self.sms

    @property
    def tags(self) -> list[str]:
        """Every skill tagged in the SMS version, in order of first use."""
        out: list[str] = []
        for turn in self.sms:
            for tag in turn.tags:
                if tag not in out:
                    out.append(tag)
        return out


@dataclass
class Person:
    name: str
    age_range: str
    conditions: list[str]
    what_matters: list[str]
    activation: int
    about: str = ""

    @property
    def activation_text(self) -> str:
        return ACTIVATION_LEVELS.get(self.activation, f"Level {self.activation}")


@dataclass
class Scenario:
    id: str
    title: str
    path: Path
    setting: str
    practitioner: str
    person: Person
    speakers: dict[str, str]  # name as written in turns -> role
    objectives: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    summary: str = ""
    introduction: str = ""
    moments: list[Moment] = field(default_factory=list)

    def moment(self, moment_id: str) -> Moment | None:
        return next((m for m in self.moments if m.id == moment_id), None)

    def role_of(self, speaker: str) -> str:
        return self.speakers.get(speaker, "other")

    @property
    def practitioner_speakers(self) -> list[str]:
        return [name for name, role in self.speakers.items() if role == PRACTITIONER]

    def coded_turns(self) -> list[tuple[Moment, Turn]]:
        """The practitioner's turns of the self-management version that carry an expert code."""
        return [(m, t) for m in self.moments for t in m.sms if t.code]

    @property
    def tags(self) -> list[str]:
        out: list[str] = []
        for m in self.moments:
            out.extend(t for t in m.tags if t not in out)
        return out
