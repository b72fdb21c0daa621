"""Search across the course modules, the scenarios and the learner's reflections.

Qt-free. Matching ignores case and accents ("cafe" finds "café"); every word
of the query must appear (AND). Results whose title matches come first.
Each hit carries a short snippet around the first match and the matched
text exactly as written, so the reader can highlight it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODULE, SCENARIO, REFLECTION = "module", "scenario", "reflection"
KINDS = (MODULE, SCENARIO, REFLECTION)
KIND_TITLES = {MODULE: "Modules", SCENARIO: "Scenarios", REFLECTION: "Your reflections"}
SNIPPET_CHARS = 70  # each side of the match


@lru_cache(maxsize=4096)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Case- and accent-folded text, with the index in ``text`` of each folded character.

    Kept for texts seen before: folding goes character by character, and a search folded the
    whole course again for every query (about 45 ms; the window stalled while typing)."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            for c in part.casefold():
                out.append(c)
                where.append(i)
    return "".join(out), tuple(where)


def terms_of(query: str) -> list[str]:
    return [fold(t)[0] for t in query.split() if fold(t)[0]]


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Every place in ``text`` where one of ``terms`` is found, matched as the search matches
    (ignoring case and accents): sorted (start, end) index pairs into ``text``, never overlapping."""
    folded, where = fold(text)
    found: list[tuple[int, int]] = []
    for term in {fold(t)[0] for t in terms} - {""}:
        at = folded.find(term)
        while at != -1:
            found.append((where[at], where[at + len(term) - 1] + 1))
            at = folded.find(term, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r"\{:?[^}]*\}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE)
_ADMONITION = re.compile(r"^!!!\s*\w+\s*(\"([^\"]*)\")?", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|`+|~~)")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$", re.MULTILINE)
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)


def markdown_plain(text: str) -> str:
    """Markdown to plain words, simply: good enough to search and quote."""
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ATTR.sub("", text)
    text = _ADMONITION.sub(lambda m: m.group(2) or "", text)
    text = _HEADING.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = _LIST.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = text.replace("|", " ")
    text = re.sub(r"^>\s?", "", text, flags=re.MULTILINE)
    return re.sub(r"[ \t]+", " ", text).strip()


@dataclass(frozen=True)
class Document:
    kind: str
    key: str  # module id, scenario id or reflection uid
    title: str
    text: str
    moment: str | None = None  # scenario moment id
    label: str = ""  # shown under the title, e.g. the moment's name
    match_title: bool = True  # False for a scenario's moments: the title alone does not make a hit


@dataclass(frozen=True)
class Hit:
    kind: str
    key: str
    title: str
    snippet: str
    match: str  # the first matched text, as written (for highlighting)
    span: tuple[int, int]  # where ``match`` sits in ``snippet``
    moment: str | None = None
    label: str = ""
    in_title: bool = False
    terms: tuple[str, ...] = ()  # the folded query words, to mark every place they are found


def module_documents(course: Any) -> list[Document]:
    docs = []
    for m in course.readable():
        parts = [
            m.summary,
            "\n".join(m.objectives),
            "\n".join(m.keypoints),
            markdown_plain(m.body),
            m.reflection_prompt,
        ]
        docs.append(Document(MODULE, m.id, m.title, "\n".join(p for p in parts if p)))
    return docs


def _turn_lines(turns: Iterable[Any]) -> list[str]:
    lines = []
    for t in turns:
        words = " ".join(s.text for s in t.segments)
        lines.append(f"{t.speaker}: {words}" if t.speaker else words)
    return lines


def scenario_documents(scenarios: Iterable[Any]) -> list[Document]:
    """One document for a scenario's introduction, and one per moment (turns + commentary)."""
    docs = []
    for s in scenarios:
        person = getattr(s, "person", None)
        intro = [s.summary, s.introduction, s.setting, s.practitioner]
        if person is not None:
            intro += [person.name, ", ".join(person.conditions), "; ".join(person.what_matters), person.about]
        docs.append(Document(SCENARIO, s.id, s.title, "\n".join(p for p in intro if p), None, "Introduction"))
        for moment in s.moments:
            lines = [
                moment.title,
                *_turn_lines(moment.traditional),
                *_turn_lines(moment.sms),
                markdown_plain(moment.commentary or ""),
                markdown_plain(moment.practice or ""),
            ]
            docs.append(
                Document(
                    SCENARIO,
                    s.id,
                    s.title,
                    "\n".join(x for x in lines if x),
                    moment.id,
                    moment.title,
                    match_title=False,
                )
            )
    return docs


def reflection_documents(journal: Any) -> list[Document]:
    if journal is None:
        return []
    docs = []
    for rec in journal.entries():
        text = journal.searchable_text(rec)
        title = rec.get("title") or "Untitled reflection"
        docs.append(Document(REFLECTION, rec["uid"], title, text, None, rec.get("date", "")))
    return docs


def _snippet(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    lo = max(0, start - SNIPPET_CHARS)
    hi = min(len(text), end + SNIPPET_CHARS)
    if lo > 0:  # start on a word
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    raw = text[lo:hi]
    prefix = "\u2026" if lo > 0 else ""
    suffix = "\u2026" if hi < len(text) else ""
    # one line: newlines become spaces (same length, so the span still fits)
    flat = raw.replace("\n", " ").replace("\t", " ")
    return prefix + flat + suffix, (len(prefix) + start - lo, len(prefix) + end - lo)


def match_document(doc: Document, terms: list[str]) -> Hit | None:
    """A Hit when every term is in the title or text; None otherwise."""
    title_folded = fold(doc.title)[0] if doc.match_title else ""
    text_folded, where = fold(doc.text)
    label_folded, _ = fold(doc.label)
    if not all(t in title_folded or t in text_folded or t in label_folded for t in terms):
        return None
    in_title = all(t in title_folded for t in terms)
    first = None
    for t in terms:
        at = text_folded.find(t)
        if at != -1 and (first is None or at < first[0]):
            first = (at, at + len(t))
    if first is None:
        snippet = doc.text[: 2 * SNIPPET_CHARS].replace("\n", " ")
        return Hit(doc.kind, doc.key, doc.title, snippet, "", (0, 0), doc.moment, doc.label, in_title, tuple(terms))
    start = where[first[0]]
    end = where[first[1] - 1] + 1
    snippet, span = _snippet(doc.text, start, end)
    return Hit(
        doc.kind, doc.key, doc.title, snippet, doc.text[start:end], span, doc.moment, doc.label, in_title, tuple(terms)
    )


def search_documents(docs: Iterable[Document], query: str, limit: int = 50) -> list[Hit]:
    """Hits in rank order: title matches first, then the order of the documents."""
    terms = terms_of(query)
    if not terms:
        return []
    hits = [h for h in (match_document(d, terms) for d in docs) if h is not None]
    hits.sort(key=lambda h: not h.in_title)  # stable: keeps document order within a rank
    return hits[:limit]


def group(hits: Iterable[Hit]) -> dict[str, list[Hit]]:
    """Hits by kind, in KINDS order, leaving out kinds with none."""
    out: dict[str, list[Hit]] = {k: [] for k in KINDS}
    for h in hits:
        out.setdefault(h.kind, []).append(h)
    return {k: v for k, v in out.items() if v}


class SearchService:
    """Modules and scenarios are indexed at the first search (not at start-up);
    reflections are read at each search."""

    def __init__(self, course: Any, scenarios: Iterable[Any] = (), journal: Any = None):
        self._course, self._scenarios = course, list(scenarios)
        self._static: list | None = None
        self._journal = journal

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        if self._static is None:
            self._static = module_documents(self._course) + scenario_documents(self._scenarios)
        hits = search_documents(self._static + reflection_documents(self._journal), query, limit=10_000)
        by_kind = group(hits)
        return [h for kind in by_kind for h in by_kind[kind][:limit]]

    def grouped(self, query: str, limit: int = 50) -> dict[str, list[Hit]]:
        return group(self.search(query, limit))
