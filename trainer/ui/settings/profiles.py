"""Choose, create, rename and delete learner profiles.

``ProfilesDialog.ask(parent, service)`` returns the chosen profile id, or
None when the person cancels; tests monkeypatch ``ask``. In "manage" mode
the dialog edits the list and has only a Close button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.safe_text import qt_text
from trainer.services.profiles import ProfileError, ProfileService
from trainer.ui.common.appearance import error_style

ID_ROLE = Qt.ItemDataRole.UserRole


class ProfilesDialog(QDialog):
    def __init__(
        self,
        service: ProfileService,
        manage: bool = False,
        current_id: str | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service = service
        self.manage = manage
        self.current_id = current_id
        self.read_only = read_only
        self.chosen_id: str | None = None
        self.setWindowTitle("Manage profiles" if manage else "Choose your profile")
        self.setMinimumWidth(460)

        intro = QLabel(
            "Each person keeps their own progress and notes in their own profile."
            if manage
            else "Who is learning today? Choose your profile, or make a new one with your name."
        )
        intro.setWordWrap(True)
        list_label = QLabel("&Profiles:")
        self.list = QListWidget()
        self.list.setAccessibleName("Profiles")
        list_label.setBuddy(self.list)

        name_label = QLabel("&New profile name:")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("New profile name")
        self.name_edit.setPlaceholderText("e.g. your first name and surname")
        name_label.setBuddy(self.name_edit)
        self.create_button = QPushButton("&Create")
        self.create_button.setAccessibleName("Create profile")
        new_row = QHBoxLayout()
        new_row.addWidget(self.name_edit, 1)
        new_row.addWidget(self.create_button)

        self.rename_button = QPushButton("&Rename\u2026")
        self.rename_button.setAccessibleName("Rename profile")
        self.delete_button = QPushButton("De&lete\u2026")
        self.delete_button.setAccessibleName("Delete profile")
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.delete_button)
        edit_row.addStretch(1)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        self.error_label.setAccessibleName("Problem")
        self.error_label.hide()

        buttons = (
            QDialogButtonBox.StandardButton.Close
            if manage
            else QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons = QDialogButtonBox(buttons)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        if self.open_button is not None:
            self.open_button.setAccessibleName("Open profile")
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addWidget(name_label)
        layout.addLayout(new_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.create_button.clicked.connect(self.on_create_clicked)
        if manage:  # Enter in the name field creates; it must not also close the dialog
            close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
            close.setAutoDefault(False)
            self.create_button.setDefault(True)
        else:  # Enter in the name field creates the profile and opens it
            self.name_edit.returnPressed.connect(self.on_create_clicked)
        self.rename_button.clicked.connect(self.on_rename_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self.on_buttons_accepted())
        for widget in (self.name_edit, self.create_button, self.rename_button, self.delete_button):
            widget.setEnabled(not read_only)
        select = current_id
        if not select:
            last = service.last_used()
            select = last.id if last else None
        self.refresh(select=select)
        (self.list if self.list.count() else self.name_edit).setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        service: ProfileService,
        manage: bool = False,
        current_id: str | None = None,
        read_only: bool = False,
    ) -> str | None:
        dialog = cls(service, manage=manage, current_id=current_id, read_only=read_only, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen_id if accepted or manage else None

    # -- list ----------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        self.list.clear()
        for profile in self.service.list():
            text = profile.label + ("  \u2014 open now" if profile.id == self.current_id else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, profile.id)
            self.list.addItem(item)
            if profile.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        selected = self.selected_id()
        editable = selected is not None and not self.read_only
        self.rename_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and selected != self.current_id)
        self.delete_button.setToolTip(
            "The profile that is open now cannot be deleted." if selected == self.current_id else ""
        )
        if self.open_button is not None:
            self.open_button.setEnabled(selected is not None)

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- slots ---------------------------------------------------------------------
    def on_create_clicked(self) -> None:
        try:
            profile = self.service.create(self.name_edit.text())
        except (ProfileError, OSError) as exc:
            self._show_problem(str(exc))
            return
        self._show_problem("")
        self.name_edit.clear()
        self.refresh(select=profile.id)
        self.list.setFocus()

    def on_rename_clicked(self) -> None:
        pid = self.selected_id()
        profile = self.service.get(pid) if pid else None
        if pid is None or profile is None:
            return
        name, ok = QInputDialog.getText(self, "Rename profile", "New name:", text=profile.name)
        if not ok:
            return
        try:
            self.service.rename(pid, name)
        except (ProfileError, OSError) as exc:
            self._show_problem(str(exc))
            return
        self._show_problem("")
        self.refresh(select=pid)

    def on_delete_clicked(self) -> None:
        pid = self.selected_id()
        profile = self.service.get(pid) if pid else None
        if pid is None or profile is None or pid == self.current_id:
            return
        answer = QMessageBox.question(
            self,
            "Delete profile",
            qt_text(
                f"Delete the profile '{profile.name}' and all of its progress, notes and ratings?\n\n"
                "A backup is taken first, but the profile disappears from the app."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.delete(pid)
        except (ProfileError, OSError) as exc:
            self._show_problem(str(exc))
            return
        self._show_problem("")
        self.refresh()

    def on_buttons_accepted(self) -> None:
        if self.manage:
            self.accept()
            return
        self.chosen_id = self.selected_id()
        if self.chosen_id is not None:
            self.accept()
