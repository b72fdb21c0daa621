"""The live room on the trainer's side: open and close it, show the address, code, QR and who joined.

``RoomHost`` runs ``trainer.room.runner.RoomServer`` (its own thread and event
loop) while the room is open and talks to it only through thread-safe calls:
the server asks for store work with ``MainThreadCalls.submit`` (run here on
the Qt thread, where every other write happens) and reports joins and saved
taps through ``on_event``, turned into queued signals. Whatever the
controller announces (phase, timer, groups, roster) is published to the
phones as a new ``RoomState``. Closing the room, or the app, stops the server.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from trainer.room.qr import qr_png, room_url
from trainer.room.state import DEFAULT_FEEDBACK_OPENS, FEEDBACK_OPENS, build_state
from trainer.sessions.session_code import session_code
from trainer.ui.session.controller import TeamSessionController

if TYPE_CHECKING:
    from trainer.room.runner import RoomServer

DEFAULT_PORT = 8470  # the same address each time the room opens, when the port is free
LOOPBACK = "127.0.0.1"


def local_addresses() -> list[tuple[str, str]]:
    """(label, IPv4 address) of the network interfaces that are up, then this computer only."""
    out = []
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp and flags & QNetworkInterface.InterfaceFlag.IsRunning):
            continue
        if flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                out.append((f"{iface.humanReadableName()} \u2013 {ip.toString()}", ip.toString()))
    out.append(("This computer only \u2013 127.0.0.1", LOOPBACK))
    return out


class MainThreadCalls(QObject):
    """Run a function on this object's (the Qt) thread and hand back a Future of its result."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._call.emit((fn, future))
        return future

    def _run(self, job) -> None:
        fn, future = job
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed to the server, which tells the phone
            future.set_exception(exc)


