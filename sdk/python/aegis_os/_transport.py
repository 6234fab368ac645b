"""HTTP transport: configuration, request building, error mapping.

One transport per client. Sending is split off: ``_connection_pool`` keeps the
keep-alive connections and makes single attempts (thread-safe, so a client can
be shared between threads), ``_retry`` decides about retries. The asynchronous
client runs single attempts of this transport in a private thread pool, so the
event loop never blocks.
"""

from __future__ import annotations

import json
import os
import platform
import socket
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote, urlencode, urlsplit

from ._connection_pool import ConnectionPool
from ._http import AttemptFailure, Request, Response, RetryPolicy
from ._json import json_object
from ._retry import DEFAULT_MAX_RETRIES, READ, retry_delay
from ._version import __version__
from .errors import AegisConnectionError, AegisError, AegisTimeoutError, error_class_for_status

DEFAULT_BASE_URL = "http://localhost:3000"
API_PREFIX = "/api/v1"

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


def _describe(exc: Optional[BaseException]) -> str:
    if exc is None:
        return "unknown error"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "could not resolve host (%s)" % text
    return "%s: %s" % (type(exc).__name__, text) if str(exc) else type(exc).__name__


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
        self._pool = ConnectionPool(self.scheme, self.host, self.port, max_idle_connections)

    # -- lifecycle ---------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._pool.closed

    @property
    def _idle(self) -> List[Tuple[Any, float]]:
        """The idle keep-alive connections (for introspection and tests)."""
        return self._pool._idle

    def close(self) -> None:
        """Close every connection; later requests raise AegisError."""
        self._pool.close()

    def _ensure_open(self) -> None:
        if self._pool.closed:
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

    # -- sending -----------------------------------------------------------
    def attempt(self, req: Request) -> Response:
        """Send once. Returns a complete Response or raises AttemptFailure."""
        return self._pool.attempt(req)

    def retry_delay(self, req: Request, attempt: int, outcome: Any) -> Optional[float]:
        """Seconds to wait before the next attempt, or None to stop."""
        return retry_delay(req.policy, self.max_retries, attempt, outcome)

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
    found: Any = (json_object(payload) or {}).get("error")
    # Our error object, or {"error": "message"} from something in front of the server.
    err: Dict[str, Any] = {"message": found} if isinstance(found, str) else (json_object(found) or {})
    message: Any = err.get("message")
    if not isinstance(message, str) or not message:
        snippet = " ".join(text.split())[:200] if payload is None else ""
        message = "HTTP %d %s" % (resp.status, resp.reason or "")
        message = message.strip()
        if snippet:
            message += ": " + snippet
    code: Any = err.get("code") if isinstance(err.get("code"), str) else _STATUS_CODES.get(resp.status)
    return error_class_for_status(resp.status)(
        message,
        status_code=resp.status,
        code=code,
        request_id=err.get("request_id") or resp.header("x-request-id"),
        details=err.get("details"),
        idempotency_key=idempotency_key,
        body=payload if payload is not None else (text or None),
    )


def path_segment(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise AegisError("An id is required", code="invalid_argument")
    return quote(str(value), safe="")
