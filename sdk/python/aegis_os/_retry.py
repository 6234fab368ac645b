"""When to send a request again, and how long to wait first.

Pure logic, no I/O: the retry loop is a generator (``with_retries``) that
yields each attempt and each pause; the synchronous and the asynchronous
client drive it with blocking calls or ``await`` respectively.
"""

from __future__ import annotations

import email.utils
import random
import ssl
import time
from typing import Any, Generator, Optional, Union

from ._http import AttemptFailure, Request, Response, RetryPolicy, Sleep

DEFAULT_MAX_RETRIES = 3
#: Longest Retry-After the SDK is willing to sleep; beyond it the error is raised.
MAX_RETRY_AFTER_S = 60.0

#: GETs: idempotent; a timeout is reported rather than silently repeated.
READ = RetryPolicy(retry_status=True, retry_timeout=False, retry_after_send=True)
#: Submit with an Idempotency-Key: the server deduplicates, so everything retries.
IDEMPOTENT_WRITE = RetryPolicy(retry_status=True, retry_timeout=True, retry_after_send=True)
#: Non-idempotent writes (approvals.respond): only if nothing was sent.
UNSAFE_WRITE = RetryPolicy(retry_status=False, retry_timeout=False, retry_after_send=False)


def retry_delay(policy: RetryPolicy, max_retries: int, attempt: int, outcome: Union[Response, AttemptFailure]) -> Optional[float]:
    """Seconds to wait before the next attempt, or None to stop.

    ``outcome`` is the attempt's ``Response`` or ``AttemptFailure``.
    """
    if attempt >= max_retries:
        return None
    if isinstance(outcome, AttemptFailure):
        if outcome.kind == "closed" or isinstance(outcome.error, ssl.SSLCertVerificationError):
            return None
        if outcome.kind == "connect" or (outcome.kind == "timeout" and not outcome.sent):
            return backoff(attempt)
        if outcome.kind == "timeout":
            return backoff(attempt) if policy.retry_timeout else None
        return backoff(attempt) if policy.retry_after_send else None
    if outcome.status == 429 or outcome.status >= 500:
        if not policy.retry_status:
            return None
        retry_after = parse_retry_after(outcome.header("retry-after"))
        if retry_after is not None:
            return retry_after if retry_after <= MAX_RETRY_AFTER_S else None
        return backoff(attempt)
    return None


def with_retries(transport: Any, req: Request) -> Generator[Any, Any, Any]:
    """Send ``req`` until it succeeds or may not be retried; return the JSON.

    Yields ``req`` for each attempt (the driver sends back the ``Response``
    or ``AttemptFailure``) and a ``Sleep`` between attempts. Raises AegisError.
    """
    attempt = 0
    while True:
        outcome = yield req
        delay = transport.retry_delay(req, attempt, outcome)
        if delay is None:
            if isinstance(outcome, AttemptFailure):
                raise transport.failure_to_error(req, outcome)
            return transport.finish(req, outcome)
        attempt += 1
        yield Sleep(delay)


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
