"""Tiny local HTTP servers used by the tests.

* ``FakeServer``: a scripted stand-in that answers from a Python function. It
  is used ONLY to test the client's own mechanics (retry/backoff, Retry-After,
  keep-alive, timeouts, non-JSON bodies, long-poll fallback) that a healthy
  real server cannot be made to exhibit on demand. Every API behaviour is
  tested against the real server.
* ``Proxy``: forwards to the real server and can drop or replace chosen
  answers (to simulate a lost response, a 429 in front of the real server),
  and counts TCP connections and requests.
"""

from __future__ import annotations

import http.client
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import urlsplit

DROP = object()  # answer marker: close the connection without any response


class Recorded:
    def __init__(self, method: str, path: str, headers: Dict[str, str], body: bytes, connection: int) -> None:
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.connection = connection

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client went away (timeouts, closed clients): expected here


class _Base:
    def __init__(self, port: int = 0) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                with owner.lock:
                    owner.connections += 1
                    self.conn_no = owner.connections

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                rec = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body, self.conn_no)
                with owner.lock:
                    owner.requests.append(rec)
                answer = owner.answer(rec)
                if answer is DROP:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(2)
                    except OSError:
                        pass
                    return
                status, headers, payload = answer
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        self.lock = threading.Lock()
        self.connections = 0
        self.requests: List[Recorded] = []
        self.server = _Server(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.base_url = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, rec: Recorded) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "_Base":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def json_answer(status: int, payload: Any, headers: Optional[Dict[str, str]] = None) -> Tuple[int, Dict[str, str], bytes]:
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    return status, h, json.dumps(payload).encode("utf-8")


class FakeServer(_Base):
    """Answers with ``script(recorded_request, index)`` -> (status, headers, body) | DROP."""

    def __init__(self, script: Callable[[Recorded, int], Any], port: int = 0) -> None:
        self.script = script
        super().__init__(port)

    def answer(self, rec: Recorded) -> Any:
        with self.lock:
            index = len(self.requests) - 1
        return self.script(rec, index)


class Proxy(_Base):
    """Forwards to ``upstream``; ``intercept(rec, index)`` may return an answer,
    ``DROP``, ``("forward_then_drop",)`` (forward, then lose the answer) or None."""

    def __init__(self, upstream: str, intercept: Optional[Callable[[Recorded, int], Any]] = None) -> None:
        parts = urlsplit(upstream)
        self.up_host = parts.hostname
        self.up_port = parts.port or 80
        self.intercept = intercept
        self.forwarded: List[Tuple[Recorded, int]] = []
        super().__init__()

    def _forward(self, rec: Recorded) -> Tuple[int, Dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.up_host, self.up_port, timeout=60)
        try:
            headers = {k: v for k, v in rec.headers.items() if k not in ("host", "connection", "content-length")}
            conn.request(rec.method, rec.path, body=rec.body or None, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            keep = {}
            for k, v in resp.getheaders():
                if k.lower() in ("content-type", "retry-after", "x-request-id"):
                    keep[k] = v
            with self.lock:
                self.forwarded.append((rec, resp.status))
            return resp.status, keep, data
        finally:
            conn.close()

    def answer(self, rec: Recorded) -> Any:
        with self.lock:
            index = len(self.requests) - 1
        decision = self.intercept(rec, index) if self.intercept else None
        if decision is None:
            return self._forward(rec)
        if decision == ("forward_then_drop",):
            self._forward(rec)
            return DROP
        return decision
