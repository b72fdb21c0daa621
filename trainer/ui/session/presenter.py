"""The presenter view: a projector window the back row can read.

Shows the current phase, a big countdown, who is in which group and who
plays which role this round, and the prompts. Large, high-contrast text
that scales with the window. A gentle flash when time is up (and a beep
only when the trainer has turned sound on).

Keys: Space start/pause, Right/PageDown next phase, Left/PageUp previous,
+ add a minute, F11 full screen, Esc leave full screen.
"""

from __future__ import annotations

import html
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from trainer.domain import tokens
from trainer.room.qr import qr_png
from trainer.sessions.grouping import group_noun, round_shape
from trainer.sessions.session_code import session_code
from trainer.ui.session.controller import TeamSessionController

_P = tokens.PRESENTER  # a projector: dark whatever the app's theme
BG, FG, ACCENT, DIM, FLASH = _P["background"], _P["text"], _P["accent"], _P["dim"], _P["flash"]
ROLE_SHORT = {"practitioner": "Practitioner", "person": "Person", "observer": "Observer"}
FLASHES = 6

_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    """``widget`` with its object name set (the style sheet picks widgets by name)."""
    widget.setObjectName(name)
    return widget


class PresenterView(QWidget):
    closed = Signal()

    def __init__(self, controller: TeamSessionController, sound: bool = False, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.sound = sound
        self.setWindowTitle("Team session \u2014 presenter view")
        self.setObjectName("presenter")
        self.setAccessibleName("Presenter view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._flash_left = 0
        self._flash_on = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(350)
        self._flash_timer.timeout.connect(self._flash_step)

        self.step_label = _named(QLabel(), "step")
        self.phase_label = _named(QLabel(), "phase")
        self.phase_label.setWordWrap(True)
        self.timer_label = _named(QLabel(), "timer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAccessibleName("Time left")
        self.state_label = _named(QLabel(), "state")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.practice_label = _named(QLabel(), "practice")
        self.practice_label.setWordWrap(True)
        self.instructions_label = _named(QLabel(), "instructions")
        self.instructions_label.setWordWrap(True)
        self.prompts_label = _named(QLabel(), "prompts")
        self.prompts_label.setWordWrap(True)
        self.prompts_label.setTextFormat(Qt.TextFormat.RichText)
        self.groups_box = _named(QWidget(), "groups")
        self.groups_layout = QGridLayout(self.groups_box)
        self.groups_layout.setContentsMargins(0, 0, 0, 0)
        self.group_labels: list[QLabel] = []
        self.next_label = _named(QLabel(), "next")
        self.next_label.setWordWrap(True)
        self.hint_label = _named(
            QLabel("Space start/pause \u00b7 \u2190 \u2192 phase \u00b7 + one more minute \u00b7 F11 full screen"),
            "hint",
        )
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        # The live room, while it is open: where phones join (see set_room).
        self.room_label = QLabel()
        self.room_label.setObjectName("room")
        self.room_label.setTextFormat(Qt.TextFormat.RichText)
        self.room_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.room_qr = QLabel()
        self.room_qr.setObjectName("roomqr")
        self.room_qr.setAccessibleName("QR code to join the live room")
        self._room_pixmap = QPixmap()
        self.room_label.hide()
        self.room_qr.hide()

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._layout = layout
        layout.addWidget(self.step_label)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.timer_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.practice_label)
        layout.addWidget(self.instructions_label)
        layout.addWidget(self.groups_box)
        layout.addWidget(self.prompts_label)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        foot = QVBoxLayout()
        foot.addWidget(self.next_label)
        foot.addWidget(self.hint_label)
        bottom.addLayout(foot, 1)
        bottom.addWidget(self.room_label)
        bottom.addWidget(self.room_qr)
        layout.addLayout(bottom)

        controller.phase_changed.connect(self.on_controller_phase_changed)
        controller.timer_ticked.connect(self.on_controller_timer_ticked)
        controller.timer_finished.connect(self.on_controller_timer_finished)
        controller.groups_made.connect(lambda _uid: self.refresh())
        controller.session_opened.connect(lambda _uid: self.refresh())
        self.resize(1280, 720)
        self._apply_style()
        self.refresh()

    # -- showing -----------------------------------------------------------------------
    def present(self) -> None:
        """Full screen on a second screen if there is one; else a normal window."""
        screens = QGuiApplication.screens()
        parent = self.parentWidget()
        here = parent.screen() if parent else QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not here]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def set_room(self, url: str) -> None:
        """Show where phones join the live room ("" hides it: the room is closed)."""
        if not url:
            self.room_label.hide()
            self.room_qr.hide()
            self._room_pixmap = QPixmap()
            return
        address, _, query = url.partition("?")
        code = query.removeprefix("code=")
        self.room_label.setText(
            f"Join on your phone:<br><b>{html.escape(address)}</b><br>session code <b>{html.escape(code)}</b>"
        )
        self._room_pixmap = QPixmap()
        self._room_pixmap.loadFromData(qr_png(url, scale=8), "PNG")
        self.room_label.show()
        self.room_qr.show()
        self._apply_fonts()

    def refresh(self) -> None:
        c = self.controller
        phase, plan = c.phase, c.plan
        if phase is None or plan is None:
            self.step_label.setText("")
            self.phase_label.setText("No session open")
            self.next_label.setText("")
            self.instructions_label.setText("Choose a plan and start a session on the trainer's screen.")
            self.practice_label.setVisible(False)
            self.prompts_label.setText("")
            self._set_groups([])
            self.on_controller_timer_ticked()
            return
        # The session code, for observers filling the form on their own computers.
        assert c.uid is not None  # there is a phase only in an open session
        self.step_label.setText(
            f"Phase {c.phase_index + 1} of {len(plan.phases)} \u00b7 {phase.kind_label}"
            f" \u00b7 {phase.minutes} min \u00b7 session code {session_code(c.uid)}"
        )
        self.phase_label.setText(phase.title)
        following = plan.phases[c.phase_index + 1] if c.phase_index + 1 < len(plan.phases) else None
        self.next_label.setText(f"Next: {following.title} ({following.minutes} min)" if following else "Last phase")
        practice = ""
        if phase.practice is not None:
            material = (
                "your own change goal"
                if phase.practice.material == "own-goal"
                else f"the person in scenario '{phase.practice.scenario}'"
            )
            # the groups as made, else those the people here will make (7 people in triads
            # are 1 triad and 2 pairs): never the plan's format word alone
            round_index = c.round_index_for_phase()
            session = c.session
            groups = session["rounds"][round_index]["groups"] if session and round_index is not None else []
            present = sum(1 for p in session["participants"] if p.get("present")) if session else 0
            shape = round_shape(groups, phase.practice.format, present)
            skill = c.skill_name(phase.practice.skill)
            practice = f"{shape[:1].upper()}{shape[1:]} \u00b7 skill: {skill} \u00b7 material: {material}"
        self.practice_label.setText(practice)
        self.practice_label.setVisible(bool(practice))
        self.instructions_label.setText(phase.instructions)
        self.prompts_label.setText(
            "".join(
                f"<p>\u201c{html.escape(p)}\u201d</p>" if not p.endswith(".") else f"<p>{html.escape(p)}</p>"
                for p in phase.prompts
            )
        )
        self.prompts_label.setVisible(bool(phase.prompts))
        rnd = c.round_index_for_phase()
        names = c.names()
        groups = []
        if rnd is not None:
            for i, group in enumerate(c.round_roles(rnd)):
                lines = [f"<b>Group {i + 1}</b> <span style='color:{DIM}'>\u00b7 {group_noun(len(group))}</span>"]
                lines += [
                    f"<span style='color:{ACCENT}'>{ROLE_SHORT.get(role, role)}</span>: "
                    f"{html.escape(names.get(pid, '?'))}"
                    for pid, role in group
                ]
                if len(group) == 2 and phase.practice is not None and phase.practice.format == "triads":
                    lines.append(f"<span style='color:{DIM}'>Observer: the trainer, when free</span>")
                groups.append("<br>".join(lines))
        elif phase.kind == "practice":
            groups = ["Groups not made yet: make them on the trainer's screen."]
        self._set_groups(groups)
        self.on_controller_timer_ticked()
        self._apply_fonts()

    def _set_groups(self, texts: list[str]) -> None:
        for label in self.group_labels:
            label.deleteLater()
        self.group_labels = []
        cols = (
            1 if len(texts) <= 1 else 2 if len(texts) <= 4 else 3 if len(texts) <= 9 else 4 if len(texts) <= 12 else 5
        )
        for i, text in enumerate(texts):
            label = QLabel(text)
            label.setObjectName("group")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.groups_layout.addWidget(label, i // cols, i % cols)
            self.group_labels.append(label)
        self.groups_box.setVisible(bool(texts))

    # -- style -------------------------------------------------------------------------
    def _apply_style(self) -> None:
        bg = FLASH if self._flash_on else BG
        self.setStyleSheet(f"""
            QWidget#presenter {{ background: {bg}; }}
            QLabel {{ color: {FG}; background: transparent; }}
            QLabel#step, QLabel#hint, QLabel#state, QLabel#next {{ color: {DIM}; }}
            QLabel#timer, QLabel#practice {{ color: {ACCENT}; }}
            QLabel#group {{ border: 2px solid {_P["group_border"]}; border-radius: 8px; padding: 6px; }}
        """)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def _apply_fonts(self) -> None:
        """Sizes from the window's height; smaller steps until everything fits (a short screen,
        long instructions, many groups), so no line is cut off at the bottom of a box."""
        for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
            self._set_font_sizes(scale)
            self._layout.invalidate()
            if self._layout.totalHeightForWidth(self.width()) <= self.height():
                return

    def _set_font_sizes(self, scale: float) -> None:
        h = max(300, min(self.height(), int(self.width() * 0.75))) * scale
        n_groups = len(self.group_labels)
        base = max(12, int(h / 34))
        margin = max(12, int(self.width() * 0.025))
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)

        def size(label: QLabel, px: int, bold: bool = False) -> None:
            font = label.font()
            font.setPixelSize(max(10, px))
            font.setBold(bold)
            label.setFont(font)

        many = n_groups > 6  # then the groups matter most: smaller timer and text
        text_px = int(base * 0.8) if many else base
        size(self.step_label, int(base * 0.8))
        size(self.phase_label, int(base * (1.2 if many else 1.5)), True)
        size(self.timer_label, int(h / (9 if many else 6.5 if n_groups else 5)), True)
        size(self.practice_label, text_px)
        size(self.state_label, int(base * 0.8))
        size(self.instructions_label, text_px)
        size(self.prompts_label, text_px)
        size(self.hint_label, int(base * 0.55))
        size(self.next_label, int(base * 0.8))
        size(self.room_label, base)
        if not self._room_pixmap.isNull():
            side = max(96, int(h / 4))
            self.room_qr.setPixmap(
                self._room_pixmap.scaled(
                    side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )
        group_px = base if n_groups <= 6 else int(base * 0.85) if n_groups <= 12 else int(base * 0.8)
        for label in self.group_labels:
            size(label, group_px)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    # -- slots -------------------------------------------------------------------------
    def on_controller_phase_changed(self, _index: int) -> None:
        self._stop_flash()
        self.refresh()

    def on_controller_timer_ticked(self) -> None:
        c = self.controller
        self.timer_label.setText(c.remaining_text() if c.phase else "")
        if c.phase is None:
            state = ""
        elif c.timer.finished and c.timer.started:
            state = "Time is up \u00b7 press + for one more minute, \u2192 for the next phase"
        elif c.timer.running:
            state = "Running"
        elif c.timer.started:
            state = "Paused \u00b7 press Space to carry on"
        else:
            state = "Ready \u00b7 press Space to start"
        self.state_label.setText(state)

    def on_controller_timer_finished(self) -> None:
        self._flash_left = FLASHES
        self._flash_timer.start()
        if self.sound:
            QApplication.beep()

    def _flash_step(self) -> None:
        self._flash_on = not self._flash_on and self._flash_left > 0
        self._flash_left -= 1
        self._apply_style()
        if self._flash_left <= 0:
            self._stop_flash()

    def _stop_flash(self) -> None:
        self._flash_timer.stop()
        self._flash_left = 0
        if self._flash_on:
            self._flash_on = False
            self._apply_style()

    @property
    def flashing(self) -> bool:
        return self._flash_timer.isActive()

    # -- keyboard ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, c = event.key(), self.controller
        if key == Qt.Key.Key_Space:
            c.toggle_timer()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            c.next_phase()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            c.previous_phase()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            c.extend(60)
        elif key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event) -> None:
        self._stop_flash()
        self.closed.emit()
        super().closeEvent(event)
