"""Load test of the live room, on loopback only and bounded in time.

Opens the room for a session of N people (default 30) in triads, on
127.0.0.1 with a store on disk in a temp folder; N simulated phones join and
keep a WebSocket open; every observer taps twice a second (random codes, with
jitter) for the given seconds, while the trainer's side publishes a new
state every 5 s. Every 10 s each observer also saves their notes and overall
ratings (one ``notes`` message, saved in one step). Prints taps sent,
acknowledged and stored (they must be equal), notes sent and saved (the last
notes of each observer must be in the record), and the latency from a tap or
notes leaving the phone to their acknowledgement, which the server sends only
after they are saved in the session record.
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
NOTES_EVERY = 10.0  # seconds between an observer's notes


async def _phone(http, url, code, person, observer_round, seconds, stats):
    async with http.post(url + "api/join", json={"code": code, "person": person}) as r:
        token = (await r.json())["token"]
    ws = await http.ws_connect(url + "api/live", params={"token": token})
    sent: dict[str, float] = {}
    notes_sent: list[float] = []

    async def read():
        async for msg in ws:
            data = json.loads(msg.data)
            if data["type"] == "ack":
                now = time.perf_counter()
                for tap_id in data["ids"]:
                    stats["latency"].append(now - sent.pop(tap_id))
                    stats["acked"] += 1
            elif data["type"] == "noted":
                stats["notes_latency"].append(time.perf_counter() - notes_sent.pop(0))
                stats["notes_saved"] += 1
                stats["last_saved"][person] = data["notes"]["note"]
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
            if n % int(NOTES_EVERY / TAP_EVERY) == 0:
                note = f"{person}: notes {n // int(NOTES_EVERY / TAP_EVERY)}"
                notes = {"type": "notes", "round": observer_round, "note": note, "said": "What matters to you?"}
                notes["globals"] = {stats["global"]: random.randint(1, 5)} if stats["global"] else {}
                notes_sent.append(time.perf_counter())
                await ws.send_str(json.dumps(notes))
                stats["notes_sent"] += 1
                stats["last_sent"][person] = note
            await asyncio.sleep(TAP_EVERY * random.uniform(0.8, 1.2))
    else:
        await asyncio.sleep(seconds)
    for _ in range(100):  # up to 5 s for the last acknowledgements
        if not sent and not notes_sent:
            break
        await asyncio.sleep(0.05)
    await ws.close()
    await asyncio.wait_for(reader, 5)


async def _run(args, server, state, publish) -> dict:
    import aiohttp

    stats = {
        "sent": 0,
        "acked": 0,
        "latency": [],
        "errors": [],
        "notes_sent": 0,
        "notes_saved": 0,
        "notes_latency": [],
        "last_sent": {},
        "last_saved": {},
        "global": state.globals[0]["id"] if state.globals else "",
    }
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
    from trainer.room.state import build_state, globals_of
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
        globals_ = globals_of(content.framework)

        def state_now(remaining=480.0):
            session_now = service.get(session["uid"])
            return build_state(session_now, plan, phase, remaining=remaining, running=True, globals_=globals_)

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
        observations = service.observations(session["uid"])
        stored = sum(sum(o["counts"].values()) for o in observations)
        notes_in_record = {o["observer"]: o.get("note", "") for o in observations}
        store.close()
    notes_kept = all(notes_in_record.get(pid) == note for pid, note in stats["last_sent"].items())

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
    notes_lat = sorted(stats["notes_latency"]) or [0.0]
    notes_p95 = notes_lat[min(len(notes_lat) - 1, int(0.95 * len(notes_lat)))]
    print(
        f"  notes sent {stats['notes_sent']}, saved {stats['notes_saved']}; each observer's last notes "
        f"in the record: {'yes' if notes_kept else 'NO'}; to saved: p50 {statistics.median(notes_lat) * 1000:.1f} ms, "
        f"p95 {notes_p95 * 1000:.1f} ms"
    )
    if stats["errors"]:
        print(f"  errors from the server: {len(stats['errors'])}, e.g. {stats['errors'][0]}")
    ok = stats["sent"] == stored == stats["acked"] and stats["notes_sent"] == stats["notes_saved"] and notes_kept
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
