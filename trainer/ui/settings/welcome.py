"""The first-run welcome: one question ("What should we call you?"), an optional role and
a theme, then "Start module 1", a short tour, or restoring from a backup.

Shown by ``app.start`` only on a fresh data folder (no profile yet) in an interactive
run: ``build`` (tests, screenshots, ``--smoke``) never asks. Once a profile exists it
is never shown again; closed without a name, the default profile is made so it does
not come back. ``TRAINER_NO_WELCOME=1`` skips it (the test suite sets it; a test that
wants the welcome removes it and answers through ``WelcomeDialog``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.services.profiles import ProfileError, ProfileService
from trainer.ui.common.appearance import apply_theme, error_style
from trainer.ui.common.application import qapp
from trainer.ui.common.widgets import heading, make_button, muted_label

if TYPE_CHECKING:
    from trainer.records.store import RecordStore

ROLES = (
    "",
    "Practice nurse",
    "GP",
    "Health coach",
    "Pharmacist",
    "Physiotherapist",
    "Healthcare assistant",
    "Social prescriber",
    "Trainer or educator",
)
START, TOUR, RESTORE = "start", "tour", "restore"
THEME_LABELS = (("system", "Follow my computer"), ("light", "Light"), ("dark", "Dark"))


class WelcomeChoice(NamedTuple):
    profile_id: str
    theme: str
    then: str  # START, TOUR or RESTORE


def is_first_run(store: RecordStore) -> bool:
    """A fresh data folder: no profile yet, and records that can be written. With
    ``TRAINER_NO_WELCOME`` set (the test suite, a managed install), never."""
    if os.environ.get("TRAINER_NO_WELCOME"):
        return False
    return not store.read_only and not ProfileService(store).list()


class WelcomeDialog(QDialog):
    def __init__(self, service: ProfileService, parent: QWidget | None = None, on_theme=None):
        super().__init__(parent)
        self.service = service
        self.on_theme = on_theme  # called with 'system', 'light' or 'dark' as the person picks
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle("Welcome to Practitioner Trainer")
        self.setMinimumWidth(480)

        title = heading("Welcome", "display")
        intro = muted_label(
            "A short course in supporting people to manage their own health, with practice "
            "scenarios and a journal for your CPD. Everything stays on this computer."
        )
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Your first name")
        self.name_edit.setAccessibleName("What should we call you?")
        self.name_edit.setMaxLength(60)
        self.role_combo = QComboBox()
        self.role_combo.setEditable(True)
        self.role_combo.addItems(ROLES)
        self.role_combo.setAccessibleName("Your role (optional)")
        role_edit = self.role_combo.lineEdit()
        if role_edit is not None:
            role_edit.setPlaceholderText("Optional")
        self.theme_group = QButtonGroup(self)
        themes = QHBoxLayout()
        themes.setSpacing(tokens.SPACE_2)
        self.theme_buttons: dict[str, QRadioButton] = {}
        for key, label in THEME_LABELS:
            button = QRadioButton(label)
            button.setChecked(key == "system")
            button.toggled.connect(lambda on, k=key: self._theme_chosen(k) if on else None)
            self.theme_group.addButton(button)
            themes.addWidget(button)
            self.theme_buttons[key] = button
        themes.addStretch(1)
        theme_row = QWidget()
        theme_row.setLayout(themes)
        theme_row.setAccessibleName("Theme")
        themes.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        form.setVerticalSpacing(tokens.SPACE_1)
        form.setHorizontalSpacing(tokens.SPACE_2)
        name_label = QLabel("What should we &call you?")
        name_label.setBuddy(self.name_edit)
        role_label = QLabel("Your &role")
        role_label.setBuddy(self.role_combo)
        form.addRow(name_label, self.name_edit)
        form.addRow(role_label, self.role_combo)
        form.addRow(QLabel("Theme"), theme_row)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.start_button = make_button("&Start module 1", "primary")
        self.start_button.setDefault(True)
        self.tour_button = make_button("Show me &around first")
        self.tour_button.setToolTip("A 30-second tour of the sections")
        self.restore_button = make_button("Restore from a &backup\u2026", "quiet")
        self.restore_button.setToolTip("Bring your records from another computer")
        buttons = QHBoxLayout()
        buttons.setSpacing(tokens.SPACE_1)
        buttons.addStretch(1)
        buttons.addWidget(self.tour_button)
        buttons.addWidget(self.start_button)
        restore_row = QHBoxLayout()  # below, on its own: the row above fits 800 px at 175%
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)

        layout = QVBoxLayout(self)
        # never smaller than its contents (wrapped words under a field that was squeezed)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(tokens.SPACE_4, tokens.SPACE_3, tokens.SPACE_4, tokens.SPACE_3)
        layout.setSpacing(tokens.SPACE_2)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addLayout(restore_row)

        self.start_button.clicked.connect(lambda: self.finish(START))
        self.tour_button.clicked.connect(lambda: self.finish(TOUR))
        self.restore_button.clicked.connect(lambda: self.finish(RESTORE))
        self.name_edit.setFocus()

    def theme(self) -> str:
        return next((k for k, b in self.theme_buttons.items() if b.isChecked()), "system")

    def _theme_chosen(self, theme: str) -> None:
        if self.on_theme is not None:
            self.on_theme(theme)

    def finish(self, then: str) -> None:
        """Make the profile from the name (and role); say plainly what is missing."""
        try:
            profile = self.service.create(self.name_edit.text(), self.role_combo.currentText())
        except ProfileError as exc:
            self.problem.setText(str(exc).replace("for the profile", "so we know what to call you"))
            self.problem.setStyleSheet(error_style())
            self.problem.show()
            self.name_edit.setFocus()
            return
        self.choice = WelcomeChoice(profile.id, self.theme(), then)
        self.accept()

    @classmethod
    def ask(cls, service: ProfileService, on_theme=None) -> WelcomeChoice | None:
        dialog = cls(service, None, on_theme)
        dialog.exec()
        return dialog.choice


def ask_welcome(store: RecordStore, keep_theme) -> WelcomeChoice | None:
    """On a fresh data folder, the welcome; ``keep_theme(theme)`` saves the theme chosen.

    Closed without a name, the default profile is made and marked used, so the welcome
    (and the profile chooser) are not shown at the next start either.
    """
    if not is_first_run(store):
        return None
    service = ProfileService(store)
    choice = WelcomeDialog.ask(service, on_theme=lambda theme: apply_theme(qapp(), theme))
    if choice is None:
        service.mark_used(service.default_profile().id)
        return None
    keep_theme(choice.theme)
    service.mark_used(choice.profile_id)
    return choice
