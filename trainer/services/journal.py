"""The reflective journal for one learner: write, find, bin and restore reflections.

Qt-free. Every reflection is a ``reflection`` record in the RecordStore:

    uid, profile, title, template, date (YYYY-MM-DD), tags [..],
    status ("draft" | "finished"), sections {section_id: text},
    ticks {section_id: [option ids]}, link (dict or None),
    finished_at, binned_at (None unless in the bin), created, updated
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from trainer.domain.plain import plain
from trainer.records.store import RecordStore

if TYPE_CHECKING:  # the template classes load with the templates, not at start-up
    from trainer.journal.template_model import Template

REFLECTION = "reflection"
DRAFT, FINISHED = "draft", "finished"
EDITABLE = {"title", "date", "tags", "sections", "ticks", "link", "status"}
_WORD = re.compile(r"[\w'\u2019-]+")


def link_key(link: dict | None) -> str:
    """A short stable key for a link: 'module:goal-setting', 'skill:permission'."""
    if not link:
        return ""
    kind = str(link.get("kind", ""))
    return f"{kind}:{link.get(kind, '')}"


def normalise_tags(tags: Iterable[str] | str) -> list[str]:
    """Split on commas, strip, drop empties and case-insensitive repeats."""
    if isinstance(tags, str):
        tags = tags.split(",")
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class JournalFilter:
    text: str = ""
    template: str | None = None
    link: str | None = None  # a link_key, e.g. "module:what-is-sms"
    tag: str | None = None
    status: str | None = None  # DRAFT or FINISHED
    in_bin: bool = False


class JournalService:
    def __init__(
        self,
        store: RecordStore,
        profile_id: str = "default",
        templates: Iterable[Template] | Callable[[], Iterable[Template]] = (),
        today: Callable[[], date] = date.today,
    ):
        """``templates`` may be a function giving them, called at first use (not at start-up)."""
        self._store = store
        self.profile_id = profile_id
        self._templates = templates
        self._today = today

    @property
    def templates(self) -> list[Template]:
        if not isinstance(self._templates, list):
            source = self._templates
            self._templates = list(source() if callable(source) else source)
        return self._templates

    # -- templates -----------------------------------------------------------------
    def template(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    # -- reading -------------------------------------------------------------------
    def get(self, uid: str) -> dict | None:
        rec = self._store.get(REFLECTION, uid)
        if rec is None or rec.get("profile") != self.profile_id:
            return None
        return rec

    def entries(self, where: JournalFilter = JournalFilter()) -> list[dict]:
        """Reflections matching ``where``, newest date first."""
        terms = [t.casefold() for t in where.text.split()]
        out = []
        for rec in self._store.all(REFLECTION, profile=self.profile_id):
            if bool(rec.get("binned_at")) != where.in_bin:
                continue
            if where.template and rec.get("template") != where.template:
                continue
            if where.status and rec.get("status", DRAFT) != where.status:
                continue
            if where.link and link_key(rec.get("link")) != where.link:
                continue
            if where.tag and where.tag.casefold() not in {t.casefold() for t in rec.get("tags", [])}:
                continue
            if terms:
                haystack = self.searchable_text(rec).casefold()
                if not all(term in haystack for term in terms):
                    continue
            out.append(rec)
        out.sort(key=lambda r: (r.get("date", ""), r.get("updated", "")), reverse=True)
        return out

    def tags(self) -> list[str]:
        found = normalise_tags(t for r in self._live() for t in r.get("tags", []))
        return sorted(found, key=str.casefold)

    def links(self) -> list[dict]:
        """One link per distinct target used by a live reflection."""
        seen: dict[str, dict] = {}
        for r in self._live():
            if r.get("link"):
                seen.setdefault(link_key(r["link"]), r["link"])
        return [seen[k] for k in sorted(seen)]

    def body_text(self, rec: dict) -> str:
        """The written sections in template order (unknown ones last)."""
        sections = rec.get("sections", {}) or {}
        template = self.template(rec.get("template", ""))
        order = [s.id for s in template.text_sections] if template else []
        order += [k for k in sections if k not in order]
        return "\n\n".join(sections[k] for k in order if sections.get(k))

    def searchable_text(self, rec: dict) -> str:
        return "\n".join([rec.get("title", ""), " ".join(rec.get("tags", [])), self.body_text(rec)])

    def words(self, rec: dict) -> int:
        return word_count(self.body_text(rec))

    def privacy_findings(self, rec: dict) -> dict[str, list]:
        """Possible identifiers, per field ('title', 'tags' or a section id)."""
        from trainer.journal import privacy  # its patterns are compiled when first needed

        out: dict[str, list[privacy.Finding]] = {}
        fields = {
            "title": rec.get("title", ""),
            "tags": ", ".join(rec.get("tags", [])),
            **(rec.get("sections", {}) or {}),
        }
        for key, text in fields.items():
            found = privacy.scan(text or "")
            if found:
                out[key] = found
        return out

    # -- writing -------------------------------------------------------------------
    def create(self, template_id: str, link: dict | None = None, title: str = "", tags: Iterable[str] = ()) -> dict:
        template = self.template(template_id)
        if template is None:
            raise KeyError(f"no reflection template with the id '{template_id}'")
        return self._store.add(
            REFLECTION,
            {
                "profile": self.profile_id,
                "title": title.strip() or f"{template.label} reflection",
                "template": template_id,
                "date": self._today().isoformat(),
                "tags": normalise_tags(tags),
                "status": DRAFT,
                "sections": {s.id: "" for s in template.text_sections},
                "ticks": {},
                "link": dict(link) if link else None,
                "finished_at": None,
                "binned_at": None,
            },
        )

    def save(self, uid: str, changes: dict) -> dict:
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a reflection")
        rec = self._require(uid)
        changes = dict(changes)
        if "tags" in changes:
            changes["tags"] = normalise_tags(changes["tags"])
        if "date" in changes:
            date.fromisoformat(changes["date"])  # raises ValueError on a bad date
        if "status" in changes and changes["status"] not in (DRAFT, FINISHED):
            raise ValueError(f"status must be '{DRAFT}' or '{FINISHED}'")
        if "sections" in changes:
            changes["sections"] = {**rec.get("sections", {}), **changes["sections"]}
        if changes.get("status") == FINISHED and rec.get("status") != FINISHED:
            changes["finished_at"] = self._store.now()
        unchanged = all(rec.get(k) == v for k, v in changes.items())
        if unchanged:
            return rec
        return self._store.update_existing(REFLECTION, uid, changes)

    def finish(self, uid: str) -> dict:
        return self.save(uid, {"status": FINISHED})

    def reopen(self, uid: str) -> dict:
        return self.save(uid, {"status": DRAFT})

    def duplicate(self, uid: str) -> dict:
        """A new draft with the same template, link, tags and text, dated today."""
        rec = self._require(uid)
        return self._store.add(
            REFLECTION,
            {
                **{k: rec.get(k) for k in ("profile", "template", "tags", "sections", "ticks", "link")},
                "title": f"Copy of {rec.get('title', '')}".strip(),
                "date": self._today().isoformat(),
                "status": DRAFT,
                "finished_at": None,
                "binned_at": None,
            },
        )

    def delete(self, uid: str) -> dict:
        """Move to the bin (it can be restored)."""
        self._require(uid)
        return self._store.update_existing(REFLECTION, uid, {"binned_at": self._store.now()})

    def restore(self, uid: str) -> dict:
        self._require(uid)
        return self._store.update_existing(REFLECTION, uid, {"binned_at": None})

    def purge(self, uid: str) -> bool:
        """Delete for good; only from the bin."""
        rec = self._require(uid)
        if not rec.get("binned_at"):
            raise ValueError("move a reflection to the bin before deleting it for good")
        return self._store.delete(REFLECTION, uid)

    def _require(self, uid: str) -> dict:
        rec = self.get(uid)
        if rec is None:
            raise KeyError(f"no reflection with the id '{uid}'")
        return rec

    def _live(self) -> list[dict]:
        return [r for r in self._store.all(REFLECTION, profile=self.profile_id) if not r.get("binned_at")]
