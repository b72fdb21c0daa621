"""Help ("how to use this app") and About (version, licences, data folder)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from trainer import __version__
from trainer.modules.render import render_page
from trainer.ui.common.theme import page_theme

HELP_FILE = Path(__file__).resolve().parent.parent / "common" / "resources" / "help.md"


class TextDialog(QDialog):
    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(title)
        self.browser.document().setDocumentMargin(16)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def help_html() -> str:
    return render_page("How to use Practitioner Trainer", HELP_FILE.read_text(encoding="utf-8"), page_theme())


def about_html(course_title: str, content_dir: Path, data_dir: Path, content_licence: str) -> str:
    rows = [
        ("Version", __version__),
        ("Software licence", "MIT"),
        ("Course", course_title),
        ("Course licence", content_licence or "not stated by the course"),
        ("Course folder", str(content_dir)),
        ("Your data folder", str(data_dir)),
    ]
    table = "".join(f"<tr><th align='left'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return (
        "<h1>Practitioner Trainer</h1>"
        "<p>A course in self-management support for health and care practitioners.</p>"
        f"<table cellpadding='6'>{table}</table>"
        "<p>Your records never leave this computer unless you export them.</p>"
    )
