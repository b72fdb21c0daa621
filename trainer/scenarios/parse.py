"""Parse the Markdown body of a scenario file into moments and turns.

The body is read line by line so every problem names its exact file line::

    ## Moment: Opening {#opening}
    ### Traditional
    **Nurse:** Come in and sit down. _(looks at the screen)_
    ### Self-management support
    **Nurse:** What would you like us to get to today? {agenda-setting, open-questions}
    ### Commentary
    Free Markdown about what differs.
    ### Practice
    You are the nurse: what would you say first?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from trainer.competencies.coding import BY_ID, CODE_IDS
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean
from trainer.scenarios.model import PRACTITIONER, SMS, TRADITIONAL, VERSION_TITLES, Moment, Segment, Turn

MOMENT_RE = re.compile(r"^##(?!#)\s*(.*?)\s*$")
SECTION_RE = re.compile(r"^###(?!#)\s*(.*?)\s*$")
TOP_RE = re.compile(r"^#(?!#)\s")
ID_SUFFIX_RE = re.compile(r"\s*\{#\s*([^}]*?)\s*\}\s*$")
TURN_RE = re.compile(r"^\*\*(?P<a>[^*]+?)\s*:\s*\*\*\s*(?P<ra>.*)$|^\*\*(?P<b>[^*]+?)\*\*\s*:\s*(?P<rb>.*)$")
DIRECTION_RE = re.compile(r"_\((.+?)\)_|\*\((.+?)\)\*")
ONLY_DIRECTION_RE = re.compile(r"^(?:_\((.+)\)_|\*\((.+)\)\*)$")
TAGS_RE = re.compile(r"\{([^{}#]*)\}\s*$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# An expert's behaviour code for the turn above it: "> code: open_question: why".
CODE_RE = re.compile(r"^>\s*code\s*:\s*(?P<code>[^:\u2014\u2013]*?)\s*(?:[:\u2014\u2013]\s*(?P<why>.*))?$", re.I)
CODE_NAMES = {**{c: c for c in CODE_IDS}, **{c.label.lower(): c.id for c in BY_ID.values()}}

COMMENTARY, PRACTICE = "commentary", "practice"
BROKEN = "\0"  # speaker of a line that could not be read as a turn
SECTIONS = {
    "traditional": TRADITIONAL,
    "traditional consultation": TRADITIONAL,
    "traditional version": TRADITIONAL,
    "self-management support": SMS,
    "self management support": SMS,
    "sms": SMS,
    "self-management support version": SMS,
    "self-management": SMS,
    "commentary": COMMENTARY,
    "what differs": COMMENTARY,
    "what is different": COMMENTARY,
    "practice": PRACTICE,
    "practice prompt": PRACTICE,
    "your turn": PRACTICE,
}
SECTION_TITLES = {
    TRADITIONAL: "### Traditional",
    SMS: "### Self-management support",
    COMMENTARY: "### Commentary",
    PRACTICE: "### Practice",
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "moment"


@dataclass
class _Open:
    speaker: str
    parts: list[str]
    line: int
    tags: list[tuple[str, int]] = field(default_factory=list)  # (tag, file line)
    code: tuple[str, str, int] | None = None  # (code id, reason, file line)

    def add(self, text: str, line_no: int) -> None:
        found = TAGS_RE.search(text)
        if found:
            text = text[: found.start()].rstrip()
            names = [x for x in re.split(r"[,\s]+", found.group(1).strip()) if x]
            self.tags.extend((name, line_no) for name in names)
            if not names:
                self.tags.append(("", line_no))
        self.parts.append(text)


@dataclass
class ParsedBody:
    introduction: str = ""
    moments: list[Moment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Parser:
    def __init__(self, path: Path, body_line: int, speakers: dict[str, str], known_skills: set[str] | None):
        self.path = path
        self.body_line = body_line
        self.speakers = speakers
        self.known_skills = known_skills
        self.out = ParsedBody()
        self.intro: list[str] = []
        self.moment: Moment | None = None
        self.section: str | None = None
        self.section_lines: dict[str, int] = {}
        self.text: dict[str, list[str]] = {}
        self.turn: _Open | None = None
        self.seen_ids: dict[str, int] = {}

    def error(self, line: int, message: str, severity: str = ERROR) -> None:
        self.out.diagnostics.append(Diagnostic(self.path, line, severity, message))

    # -- driving -------------------------------------------------------------------
    def run(self, body: str) -> ParsedBody:
        in_fence = False
        for index, raw in enumerate(body.splitlines()):
            line_no = self.body_line + index
            line = raw.rstrip()
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            moment = None if in_fence else MOMENT_RE.match(line)
            section = None if in_fence or moment else SECTION_RE.match(line)
            if moment:
                self.start_moment(moment.group(1), line_no)
            elif section:
                self.start_section(section.group(1), line_no)
            elif self.moment is None:
                self.intro.append(raw)
            else:
                self.add_line(line, line_no, in_fence)
        self.end_moment()
        self.out.introduction = "\n".join(self.intro).strip()
        if not self.out.moments:
            self.error(
                self.body_line,
                "no moments found: add '## Moment: <title>' headings, each with "
                "'### Traditional' and '### Self-management support' turns",
            )
        return self.out

    # -- moments and sections ---------------------------------------------------------
    def start_moment(self, heading: str, line_no: int) -> None:
        self.end_moment()
        explicit = ID_SUFFIX_RE.search(heading)
        title = ID_SUFFIX_RE.sub("", heading) if explicit else heading
        title = re.sub(r"^moment\s*:\s*", "", title, flags=re.IGNORECASE).strip()
        if not title:
            self.error(line_no, "moment heading has no title: write it like '## Moment: Opening'")
            title = "Untitled moment"
        moment_id = explicit.group(1) if explicit else slug(title)
        if not ID_RE.match(moment_id):
            self.error(
                line_no,
                f"moment id '{moment_id}': expected lower-case letters, digits, '-' or '_' (like '{{#opening}}')",
            )
        if moment_id in self.seen_ids:
            self.error(
                line_no,
                f"duplicate moment id '{moment_id}' (first used on line "
                f"{self.seen_ids[moment_id]}); give each moment its own title or '{{#id}}'",
            )
        else:
            self.seen_ids[moment_id] = line_no
        self.moment = Moment(id=moment_id, title=title, line=line_no)
        self.section = None
        self.section_lines = {}
        self.text = {COMMENTARY: [], PRACTICE: []}

    def start_section(self, heading: str, line_no: int) -> None:
        self.close_turn()
        if self.moment is None:
            self.error(
                line_no,
                f"section '### {heading}' comes before the first moment; "
                "start a moment with '## Moment: <title>' first",
            )
            return
        key = SECTIONS.get(re.sub(r"[:.]+$", "", heading).strip().lower())
        if key is None:
            self.error(
                line_no,
                f"unknown section '### {heading}'{did_you_mean(heading, list(SECTION_TITLES.values()))};"
                " expected one of: Traditional, Self-management support, Commentary, Practice",
            )
            self.section = "ignored"
            return
        if key in self.section_lines:
            self.error(
                line_no,
                f"moment '{self.moment.id}' already has a '{SECTION_TITLES[key]}' section "
                f"(line {self.section_lines[key]})",
            )
            self.section = "ignored"
            return
        self.section_lines[key] = line_no
        self.section = key

    def end_moment(self) -> None:
        self.close_turn()
        m = self.moment
        if m is None:
            return
        for version in (TRADITIONAL, SMS):
            title = VERSION_TITLES[version]
            if version not in self.section_lines:
                self.error(
                    m.line,
                    f"moment '{m.id}' has no '### {title}' version; every moment needs both "
                    "'### Traditional' and '### Self-management support' so the two can be compared",
                )
            elif not m.turns(version):
                self.error(
                    self.section_lines[version],
                    f"the {title} version of moment '{m.id}' has no turns; add lines like '**Nurse:** words'",
                )
        m.commentary = "\n".join(self.text[COMMENTARY]).strip()
        m.practice = "\n".join(self.text[PRACTICE]).strip()
        if not m.commentary:
            self.error(
                self.section_lines.get(COMMENTARY, m.line),
                f"moment '{m.id}' has no commentary; add '### Commentary' with a few lines on what differs",
                WARNING,
            )
        self.out.moments.append(m)
        self.moment = None

    # -- lines inside a moment ----------------------------------------------------------
    def add_line(self, line: str, line_no: int, in_fence: bool) -> None:
        assert self.moment is not None  # lines before the first moment never come here
        if self.section in (COMMENTARY, PRACTICE):
            self.text[self.section].append(line)
            return
        if self.section == "ignored" or (not line.strip() and self.section is None):
            return
        if self.section is None:
            self.error(
                line_no,
                f"text in moment '{self.moment.id}' outside a section; put it under "
                "'### Traditional', '### Self-management support', '### Commentary' or '### Practice'",
            )
            self.section = "ignored"
            return
        stripped = line.strip()
        if not stripped:
            self.close_turn()
            return
        if TOP_RE.match(stripped):
            self.error(line_no, "a '# ' heading inside a moment; use '## Moment: <title>' for a new moment")
            return
        code = CODE_RE.match(stripped)
        if code:
            self.add_code(code.group("code"), (code.group("why") or "").strip(), line_no)
            return
        match = TURN_RE.match(stripped)
        if match:
            self.close_turn()
            who = (match.group("a") or match.group("b")).strip()
            rest = match.group("ra") if match.group("a") else match.group("rb")
            self.turn = _Open(who, [], line_no)
            self.turn.add(rest, line_no)
        elif self.turn is not None:
            self.turn.add(stripped, line_no)
        elif ONLY_DIRECTION_RE.match(stripped):
            self.turn = _Open("", [], line_no)
            self.turn.add(stripped, line_no)
        else:
            self.error(
                line_no,
                "expected a turn that starts with the speaker in bold, like "
                "'**Nurse:** Hello' (or a stage direction like '_(She pauses.)_')",
            )
            # Keep going: the following lines belong to this broken turn.
            self.turn = _Open(BROKEN, [], line_no)

    def add_code(self, written: str, why: str, line_no: int) -> None:
        t = self.turn
        if t is None or t.speaker == BROKEN or self.section != SMS or self.speakers.get(t.speaker) != PRACTITIONER:
            self.error(
                line_no,
                "a '> code:' line belongs straight under a practitioner's turn in the "
                "'### Self-management support' version",
            )
            return
        name = " ".join(written.replace("-", " ").replace("_", " ").lower().split())
        code_id = CODE_NAMES.get(name) or CODE_NAMES.get(name.replace(" ", "_"))
        if code_id is None:
            self.error(
                line_no,
                f"unknown behaviour code '{written}'{did_you_mean(written, CODE_IDS)}; "
                f"expected one of: {', '.join(CODE_IDS)}",
            )
        elif not why:
            self.error(line_no, f"code '{code_id}' has no reason; write it after a colon: '> code: {code_id}: why'")
        elif t.code is not None:
            self.error(line_no, f"this turn already has a code (line {t.code[2]}); give each turn one code")
        else:
            t.code = (code_id, why, line_no)

    def close_turn(self) -> None:
        t, self.turn = self.turn, None
        if t is None or t.speaker == BROKEN or self.moment is None or self.section not in (TRADITIONAL, SMS):
            return
        text = " ".join(p.strip() for p in t.parts).strip()
        segments = _segments(text)
        if not segments:
            self.error(t.line, "this turn has no words; write them after the speaker, like '**Nurse:** Hello'")
            return
        if t.speaker and t.speaker not in self.speakers:
            self.error(
                t.line,
                f"unknown speaker '{t.speaker}'{did_you_mean(t.speaker, list(self.speakers))}; "
                f"declared speakers are {', '.join(sorted(self.speakers)) or 'none'} "
                "(add it under 'speakers:' in the front matter)",
            )
        turn = Turn(t.speaker, segments, self.check_tags(t), t.line)
        if t.code is not None:
            turn.code, turn.code_reason = t.code[0], t.code[1]
        self.moment.turns(self.section).append(turn)

    def check_tags(self, t: _Open) -> list[str]:
        kept: list[str] = []
        for tag, line_no in t.tags:
            if not tag:
                self.error(line_no, "empty skill tags '{}'; list skill ids like '{open-questions}'", WARNING)
            elif self.known_skills is not None and tag not in self.known_skills:
                self.error(
                    line_no,
                    f"unknown skill tag '{tag}'{did_you_mean(tag, self.known_skills)}; "
                    "expected a skill id from the competency framework",
                )
            elif tag not in kept:
                kept.append(tag)
        last = t.tags[-1][1] if t.tags else t.line
        if kept and self.section == TRADITIONAL:
            self.error(
                last,
                "skill tags in the Traditional version are ignored; "
                "tag the turns of the Self-management support version",
                WARNING,
            )
            return []
        if kept and self.speakers.get(t.speaker) != PRACTITIONER:
            self.error(
                last,
                f"skill tags on a turn by '{t.speaker or 'a stage direction'}'; "
                "tags describe what the practitioner does, so put them on the "
                "practitioner's turns",
                WARNING,
            )
        return kept


def _segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for m in DIRECTION_RE.finditer(text):
        said = text[pos : m.start()].strip()
        if said:
            out.append(Segment("say", said))
        out.append(Segment("do", (m.group(1) or m.group(2)).strip()))
        pos = m.end()
    said = text[pos:].strip()
    if said:
        out.append(Segment("say", said))
    return out


def parse_body(
    body: str, body_line: int, path: Path, speakers: dict[str, str], known_skills: set[str] | None = None
) -> ParsedBody:
    return _Parser(path, body_line, speakers, known_skills).run(body)
