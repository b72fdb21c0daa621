"""File > Settings (Ctrl+,): theme, zoom, the profile to open, where the data lives (General)
and where to send learning records (Learning record store, ``lrs_settings.py``).

UI preferences go to the data folder's ``ui-settings.ini``. Moving the data
is a verified copy (``trainer/services/data_move.py``); the old folder is
left as it was and the person is told where both are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.services.data_move import MoveError, move_data
from trainer.ui.common.dialog_size import fit_to_window
from trainer.ui.common.zoom import MAX_ZOOM, MIN_ZOOM, current_zoom
from trainer.ui.export.lrs_settings import LrsSettingsPart

ASK = ""  # "profiles/default" value meaning: ask at start


class SettingsDialog(QDialog):
    def __init__(
        self,
        window,
        settings: QSettings,
        data_dir: Path | None,
        profiles: list | None = None,
        parent=None,
        lrs_pending: int | None = None,
        identity: dict | None = None,
        keep_identity: Callable[[str, str], object] | None = None,
    ):
        super().__init__(parent or window)
        self.setWindowTitle("Settings")
        self.window_ = window
        self.settings = settings
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.moved_to: Path | None = None

        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for key, label in (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(settings.value("appearance/theme", "system")))))

        self.zoom = QSpinBox()
        self.zoom.setAccessibleName("Zoom")
        self.zoom.setAccessibleDescription("Size of all text and controls, from 80 to 200 percent")
        self.zoom.setRange(MIN_ZOOM, MAX_ZOOM)
        self.zoom.setSingleStep(10)
        self.zoom.setSuffix(" %")
        self.zoom.setValue(current_zoom())
        self.zoom.setToolTip("View > Zoom in / out: Ctrl+Shift+Plus, Ctrl+Shift+Minus, Ctrl+Shift+0")

        self.profile = QComboBox()
        self.profile.setAccessibleName("Profile to open at start")
        self.profile.addItem("Ask each time (best on a shared computer)", ASK)
        for p in profiles or []:
            self.profile.addItem(p.name, p.id)
        chosen = str(settings.value("profiles/default", ASK) or ASK)
        self.profile.setCurrentIndex(max(0, self.profile.findData(chosen)))
        self.profile.setEnabled(bool(profiles))

        self.folder = QLineEdit(str(self.data_dir) if self.data_dir else "Kept in memory only: not saved")
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName("Data folder")
        self.folder.setAccessibleDescription("Where your progress, reflections and ratings are kept")
        self.folder.setCursorPosition(0)
        self.move_button = QPushButton("&Move data to\u2026")
        self.move_button.setToolTip("Copy your data to a new, empty folder and use it from the next start")
        self.move_button.setEnabled(self.data_dir is not None)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.move_button)
        self.folder_label = QLabel("Data &folder:")
        self.folder_label.setBuddy(self.folder)
        self.note = QLabel("The module text size is separate: use A\u2212 / A+ in the reader (Ctrl+Minus, Ctrl+Plus).")
        self.note.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(tokens.SPACE_1)
        form.addRow("&Theme:", self.theme)
        form.addRow("&Zoom:", self.zoom)
        form.addRow("", self.note)
        form.addRow("&Profile at start:", self.profile)
        form.addRow(self.folder_label, folder_row)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addStretch(1)
        self.lrs = LrsSettingsPart(settings, lrs_pending, identity=identity, keep_identity=keep_identity)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings pages")
        self.tabs.addTab(general, "&General")
        self.tabs.addTab(self.lrs, "&Learning record store")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.setSpacing(tokens.SPACE_1 + tokens.SPACE_HALF)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # tall enough for the taller page (the layout's own hint undercounts wrapped labels)
        self.resize(
            640, max(self.sizeHint().height(), self.tabs.sizeHint().height() + buttons.sizeHint().height() + 40)
        )
        fit_to_window(self)  # not past the window
        self.move_button.clicked.connect(self.on_move_clicked)

    def show_lrs(self) -> None:
        """Open at the Learning record store page, the cursor in the address."""
        self.tabs.setCurrentWidget(self.lrs)
        self.lrs.address.setFocus()

    def accept(self) -> None:
        if not self.lrs.save():  # a wrong address is shown on its page; nothing closes
            self.tabs.setCurrentWidget(self.lrs)
            self.lrs.check()  # focus back on the field now that its page shows
            return
        self.apply()
        super().accept()

    def apply(self) -> None:
        theme = self.theme.currentData()
        if theme != str(self.settings.value("appearance/theme", "system")):
            self.window_.set_theme(theme)
        if self.zoom.value() != current_zoom():
            self.window_.set_zoom(self.zoom.value())
        self.settings.setValue("profiles/default", self.profile.currentData() or ASK)
        self.settings.sync()

    # -- moving the data -----------------------------------------------------------------
    def choose_folder(self) -> Path | None:
        assert self.data_dir is not None  # Move is enabled only when the data has a folder
        chosen = QFileDialog.getExistingDirectory(
            self, "Choose a new, empty folder for your data", str(self.data_dir.parent)
        )
        return Path(chosen) if chosen else None

    def move_to(self, target: Path) -> tuple[bool, str]:
        """Copy and verify; (done, message in plain words)."""
        assert self.data_dir is not None  # Move is enabled only when the data has a folder
        try:
            result = move_data(self.data_dir, target)
        except MoveError as exc:
            return False, str(exc)
        self.moved_to = result.new
        self.folder.setText(f"{result.new}  (from the next start)")
        return True, result.message()

    def on_move_clicked(self) -> None:
        target = self.choose_folder()
        if target is None:
            return
        self.settings.sync()  # the copy takes the latest preferences with it
        done, message = self.move_to(target)
        if done:
            message += (
                "\n\nThe app will now close, so that nothing you do next is left behind in the "
                "old folder. Open it again to carry on from the new one."
            )
        box = QMessageBox.information if done else QMessageBox.warning
        box(self, "Data moved" if done else "Data not moved", message)
        if done:
            self.accept()
