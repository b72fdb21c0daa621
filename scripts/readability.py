"""Word counts and Flesch reading ease for every course module.

Usage:  python scripts/readability.py [content-folder]

Pure Python heuristics (no dependency beyond the app's own loader):
Markdown syntax is stripped, every heading, list item, table row and
definition counts as ending a sentence, and syllables are counted as vowel
groups with a few English corrections. The figures are estimates, good for
comparing modules and spotting a hard one, not for exact scores.

Flesch reading ease = 206.835 - 1.015 * (words / sentences)
                              - 84.6 * (syllables / words).
60 and above is plain English; 50 to 60 is fairly easy for adults.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")
NUMBER_RE = re.compile(r"\d+(?:[.,:]\d+)*")
SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|$)")
VOWEL_GROUP_RE = re.compile(r"[aeiouy]+")
# Common words the rules below get wrong.
EXCEPTIONS = {
    "people": 2,
    "every": 2,
    "everyone": 3,
    "quiet": 2,
    "diet": 2,
    "create": 2,
    "idea": 3,
    "ideas": 3,
    "area": 3,
    "areas": 3,
    "business": 2,
    "being": 2,
}

# Markdown clutter removed before counting.
_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_ADMONITION_RE = re.compile(r'^\s*!!!\s+\w+(?:\s+"([^"]*)")?\s*$')
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PREFIX_RE = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|:\s+|>\s?)")
_EMPHASIS_RE = re.compile(r"[*_`]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * (self.words / max(self.sentences, 1)) - 84.6 * (self.syllables / self.words)


def count_syllables(word: str) -> int:
    """Estimate the syllables in one English word (at least 1)."""
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if not w:
        return 0
    if w in EXCEPTIONS:
        return EXCEPTIONS[w]
    if len(w) <= 3:
        return 1
    count = len(VOWEL_GROUP_RE.findall(w))
    # A final silent 'e' (make, hope) but not 'le' after a consonant (table).
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    elif w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy" and count > 1:
        count -= 1  # whole, scale
    # -ed is usually silent unless after t or d (walked, but wanted).
    if w.endswith("ed") and len(w) > 3 and w[-3] not in "td" and count > 1:
        count -= 1
    # -es is silent after most letters (makes), not after s, x, z, ch, sh, ge, ce.
    if (
        w.endswith("es")
        and len(w) > 3
        and count > 1
        and not w.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces"))
    ):
        count -= 1
    # Vowel pairs that are usually two syllables.
    count += len(re.findall(r"ia|(?<![tscg])io(?!u)|eo|ua|uo", w))
    return max(count, 1)


def plain_text(markdown: str) -> str:
    """Markdown to plain prose: one sentence-like unit per line, syntax removed."""
    out: list[str] = []
    in_fence = False
    for line in markdown.splitlines():
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _TABLE_RULE_RE.match(line):
            continue
        m = _ADMONITION_RE.match(line)
        if m:
            if m.group(1):
                out.append(m.group(1) + ".")
            continue
        text = _LINK_RE.sub(r"\1", line)
        text = _PREFIX_RE.sub("", text)
        if "|" in text:
            cells = [c.strip() for c in text.strip().strip("|").split("|")]
            text = ". ".join(c for c in cells if c)
        text = _EMPHASIS_RE.sub("", text).strip()
        if not text:
            out.append("")
            continue
        out.append(text)
    return _join_units(out, markdown)


def _join_units(lines: list[str], markdown: str) -> str:
    """Join wrapped paragraph lines; end each block (heading, item...) with a full stop."""
    src = markdown.splitlines()
    units: list[str] = []
    current = ""
    for i, text in enumerate(lines):
        raw = src[i] if i < len(src) else ""
        starts_block = bool(_PREFIX_RE.match(raw)) or "|" in raw or not current
        if not text:
            if current:
                units.append(current)
            current = ""
            continue
        if starts_block and current:
            units.append(current)
            current = text
        else:
            current = f"{current} {text}".strip()
    if current:
        units.append(current)
    return "\n".join(u if SENTENCE_END_RE.search(u[-1:] + " ") else u + "." for u in units)


def analyse(markdown: str) -> Readability:
    """Word, sentence and syllable counts for a piece of Markdown or prose."""
    text = plain_text(markdown)
    words = WORD_RE.findall(text)
    numbers = NUMBER_RE.findall(WORD_RE.sub(" ", text))
    sentences = len(SENTENCE_END_RE.findall(text))
    syllables = sum(count_syllables(w) for w in words) + 2 * len(numbers)
    return Readability(words=len(words) + len(numbers), sentences=sentences, syllables=syllables)


def flesch_reading_ease(text: str) -> float:
    """Flesch reading ease of ``text`` (higher is easier)."""
    return analyse(text).reading_ease


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    here = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(here))
    from trainer.content import bundled_content
    from trainer.modules.loader import load_course

    folder = Path(argv[0]) if argv else bundled_content()
    course = load_course(folder)
    rows = []
    for module in course.modules:
        stats = analyse(module.body)
        rows.append((module.path.name, stats.words, stats.reading_ease))
    if not rows:
        print(f"no modules found in {folder}")
        return 1
    width = max(len(r[0]) for r in rows)
    print(f"{'module'.ljust(width)}  {'words':>6}  {'ease':>5}")
    for name, words, ease in rows:
        print(f"{name.ljust(width)}  {words:>6}  {ease:>5.1f}")
    mean_words = sum(r[1] for r in rows) / len(rows)
    mean_ease = sum(r[2] for r in rows) / len(rows)
    print(f"{'mean'.ljust(width)}  {mean_words:>6.0f}  {mean_ease:>5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
