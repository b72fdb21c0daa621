"""The CPD portfolio as a PDF: QTextDocument laid out on A4 by QPdfWriter.

Sections start on a new page (CSS ``page-break-before`` in the print
template); every page gets a footer with the document's name and "Page n of
N". Black text, grey table headings: it prints well in black and white.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen,
                           QTextDocument)

from trainer.export.documents import portfolio_html

RESOLUTION = 300
MARGINS_MM = QMarginsF(20, 18, 20, 14)
FOOTER_PT = 9


def _document(html: str, width: float, height: float, device) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont("DejaVu Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(width, height))
    return doc


def _section_pages(doc: QTextDocument, portfolio: dict, body_h: float) -> dict[str, int]:
    """The page each section's heading landed on."""
    headings = {f"{i}. {sec['title']}": sec["key"] for i, sec in enumerate(portfolio["sections"], 1)}
    layout = doc.documentLayout()
    found: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        key = headings.get(block.text().strip())
        if key is not None and key not in found:
            top = layout.blockBoundingRect(block).top()
            found[key] = int(top // body_h) + 1
        block = block.next()
    return found


def write_pdf(portfolio: dict, path: Path,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Write the PDF; returns the page count. ``progress(done, total)`` may
    return False to stop (the file is then not left half-written)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    writer.setTitle(portfolio["title"] + (f" \u2014 {portfolio['name']}" if portfolio["name"] else ""))
    writer.setCreator("Practitioner Trainer")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_h = FOOTER_PT / 72 * RESOLUTION * 2.6
    body_h = page.height() - footer_h
    doc = _document(portfolio_html(portfolio, for_print=True), page.width(), body_h, writer)
    pages = _section_pages(doc, portfolio, body_h)
    if pages:  # lay out again with page numbers in the contents (same length)
        doc = _document(portfolio_html(portfolio, for_print=True, pages=pages),
                        page.width(), body_h, writer)
    total = max(1, doc.pageCount())
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(FOOTER_PT)
    left = "CPD portfolio" + (f" \u2014 {portfolio['name']}" if portfolio["name"] else "") \
        + f" \u2014 {portfolio['period']['text']}"

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write the PDF at {path}")
    stopped = False
    try:
        for index in range(total):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body_h)
            # a hair short of the page, so the block that starts the next page
            # (exactly on the edge) is not also drawn, clipped, on this one
            clip = QRectF(0, index * body_h, page.width(), body_h - 1)
            painter.setClipRect(clip)
            doc.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QPen(Qt.GlobalColor.black, RESOLUTION / 150))
            y = page.height() - footer_h * 0.55
            painter.drawLine(0, int(y), int(page.width()), int(y))
            text_rect = QRectF(0, y + footer_h * 0.08, page.width(), footer_h * 0.45)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"Page {index + 1} of {total}")
            if progress is not None and progress(index + 1, total) is False:
                stopped = True
                break
    finally:
        painter.end()
    if stopped:
        tmp.unlink(missing_ok=True)
        return 0
    tmp.replace(path)
    return total


def write_pdf_standalone(portfolio: dict, path: Path) -> int:
    """For the command line: make a QGuiApplication if there is none yet."""
    app = QGuiApplication.instance() or QGuiApplication(["trainer"])
    pages = write_pdf(portfolio, path)
    del app
    return pages
