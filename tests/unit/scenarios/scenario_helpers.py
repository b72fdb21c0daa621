"""A small valid scenario, written line by line so tests can name exact lines."""

from __future__ import annotations

from pathlib import Path

SKILLS = {"agenda-setting", "open-questions", "reflections", "permission", "elicit-provide-elicit"}

LINES = [
    "---",  # 1
    "id: tiny",  # 2
    "title: A tiny scenario",  # 3
    "setting: Clinic",  # 4
    "practitioner: Nurse",  # 5
    "person:",  # 6
    "  name: Sam (invented)",  # 7
    "  age_range: 40-49",  # 8
    "  conditions: [Asthma]",  # 9
    "  what_matters: [Running]",  # 10
    "  activation: 2",  # 11
    "speakers:",  # 12
    "  Nurse: practitioner",  # 13
    "  Sam: person",  # 14
    "objectives:",  # 15
    "  - Compare two openings",  # 16
    "skills: [open-questions, reflections]",  # 17
    "---",  # 18
    "An introduction.",  # 19
    "",  # 20
    "## Moment: Opening {#opening}",  # 21
    "### Traditional",  # 22
    "**Nurse:** Hello, come in. _(looks at screen)_",  # 23
    "",  # 24
    "**Sam:** Hi.",  # 25
    "**Nurse:** Let's look at your peak flow.",  # 26
    "### Self-management support",  # 27
    "**Nurse:** Hello, come in. _(turns to Sam)_",  # 28
    "**Sam:** Hi.",  # 29
    "**Nurse:** How have things been?",  # 30
    "  Take your time. {open-questions}",  # 31
    "**Sam:** Tiring.",  # 32
    "**Nurse:** Tiring. {reflections}",  # 33
    "### Commentary",  # 34
    "They part ways at the third turn.",  # 35
    "### Practice",  # 36
    "What would you ask first?",  # 37
    "",  # 38
    "## Agenda",  # 39
    "### Traditional",  # 40
    "**Nurse:** Today we will do your review.",  # 41
    "### Self-management support",  # 42
    "**Nurse:** What would you like to cover? {open-questions}",  # 43
    "_(Sam thinks.)_",  # 44
    "### Commentary",  # 45
    "Asked, not told.",  # 46
]


def text(
    replace: dict[int, str] | None = None, insert: dict[int, list[str]] | None = None, drop: set[int] | None = None
) -> str:
    """The scenario with 1-based lines replaced, inserted before, or dropped."""
    out: list[str] = []
    for n, line in enumerate(LINES, 1):
        out.extend((insert or {}).get(n, []))
        if n in (drop or set()):
            continue
        out.append((replace or {}).get(n, line))
    return "\n".join(out) + "\n"


def write(root: Path, body: str, name: str = "tiny.md") -> Path:
    folder = root / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path
