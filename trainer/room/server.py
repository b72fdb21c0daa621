"""The live room's web server (aiohttp): the phone page, joining, and a WebSocket per phone.

Routes
    GET  /                   the phone page (static HTML, CSS and JS in ``static/``)
    GET  /api/room?code=C    the session title and the roster of people present (needs the code)
    POST /api/join           {"code", "person"} -> {"token", "name"}: one unguessable token per phone
    POST /api/ask            {"code", "name"} -> {"request"}: a name not on the roster, for the trainer
    GET  /api/ask?request=R  waiting, refused, or accepted with a token once the trainer added them
    GET  /api/feedback       the person's own feedback and attendance file (``Authorization: Bearer T``)
    GET  /api/live?token=T   WebSocket: the server pushes ``state`` and ``counts``; an observer's
                             phone sends ``taps`` ({"id", "round", "code", "delta"}) and gets ``ack``,
                             ``rate`` (the checklist) and ``notes`` (notes and globals, trainer.room.messages)

Everything a phone sends is checked here (size, rate, shape, role) and every
refusal is a JSON ``{"error": ...}``. Observers' taps are saved through
``TeamSessionService.add_live_taps`` as they arrive, in small batches, by a
function the owner gives (``submit``) so that the store is only ever touched
from the owner's thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hmac
import json
import re
import secrets
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from trainer.room.asking import AskError, Asks
from trainer.room.limits import Buckets
from trainer.room.messages import NotesError, notes_view, read_notes
from trainer.room.state import RoomState
from trainer.services.team_session import TeamSessionService
from trainer.sessions.counts import BEHAVIOUR_KEYS
from trainer.sessions.session_code import normalise_code

T = TypeVar("T")
Submit = Callable[[Callable[[], T]], concurrent.futures.Future]
OnEvent = Callable[[str, dict], None]

STATIC = Path(__file__).with_name("static")
MAX_BODY = 2048  # bytes in an HTTP request body
MAX_MESSAGE = 8192  # characters in one WebSocket message
MAX_TAPS = 50  # taps in one message (a phone resending after a dropped connection)
TAP_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class RoomError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


class Room:
    """The room's state and handlers; ``make_app`` gives the aiohttp application."""

    def __init__(
        self,
        service: TeamSessionService,
        submit: Submit,
        on_event: OnEvent | None = None,
        *,
        request_rate: tuple[float, float] = (60, 20),
        tap_rate: tuple[float, float] = (60, 10),
        join_rate: tuple[float, float] = (10, 0.2),
    ):
        self.service = service
        self._submit = submit
        self._on_event = on_event or (lambda kind, data: None)
        self.state: RoomState | None = None
        self.tokens: dict[str, str] = {}  # token -> person id
        self._token_of: dict[str, str] = {}  # person id -> their current token
        self._sockets: dict[str, set[web.WebSocketResponse]] = defaultdict(set)  # person id -> open sockets
        self._requests = Buckets(*request_rate)
        self._taps = Buckets(*tap_rate)
        self._joins = Buckets(*join_rate)
        self._pending: list[tuple[str, dict]] = []  # (person id, tap)
        self._flushing: asyncio.Task | None = None
        self.stored_taps = 0
        self.asks = Asks()

    # -- the application -----------------------------------------------------------
    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._middleware])
        app.router.add_get("/", self.page)
        app.router.add_get("/api/room", self.room_info)
        app.router.add_post("/api/join", self.join)
        app.router.add_post("/api/ask", self.ask)
        app.router.add_get("/api/ask", self.ask_status)
        app.router.add_get("/api/live", self.live)
        app.router.add_get("/api/feedback", self.feedback)
        app.router.add_static("/static", STATIC, follow_symlinks=False)
        app.on_response_prepare.append(self._headers)
        app.on_shutdown.append(self._close_all)
        return app

    @web.middleware
    async def _middleware(self, request: web.Request, handler) -> web.StreamResponse:
        if not self._requests.take(request.remote or "?"):
            return _error(429, "too many requests; wait a moment and try again")
        try:
            return await handler(request)
        except RoomError as exc:
            return _error(exc.status, exc.message)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"the request is too large (at most {MAX_BODY} bytes)")
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return _error(exc.status, exc.reason)

    async def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        response.headers.setdefault(
            "Content-Security-Policy",
            f"default-src 'self'; connect-src 'self' ws://{request.host}; img-src 'self' data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )

    async def page(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html")

    # -- joining ------------------------------------------------------------------
    def _check_code(self, request: web.Request, code: object) -> RoomState:
        state = self.state
        if state is None:
            raise RoomError(503, "the trainer has not opened a session yet")
        given = normalise_code(code) if isinstance(code, str) else ""
        if not hmac.compare_digest(given.encode(), state.code.encode()):
            if not self._joins.take(request.remote or "?"):
                raise RoomError(429, "too many wrong codes from this device; wait a minute")
            raise RoomError(403, "that is not the session code; check the code on the trainer's screen")
        return state

    async def room_info(self, request: web.Request) -> web.Response:
        state = self._check_code(request, request.query.get("code", ""))
        people = sorted(state.people.items(), key=lambda item: item[1].casefold())
        return web.json_response({"title": state.title, "people": [{"id": i, "name": n} for i, n in people]})

    async def join(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        state = self._check_code(request, body.get("code"))
        person = body.get("person")
        if not isinstance(person, str) or person not in state.people:
            raise RoomError(404, "that name is not on the roster of people present; ask the trainer")
        token = await self._issue_token(person)
        return web.json_response({"token": token, "name": state.people[person]})

    async def _issue_token(self, person: str) -> str:
        old = self._token_of.pop(person, None)
        if old:  # the latest phone to join as a person wins; the other is told
            self.tokens.pop(old, None)
            for ws in list(self._sockets.get(person, ())):
                await self._send(ws, {"type": "bye", "reason": "You joined again on another device."})
                await ws.close(code=4001, message=b"joined elsewhere")
        token = secrets.token_urlsafe(24)
        self.tokens[token] = person
        self._token_of[person] = token
        self._on_event("joined", {"people": self.joined()})
        return token

    async def _body(self, request: web.Request) -> dict:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: '[[[[...' nested too deep
            raise RoomError(400, "the request is not JSON") from None
        if not isinstance(body, dict):
            raise RoomError(400, "the request must be a JSON object")
        return body

    # -- a name not on the roster ------------------------------------------------------
    async def ask(self, request: web.Request) -> web.Response:
        """POST {"code", "name"}: ask the trainer to add a typed name; poll with GET ?request=ID."""
        body = await self._body(request)
        self._check_code(request, body.get("code"))
        if not self._joins.take(request.remote or "?"):
            raise RoomError(429, "too many requests from this device; wait a minute")
        try:
            asked = self.asks.add(body.get("name"))
        except AskError as exc:
            raise RoomError(400, str(exc)) from None
        self._on_event("asked", {"asks": self.asks.waiting()})
        return web.json_response({"request": asked.id, "name": asked.name}, status=202)

    async def ask_status(self, request: web.Request) -> web.Response:
        asked = self.asks.get(request.query.get("request"))
        if asked is None:
            raise RoomError(404, "that request is not known (the room may have been reopened); ask again")
        if asked.status == "waiting":
            return web.json_response({"status": "waiting"})
        self.asks.forget(asked.id)  # answered once
        if asked.status == "refused" or self.state is None or asked.person not in self.state.people:
            return web.json_response({"status": "refused"})
        token = await self._issue_token(asked.person)
        return web.json_response({"status": "accepted", "token": token, "name": self.state.people[asked.person]})

    async def answer(self, ask_id: str, person: str | None) -> None:
        """The trainer added the person (``person`` is their new roster id) or refused (None)."""
        self.asks.answer(ask_id, person)
        self._on_event("asked", {"asks": self.asks.waiting()})

    def joined(self) -> list[dict]:
        """The people who have a token, and whether a phone of theirs is connected now."""
        names = self.state.people if self.state else {}
        return [
            {"id": pid, "name": names.get(pid, "?"), "connected": bool(self._sockets.get(pid))}
            for pid in sorted(self._token_of, key=lambda p: names.get(p, "").casefold())
        ]

    # -- feedback at the end ---------------------------------------------------------
    async def feedback(self, request: web.Request) -> web.Response:
        """The person's own feedback bundle and attendance (token in ``Authorization: Bearer``)."""
        auth = request.headers.get("Authorization", "")
        person = self.tokens.get(auth.removeprefix("Bearer ").strip()) if auth.startswith("Bearer ") else None
        state = self.state
        if person is None or state is None:
            raise RoomError(401, "this phone has not joined the room (or the room was reopened); join again")
        if not state.feedback_open:
            when = {"never": "the trainer has chosen not to show feedback on phones in this session"}.get(
                state.feedback_opens, "your feedback opens later in the session, when the trainer says"
            )
            raise RoomError(409, when)
        uid, titles, plan = state.session_uid, dict(state.round_titles), state.plan
        bundle = await asyncio.wrap_future(self._submit(lambda: self.service.feedback_bundle(uid, person, titles)))
        attendance = await asyncio.wrap_future(self._submit(lambda: self.service.attendance_of(uid, person, plan)))
        name = state.people.get(person, "")
        slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "participant"
        return web.json_response(
            {
                "attendance": {"name": name, "title": state.title, "date": state.date, "team": state.team},
                "bundle": bundle,
                "words": state.feedback_words(),
                "filename": f"feedback-{state.date}-{slug}.json",
                "attendance_file": attendance,  # File > Import attendance file: the CPD log (issue 19)
                "attendance_filename": f"attendance-{state.date}-{slug}.json",
            }
        )

    # -- the live channel ----------------------------------------------------------
    async def live(self, request: web.Request) -> web.StreamResponse:
        person = self.tokens.get(request.query.get("token", ""))
        if person is None or self.state is None:
            raise RoomError(401, "this phone has not joined the room (or the room was reopened); join again")
        origin = request.headers.get("Origin")
        if origin and origin.split("://", 1)[-1] != request.host:
            raise RoomError(403, "a page from another site may not use this room")
        # a phone that sleeps must not hold up closing the room: 1 s for its goodbye at most
        ws = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_MESSAGE * 4, timeout=1.0)
        await ws.prepare(request)
        self._sockets[person].add(ws)
        self._on_event("joined", {"people": self.joined()})
        try:
            await self._send(ws, self.state.view_for(person))
            await self._send_counts(person, [ws])
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    await self._send(ws, {"type": "error", "error": "send text messages only"})
                    continue
                await self._message(ws, person, msg.data)
        finally:
            self._sockets[person].discard(ws)
            if not self._sockets[person]:
                self._sockets.pop(person, None)
            self._on_event("joined", {"people": self.joined()})
        return ws

    async def _send(self, ws: web.WebSocketResponse, data: dict) -> None:
        if not ws.closed:
            try:
                await ws.send_str(json.dumps(data))
            except (ConnectionError, RuntimeError):
                pass  # the phone went away; its handler cleans up

    async def _message(self, ws: web.WebSocketResponse, person: str, data: str) -> None:
        if len(data) > MAX_MESSAGE:
            await self._send(ws, {"type": "error", "error": f"the message is too large (at most {MAX_MESSAGE})"})
            return
        if self._token_of.get(person) is None:
            await self._send(ws, {"type": "error", "error": "this phone is no longer in the room; join again"})
            return
        try:
            msg = json.loads(data)
        except (ValueError, RecursionError):
            await self._send(ws, {"type": "error", "error": "the message is not JSON"})
            return
        kind = msg.get("type") if isinstance(msg, dict) else None
        if kind == "ping":
            await self._send(ws, {"type": "pong"})
        elif kind == "taps":
            await self._taps_in(ws, person, msg.get("taps"))
        elif kind == "rate":
            await self._rate_in(ws, person, msg)
        elif kind == "notes":
            await self._notes_in(ws, person, msg)
        else:
            await self._send(ws, {"type": "error", "error": "unknown message type"})

    async def _taps_in(self, ws: web.WebSocketResponse, person: str, taps: Any) -> None:
        if not isinstance(taps, list) or not 0 < len(taps) <= MAX_TAPS:
            await self._send(ws, {"type": "error", "error": f"'taps' must be a list of 1 to {MAX_TAPS} taps"})
            return
        if not self._taps.take(person, len(taps)):
            await self._send(ws, {"type": "error", "error": "too many taps at once; they will be sent again"})
            return
        good, refused = [], []
        state = self.state
        for tap in taps:
            problem = self._tap_problem(state, person, tap)
            if problem:
                refused.append({"id": tap.get("id") if isinstance(tap, dict) else None, "error": problem})
            else:
                good.append(tap)
        if refused:
            await self._send(ws, {"type": "refused", "taps": refused, "error": refused[0]["error"]})
        if good:
            self._pending.extend((person, tap) for tap in good)
            if self._flushing is None or self._flushing.done():
                self._flushing = asyncio.create_task(self._flush())

    async def _rate_in(self, ws: web.WebSocketResponse, person: str, msg: dict) -> None:
        """The observer's checklist rating of the round's skill: 0, 1, 2, "na" or null (cleared)."""
        rating, round_index, state = msg.get("rating"), msg.get("round"), self.state
        if rating not in (0, 1, 2, "na", None) or isinstance(rating, bool):
            await self._send(ws, {"type": "error", "error": "a rating is 0, 1, 2, 'na' or null"})
            return
        if not isinstance(round_index, int) or isinstance(round_index, bool):
            await self._send(ws, {"type": "error", "error": "a rating needs the round's number"})
            return
        seat = state.seat(person, round_index) if state else None
        if state is None or seat is None or seat.role != "observer" or seat.learner is None:
            await self._send(ws, {"type": "error", "error": "only the observer of a group can rate it"})
            return
        if not self._taps.take(person):
            await self._send(ws, {"type": "error", "error": "too many messages at once; try again"})
            return
        uid, learner = state.session_uid, seat.learner
        future = self._submit(lambda: self.service.set_live_rating(uid, round_index, person, learner, rating))
        try:
            rec = await asyncio.wrap_future(future)
        except Exception as exc:  # told to the phone and the trainer
            self._on_event("failed", {"error": str(exc)})
            await self._send(ws, {"type": "error", "error": "the rating was not saved; try again"})
            return
        self._on_event("saved", {"observation": rec.get("uid", ""), "round": round_index, "taps": 0})
        for other in list(self._sockets.get(person, ())):
            await self._send(other, {"type": "rated", "round": round_index, "rating": rating})

    async def _notes_in(self, ws: web.WebSocketResponse, person: str, msg: dict) -> None:
        """The observer's notes and global ratings, checked in full, then saved in one step."""
        state = self.state
        try:
            notes = read_notes(msg, state.globals if state else ())
        except NotesError as exc:
            await self._send(ws, {"type": "error", "error": str(exc), "about": "notes"})
            return
        seat = state.seat(person, notes.round) if state else None
        if state is None or seat is None or seat.role != "observer" or seat.learner is None:
            await self._send(ws, {"type": "error", "error": "only the observer of a group can write its notes"})
            return
        if not self._taps.take(person):
            await self._send(
                ws, {"type": "error", "error": "too many messages at once; try again", "about": "notes", "retry": True}
            )
            return
        uid, learner = state.session_uid, seat.learner
        args = (uid, notes.round, person, learner, notes.note, notes.item_notes(), notes.globals)
        try:
            rec = await asyncio.wrap_future(self._submit(lambda: self.service.set_live_notes(*args)))
        except Exception as exc:  # told to the phone and the trainer
            self._on_event("failed", {"error": str(exc)})
            await self._send(
                ws,
                {"type": "error", "error": "the notes were not saved; trying again", "about": "notes", "retry": True},
            )
            return
        self._on_event("saved", {"observation": rec.get("uid", ""), "round": notes.round, "taps": 0})
        for other in list(self._sockets.get(person, ())):
            await self._send(other, {"type": "noted", "round": notes.round, "notes": notes_view(rec, state.skill_id)})

    @staticmethod
    def _tap_problem(state: RoomState | None, person: str, tap: Any) -> str:
        if not isinstance(tap, dict):
            return "a tap must be a JSON object"
        if not isinstance(tap.get("id"), str) or not TAP_ID.match(tap["id"]):
            return "a tap needs an id of 8 to 64 letters, digits, - or _"
        if tap.get("code") not in BEHAVIOUR_KEYS:
            return "unknown behaviour code"
        if tap.get("delta") not in (1, -1) or isinstance(tap.get("delta"), bool):
            return "'delta' must be 1 or -1"
        round_index = tap.get("round")
        if not isinstance(round_index, int) or isinstance(round_index, bool) or state is None:
            return "a tap needs the round number"
        seat = state.seat(person, round_index)
        if seat is None or seat.role != "observer" or seat.learner is None:
            return "only the observer of a group can count for it"
        return ""

    async def _flush(self) -> None:
        """Save what arrived, in one call on the owner's thread per batch, then tell the phones."""
        while self._pending and self.state is not None:
            batch, self._pending = self._pending, []
            uid = self.state.session_uid
            groups: dict[tuple[int, str, str], list[dict]] = defaultdict(list)
            for person, tap in batch:
                seat = self.state.seat(person, tap["round"])
                if seat is not None and seat.learner is not None:
                    groups[(tap["round"], person, seat.learner)].append(tap)

            def write(groups=groups, uid=uid) -> dict:
                out: dict = {}
                for (rnd, observer, learner), taps in groups.items():
                    try:
                        out[(rnd, observer, learner)] = self.service.add_live_taps(uid, rnd, observer, learner, taps)
                    except Exception as exc:  # told to the phone and the trainer
                        out[(rnd, observer, learner)] = exc
                return out

            try:
                results = await asyncio.wrap_future(self._submit(write))
            except Exception as exc:
                results = dict.fromkeys(groups, exc)
            for (rnd, observer, learner), result in results.items():
                ids = [t["id"] for t in groups[(rnd, observer, learner)]]
                sockets = list(self._sockets.get(observer, ()))
                if isinstance(result, Exception):
                    self._on_event("failed", {"error": str(result)})
                    for ws in sockets:
                        await self._send(ws, {"type": "error", "error": "not saved; it will be sent again"})
                    continue
                self.stored_taps += len(ids)
                self._on_event("saved", {"observation": result.get("uid", ""), "round": rnd, "taps": len(ids)})
                for ws in sockets:
                    await self._send(ws, {"type": "ack", "round": rnd, "ids": ids, "counts": result.get("counts", {})})

    async def _send_counts(self, person: str, sockets: list[web.WebSocketResponse]) -> None:
        """Tell an observer's phone the counts already saved for this round (after a rejoin)."""
        state = self.state
        seat = state.seat(person) if state else None
        if state is None or seat is None or seat.learner is None or seat.role != "observer":
            return
        uid, learner = state.session_uid, seat.learner
        future = self._submit(lambda: self.service.find_observation(uid, seat.round_index, person, learner))
        try:
            rec = await asyncio.wrap_future(future)
        except Exception:  # the phone carries on from its own counts
            return
        counts = (rec or {}).get("counts") or dict.fromkeys(BEHAVIOUR_KEYS, 0)
        rating = (((rec or {}).get("items") or {}).get(state.skill_id) or {}).get("rating")
        notes = notes_view(rec or {}, state.skill_id)
        for ws in sockets:
            await self._send(
                ws, {"type": "counts", "round": seat.round_index, "counts": counts, "rating": rating, "notes": notes}
            )

    # -- the trainer's side ------------------------------------------------------------
    async def set_state(self, state: RoomState | None) -> None:
        """A new snapshot from the trainer's app: push it to every phone."""
        old, self.state = self.state, state
        if state is None or (old is not None and old.session_uid != state.session_uid):
            await self._close_all()  # another session: every token is void
            self.tokens.clear()
            self._token_of.clear()
            self.asks.clear()
            self._on_event("joined", {"people": []})
            return
        for person, sockets in list(self._sockets.items()):
            if person not in state.people:
                continue
            for ws in list(sockets):
                await self._send(ws, state.view_for(person))
            if old is None or old.round_index != state.round_index or old.seats != state.seats:
                await self._send_counts(person, list(sockets))

    async def _close_all(self, app: web.Application | None = None) -> None:
        async def close(ws: web.WebSocketResponse) -> None:
            await self._send(ws, {"type": "bye", "reason": "The trainer closed the room."})
            await ws.close(code=1001, message=b"room closed")

        sockets = [ws for group in self._sockets.values() for ws in group]
        self._sockets.clear()
        await asyncio.gather(*(close(ws) for ws in sockets), return_exceptions=True)  # all at once
