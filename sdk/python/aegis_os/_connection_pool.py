"""Keep-alive HTTP connections and single request attempts.

Standard library only (``http.client``). The pool keeps a few idle keep-alive
connections guarded by a lock, so one client can be shared between threads.
"""

from __future__ import annotations

import http.client
import select
import socket
import ssl
import threading
import time
from typing import List, Optional, Set, Tuple

from ._http import AttemptFailure, Request, Response

#: Idle keep-alive connections older than this are not reused for requests
#: that must not be retried (Node's default keep-alive timeout is 5 s).
UNSAFE_MAX_IDLE_S = 4.0


def _connection_dropped(conn: http.client.HTTPConnection) -> bool:
    """An idle keep-alive socket that is readable was closed by the server."""
    sock = conn.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _quiet_close(conn: http.client.HTTPConnection) -> None:
    try:
        conn.close()
    except Exception:  # pragma: no cover - closing never matters
        pass


class ConnectionPool:
    """Connections to one host; ``attempt`` sends one request once."""

    def __init__(self, scheme: str, host: str, port: int, max_idle_connections: int = 8) -> None:
        self.scheme = scheme
        self.host = host
        self.port = port
        self.max_idle_connections = max_idle_connections
        self._lock = threading.Lock()
        self._idle: List[Tuple[http.client.HTTPConnection, float]] = []
        self._active: Set[http.client.HTTPConnection] = set()
        self._closed = False
        self._ssl_context: Optional[ssl.SSLContext] = None

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close every connection and refuse further attempts."""
        with self._lock:
            self._closed = True
            idle = [c for c, _ in self._idle]
            self._idle = []
            active = list(self._active)
        for conn in idle:
            _quiet_close(conn)
        for conn in active:
            # Abort requests still running in other threads.
            sock = conn.sock
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def _new_connection(self, timeout: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            if self._ssl_context is None:
                self._ssl_context = ssl.create_default_context()
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=self._ssl_context)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def _acquire(self, max_idle_s: Optional[float]) -> Optional[http.client.HTTPConnection]:
        with self._lock:
            if self._closed:
                raise AttemptFailure("closed", sent=False)
            while self._idle:
                conn, since = self._idle.pop()
                if _connection_dropped(conn) or (max_idle_s is not None and time.monotonic() - since > max_idle_s):
                    _quiet_close(conn)
                    continue
                self._active.add(conn)
                return conn
            return None

    def _release(self, conn: http.client.HTTPConnection, reusable: bool) -> None:
        with self._lock:
            self._active.discard(conn)
            if reusable and not self._closed and len(self._idle) < self.max_idle_connections:
                self._idle.append((conn, time.monotonic()))
                return
        _quiet_close(conn)

    def attempt(self, req: Request) -> Response:
        """Send once. Returns a complete Response or raises AttemptFailure."""
        max_idle = UNSAFE_MAX_IDLE_S if not req.policy.retry_after_send else None
        conn = self._acquire(max_idle)
        if conn is None:
            conn = self._new_connection(req.timeout)
            with self._lock:
                if self._closed:
                    raise AttemptFailure("closed", sent=False)
                self._active.add(conn)
        started = time.monotonic()
        reusable = False
        try:
            conn.timeout = req.timeout
            if conn.sock is None:
                try:
                    conn.connect()
                except socket.timeout as exc:
                    raise AttemptFailure("timeout", sent=False, error=exc) from None
                except (OSError, http.client.HTTPException) as exc:
                    raise AttemptFailure("connect", sent=False, error=exc) from None
            else:
                conn.sock.settimeout(req.timeout)
            try:
                conn.request(req.method, req.path, body=req.body, headers=req.headers)
                resp = conn.getresponse()
                data = resp.read()
            except socket.timeout as exc:
                raise AttemptFailure("timeout", sent=True, error=exc) from None
            except (OSError, http.client.HTTPException) as exc:
                if self._closed:
                    raise AttemptFailure("closed", sent=True, error=exc) from None
                raise AttemptFailure("io", sent=True, error=exc) from None
            reusable = not resp.will_close
            return Response(
                status=resp.status,
                reason=resp.reason or "",
                headers={k.lower(): v for k, v in resp.getheaders()},
                body=data,
                elapsed=time.monotonic() - started,
            )
        finally:
            self._release(conn, reusable)
