"""One A4 writer: HTML laid out by QTextDocument, printed by QPdfWriter.

Every page gets a footer with the document's name and "Page n of N". Black
text, grey table headings: it prints well in black and white. A document may
name its section headings; the writer then finds the page each one lands on
and asks the document for its HTML again with those page numbers (for a
table of contents of the same length).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

RESOLUTION = 300
MARGINS_MM = QMarginsF(20, 18, 20, 14)
FOOTER_PT = 9

Progress = Callable[[int, int], bool]


@dataclass
class A4Document:
    """What to print. ``html(pages)`` gives the HTML; ``pages`` maps a key of
    ``headings`` (heading text -> key) to the page its heading landed on, and
    is empty on the first layout."""

    title: str
    footer: str
    html: Callable[[dict[str, int]], str]
    headings: dict[str, str] = field(default_factory=dict)


def _layout(html: str, width: float, height: float, device: QPdfWriter) -> QTextDocument:
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


def _heading_pages(doc: QTextDocument, headings: dict[str, str], body_h: float) -> dict[str, int]:
    """The page each named heading landed on."""
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


_APP: list[QGuiApplication] = []


def _ensure_gui_app() -> None:
    """Text layout needs a QGuiApplication; the command line has none yet."""
    if QGuiApplication.instance() is None:
        _APP.append(QGuiApplication(["trainer"]))


def write_a4(document: A4Document, path: Path, progress: Progress | None = None) -> int:
    """Write the PDF; returns the page count. ``progress(done, total)`` may
    return False to stop (the file is then not left half-written: 0 is returned).
    Raises OSError when the file cannot be written."""
    _ensure_gui_app()
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator("Practitioner Trainer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_h = FOOTER_PT / 72 * RESOLUTION * 2.6
    body_h = page.height() - footer_h
    doc = _layout(document.html({}), page.width(), body_h, writer)
    pages = _heading_pages(doc, document.headings, body_h) if document.headings else {}
    if pages:  # lay out again with the page numbers filled in
        doc = _layout(document.html(pages), page.width(), body_h, writer)
    total = max(1, doc.pageCount())
    footer_font = QFont("DejaVu Sans")
    footer_font.setPointSizeF(FOOTER_PT)

    painter = QPainter()
    if not painter.begin(writer):
        del writer
        tmp.unlink(missing_ok=True)
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
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, document.footer)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Page {index + 1} of {total}"
            )
            if progress is not None and progress(index + 1, total) is False:
                stopped = True
                break
    finally:
        painter.end()
    del writer
    if stopped:
        tmp.unlink(missing_ok=True)
        return 0
    tmp.replace(path)
    return total
