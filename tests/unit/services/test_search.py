"""Search across modules, scenarios and reflections (Qt-free)."""

from datetime import date
from pathlib import Path

import pytest

from trainer.content import load_content
from trainer.domain.course import Course, Module
from trainer.journal.templates import load_templates
from trainer.records.store import memory_store
from trainer.services.journal import JournalService
from trainer.services.search import (
    MODULE,
    REFLECTION,
    SCENARIO,
    Document,
    SearchService,
    fold,
    group,
    markdown_plain,
    search_documents,
)


def module(mid, title, body, order=1):
    return Module(id=mid, title=title, path=Path(f"{mid}.md"), order=order, body=body)


def test_fold_ignores_case_and_accents_and_maps_back():
    folded, where = fold("Café ÉLAN")
    assert folded == "cafe elan"
    assert len(where) == len(folded) and where[3] == 3


def test_markdown_is_stripped_to_words():
    text = markdown_plain("## A *heading* {: #x }\n\n- **Bold** [link](http://x) `code`\n\n| a | b |\n|---|---|")
    assert "#" not in text and "*" not in text and "http" not in text and "---" not in text
    assert "A heading" in text and "Bold link code" in text


def test_title_matches_come_first_and_all_words_must_match():
    docs = [
        Document(MODULE, "a", "Listening well", "goal setting is mentioned here in the text"),
        Document(MODULE, "b", "Goal setting", "plans and steps"),
        Document(MODULE, "c", "Other", "only the word goal"),
    ]
    hits = search_documents(docs, "GOAL setting")
    assert [h.key for h in hits] == ["b", "a"]
    assert hits[0].in_title and not hits[1].in_title
    assert search_documents(docs, "goal nowhere") == []
    assert search_documents(docs, "   ") == []


def test_accent_insensitive_match_keeps_the_written_text_and_snippet_span():
    docs = [Document(MODULE, "m", "Words", "A long opening sentence. " * 8 + "Meet at the Café Rouge at noon.")]
    hit = search_documents(docs, "cafe")[0]
    assert hit.match == "Café"
    assert hit.snippet[hit.span[0] : hit.span[1]] == "Café"
    assert hit.snippet.startswith("\u2026")


def test_bundled_content_search_groups_and_opens_at_moments(sample_course):
    content = load_content(sample_course)
    journal = JournalService(memory_store(), "me", load_templates(sample_course)[0], today=lambda: date(2026, 3, 1))
    rec = journal.create("rolfe", title="Thinking about the rescue pack")
    journal.save(rec["uid"], {"sections": {"what": "We talked about her inhaler technique."}})
    service = SearchService(content.course, content.scenarios, journal)
    grouped = service.grouped("rescue pack")
    assert list(grouped) == [MODULE, SCENARIO, REFLECTION] or set(grouped) >= {SCENARIO, REFLECTION}
    assert grouped[REFLECTION][0].key == rec["uid"] and grouped[REFLECTION][0].in_title
    scenario_hits = grouped[SCENARIO]
    assert any(h.moment for h in scenario_hits)  # opens at a moment
    agenda = service.grouped("agenda")[MODULE]
    assert agenda[0].in_title  # "Agenda setting and asking before advising" first
    assert service.grouped("inhaler technique")[REFLECTION][0].match.lower() == "inhaler"


def test_scenario_moments_do_not_match_on_the_title_alone():
    class Seg:
        def __init__(self, text):
            self.text, self.kind = text, "say"

    class Turn:
        def __init__(self, who, text):
            self.speaker, self.segments, self.tags = who, [Seg(text)], []

    class Moment:
        id, title, commentary, practice = "m1", "Opening", "", ""
        traditional = [Turn("Nurse", "Hello")]
        sms = [Turn("Nurse", "What matters most today?")]

    class Scenario:
        id, title, summary, introduction, setting, practitioner = "s", "Diabetes review", "", "", "", ""
        person = None
        moments = [Moment()]

    service = SearchService(Course("c", Path(".")), [Scenario()])
    hits = service.search("diabetes")
    assert [(h.key, h.moment) for h in hits] == [("s", None)]
    moment_hit = service.search("matters most")[0]
    assert moment_hit.moment == "m1" and moment_hit.label == "Opening"
    assert moment_hit.match == "matters"


def test_group_keeps_kind_order():
    docs = [Document(REFLECTION, "r", "x", "word"), Document(MODULE, "m", "y", "word")]
    assert list(group(search_documents(docs, "word"))) == [MODULE, REFLECTION]


@pytest.mark.parametrize("query", ["Café", "cafe", "CAFE"])
def test_module_search_is_case_and_accent_insensitive(query):
    course = Course("c", Path("."), [module("m", "Notes", "We met in the café.")])
    hits = SearchService(course).search(query)
    assert [h.key for h in hits] == ["m"]


def test_find_spans_marks_every_place_ignoring_case_and_accents():
    from trainer.services.search import find_spans

    text = "Café or CAFE? The cafeteria. Rescue pack, rescue PACK."
    spans = find_spans(text, ["cafe"])
    assert [text[a:b] for a, b in spans] == ["Café", "CAFE", "cafe"]
    spans = find_spans(text, ["rescue", "pack", "resc"])  # overlapping words join up
    assert [text[a:b] for a, b in spans] == ["Rescue", "pack", "rescue", "PACK"]
    assert find_spans(text, []) == [] and find_spans(text, [""]) == []


def test_hits_carry_the_words_searched_for():
    from trainer.services.search import Document, match_document, terms_of

    hit = match_document(Document("module", "m", "Title", "Élicit, then provide."), terms_of("ELICIT Provide"))
    assert hit.terms == ("elicit", "provide") and hit.match == "Élicit"


def test_a_second_query_does_not_fold_the_same_texts_again():
    """Folding goes character by character; every query used to fold the whole course again."""
    docs = [Document(MODULE, str(i), f"Module {i}", f"goal setting and agenda {i} " * 50) for i in range(20)]
    search_documents(docs, "goal")
    before = fold.cache_info()
    search_documents(docs, "agenda")
    after = fold.cache_info()
    assert after.misses - before.misses <= 1  # only the new query word
    assert after.hits - before.hits >= 2 * len(docs)
