"""Bookmarks on module passages, each with an optional note. Qt-free.

Record kind ``bookmark``:

    uid, profile, module (module id), anchor (nearest heading anchor or ""),
    heading (that heading's text), text (the passage), note, created, updated
"""

from __future__ import annotations

from trainer.records.store import RecordStore

BOOKMARK = "bookmark"
PASSAGE_CHARS = 600  # a bookmark quotes a passage, not a whole module


def tidy_passage(text: str) -> str:
    """One clean passage: whitespace collapsed, shortened with an ellipsis when very long."""
    text = " ".join(str(text).replace("\u2029", " ").replace("\u2028", " ").split())
    if len(text) > PASSAGE_CHARS:
        cut = text.rfind(" ", 0, PASSAGE_CHARS)
        text = text[: cut if cut > 0 else PASSAGE_CHARS] + "\u2026"
    return text


class BookmarkService:
    def __init__(self, store: RecordStore, profile_id: str = "default"):
        self._store = store
        self.profile_id = profile_id

    def list(self, module_id: str | None = None) -> list[dict]:
        """Newest first; only this learner's, optionally for one module."""
        where = {"profile": self.profile_id}
        if module_id is not None:
            where["module"] = module_id
        recs = self._store.all(BOOKMARK, **where)
        return sorted(recs, key=lambda r: (r.get("created", ""), r.get("uid", "")), reverse=True)

    def get(self, uid: str) -> dict | None:
        rec = self._store.get(BOOKMARK, uid)
        return rec if rec is not None and rec.get("profile") == self.profile_id else None

    def add(self, module_id: str, text: str, anchor: str = "", heading: str = "", note: str = "") -> dict:
        if not module_id:
            raise ValueError("a bookmark needs the module it belongs to")
        passage = tidy_passage(text)
        if not passage:
            raise ValueError("select some text, or put the cursor in a paragraph, to bookmark it")
        return self._store.add(
            BOOKMARK,
            {
                "profile": self.profile_id,
                "module": module_id,
                "anchor": anchor or "",
                "heading": heading or "",
                "text": passage,
                "note": note.strip(),
            },
        )

    def set_note(self, uid: str, note: str) -> dict:
        self._require(uid)
        return self._store.update_existing(BOOKMARK, uid, {"note": note.strip()})

    def delete(self, uid: str) -> dict:
        """Remove it; returns the record so that ``restore`` can undo."""
        rec = self._require(uid)
        self._store.delete(BOOKMARK, uid)
        return rec

    def restore(self, rec: dict) -> dict:
        """Undo a delete: put the same bookmark back (same uid and dates)."""
        if rec.get("profile") != self.profile_id:
            raise ValueError("that bookmark belongs to another profile")
        existing = self._store.get(BOOKMARK, rec["uid"])
        if existing is not None:
            return existing
        keep = {k: v for k, v in rec.items() if k not in ("updated",)}
        return self._store.add(BOOKMARK, keep)

    def _require(self, uid: str) -> dict:
        rec = self.get(uid)
        if rec is None:
            raise KeyError(f"no bookmark with the id '{uid}'")
        return rec
