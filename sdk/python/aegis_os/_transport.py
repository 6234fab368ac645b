"""HTTP transport: keep-alive connections, retries, error mapping.

Standard library only (``http.client``). One transport per client; it keeps a
small pool of idle keep-alive connections guarded by a lock, so a client can be
shared between threads. The asynchronous client runs single attempts of this
transport in a private thread pool, so the event loop never blocks.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import platform
import random
import select
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote, urlencode, urlsplit

from ._version import __version__
from .errors import AegisConnectionError, AegisError, AegisTimeoutError

DEFAULT_BASE_URL = "http://localhost:3000"
API_PREFIX = "/api/v1"
DEFAULT_MAX_RETRIES = 3
#: Longest Retry-After the SDK is willing to sleep; beyond it the error is raised.
MAX_RETRY_AFTER_S = 60.0
#: Idle keep-alive connections older than this are not reused for requests
#: that must not be retried (Node's default keep-alive timeout is 5 s).
UNSAFE_MAX_IDLE_S = 4.0

_STATUS_CODES = {
    400: "validation_error",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
}


@dataclass(frozen=True)
class RetryPolicy:
    """When a request may be sent again.

    retry_status: retry on 429 and 5xx answers.
    retry_timeout: retry when the answer did not arrive in time.
    retry_after_send: retry on connection failures after the request may
        have reached the server (safe only for idempotent requests).
    A connection that could not even be opened is always retried.
    """

    retry_status: bool
    retry_timeout: bool
    retry_after_send: bool


#: GETs: idempotent; a timeout is reported rather than silently repeated.
READ = RetryPolicy(retry_status=True, retry_timeout=False, retry_after_send=True)
#: Submit with an Idempotency-Key: the server deduplicates, so everything retries.
IDEMPOTENT_WRITE = RetryPolicy(retry_status=True, retry_timeout=True, retry_after_send=True)
#: Non-idempotent writes (approvals.respond): only if nothing was sent.
UNSAFE_WRITE = RetryPolicy(retry_status=False, retry_timeout=False, retry_after_send=False)


@dataclass
class Request:
    method: str
    path: str  # full path including /api/v1 prefix and query string
    body: Optional[bytes]
    headers: Dict[str, str]
    timeout: float
    policy: RetryPolicy
    idempotency_key: Optional[str] = None


@dataclass
class Response:
    status: int
    reason: str
    headers: Dict[str, str]
    body: bytes
    elapsed: float = 0.0

    def header(self, name: str) -> Optional[str]:
        return self.headers.get(name.lower())


@dataclass
class AttemptFailure(Exception):
    """One attempt failed before a complete answer arrived (internal)."""

    kind: str  # "connect" (nothing sent), "timeout", "io", "closed"
    sent: bool
    error: Optional[BaseException] = field(default=None)

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return "%s (sent=%s): %r" % (self.kind, self.sent, self.error)


def _describe(exc: Optional[BaseException]) -> str:
    if exc is None:
        return "unknown error"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "could not resolve host (%s)" % text
    return "%s: %s" % (type(exc).__name__, text) if str(exc) else type(exc).__name__


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


def resolve_base_url(base_url: Optional[str]) -> str:
    url = base_url or os.environ.get("AEGIS_BASE_URL") or DEFAULT_BASE_URL
    return url.strip()


class Transport:
    """Synchronous HTTP transport with a keep-alive connection pool."""

    def __init__(
        self,
        api_key: str,
        base_url: Optional[str] = None,
        timeout: float = 10,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_idle_connections: int = 8,
    ) -> None:
        if not api_key or not isinstance(api_key, str):
            raise AegisError(
                "No API key: pass AegisClient(api_key=...) or set AEGIS_API_KEY.",
                code="missing_api_key",
            )
        if timeout is None or timeout <= 0:
            raise AegisError("timeout must be a positive number of seconds", code="invalid_argument")
        self.api_key = api_key
        self.base_url = resolve_base_url(base_url)
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise AegisError(
                "Invalid base_url %r: expected http(s)://host[:port]" % self.base_url,
                code="invalid_argument",
            )
        self.scheme = parts.scheme
        self.host = parts.hostname
        try:
            self.port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise AegisError("Invalid port in base_url %r" % self.base_url, code="invalid_argument") from None
        prefix = parts.path.rstrip("/")
        if not prefix.endswith(API_PREFIX):
            prefix += API_PREFIX
        self.prefix = prefix
        self.timeout = float(timeout)
        self.max_retries = max(0, int(max_retries))
        self.max_idle_connections = max_idle_connections
        self.user_agent = "aegis-os-python/%s Python/%s" % (__version__, platform.python_version())
        self._lock = threading.Lock()
        self._idle: List[Tuple[http.client.HTTPConnection, float]] = []
        self._active: set = set()
        self._closed = False
        self._ssl_context: Optional[ssl.SSLContext] = None

    # -- lifecycle ---------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close every connection; later requests raise AegisError."""
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

    def _ensure_open(self) -> None:
        if self._closed:
            raise AegisError("This client is closed; create a new one.", code="client_closed")

    # -- building requests -------------------------------------------------
    def build(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        json_body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        policy: RetryPolicy = READ,
        extra_timeout: float = 0.0,
        idempotency_key: Optional[str] = None,
    ) -> Request:
        self._ensure_open()
        full = self.prefix + path
        if query:
            pairs = [(k, v) for k, v in query.items() if v is not None]
            if pairs:
                full += "?" + urlencode(pairs)
        hdrs = {
            "Authorization": "Bearer " + self.api_key,
            "Accept": "application/json",
            "User-Agent": self.user_agent,
        }
        body = None
        if json_body is not None:
            try:
                body = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
                    "utf-8"
                )
            except (TypeError, ValueError) as exc:
                raise AegisError(
                    "Request body is not JSON serialisable: %s" % exc,
                    code="invalid_argument",
                    idempotency_key=idempotency_key,
                ) from None
            hdrs["Content-Type"] = "application/json"
        if idempotency_key:
            hdrs["Idempotency-Key"] = idempotency_key
        if headers:
            hdrs.update(headers)
        return Request(
            method=method,
            path=full,
            body=body,
            headers=hdrs,
            timeout=self.timeout + max(0.0, extra_timeout),
            policy=policy,
            idempotency_key=idempotency_key,
        )

    # -- one attempt -------------------------------------------------------
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

    # -- retry decisions ---------------------------------------------------
    def retry_delay(self, req: Request, attempt: int, outcome: Any) -> Optional[float]:
        """Seconds to wait before the next attempt, or None to stop."""
        if attempt >= self.max_retries:
            return None
        if isinstance(outcome, AttemptFailure):
            if outcome.kind == "closed" or isinstance(outcome.error, ssl.SSLCertVerificationError):
                return None
            if outcome.kind == "connect" or (outcome.kind == "timeout" and not outcome.sent):
                return backoff(attempt)
            if outcome.kind == "timeout":
                return backoff(attempt) if req.policy.retry_timeout else None
            return backoff(attempt) if req.policy.retry_after_send else None
        resp: Response = outcome
        if resp.status == 429 or resp.status >= 500:
            if not req.policy.retry_status:
                return None
            retry_after = parse_retry_after(resp.header("retry-after"))
            if retry_after is not None:
                return retry_after if retry_after <= MAX_RETRY_AFTER_S else None
            return backoff(attempt)
        return None

    # -- results -----------------------------------------------------------
    def failure_to_error(self, req: Request, failure: AttemptFailure) -> AegisError:
        where = "%s %s" % (req.method, req.path.split("?", 1)[0])
        if failure.kind == "closed":
            return AegisError(
                "This client is closed; create a new one.",
                code="client_closed",
                idempotency_key=req.idempotency_key,
            )
        if failure.kind == "timeout":
            return AegisTimeoutError(
                "Request timed out after %.1fs (%s)" % (req.timeout, where),
                code="timeout",
                idempotency_key=req.idempotency_key,
            )
        return AegisConnectionError(
            "Could not reach AegisOS at %s (%s): %s" % (self.base_url, where, _describe(failure.error)),
            code="connection_error",
            idempotency_key=req.idempotency_key,
        )

    def finish(self, req: Request, resp: Response) -> Any:
        """Decode a 2xx answer, or raise AegisError for any other status."""
        if 200 <= resp.status < 300:
            if resp.status == 204 or not resp.body.strip():
                return None
            try:
                return json.loads(resp.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise AegisError(
                    "The server answered %d with a body that is not JSON" % resp.status,
                    status_code=resp.status,
                    code="invalid_response",
                    request_id=resp.header("x-request-id"),
                    idempotency_key=req.idempotency_key,
                    body=resp.body[:2000].decode("utf-8", "replace"),
                ) from None
        raise error_from_response(resp, req.idempotency_key)


def error_from_response(resp: Response, idempotency_key: Optional[str] = None) -> AegisError:
    payload: Any = None
    text = resp.body.decode("utf-8", "replace") if resp.body else ""
    try:
        payload = json.loads(text) if text.strip() else None
    except ValueError:
        payload = None
    err = payload.get("error") if isinstance(payload, dict) else None
    if isinstance(err, str):  # {"error": "message"}
        err = {"message": err}
    if not isinstance(err, dict):
        err = {}
    message = err.get("message")
    if not isinstance(message, str) or not message:
        snippet = " ".join(text.split())[:200] if payload is None else ""
        message = "HTTP %d %s" % (resp.status, resp.reason or "")
        message = message.strip()
        if snippet:
            message += ": " + snippet
    code = err.get("code") if isinstance(err.get("code"), str) else _STATUS_CODES.get(resp.status)
    return AegisError(
        message,
        status_code=resp.status,
        code=code,
        request_id=err.get("request_id") or resp.header("x-request-id"),
        details=err.get("details"),
        idempotency_key=idempotency_key,
        body=payload if payload is not None else (text or None),
    )


def backoff(attempt: int) -> float:
    """0.5 s, 1 s, 2 s ... (capped at 8 s) with +/-25 % jitter."""
    base = min(8.0, 0.5 * (2 ** attempt))
    return base * random.uniform(0.75, 1.25)


def parse_retry_after(value: Optional[str]) -> Optional[float]:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def path_segment(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise AegisError("An id is required", code="invalid_argument")
    return quote(str(value), safe="")


def _quiet_close(conn: http.client.HTTPConnection) -> None:
    try:
        conn.close()
    except Exception:  # pragma: no cover - closing never matters
        pass
