"""Write one reflection: a calm editor, one field per section, autosaved.

Autosave: every change restarts a one-second timer; a second timer makes
sure continuous typing is still saved every few seconds. If a save fails,
the text stays in the editor, a plain message says so, and saving is tried
again.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.journal.template_model import TICKS, Section, Template
from trainer.services.journal import FINISHED, word_count
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.style import token
from trainer.ui.journal.controller import JournalController
from trainer.ui.journal.fields import SectionEdit
from trainer.ui.journal.privacy import PrivacyDialog

# Each pause in typing goes to the journal (one small fsynced append) at once, so a
# hard kill loses at most the last quarter second, or one second of non-stop typing.
DEBOUNCE_MS = 250
MAX_WAIT_MS = 1000
RETRY_MS = 5000
PAGE_WIDTH = 860

# A field that may name a person: the marker-pen yellow, black text (readable in both themes).
_PRIVACY_MARK = f"QLineEdit {{ background: {tokens.LIGHT['privacy_mark']}; color: {tokens.LIGHT['on_mark']}; }}"


class ReflectionEditor(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: JournalController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.uid: str | None = None
        self.template: Template | None = None
        self.edits: dict[str, SectionEdit] = {}
        self.ticks: dict[str, dict[str, QCheckBox]] = {}
        self.dirty = False
        self._loading = False
        self._privacy_shown = False
        self._status = "draft"

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("Give this reflection a title")
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.title_edit.setFont(font)
        self.title_edit.setFrame(False)
        self.state_label = QLabel()
        self.state_label.setObjectName("reflectionState")
        self.state_label.setStyleSheet(
            "QLabel#reflectionState { background: rgba(127, 127, 127, 40); border-radius: 8px; padding: 1px 8px; }"
        )
        self.state_label.setAccessibleName("Reflection state")

        self.template_label = QLabel()
        self.template_label.setAccessibleName("Template")
        self.template_label.setTextFormat(Qt.TextFormat.RichText)  # its parts are escaped
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName("Date")
        date_label = QLabel("&Date")
        date_label.setBuddy(self.date_edit)
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        tags_label = QLabel("&Tags")
        tags_label.setBuddy(self.tags_edit)
        self.link_combo = QComboBox()
        self.link_combo.setAccessibleName("Linked to")
        self.link_combo.setToolTip("What this reflection is about: a module, a skill, a scenario moment")
        self.link_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_combo.setMinimumContentsLength(16)
        self.link_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        link_label = QLabel("Lin&ked to")
        link_label.setBuddy(self.link_combo)
        link_row = QHBoxLayout()
        link_row.addWidget(link_label)
        link_row.addWidget(self.link_combo, 1)

        self.template_label.setWordWrap(True)
        meta = QHBoxLayout()
        meta.addWidget(date_label)
        meta.addWidget(self.date_edit)
        meta.addSpacing(tokens.SPACE_1 + tokens.SPACE_HALF)
        meta.addWidget(tags_label)
        meta.addWidget(self.tags_edit, 1)

        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("reminder")
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.reminder_label.setMargin(8)
        self.reminder_label.setStyleSheet(
            "QLabel#reminder { background: rgba(255, 196, 0, 48); border: 1px solid rgba(200, 150, 0, 120);"
            " border-radius: 4px; }"
        )
        self.error_label = QLabel()
        self.error_label.setObjectName("saveError")
        self.error_label.setWordWrap(True)
        self.error_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_label.setMargin(8)
        self.error_label.setStyleSheet(
            f"QLabel#saveError {{ background: {tokens.LIGHT['error_bg']}; color: {tokens.LIGHT['on_error_bg']}; }}"
        )
        self.error_label.hide()

        self.sections_widget = QWidget()
        self.sections_layout = QVBoxLayout(self.sections_widget)
        self._section_boxes: list[QWidget] = []
        self.sections_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_layout.setSpacing(tokens.SPACE_HALF)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_1, tokens.SPACE_2, tokens.SPACE_1)
        page_layout.setSpacing(tokens.SPACE_1)
        top = QHBoxLayout()
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.state_label)
        page_layout.addLayout(top)
        page_layout.addWidget(self.template_label)
        page_layout.addLayout(meta)
        page_layout.addLayout(link_row)
        page_layout.addWidget(self.reminder_label)
        page_layout.addWidget(self.sections_widget)
        page_layout.addStretch(1)
        page.setMaximumWidth(PAGE_WIDTH)  # a calm line length on wide screens
        centre = QWidget()
        centre_layout = QHBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addStretch(0)
        centre_layout.addWidget(page, 1)
        centre_layout.addStretch(0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName("Reflection")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(centre)

        self.words_label = QLabel()
        self.words_label.setAccessibleName("Word count")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setAccessibleName("Save state")
        self.duplicate_button = QPushButton("Du&plicate")
        self.duplicate_button.setAccessibleName("Duplicate as a new draft")
        self.duplicate_button.setToolTip("Make a new draft with the same template and text")
        self.bin_button = QPushButton("Move to &bin")
        self.bin_button.setAccessibleName("Move this reflection to the bin")
        self.finish_button = QPushButton("Finis&h\u2026")
        self.finish_button.setAccessibleName("Finish this reflection")
        footer = QHBoxLayout()
        footer.setContentsMargins(tokens.SPACE_2, tokens.SPACE_1, tokens.SPACE_2, tokens.SPACE_1)
        footer.addWidget(self.words_label)
        footer.addSpacing(tokens.SPACE_2)
        footer.addWidget(self.saved_label)
        footer.addStretch(1)
        footer.addWidget(self.duplicate_button)
        footer.addWidget(self.bin_button)
        footer.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(footer)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.save_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.save_now)

        self.title_edit.textEdited.connect(self._on_changed)
        self.tags_edit.textEdited.connect(self._on_changed)
        self.date_edit.dateChanged.connect(self._on_changed)
        self.link_combo.currentIndexChanged.connect(self._on_changed)
        self.duplicate_button.clicked.connect(self.on_duplicate_clicked)
        self.bin_button.clicked.connect(self.on_bin_clicked)
        self.finish_button.clicked.connect(self.on_finish_clicked)
        self.setEnabled(False)

    # -- opening -------------------------------------------------------------------
    def open(self, uid: str) -> bool:
        """Show a reflection, after saving the one open before.

        Returns False (and keeps the current one) when that save fails, so
        unsaved words are never thrown away.
        """
        if uid != self.uid and not self.flush():
            return False
        rec = self.controller.get(uid)
        if rec is None:
            return False
        self._loading = True
        try:
            self.uid = uid
            self.template = self.controller.template(rec.get("template", ""))
            self._build_sections(rec)
            self.title_edit.setText(rec.get("title", ""))
            self.title_edit.setCursorPosition(0)
            self.date_edit.setDate(QDate.fromString(rec.get("date", ""), "yyyy-MM-dd"))
            self.tags_edit.setText(", ".join(rec.get("tags", [])))
            t = self.template
            esc = html.escape
            self.template_label.setText(
                f"<b>{esc(t.title)}</b>" + (f" \u00b7 {esc(t.when)}" if t.when else "")
                if t
                else f"Template: {esc(str(rec.get('template', '?')))} (not found)"
            )
            self._fill_links(rec.get("link"))
            self.reminder_label.setText(t.reminder if t else "")
            self.reminder_label.setVisible(bool(t and t.reminder))
            self._set_status(rec.get("status", "draft"))
            self.dirty = False
            self._privacy_shown = False
            self.error_label.hide()
            self.saved_label.setText("Saved")
        finally:
            self._loading = False
        self.setEnabled(True)
        self._update_words()
        self.scroll_area.verticalScrollBar().setValue(0)
        return True

    def _fill_links(self, current: dict | None) -> None:
        self.link_combo.clear()
        self.link_combo.addItem("Nothing in particular", None)
        options = self.controller.link_options()
        if current and current not in options:
            options = [current, *options]
        for link in options:
            self.link_combo.addItem(self.controller.describe_link(link), link)
        index = options.index(current) + 1 if current in options else 0
        self.link_combo.setCurrentIndex(index)

    def close_reflection(self) -> bool:
        """Close after saving; False (still open) when the save fails."""
        if not self.flush():
            return False
        self.uid = None
        self._clear_sections()
        self.setEnabled(False)
        return True

    def focus_first_section(self) -> None:
        if self.edits:
            next(iter(self.edits.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_sections(self) -> None:
        # The section boxes we added, not the layout's items: a QLayoutItem is not a QObject,
        # so PySide cannot tell when Qt deletes one, and a Python wrapper kept for it could be
        # handed back later for a new object at the same address.
        for box in self._section_boxes:
            box.hide()
            box.setParent(None)  # Qt takes its item out of the layout and deletes it
            box.deleteLater()
        self._section_boxes = []
        self.edits.clear()
        self.ticks.clear()

    def _build_sections(self, rec: dict) -> None:
        self._clear_sections()
        sections = rec.get("sections", {}) or {}
        ticked = rec.get("ticks", {}) or {}
        if self.template is not None:
            shown = list(self.template.sections)
        else:
            shown = [Section(id=k, title=k.replace("-", " ").capitalize(), prompt=" ") for k in sections]
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for section in shown:
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, tokens.SPACE_1, 0, 0)
            box_layout.setSpacing(tokens.SPACE_HALF)
            title = QLabel(f"<b>{html.escape(section.title)}</b>")
            prompt = QLabel(f"<span style='color:{muted}'>{html.escape(section.prompt)}</span>")
            prompt.setWordWrap(True)
            box_layout.addWidget(title)
            box_layout.addWidget(prompt)
            if section.kind == TICKS:
                grid = QGridLayout()
                self.ticks[section.id] = {}
                for i, option in enumerate(section.options):
                    check = CheckBox(option.label)
                    check.setAccessibleName(option.label)
                    check.setChecked(option.id in ticked.get(section.id, []))
                    check.toggled.connect(self._on_changed)
                    grid.addWidget(check, i // 2, i % 2)
                    self.ticks[section.id][option.id] = check
                box_layout.addLayout(grid)
                title.setBuddy(next(iter(self.ticks[section.id].values())))
            else:
                edit = SectionEdit(section)
                edit.setPlainText(sections.get(section.id, ""))
                edit.textChanged.connect(self._on_changed)
                title.setBuddy(edit)
                box_layout.addWidget(edit)
                self.edits[section.id] = edit
            self.sections_layout.addWidget(box)
            self._section_boxes.append(box)

    # -- saving --------------------------------------------------------------------
    def changes(self) -> dict:
        return {
            "title": self.title_edit.text().strip(),
            "link": self.link_combo.currentData(),
            "date": self.date_edit.date().toString("yyyy-MM-dd"),
            "tags": self.tags_edit.text(),
            "sections": {k: e.toPlainText() for k, e in self.edits.items()},
            "ticks": {k: [oid for oid, c in boxes.items() if c.isChecked()] for k, boxes in self.ticks.items()},
        }

    def _on_changed(self, *_args) -> None:
        if self._loading or self.uid is None:
            return
        self.dirty = True
        self.saved_label.setText("Saving\u2026" if not self.error_label.isVisible() else "Not saved yet")
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()
        self._update_words()

    def save_now(self) -> bool:
        """Save what is on screen now. True when it is safely stored."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        if self.uid is None or not self.dirty:
            return True
        if not self.controller.save(self.uid, self.changes()):
            self.saved_label.setText("Not saved")
            self.error_label.setText(self.controller.last_error)
            self.error_label.show()
            self._retry.start()
            return False
        self.dirty = False
        self.error_label.hide()
        self.saved_label.setText("Saved")
        if self._privacy_shown:
            self.show_privacy_findings()
        return True

    def flush(self) -> bool:
        return self.save_now()

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    def _update_words(self) -> None:
        n = sum(word_count(e.toPlainText()) for e in self.edits.values())
        self.words_label.setText(f"{n} word{'s' if n != 1 else ''}")

    def _set_status(self, status: str) -> None:
        self._status = status
        finished = status == FINISHED
        self.state_label.setText("Finished" if finished else "Draft")
        self.finish_button.setText("R&eopen as draft" if finished else "Finis&h\u2026")
        self.finish_button.setAccessibleName("Mark as draft again" if finished else "Finish this reflection")

    # -- privacy ---------------------------------------------------------------------
    def field_titles(self) -> dict[str, str]:
        titles = {"title": "Title", "tags": "Tags"}
        if self.template is not None:
            titles.update({s.id: s.title for s in self.template.sections})
        return titles

    def show_privacy_findings(self) -> dict:
        """Highlight possible identifiers in every section; return them by field."""
        rec = self.controller.get(self.uid) if self.uid else None
        findings = self.controller.journal.privacy_findings(rec) if rec else {}
        self._privacy_shown = True
        colour = token("privacy_mark")
        for key, edit in self.edits.items():
            selections = []
            for f in findings.get(key, []):
                sel = QTextEdit.ExtraSelection()
                sel.format.setBackground(colour)
                sel.format.setForeground(token("on_mark"))
                sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                sel.format.setUnderlineColor(token("danger"))
                sel.format.setToolTip(f"{f.label}: {f.advice}")
                sel.format.setProperty(QTextFormat.Property.UserProperty, f.kind)
                cursor = QTextCursor(edit.document())
                cursor.setPosition(f.start)
                cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                selections.append(sel)
            edit.setExtraSelections(selections)
        for key, line_edit in (("title", self.title_edit), ("tags", self.tags_edit)):
            line_edit.setStyleSheet(_PRIVACY_MARK if key in findings else "")
            line_edit.setToolTip("; ".join(f"{f.label}: {f.advice}" for f in findings.get(key, [])))
        return findings

    def on_finish_clicked(self) -> None:
        if self._status == FINISHED:
            if self.uid is not None and self.controller.reopen(self.uid):
                self._set_status("draft")
            return
        self.finish()

    def finish(self) -> bool:
        """Run the privacy check, then mark as finished. False if the learner goes back."""
        if self.uid is None or not self.save_now():
            return False
        findings = self.show_privacy_findings()
        if findings and not PrivacyDialog.ask(self, findings, self.field_titles()):
            self._focus_finding(findings)
            self.status_message.emit("Reword the highlighted text, then finish again.")
            return False
        if not self.controller.finish(self.uid):
            return False
        self._set_status(FINISHED)
        self.status_message.emit("Reflection finished. It counts towards your CPD evidence.")
        return True

    def _focus_finding(self, findings: dict) -> None:
        for key, edit in self.edits.items():
            if findings.get(key):
                f = findings[key][0]
                cursor = edit.textCursor()
                cursor.setPosition(f.start)
                cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
                edit.setTextCursor(cursor)
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll_area.ensureWidgetVisible(edit)
                return
        if "title" in findings:
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif "tags" in findings:
            self.tags_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- other actions ---------------------------------------------------------------
    def on_duplicate_clicked(self) -> None:
        if self.uid and self.save_now():
            self.controller.duplicate(self.uid)

    def on_bin_clicked(self) -> None:
        if self.uid and self.save_now():
            self.controller.delete(self.uid)
