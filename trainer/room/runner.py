"""Run the room's server on its own thread and event loop, only while the room is open.

``RoomServer.start()`` listens on the chosen address (port 0: any free port)
and returns once it is listening, or raises ``OSError`` with the reason;
``stop()`` closes every phone's connection and the listening socket and
waits for the thread to end. ``publish(state)`` is safe from any thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable

from aiohttp import web

from trainer.room.server import OnEvent, Room
from trainer.room.state import RoomState
from trainer.services.team_session import TeamSessionService

START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


class RoomServer:
    def __init__(
        self,
        service: TeamSessionService,
        host: str = "127.0.0.1",
        port: int = 0,
        submit: Callable | None = None,
        on_event: OnEvent | None = None,
    ):
        self.host = host
        self.port = port
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._owner_submit = submit  # None: one worker thread of ours touches the store
        self.room = Room(service, self._submit, on_event)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._stopped: asyncio.Event | None = None

    def _submit(self, fn: Callable) -> concurrent.futures.Future:
        if self._owner_submit is not None:
            return self._owner_submit(fn)
        if self._executor is None:
            self._executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="room-store")
        return self._executor.submit(fn)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self, state: RoomState | None = None) -> str:
        if self.running:
            return self.url
        ready = threading.Event()
        failure: list[BaseException] = []
        self.room.state = state
        self._thread = threading.Thread(target=self._run, args=(ready, failure), name="live-room", daemon=True)
        self._thread.start()
        if not ready.wait(START_TIMEOUT):
            raise OSError("the room's server did not start in time")
        if failure:
            self._thread.join(STOP_TIMEOUT)
            self._thread = None
            raise OSError(f"the room could not listen on {self.host}:{self.port}: {failure[0]}") from failure[0]
        return self.url

    def _run(self, ready: threading.Event, failure: list) -> None:
        try:
            asyncio.run(self._serve(ready, failure))  # cancels and awaits what is left at the end
        finally:
            self._loop = None
            ready.set()

    async def _serve(self, ready: threading.Event, failure: list) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        runner = web.AppRunner(self.room.make_app(), access_log=None, handle_signals=False, shutdown_timeout=2)
        try:
            await runner.setup()
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
        except Exception as exc:
            failure.append(exc)
            await runner.cleanup()
            ready.set()
            return
        self._runner = runner
        if runner.addresses:
            self.port = runner.addresses[0][1]
        ready.set()
        await self._stopped.wait()
        await runner.cleanup()
        self._runner = None

    def publish(self, state: RoomState | None) -> None:
        loop = self._loop
        if loop is not None and self.running:
            asyncio.run_coroutine_threadsafe(self.room.set_state(state), loop)

    def answer(self, ask_id: str, person: str | None) -> None:
        """The trainer's answer to a typed name: the new roster id, or None to refuse."""
        loop = self._loop
        if loop is not None and self.running:
            asyncio.run_coroutine_threadsafe(self.room.answer(ask_id, person), loop)

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive() and self._stopped is not None:
            loop.call_soon_threadsafe(self._stopped.set)
            thread.join(STOP_TIMEOUT)
        self._thread = None
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
