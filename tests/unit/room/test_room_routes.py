"""Every route of the room needs the session code or a phone's token, except the join page itself.

The routes are read from the application, so a route added without a check
(and without a line in CHECKED below) fails here.
"""

from __future__ import annotations

import aiohttp

from room_support import Phones, run
from trainer.room.server import Room

# The join page and its own CSS and JS: the page that takes the code. They hold no session data.
PUBLIC = {("GET", "/"), ("HEAD", "/"), ("GET", "/static"), ("HEAD", "/static")}
WRONG_CODE = "ZZZZZZ"
WRONG_TOKEN = "not-a-token-" + "x" * 20

# method, path -> how to call it without a credential and with a wrong one (kwargs for aiohttp)
CHECKED = {
    ("GET", "/api/room"): ({}, {"params": {"code": WRONG_CODE}}),
    ("HEAD", "/api/room"): ({}, {"params": {"code": WRONG_CODE}}),
    ("POST", "/api/join"): ({"json": {"person": "p1"}}, {"json": {"code": WRONG_CODE, "person": "p1"}}),
    ("POST", "/api/ask"): ({"json": {"name": "Sam"}}, {"json": {"code": WRONG_CODE, "name": "Sam"}}),
    ("GET", "/api/ask"): ({}, {"params": {"request": WRONG_TOKEN}}),
    ("HEAD", "/api/ask"): ({}, {"params": {"request": WRONG_TOKEN}}),
    ("GET", "/api/live"): ({}, {"params": {"token": WRONG_TOKEN}}),
    ("HEAD", "/api/live"): ({}, {"params": {"token": WRONG_TOKEN}}),
    ("GET", "/api/feedback"): ({}, {"headers": {"Authorization": "Bearer " + WRONG_TOKEN}}),
    ("HEAD", "/api/feedback"): ({}, {"headers": {"Authorization": "Bearer " + WRONG_TOKEN}}),
}


def _routes() -> set[tuple[str, str]]:
    app = Room(None, None).make_app()  # type: ignore[arg-type]
    return {(r.method, r.resource.canonical) for r in app.router.routes() if r.resource is not None}


def test_every_route_is_either_the_join_page_or_checked_here():
    routes = _routes()
    unchecked = routes - PUBLIC - set(CHECKED)
    assert not unchecked, f"routes with no credential test: {sorted(unchecked)}"
    assert set(CHECKED) | PUBLIC == routes  # and nothing here that the app no longer has


def test_every_checked_route_refuses_a_missing_or_wrong_credential(room, service, events):
    state = room.room.state
    before = (service.observations(state.session_uid), len(state.people))

    async def go():
        out = []
        async with Phones(room.url) as phones:
            for (method, path), calls in sorted(CHECKED.items()):
                for label, kwargs in zip(("missing", "wrong"), calls, strict=True):
                    url = room.url.rstrip("/") + path
                    async with phones.http.request(method, url, **kwargs) as resp:
                        body = None if method == "HEAD" else await resp.json(content_type=None)
                        out.append((method, path, label, resp.status, body))
        return out

    answers = run(go())
    assert len(answers) == 2 * len(CHECKED)
    for method, path, label, status, body in answers:
        assert status in (401, 403, 404), (method, path, label, status, body)
        if body is not None:
            assert isinstance(body.get("error"), str) and body["error"], (method, path, label)
            assert "token" not in body and "people" not in body
    assert (service.observations(state.session_uid), len(room.room.state.people)) == before
    assert room.room.tokens == {} and room.room.asks.waiting() == []
    assert not any(kind == "joined" and data["people"] for kind, data in events)


def test_the_public_join_page_gives_away_nothing_of_the_session(room):
    state = room.room.state

    async def go():
        async with aiohttp.ClientSession() as http:
            texts = []
            for path in ("", "static/room.js", "static/notes.js", "static/room.css"):
                async with http.get(room.url + path) as resp:
                    assert resp.status == 200
                    texts.append(await resp.text())
            async with http.get(room.url + "static/../server.py") as resp:
                texts.append(str(resp.status))
            return texts

    texts = run(go())
    assert texts[-1] in ("403", "404")
    for text in texts:
        assert state.code not in text and state.title not in text
        assert not any(name in text for name in state.people.values())
