"""Load test of the live room, on loopback only and bounded in time.

Opens the room for a session of N people (default 30) in triads, on
127.0.0.1 with a store on disk in a temp folder; N simulated phones join and
keep a WebSocket open; every observer taps twice a second (random codes, with
jitter) for the given seconds, while the trainer's side publishes a new
state every 5 s. Prints taps sent, acknowledged and stored (they must be
equal), and the latency from a tap leaving the phone to its acknowledgement,
which the server sends only after the tap is saved in the session record.
Run: ``.venv/bin/python benchmarks/live_room.py [--phones 30] [--seconds 120]``.
Exit status 1 when a tap was lost or counted twice.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TAP_EVERY = 0.5  # seconds between an observer's taps


async def _phone(http, url, code, person, observer_round, seconds, stats):
    async with http.post(url + "api/join", json={"code": code, "person": person}) as r:
        token = (await r.json())["token"]
    ws = await http.ws_connect(url + "api/live", params={"token": token})
    sent: dict[str, float] = {}

    async def read():
        async for msg in ws:
            data = json.loads(msg.data)
            if data["type"] == "ack":
                now = time.perf_counter()
                for tap_id in data["ids"]:
                    stats["latency"].append(now - sent.pop(tap_id))
                    stats["acked"] += 1
            elif data["type"] in ("error", "refused"):
                stats["errors"].append(data.get("error", ""))

    reader = asyncio.create_task(read())
    if observer_round is not None:
        from trainer.sessions.counts import BEHAVIOUR_KEYS

        end = time.perf_counter() + seconds
        await asyncio.sleep(random.uniform(0, TAP_EVERY))
        n = 0
        while time.perf_counter() < end:
            n += 1
            tap_id = f"{person}-{n:06d}"
            tap = {"id": tap_id, "round": observer_round, "code": random.choice(BEHAVIOUR_KEYS), "delta": 1}
            sent[tap_id] = time.perf_counter()
            await ws.send_str(json.dumps({"type": "taps", "taps": [tap]}))
            stats["sent"] += 1
            await asyncio.sleep(TAP_EVERY * random.uniform(0.8, 1.2))
    else:
        await asyncio.sleep(seconds)
    for _ in range(100):  # up to 5 s for the last acknowledgements
        if not sent:
            break
        await asyncio.sleep(0.05)
    await ws.close()
    await asyncio.wait_for(reader, 5)


async def _run(args, server, state, publish) -> dict:
    import aiohttp

    stats = {"sent": 0, "acked": 0, "latency": [], "errors": []}
    seats = state.seats[state.round_index]
    observers = {pid for pid, seat in seats.items() if seat.role == "observer" and seat.learner}

    async def trainer():
        end = time.perf_counter() + args.seconds
        while time.perf_counter() < end:
            await asyncio.sleep(5)
            publish()

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        phones = [
            _phone(
                http,
                server.url,
                state.code,
                pid,
                state.round_index if pid in observers else None,
                args.seconds,
                stats,
            )
            for pid in state.people
        ]
        await asyncio.wait_for(asyncio.gather(trainer(), *phones), args.seconds + 60)
    stats["observers"] = len(observers)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args()

    from trainer.content import load_content
    from trainer.records.store import open_store
    from trainer.room.runner import RoomServer
    from trainer.room.state import build_state
    from trainer.services.team_session import TeamSessionService

    content = load_content(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sample-course")
    plan = next(p for p in content.plans if p.id == "taster-90")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        service = TeamSessionService(store, "trainer", seed_source=lambda: 7)
        session = service.create(plan, title="Load test")
        for i in range(args.phones):
            service.add_participant(session["uid"], f"Person {i + 1:02d}")
        service.make_groups(session["uid"], plan)
        phase = plan.practice_phases()[0]

        def state_now(remaining=480.0):
            return build_state(service.get(session["uid"]), plan, phase, remaining=remaining, running=True)

        state = state_now()
        server = RoomServer(service, "127.0.0.1", 0)
        server.start(state)
        t0 = time.perf_counter()
        try:
            stats = asyncio.run(
                _run(args, server, state, lambda: server.publish(state_now(480 - (time.perf_counter() - t0))))
            )
        finally:
            server.stop()
        stored = sum(sum(o["counts"].values()) for o in service.observations(session["uid"]))
        store.close()

    lat = sorted(stats["latency"]) or [0.0]
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    print(
        f"live room: {args.phones} phones ({stats['observers']} observers tapping every {TAP_EVERY} s) "
        f"for {args.seconds:.0f} s on 127.0.0.1"
    )
    print(f"  taps sent {stats['sent']}, acknowledged {stats['acked']}, stored {stored}")
    print(
        f"  tap to saved: p50 {statistics.median(lat) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {lat[-1] * 1000:.1f} ms"
    )
    if stats["errors"]:
        print(f"  errors from the server: {len(stats['errors'])}, e.g. {stats['errors'][0]}")
    return 0 if stats["sent"] == stored == stats["acked"] else 1


if __name__ == "__main__":
    sys.exit(main())
