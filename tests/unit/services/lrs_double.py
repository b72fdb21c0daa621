"""A small LRS on 127.0.0.1 that follows the statements API rules the real ones enforce.

POST only; version header and Basic auth required (401 otherwise); a batch is
all or nothing; an id it already has with other content is a 409 Conflict; a
timestamp that is not an RFC 3339 date-time with a zone is a 400. A voiding
statement (verb voided, object StatementRef) marks its target as voided.
"""

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

USER, PASSWORD = "trainer", "s3cret"


class FakeLrs:
    """POST /xAPI/statements only; version header and Basic auth required; a batch is
    all or nothing; an id it already has with other content is a 409 Conflict."""

    def __init__(self):
        self.stored: dict[str, dict] = {}
        self.requests = 0
        self.fail_next = 0  # answer 503 to this many requests
        self.voided: set[str] = set()
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def reply(self, code, body):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self.reply(405, {"error": "only POST here"})

            def do_POST(self):
                lrs.requests += 1
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path.rstrip("/") != "/xAPI/statements":
                    return self.reply(404, {"error": "not found"})
                if not str(self.headers.get("X-Experience-API-Version", "")).startswith("1.0"):
                    return self.reply(400, {"error": "X-Experience-API-Version header missing"})
                token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {token}":
                    return self.reply(401, {"error": "unauthorised"})
                if lrs.fail_next:
                    lrs.fail_next -= 1
                    return self.reply(503, {"error": "busy"})
                try:
                    payload = json.loads(body)
                except ValueError:
                    return self.reply(400, {"error": "not JSON"})
                batch = payload if isinstance(payload, list) else [payload]
                ids = [st.get("id") for st in batch]
                if any(not isinstance(i, str) for i in ids) or len(set(ids)) != len(ids):
                    return self.reply(400, {"error": "each statement needs its own id"})
                for st in batch:
                    if "actor" not in st or "verb" not in st or "object" not in st:
                        return self.reply(400, {"error": "actor, verb and object are required"})
                    if "timestamp" in st and not RFC3339.match(str(st["timestamp"])):
                        return self.reply(400, {"error": f"bad timestamp {st['timestamp']}"})
                    if st["id"] in lrs.stored and lrs.stored[st["id"]] != st:
                        return self.reply(409, {"error": f"conflict on {st['id']}"})
                for st in batch:
                    lrs.stored.setdefault(st["id"], st)
                    if st["verb"].get("id") == VOIDED and st["object"].get("objectType") == "StatementRef":
                        lrs.voided.add(st["object"]["id"])
                return self.reply(200, ids)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"

    def live(self) -> dict[str, dict]:
        """What a GET /statements would show: the stored statements, less the voided and the voiding."""
        return {i: st for i, st in self.stored.items() if i not in self.voided and st["verb"].get("id") != VOIDED}
