"""The data that passes between the SDK's layers: one request, one answer, one failed attempt.

Data only, importing nothing of the SDK, so that every other module can depend on it:
``_connection_pool`` sends ``Request``s, ``_retry`` decides about ``Response``s and
``AttemptFailure``s, and operations (generators) yield ``Request``s and ``Sleep``s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Generator, Optional, TypeVar

T = TypeVar("T")

#: An operation: yields ``Request`` / ``Sleep`` steps, is sent back each attempt's ``Response``
#: or ``AttemptFailure``, and returns the call's result.
Operation = Generator[Any, Any, T]


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


@dataclass(frozen=True)
class Sleep:
    """A step of an operation: pause this many seconds, then carry on."""

    seconds: float