class RoomHost(QObject):
    opened = Signal(str)  # the address phones open
    closed = Signal()
    people_changed = Signal(list)  # [{id, name, connected}]
    asks_changed = Signal(list)  # [{id, name}]: typed names waiting for the trainer
    failed = Signal(str)
    _event = Signal(str, object)  # from the server's thread
    port = DEFAULT_PORT  # tests set 0: any free port

    def __init__(
        self,
        controller: TeamSessionController,
        done_well: dict[str, str] | None = None,
        parent: QObject | None = None,
        globals_: list[dict] | None = None,
    ):
        super().__init__(parent)
        self.controller = controller
        self.done_well = dict(done_well or {})  # skill id -> what it looks like done well (for the checklist)
        self.globals = list(globals_ or [])  # the framework's global ratings, rated on observers' phones
        self.calls = MainThreadCalls(self)
        self.server: RoomServer | None = None
        self.url = ""
        self._published: tuple | None = None
        self._event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        for signal in (controller.session_opened, controller.session_changed, controller.groups_made):
            signal.connect(lambda *_: self.publish(force=True))
        controller.phase_changed.connect(lambda *_: self.publish(force=True))
        controller.timer_ticked.connect(lambda: self.publish())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def is_open(self) -> bool:
        return self.server is not None and self.server.running

    def state(self):
        session = self.controller.session
        if session is None:
            return None
        timer = self.controller.timer
        return build_state(
            session,
            self.controller.plan,
            self.controller.phase_index,
            remaining=timer.remaining(),
            running=timer.running,
            duration=timer.duration,
            skill_names=self.controller.skill_names,
            done_well=self.done_well,
            globals_=self.globals,
        )

    def open(self, address: str, port: int | None = None) -> bool:
        if self.is_open:
            return True
        state = self.state()
        if state is None:
            self.failed.emit("Open or start a session first: the room is for one session.")
            return False
        service = self.controller.service
        error = ""
        for attempt in dict.fromkeys((self.port if port is None else port, 0)):  # the usual port, else any free one
            from trainer.room.runner import RoomServer  # lazy: aiohttp (~100 ms) only when the room opens

            server = RoomServer(service, address, attempt, submit=self.calls.submit, on_event=self._event.emit)
            try:
                server.start(state)
            except OSError as exc:
                error = str(exc)
                continue
            self.server = server
            self.url = room_url(address, server.port, state.code)
            self._published = self._key()
            self.opened.emit(self.url)
            return True
        self.failed.emit(f"The room could not open: {error}")
        return False

    def accept(self, ask_id: str, name: str) -> None:
        """Add a typed name to the roster (present) and let that phone in."""
        if not self.is_open:
            return
        person = self.controller.add_participant(name)  # publishes the new roster first
        assert self.server is not None
        self.server.answer(ask_id, person)

    def refuse(self, ask_id: str) -> None:
        if self.server is not None:
            self.server.answer(ask_id, None)

    def close(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()
            self.url = ""
            self.people_changed.emit([])
            self.asks_changed.emit([])
            self.closed.emit()

    def _key(self) -> tuple:
        timer = self.controller.timer
        return (self.controller.uid, self.controller.phase_index, timer.running, timer.duration, timer.started)

    def publish(self, force: bool = False) -> None:
        """Send the phones a new state: always when asked, on a tick only if the timer changed course."""
        if not self.is_open:
            return
        key = self._key()
        if not force and key == self._published:
            return
        self._published = key
        assert self.server is not None
        self.server.publish(self.state())
        if self.controller.uid and session_code(self.controller.uid) not in self.url:
            self.url = room_url(self.server.host, self.server.port, session_code(self.controller.uid))
            self.opened.emit(self.url)  # another session: another code in the address

    def _on_event(self, kind: str, data: object) -> None:
        if not isinstance(data, dict):
            return
        if kind == "joined":
            self.people_changed.emit(list(data.get("people", [])))
        elif kind == "asked":
            self.asks_changed.emit(list(data.get("asks", [])))
        elif kind == "saved" and data.get("observation"):
            self.controller.observation_saved.emit(data["observation"])
        elif kind == "failed":
            self.failed.emit(f"A count from a phone was not saved: {data.get('error', '')}")


class RoomPanel(QGroupBox):
    """ "Live room": the network, Open/Close, the address, code and QR code, and who has joined."""

    status_message = Signal(str)

    def __init__(self, host: RoomHost, parent=None):
        super().__init__("Live room", parent)
        self.host = host
        self.network = QComboBox()
        self.network.setAccessibleName("Network the phones use")
        for label, address in local_addresses():
            self.network.addItem(label, address)
        network_label = QLabel("&Network:")
        network_label.setBuddy(self.network)
        self.open_button = QPushButton("Open the room")
        self.open_button.setAccessibleName("Open the live room for phones")
        self.feedback_opens = QComboBox()
        self.feedback_opens.setAccessibleName("When participants see their feedback on their phone")
        self.feedback_opens.setToolTip(
            "When each person sees their observers' feedback on their phone: from each round's "
            "feedback phase, after the debrief, or never (the phones then show none)"
        )
        for key, label in FEEDBACK_OPENS.items():
            self.feedback_opens.addItem(label, key)
        feedback_label = QLabel("Feedback &on phones:")
        feedback_label.setBuddy(self.feedback_opens)
        self.address_label = QLabel()
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label.setWordWrap(True)
        self.address_label.setAccessibleName("Address of the room")
        self.qr_label = QLabel()
        self.qr_label.setAccessibleName("QR code of the room's address")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.joined_list = QListWidget()
        self.joined_list.setAccessibleName("People who have joined from a phone")
        self.joined_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.asks_label = QLabel("Typed a name that is not on the list:")
        self.asks_list = QListWidget()
        self.asks_list.setAccessibleName("Names typed on phones, waiting for you")
        self.asks_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.asks_label.setBuddy(self.asks_list)
        self.accept_button = QPushButton("&Add to the roster")
        self.accept_button.setAccessibleName("Add the selected name to the roster and let that phone in")
        self.refuse_button = QPushButton("Re&fuse")
        self.refuse_button.setAccessibleName("Refuse the selected name")
        self.joined_label = QLabel("Joined from a phone:")
        self.hint = QLabel(
            "Phones on the same network scan a QR code (it fills in the session code) or open an "
            "address and type the code. The room listens only while it is open."
        )
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(network_label)
        row.addWidget(self.network, 1)
        layout.addLayout(row)
        layout.addWidget(self.open_button)
        layout.addWidget(feedback_label)  # above its list: the choices are long at a large zoom
        layout.addWidget(self.feedback_opens)
        self.feedback_opens.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.feedback_opens.setMinimumContentsLength(16)
        layout.addWidget(self.address_label)
        layout.addWidget(self.qr_label)
        layout.addWidget(self.asks_label)
        layout.addWidget(self.asks_list)
        asks_row = QHBoxLayout()
        asks_row.addWidget(self.accept_button)
        asks_row.addWidget(self.refuse_button)
        asks_row.addStretch(1)
        layout.addLayout(asks_row)
        layout.addWidget(self.joined_label)
        layout.addWidget(self.joined_list)
        layout.addWidget(self.hint)

        self.open_button.clicked.connect(self.on_open_clicked)
        host.opened.connect(self.on_opened)
        host.closed.connect(self.on_closed)
        host.people_changed.connect(self.on_people_changed)
        host.asks_changed.connect(self.on_asks_changed)
        self.accept_button.clicked.connect(self.on_accept_clicked)
        self.refuse_button.clicked.connect(self.on_refuse_clicked)
        host.failed.connect(self.status_message)
        self.feedback_opens.activated.connect(self.on_feedback_opens_chosen)
        for signal in (host.controller.session_opened, host.controller.session_changed):
            signal.connect(lambda *_: self.show_feedback_opens())
        self.show_feedback_opens()
        self.on_closed()

    def show_feedback_opens(self) -> None:
        """The session's choice of when phones show feedback (each session keeps its own)."""
        session = self.host.controller.session
        when = (session or {}).get("feedback_opens", DEFAULT_FEEDBACK_OPENS)
        self.feedback_opens.setCurrentIndex(max(0, self.feedback_opens.findData(when)))
        self.feedback_opens.setEnabled(session is not None)

    def on_feedback_opens_chosen(self, index: int) -> None:
        when = self.feedback_opens.itemData(index)
        self.host.controller.set_feedback_opens(when)  # saved with the session; phones follow at once
        self.status_message.emit(f"Feedback on phones: {self.feedback_opens.itemText(index).lower()}.")

    def on_open_clicked(self) -> None:
        if self.host.is_open:
            self.host.close()
        else:
            self.host.open(self.network.currentData() or LOOPBACK)

    def on_opened(self, url: str) -> None:
        code = session_code(self.host.controller.uid or "")
        self.open_button.setText("Close the room")
        self.open_button.setAccessibleName("Close the live room: phones can no longer reach it")
        self.network.setEnabled(False)
        self.address_label.setText(f"<b>{url.split('?', 1)[0]}</b><br>Session code: <b>{code}</b>")
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(url, scale=4), "PNG")
        self.qr_label.setPixmap(pixmap)
        self.qr_label.setMinimumSize(pixmap.size())  # never clipped: a cut QR code does not scan
        self.qr_label.setToolTip(url)
        self.qr_label.show()
        self.hint.hide()
        self.joined_label.show()
        self.joined_list.show()
        self.on_people_changed([])
        self._hold_height()
        self.status_message.emit(f"The room is open at {url.split('?', 1)[0]}")

    def on_closed(self) -> None:
        self.open_button.setText("Open the room")
        self.open_button.setAccessibleName("Open the live room for phones")
        self.network.setEnabled(True)
        self.address_label.setText("The room is closed: no phone can reach this computer.")
        self.qr_label.clear()
        self.qr_label.hide()
        self.qr_label.setMinimumSize(0, 0)
        self.hint.show()
        self.joined_label.hide()
        self.joined_list.clear()
        self.joined_list.hide()
        self.on_asks_changed([])

    def _hold_height(self) -> None:
        """Keep the box at least as tall as its contents: the columns' layouts (height-for-width)
        would otherwise squeeze it and draw the list over the QR code."""
        self.setMinimumHeight(0)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.setMinimumHeight(self.minimumSizeHint().height())

    def on_asks_changed(self, asks: list) -> None:
        self.asks_list.clear()
        for ask in asks:
            item = QListWidgetItem(ask.get("name", "?"))
            item.setData(Qt.ItemDataRole.UserRole, ask.get("id", ""))
            self.asks_list.addItem(item)
        if asks:
            self.asks_list.setCurrentRow(0)
            self.status_message.emit(f"{asks[-1].get('name', '?')} asks to join: add them to the roster or refuse.")
        for widget in (self.asks_label, self.asks_list, self.accept_button, self.refuse_button):
            widget.setVisible(bool(asks))
        self._hold_height()

    def _selected_ask(self) -> tuple[str, str] | None:
        item = self.asks_list.currentItem()
        return (item.data(Qt.ItemDataRole.UserRole), item.text()) if item is not None else None

    def on_accept_clicked(self) -> None:
        chosen = self._selected_ask()
        if chosen:
            self.host.accept(*chosen)

    def on_refuse_clicked(self) -> None:
        chosen = self._selected_ask()
        if chosen:
            self.host.refuse(chosen[0])

    def on_people_changed(self, people: list) -> None:
        self.joined_list.clear()
        if not people and self.host.is_open:
            self.joined_list.addItem("No one has joined yet")
        for person in people:
            state = "" if person.get("connected") else " (not connected)"
            self.joined_list.addItem(f"{person.get('name', '?')}{state}")
