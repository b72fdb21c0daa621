"""Send xAPI statements to an organisation's LRS, through an outbox.

Statements are first put in the outbox (record kind ``xapi_outbox``, one per
statement id, for one profile), then sent in batches with
``POST <endpoint>/statements``. What fails for a passing reason (no network,
a busy server) stays pending and is tried again later, waiting longer each
time; what the LRS refuses for good (a 409 conflict, a 400 bad statement)
is marked so and not sent again. Nothing here needs Qt.

Each entry keeps the record it stands for (``record``: kind, uid and verb):
that is the map of record to sent statement id. ``sync`` compares it with the
statements the records give now: a sent statement whose record changed (its
content id differs) or was deleted is voided (a ``voided`` statement with a
StatementRef to it) and marked ``replaced``; a pending one is dropped unsent.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from trainer.export.xapi import legacy_id, record_of, voiding_statement
from trainer.records.store import RecordStore

OUTBOX = "xapi_outbox"
XAPI_VERSION = "1.0.3"
BATCH = 50
MAX_WAIT = timedelta(hours=24)


class LrsError(Exception):
    """A problem the person has to fix (address, name or password)."""


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str  # e.g. https://lrs.example.org/xAPI/
    username: str = ""
    password: str = ""
    timeout: float = 20.0

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


@dataclass
class SendReport:
    sent: int = 0
    conflicts: int = 0
    rejected: int = 0
    still_pending: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.sent} sent"
        if self.conflicts:
            text += f", {self.conflicts} refused as already sent with other content"
        if self.rejected:
            text += f", {self.rejected} refused by the LRS"
        if self.still_pending:
            text += f", {self.still_pending} waiting to be sent again later"
        return text


# (status, body) for one POST; raises OSError when the LRS cannot be reached.
Transport = Callable[[LrsConfig, list[dict]], tuple[int, str]]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Follow no redirect: urllib would re-send the password to wherever one points
    (another host too) and turn the POST into a GET that any server answers 200.
    The 3xx comes back as the answer instead, and the statements stay pending."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def http_transport(config: LrsConfig, statements: list[dict]) -> tuple[int, str]:
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
    if config.username or config.password:
        token = base64.b64encode(f"{config.username}:{config.password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    request = urllib.request.Request(
        config.statements_url, method="POST", headers=headers, data=json.dumps(statements).encode("utf-8")
    )
    try:
        opener = urllib.request.build_opener(_NoRedirects)
        with opener.open(request, timeout=config.timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read().decode("utf-8", "replace")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _why(body: str) -> str:
    """The LRS's reason for a 400, on one line."""
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict):
        body = str(data.get("message") or data.get("error") or body)
    return " ".join(body.split())[:300] or "the LRS refused the statement (400)"


def describe(entry: dict) -> str:
    """One refused statement, in a line a person can find: what it is, its id, why."""
    st = entry.get("statement") or {}
    obj = st.get("object") or {}
    names = (obj.get("definition") or {}).get("name") or {}
    what = next(iter(names.values()), "") if isinstance(names, dict) else ""
    verb = str((st.get("verb") or {}).get("id", "")).rsplit("/", 1)[-1]
    label = f"'{what}'" if what else str(obj.get("id", "a statement"))
    return f"{verb} {label} (statement {entry.get('uid')}): {entry.get('last_error') or 'refused'}"


