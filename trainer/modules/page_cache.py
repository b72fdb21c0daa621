"""Rendered module pages kept on disk, so opening the app does not need the
Markdown, sanitiser and template libraries for the page it shows first.

A page is stored under the content cache's key (which covers every content
file and the app's own code) plus what else the page depends on: the
module, the page colours, the done mark and the linked scenarios' titles.
Any change to those gives a new entry; a folder for an older key is
removed when the course cache is rebuilt. A cache that cannot be read or
written is ignored and the page is rendered as usual. Pages are read only
when signed with this install's key (``trainer.signed_cache``).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from trainer import signed_cache

if TYPE_CHECKING:
    from trainer.domain.course import Module
    from trainer.modules.themes import Theme

PAGES_DIR = "pages"


def render_page_for(module: Module, theme: Theme, done: bool, scenario_titles: dict[str, str]):
    """The page rendered now (imports the renderer on first use)."""
    from trainer.modules.render import render_module

    return render_module(module, theme, done=done, scenario_titles=scenario_titles)


class PageCache:
    """``render(module, theme, done, scenario_titles)`` with results kept in ``folder/pages/KEY``."""

    def __init__(self, cache_dir: Path, content_key: str):
        self.folder = Path(cache_dir) / PAGES_DIR / content_key
        self.content_key = content_key

    def _path(self, module: Module, theme: Theme, done: bool, scenario_titles: dict[str, str]) -> Path:
        linked = sorted((sid, scenario_titles[sid]) for sid in module.scenarios if sid in scenario_titles)
        key = repr((self.content_key, module.id, theme, bool(done), linked))
        import hashlib  # here: opening the app renders no page, so it need not load this

        return self.folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")

    def render(self, module: Module, theme: Theme, done: bool = False, scenario_titles: dict[str, str] | None = None):
        titles = scenario_titles or {}
        path = self._path(module, theme, done, titles)
        try:
            return signed_cache.load(path)
        except Exception:
            pass
        rendered = render_page_for(module, theme, done, titles)
        signed_cache.dump(path, rendered)  # not kept when it cannot be written
        return rendered


def clear_other_pages(cache_dir: Path, keep_key: str) -> None:
    """Remove the pages kept for every course cache key but ``keep_key``."""
    folder = Path(cache_dir) / PAGES_DIR
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.name != keep_key:
            shutil.rmtree(child, ignore_errors=True)
