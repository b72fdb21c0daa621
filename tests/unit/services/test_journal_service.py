from datetime import date

import pytest

from trainer.journal.templates import load_templates
from trainer.records.store import memory_store, open_store
from trainer.services.journal import (
    DRAFT,
    FINISHED,
    REFLECTION,
    JournalFilter,
    JournalService,
    link_key,
    normalise_tags,
    word_count,
)


@pytest.fixture
def templates(sample_course):
    return load_templates(sample_course)[0]


@pytest.fixture
def journal(templates):
    day = {"today": date(2026, 3, 1)}
    service = JournalService(memory_store(), "me", templates, today=lambda: day["today"])
    service.day = day
    return service


def test_create_starts_a_draft_with_empty_sections(journal):
    rec = journal.create("gibbs", {"kind": "module", "module": "goal-setting"})
    assert rec["status"] == DRAFT and rec["profile"] == "me" and rec["date"] == "2026-03-01"
    assert list(rec["sections"]) == ["description", "feelings", "evaluation", "analysis", "conclusion", "action-plan"]
    assert rec["title"] == "Gibbs reflection"
    assert link_key(rec["link"]) == "module:goal-setting"
    with pytest.raises(KeyError):
        journal.create("nope")


def test_save_merges_sections_and_finishing_stamps_time(journal):
    rec = journal.create("rolfe")
    journal.save(rec["uid"], {"sections": {"what": "I asked first."}})
    journal.save(rec["uid"], {"sections": {"so-what": "It helped."}, "tags": "pairs, OARS, pairs"})
    got = journal.get(rec["uid"])
    assert got["sections"] == {"what": "I asked first.", "so-what": "It helped.", "now-what": ""}
    assert got["tags"] == ["pairs", "OARS"]
    assert journal.words(got) == 5
    finished = journal.finish(rec["uid"])
    assert finished["status"] == FINISHED and finished["finished_at"]
    assert journal.reopen(rec["uid"])["status"] == DRAFT
    with pytest.raises(ValueError):
        journal.save(rec["uid"], {"profile": "someone else"})
    with pytest.raises(ValueError):
        journal.save(rec["uid"], {"date": "31/02/2026"})


def test_other_profiles_reflections_are_invisible(journal, templates):
    other = JournalService(journal._store, "other", templates)
    theirs = other.create("rolfe")
    assert journal.get(theirs["uid"]) is None
    assert journal.entries() == []


def fill(journal, template, title, text, date_, tags=(), link=None, finished=False):
    journal.day["today"] = date_
    rec = journal.create(template, link, title=title, tags=tags)
    first = journal.template(template).text_sections[0].id
    journal.save(rec["uid"], {"sections": {first: text}})
    if finished:
        journal.finish(rec["uid"])
    return rec["uid"]


def test_search_and_filters(journal):
    a = fill(
        journal,
        "gibbs",
        "Feet first",
        "She wanted to talk about her feet.",
        date(2026, 1, 5),
        tags=["diabetes"],
        link={"kind": "module", "module": "agenda"},
        finished=True,
    )
    b = fill(
        journal,
        "rolfe",
        "Round two",
        "I gave advice too early.",
        date(2026, 2, 1),
        tags=["practice", "Diabetes"],
        link={"kind": "skill", "skill": "permission"},
    )
    c = fill(
        journal,
        "nmc-reflective-account",
        "Revalidation 1",
        "A module on goal setting.",
        date(2026, 1, 20),
        link={"kind": "module", "module": "agenda"},
    )
    uids = lambda **kw: [r["uid"] for r in journal.entries(JournalFilter(**kw))]  # noqa: E731
    assert uids() == [b, c, a]  # newest date first
    assert uids(text="FEET") == [a]
    assert uids(text="advice early") == [b]  # every word, any order
    assert uids(text="advice feet") == []
    assert uids(text="practice") == [b]  # tags are searched
    assert uids(text="revalidation") == [c]  # titles are searched
    assert uids(template="rolfe") == [b]
    assert uids(link="module:agenda") == [c, a]
    assert uids(link="skill:permission") == [b]
    assert uids(tag="diabetes") == [b, a]
    assert uids(status=FINISHED) == [a]
    assert uids(status=DRAFT, link="module:agenda") == [c]
    assert journal.tags() == ["diabetes", "practice"]
    assert [link_key(x) for x in journal.links()] == ["module:agenda", "skill:permission"]


def test_bin_restore_and_purge(journal):
    uid = fill(journal, "rolfe", "Binned", "Some text", date(2026, 3, 1))
    journal.delete(uid)
    assert journal.entries() == []
    assert [r["uid"] for r in journal.entries(JournalFilter(in_bin=True))] == [uid]
    journal.restore(uid)
    assert [r["uid"] for r in journal.entries()] == [uid]
    with pytest.raises(ValueError):
        journal.purge(uid)  # not in the bin
    journal.delete(uid)
    assert journal.purge(uid)
    assert journal.get(uid) is None


def test_duplicate_is_a_new_draft_dated_today(journal):
    uid = fill(
        journal,
        "gibbs",
        "Original",
        "Text to reuse",
        date(2026, 1, 1),
        tags=["x"],
        link={"kind": "module", "module": "m"},
        finished=True,
    )
    journal.day["today"] = date(2026, 4, 2)
    copy = journal.duplicate(uid)
    assert copy["uid"] != uid and copy["status"] == DRAFT and copy["date"] == "2026-04-02"
    assert copy["title"] == "Copy of Original"
    assert copy["sections"]["description"] == "Text to reuse"
    assert copy["link"] == {"kind": "module", "module": "m"} and copy["tags"] == ["x"]
    journal.save(copy["uid"], {"sections": {"description": "changed"}})
    assert journal.get(uid)["sections"]["description"] == "Text to reuse"


def test_privacy_findings_per_field(journal):
    rec = journal.create("gibbs", title="Seeing Mrs Green", tags=["copd", "SW1A 1AA"])
    journal.save(rec["uid"], {"sections": {"analysis": "NHS 999 100 0003", "feelings": "Calm."}})
    found = journal.privacy_findings(journal.get(rec["uid"]))
    assert set(found) == {"title", "tags", "analysis"}
    assert found["analysis"][0].kind == "nhs-number"


def test_reflections_persist_on_disk(tmp_path, templates):
    store = open_store(tmp_path)
    uid = JournalService(store, "me", templates).create("rolfe")["uid"]
    JournalService(store, "me", templates).save(uid, {"sections": {"what": "kept"}})
    store.close()
    again = open_store(tmp_path)
    assert again.get(REFLECTION, uid)["sections"]["what"] == "kept"


def test_helpers():
    assert normalise_tags(" a ,  b  c,,A ") == ["a", "b c"]
    assert word_count("It's a well-known fact.\n\nTwo") == 5
    assert link_key(None) == ""
    assert link_key({"kind": "scenario", "scenario": "copd", "moment": 3}) == "scenario:copd"
