"""A rendered module page: the HTML the reader shows and its headings.

Its own small module so that a page kept on disk (``page_cache.py``) loads
without importing the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.course import Heading


@dataclass
class Rendered:
    html: str
    headings: list[Heading]
