"""The PDF portfolio: real pages, a section per page, footers, the text inside."""

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from trainer.content import load_content
from trainer.export.portfolio import build_portfolio
from trainer.printing.documents import write_portfolio_pdf as write_pdf
from trainer.records.store import memory_store
from trainer.tools.demo_export import fill_demo, with_demo_plan

ROOT = Path(__file__).resolve().parents[3]


def page_texts(path):
    """Each page's text with ligatures undone and runs of white space as one space."""
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def portfolio():
    store = memory_store()
    fill_demo(store)
    return build_portfolio(
        store,
        "default",
        with_demo_plan(load_content(ROOT / "tests" / "fixtures" / "sample-course")),
        now="2026-03-31T12:00:00+00:00",
    )


def test_each_section_starts_a_page_and_every_page_has_a_footer(qapp, tmp_path, portfolio):
    path = tmp_path / "portfolio.pdf"
    pages = write_pdf(portfolio, path)
    texts = page_texts(path)
    assert len(texts) == pages >= 1 + len(portfolio["sections"])
    assert "Continuing professional development" in texts[0] and "3 h 35 min" in texts[0]
    starts = {}
    for i, section in enumerate(portfolio["sections"], 1):
        heading = f"{i}. {section['title']}"
        found = [n for n, text in enumerate(texts, 1) if text.startswith(heading)]
        assert len(found) == 1, heading  # at the top of exactly one page
        starts[section["key"]] = found[0]
        # ... and given with that page number in the contents on the cover
        assert f"{section['title']} ({len(section['items'])}) — page {found[0]}" in texts[0]
    assert sorted(starts.values()) == list(starts.values())  # in document order
    for n, text in enumerate(texts, 1):
        assert text.endswith(f"Page {n} of {pages}")
    assert "How this relates to the Code" in texts[starts["reflections"] - 1]
    assert "Priya (triad partner)" in texts[starts["ratings"] - 1]


def test_long_sections_flow_onto_more_pages(qapp, tmp_path, portfolio):
    long = dict(portfolio)
    reflections = next(s for s in portfolio["sections"] if s["key"] == "reflections")
    many = dict(reflections, items=reflections["items"] * 12)
    long["sections"] = [many]
    pages = write_pdf(long, tmp_path / "long.pdf")
    texts = page_texts(tmp_path / "long.pdf")
    assert pages == len(texts) > 3
    assert all(text.endswith(f"Page {n} of {pages}") for n, text in enumerate(texts, 1))


def test_cancelling_leaves_no_file(qapp, tmp_path, portfolio):
    path = tmp_path / "stopped.pdf"
    assert write_pdf(portfolio, path, progress=lambda done, total: False) == 0
    assert not path.exists() and list(tmp_path.iterdir()) == []
