"""Bookmarks on module passages (Qt-free)."""

import pytest

from trainer.records.store import memory_store
from trainer.services.bookmarks import BOOKMARK, PASSAGE_CHARS, BookmarkService, tidy_passage


def test_add_list_note_and_profiles_are_separate():
    store = memory_store()
    mine, theirs = BookmarkService(store, "me"), BookmarkService(store, "you")
    first = mine.add("m1", "  Ask   before\n advising. ", anchor="asking", heading="Asking", note=" try it ")
    assert first["text"] == "Ask before advising." and first["note"] == "try it"
    assert first["profile"] == "me" and first["anchor"] == "asking"
    second = mine.add("m2", "Another passage")
    theirs.add("m1", "Not mine")
    assert {b["uid"] for b in mine.list()} == {first["uid"], second["uid"]}
    assert [b["uid"] for b in mine.list("m1")] == [first["uid"]]
    mine.set_note(first["uid"], "Used it with Mr Example")
    assert mine.get(first["uid"])["note"] == "Used it with Mr Example"
    assert theirs.get(first["uid"]) is None
    with pytest.raises(KeyError):
        theirs.set_note(first["uid"], "x")


def test_bad_input_is_refused_with_a_reason():
    service = BookmarkService(memory_store(), "me")
    with pytest.raises(ValueError, match="select some text"):
        service.add("m1", "   ")
    with pytest.raises(ValueError, match="module"):
        service.add("", "text")


def test_delete_and_undo_restore_the_same_bookmark():
    store = memory_store()
    service = BookmarkService(store, "me")
    rec = service.add("m1", "Passage", note="n")
    gone = service.delete(rec["uid"])
    assert service.list() == [] and store.all(BOOKMARK) == []
    back = service.restore(gone)
    assert back["uid"] == rec["uid"] and back["created"] == rec["created"] and back["note"] == "n"
    assert service.restore(gone)["uid"] == rec["uid"]  # twice is harmless


def test_long_passages_are_shortened_on_a_word():
    text = tidy_passage("word " * 500)
    assert len(text) <= PASSAGE_CHARS + 1 and text.endswith("\u2026") and not text.endswith(" \u2026")