class LrsOutbox:
    def __init__(self, store: RecordStore, profile_id: str = "default", transport: Transport = http_transport):
        self._store = store
        self.profile_id = profile_id
        self._transport = transport

    # -- filling -------------------------------------------------------------------
    def sync(self, statements: list[dict]) -> int:
        """Queue the statements of all the profile's records (the full list, not a
        period's): what changed or went since it was sent is voided, what changed
        before it was sent is dropped. Returns how many statements were added."""
        current = {key: st["id"] for st in statements if (key := record_of(st))}
        legacy = {legacy_id(key): key for key in current}
        now = self._store.now()
        voids: list[dict] = []
        with self._store.atomic():
            for entry in self.entries():
                if entry.get("replaced") or entry.get("voids"):
                    continue
                key = entry.get("record") or record_of(entry["statement"]) or legacy.get(entry["uid"])
                if not key or current.get(key) == entry["uid"]:
                    continue
                if entry.get("status") == "pending":
                    self._store.delete(OUTBOX, entry["uid"])  # never reached the LRS: nothing to correct
                    continue
                if entry.get("status") == "sent":
                    voids.append(voiding_statement(entry["statement"], now))
                self._store.update(OUTBOX, entry["uid"], {"replaced": now})
            return self.queue(voids) + self.queue(statements)

    def queue(self, statements: list[dict]) -> int:
        """Put new statements in the outbox; returns how many were new.
        A pending statement whose record changed is refreshed; a sent one is not
        (statements in an LRS never change)."""
        added = 0
        for st in statements:
            found = self._store.get(OUTBOX, st["id"])
            if found is None:
                self._store.add(
                    OUTBOX,
                    {
                        "uid": st["id"],
                        "profile": self.profile_id,
                        "statement": st,
                        "record": record_of(st) or "",
                        "voids": (st.get("object") or {}).get("id", "")
                        if (st.get("object") or {}).get("objectType") == "StatementRef"
                        else "",
                        "status": "pending",
                        "attempts": 0,
                        "next_try": "",
                        "last_error": "",
                    },
                )
                added += 1
            elif found.get("status") == "pending" and found.get("statement") != st:
                self._store.update(OUTBOX, st["id"], {"statement": st})
        return added

    def entries(self, status: str | None = None) -> list[dict]:
        where = {"profile": self.profile_id}
        if status:
            where["status"] = status
        return self._store.all(OUTBOX, **where)

    def refused(self) -> list[dict]:
        """Statements the LRS refused for good whose record has not been corrected since."""
        return [e for e in self.entries() if e.get("status") in ("conflict", "rejected") and not e.get("replaced")]

    # -- sending -------------------------------------------------------------------
    def due(self, now: str) -> list[dict]:
        pending = self.entries("pending")
        return sorted(
            (e for e in pending if not e.get("next_try") or e["next_try"] <= now),
            key=lambda e: (e["statement"].get("timestamp", ""), e["uid"]),
        )

    def send(self, config: LrsConfig, force: bool = False) -> SendReport:
        """Send what is due (everything pending with ``force``)."""
        if not config.statements_url.startswith(("http://", "https://")):
            raise LrsError(f"the LRS address '{config.endpoint}' should start with https://")
        now = self._store.now()
        report = SendReport()
        entries = self.entries("pending") if force else self.due(now)
        for start in range(0, len(entries), BATCH):
            batch = entries[start : start + BATCH]
            if not self._send_batch(config, batch, report, now):
                break  # the LRS is unreachable or refused us: the rest waits too
        report.still_pending = len(self.entries("pending"))
        return report

    def _send_batch(self, config: LrsConfig, batch: list[dict], report: SendReport, now: str) -> bool:
        try:
            status, body = self._transport(config, [e["statement"] for e in batch])
        except OSError as exc:
            self._later(batch, f"could not reach the LRS: {getattr(exc, 'reason', None) or exc}", now)
            report.problems.append(f"Could not reach the LRS at {config.endpoint}.")
            return False
        if status in (200, 204):
            for e in batch:
                self._store.update(OUTBOX, e["uid"], {"status": "sent", "sent_at": now, "last_error": ""})
            report.sent += len(batch)
            return True
        if status in (401, 403):  # not backed off: the next send with the right password goes at once
            for e in batch:
                self._store.update(OUTBOX, e["uid"], {"last_error": f"the LRS refused the name or password ({status})"})
            raise LrsError(f"the LRS at {config.endpoint} refused the user name or password ({status})")
        if status in (400, 409) and len(batch) > 1:  # find the one it objects to
            return all(self._send_batch(config, [e], report, now) for e in batch)
        if status == 409:
            self._store.update(
                OUTBOX,
                batch[0]["uid"],
                {"status": "conflict", "last_error": "the LRS already has this statement with other content"},
            )
            report.conflicts += 1
            return True
        if status == 400:
            self._store.update(OUTBOX, batch[0]["uid"], {"status": "rejected", "last_error": _why(body)})
            report.rejected += 1
            return True
        self._later(batch, f"the LRS answered {status}", now)
        report.problems.append(f"The LRS answered {status}; will try again later.")
        return False

    def _later(self, batch: list[dict], error: str, now: str) -> None:
        for e in batch:
            attempts = int(e.get("attempts", 0)) + 1
            wait = min(timedelta(minutes=2 ** (attempts - 1)), MAX_WAIT)
            try:
                next_try = (_parse(now) + wait).isoformat(timespec="seconds")
            except ValueError:
                next_try = ""
            self._store.update(OUTBOX, e["uid"], {"attempts": attempts, "next_try": next_try, "last_error": error})
