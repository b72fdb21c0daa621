"""The "Learning record store" tab of File > Settings: where to send xAPI statements.

Address, user name and the organisation's home page are kept in the UI
settings (``lrs/...``); the learner's identity at the organisation (work
e-mail or staff number) is kept per profile in the records
(``services/lrs_identity.py``), so that ``trainer send-xapi`` uses it too.
The password is never kept: File > Send to learning record store… asks for
it each time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from trainer.domain import tokens
from trainer.services.lrs import LrsError
from trainer.services.lrs_identity import IdentityError, check_identity
from trainer.services.lrs_send import EXAMPLE, LrsSettings, check_address, check_home, check_settings, plural
from trainer.ui.common.appearance import error_style


def outbox_text(pending: int | None) -> str:
    if pending is None:
        return ""
    if not pending:
        return "Outbox: nothing is waiting to be sent."
    return f"Outbox: {plural(pending)} waiting to be sent."


class LrsSettingsPart(QWidget):
    def __init__(
        self,
        settings: QSettings,
        pending: int | None = None,
        parent=None,
        identity: dict | None = None,
        keep_identity: Callable[[str, str], object] | None = None,
    ):
        super().__init__(parent)
        self.settings = settings
        self.keep_identity = keep_identity
        saved = LrsSettings.read(settings.value)
        identity = identity or {}

        self.intro = QLabel(
            "Where File > Send to learning record store\u2026 sends your learning records "
            "(xAPI). Ask your organisation for these details. Your password is asked at each "
            "send and never saved."
        )
        self.intro.setWordWrap(True)

        self.address = QLineEdit(saved.address)
        self.address.setAccessibleName("Learning record store address")
        self.address.setAccessibleDescription("The web address of the LRS; it must start with https://")
        self.address.setPlaceholderText(EXAMPLE)
        self.user = QLineEdit(saved.user)
        self.user.setAccessibleName("Learning record store user name")
        self.user.setAccessibleDescription("The name or key your organisation gave you for the LRS")
        self.home = QLineEdit(saved.home)
        self.home.setAccessibleName("Organisation home page for accounts")
        self.home.setAccessibleDescription(
            "Optional: the address that identifies your organisation's "
            "accounts in the records, for example https://lms.example.org"
        )
        self.home.setPlaceholderText("Only if your organisation asks")
        self.home.setToolTip(
            "Optional: leave empty unless your organisation asks for it (for example https://lms.example.org)"
        )

        self.mbox = QLineEdit(str(identity.get("mbox", "")))
        self.mbox.setAccessibleName("Your work e-mail address for the records")
        self.mbox.setAccessibleDescription(
            "Optional, for this profile: your records are sent as this e-mail address, "
            "or leave it empty to use a staff number"
        )
        self.mbox.setPlaceholderText("Only if your organisation asks")
        self.account = QLineEdit(str(identity.get("account", "")))
        self.account.setAccessibleName("Your staff number for the records")
        self.account.setAccessibleDescription(
            "Optional, for this profile: your records are sent as this account at the organisation home page"
        )
        self.account.setPlaceholderText("Only if your organisation asks")
        for part in (self.mbox, self.account):
            part.setEnabled(keep_identity is not None)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.setAccessibleName("Problem with the learning record store settings")
        self.error.hide()
        self.outbox = QLabel(outbox_text(pending))
        self.outbox.setWordWrap(True)
        self.outbox.setVisible(pending is not None)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(tokens.SPACE_1)
        form.addRow("LRS &address:", self.address)
        form.addRow("&User name:", self.user)
        form.addRow("Organisation &home page:", self.home)
        form.addRow("Your work &e-mail:", self.mbox)
        form.addRow("Your &staff number:", self.account)
        page = QWidget()  # scrolls up and down when a large zoom makes it taller than the dialog
        page.setAutoFillBackground(False)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.setSpacing(tokens.SPACE_1)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.outbox)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; it scrolls to show them
        scroll.setAccessibleName("Learning record store settings")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll_area = scroll
        self.page = page
        for field in (self.address, self.user, self.home, self.mbox, self.account):
            field.textEdited.connect(self.clear_error)

    def sizeHint(self) -> QSize:
        hint = self.page.sizeHint()
        width = max(hint.width(), 560)  # wrapped labels: their height at about the dialog's width
        height = max(hint.height(), self.page.heightForWidth(width)) + self.fontMetrics().height()  # slack
        return QSize(hint.width() + self.scroll_area.verticalScrollBar().sizeHint().width(), height)

    def make_room(self) -> None:
        """Grow the dialog for the message when the screen allows; else scroll to it."""
        top = self.window()
        screen = top.screen().availableGeometry().height() if top.screen() else top.height()
        viewport = self.scroll_area.viewport()
        extra = self.page.heightForWidth(viewport.width()) - viewport.height()
        if top.isVisible() and extra > 0:
            top.resize(top.width(), max(top.height(), min(top.height() + extra, screen - 40)))
        QTimer.singleShot(0, self, self.scroll_to_error)  # after the layout has taken the message

    def scroll_to_error(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.error)

    def clear_error(self, *_args) -> None:
        self.error.hide()

    def check(self) -> LrsSettings | None:
        """The settings typed, or None after showing what is wrong (focus on the field).
        An empty address is fine: it means no LRS."""
        address, user, home = self.address.text(), self.user.text(), self.home.text()
        try:
            if check_identity(self.mbox.text(), self.account.text()).get("account") and not home.strip():
                raise IdentityError("A staff number needs your organisation's home page too (whose staff it is).")
        except IdentityError as exc:
            self.show_error(str(exc), self.mbox if self.mbox.text().strip() else self.account)
            return None
        try:
            if not address.strip():
                return LrsSettings("", user.strip(), check_home(home))
            return check_settings(address, user, home)
        except LrsError as exc:
            field = self.home
            if address.strip():
                try:
                    check_address(address)
                except LrsError:
                    field = self.address
            self.show_error(str(exc), field)
            return None

    def show_error(self, text: str, field: QLineEdit) -> None:
        self.error.setText(text)
        self.error.show()
        self.make_room()
        field.setFocus()

    def save(self) -> bool:
        """Keep what was typed; False (and the problem shown) when it will not do."""
        chosen = self.check()
        if chosen is None:
            return False
        chosen.write(self.settings.setValue)
        if self.keep_identity is not None:
            self.keep_identity(self.mbox.text(), self.account.text())
        return True
