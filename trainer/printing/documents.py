"""The app's printed documents, as A4Documents for ``write_a4``."""

from __future__ import annotations

from pathlib import Path

from trainer.cpd.pack import pack_html
from trainer.export.documents import portfolio_html
from trainer.printing.a4 import A4Document, Progress, write_a4
from trainer.sessions.certificates import certificates_html


def portfolio_document(portfolio: dict) -> A4Document:
    """The CPD portfolio: each section starts on a new page (the print
    template's CSS), and the contents give each section's page."""
    name = f" \u2014 {portfolio['name']}" if portfolio["name"] else ""
    headings = {f"{i}. {sec['title']}": sec["key"] for i, sec in enumerate(portfolio["sections"], 1)}
    return A4Document(
        title=portfolio["title"] + name,
        footer=f"CPD portfolio{name} \u2014 {portfolio['period']['text']}",
        html=lambda pages: portfolio_html(portfolio, for_print=True, pages=pages or None),
        headings=headings,
    )


def write_portfolio_pdf(portfolio: dict, path: Path, progress: Progress | None = None) -> int:
    """The portfolio as a PDF; returns the page count (0 if ``progress`` stopped it)."""
    return write_a4(portfolio_document(portfolio), path, progress)


def write_report_pdf(html: str, path: Path, date: str = "") -> int:
    """A team session report (HTML from ``trainer.sessions.report``) as a PDF."""
    footer = "Team session report" + (f" \u2014 {date}" if date else "")
    return write_a4(A4Document(title="Team session report", footer=footer, html=lambda _pages: html), path)


def write_certificates_pdf(files: list[dict], path: Path, title: str = "") -> int:
    """Certificates of attendance (one page per attendee's attendance data) as a PDF."""
    footer = "Certificate of attendance" + (f" \u2014 {title}" if title else "")
    return write_a4(
        A4Document(title="Certificates of attendance", footer=footer, html=lambda _pages: certificates_html(files)),
        path,
    )


def write_pack_pdf(pack: dict, path: Path) -> int:
    """A revalidation pack (data from ``CpdService.pack``) as a PDF; returns the page count."""
    footer = f"Revalidation pack \u2014 {pack['name']} \u2014 {pack['start']} to {pack['end']}"
    return write_a4(
        A4Document(title=f"Revalidation pack: {pack['regulator']}", footer=footer, html=lambda _p: pack_html(pack)),
        path,
    )
