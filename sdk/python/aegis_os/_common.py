"""Pieces shared by the synchronous and the asynchronous client."""

from __future__ import annotations

import datetime as _dt
import math
import uuid
from typing import Any, Dict, Optional, Tuple

from ._transport import IDEMPOTENT_WRITE, READ, UNSAFE_WRITE, Request, Transport, path_segment
from .errors import AegisError
from .models import Intent

#: Longest long-poll the server accepts (GET /intents/{id}?wait=N).
MAX_LONG_POLL_S = 30
#: Page size used when iterating without an explicit ``page_size``.
DEFAULT_PAGE_SIZE = 100

_DECISIONS = {
    "approve": "approve",
    "approved": "approve",
    "reject": "reject",
    "rejected": "reject",
    "deny": "reject",
    "denied": "reject",
}


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


def submit_request(transport: Transport, kwargs: Dict[str, Any]) -> Request:
    kwargs = dict(kwargs)
    key = kwargs.pop("idempotency_key", None) or new_idempotency_key()
    body = {k: v for k, v in kwargs.items() if v is not None}
    return transport.build(
        "POST",
        "/intents",
        json_body=body,
        policy=IDEMPOTENT_WRITE,
        idempotency_key=str(key),
    )


def get_intent_request(transport: Transport, intent_id: Any, wait: Optional[int] = None) -> Request:
    intent_id = getattr(intent_id, "id", intent_id)
    return transport.build(
        "GET",
        "/intents/" + path_segment(intent_id),
        query={"wait": wait} if wait else None,
        policy=READ,
        extra_timeout=float(wait or 0),
    )


def _iso(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def intent_filters(
    filters: Dict[str, Any], send_page_size: bool = True
) -> Tuple[Dict[str, Any], Optional[int], Optional[int]]:
    """-> (query params, total item limit or None, page size to send or None).

    ``send_page_size=False`` (approvals) sends ``limit`` only when the caller
    asked for an explicit ``page_size``.
    """
    filters = dict(filters)
    limit = filters.pop("limit", None)
    page_size = filters.pop("page_size", None)
    if not send_page_size and page_size is None:
        return _filter_query(filters), _limit(limit), None
    return _filter_query(filters), _limit(limit), _page_size(page_size, limit)


def _filter_query(filters: Dict[str, Any]) -> Dict[str, Any]:
    query: Dict[str, Any] = {}
    for key, value in filters.items():
        if value is None:
            continue
        if key == "status" and isinstance(value, (list, tuple, set, frozenset)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, (_dt.datetime, _dt.date)):
            value = _iso(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        query[key] = value
    return query


def _limit(limit: Any) -> Optional[int]:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise AegisError("limit must be a positive integer", code="invalid_argument")
    return limit


def _page_size(page_size: Any, limit: Any) -> int:
    if page_size is not None:
        if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 100:
            raise AegisError("page_size must be an integer between 1 and 100", code="invalid_argument")
        return page_size
    if limit is not None:
        return min(int(limit), DEFAULT_PAGE_SIZE)
    return DEFAULT_PAGE_SIZE


def list_request(
    transport: Transport, path: str, query: Dict[str, Any], page_size: Optional[int], cursor: Optional[str]
) -> Request:
    q = dict(query)
    if page_size is not None:
        q["limit"] = page_size
    if cursor:
        q["cursor"] = cursor
    return transport.build("GET", path, query=q, policy=READ)


def respond_request(transport: Transport, approval_id: Any, decision: str, comment: Optional[str]) -> Request:
    approval_id = getattr(approval_id, "id", approval_id)
    if not isinstance(decision, str):
        raise AegisError('decision must be "approve" or "reject"', code="invalid_argument")
    canonical = _DECISIONS.get(decision.strip().lower(), decision)
    body: Dict[str, Any] = {"decision": canonical}
    if comment is not None:
        body["comment"] = comment
    return transport.build("POST", "/approvals/" + path_segment(approval_id), json_body=body, policy=UNSAFE_WRITE)


def page_parts(data: Any) -> Tuple[list, bool, Optional[str]]:
    if isinstance(data, list):  # tolerate a bare array
        return data, False, None
    if not isinstance(data, dict):
        raise AegisError("Unexpected list answer from the server", code="invalid_response", body=data)
    items = data.get("data")
    if not isinstance(items, list):
        items = []
    cursor = data.get("next_cursor")
    has_more = bool(data.get("has_more")) and bool(cursor)
    return items, has_more, cursor if isinstance(cursor, str) else (str(cursor) if cursor else None)


def parse_intent(data: Any) -> Intent:
    if not isinstance(data, dict):
        raise AegisError("Unexpected intent answer from the server", code="invalid_response", body=data)
    return Intent.from_dict(data)


class WaitPlan:
    """State of one ``wait_for_decision`` call (shared sync/async logic)."""

    def __init__(self, intent_id: Any, poll_interval_s: float, timeout_s: Optional[float], now: float) -> None:
        intent_id = getattr(intent_id, "id", intent_id)
        path_segment(intent_id)  # validates
        if poll_interval_s is None or poll_interval_s < 0:
            raise AegisError("poll_interval_s must be >= 0", code="invalid_argument")
        self.intent_id = intent_id
        self.poll_interval_s = float(poll_interval_s)
        self.timeout_s = timeout_s
        self.deadline = None if timeout_s is None else now + float(timeout_s)
        self.use_long_poll = True
        self.last: Optional[Intent] = None

    def remaining(self, now: float) -> float:
        return math.inf if self.deadline is None else self.deadline - now

    def next_wait(self, now: float) -> Optional[int]:
        """Seconds of server long-poll for the next GET (None: plain GET)."""
        if not self.use_long_poll:
            return None
        wait = int(min(self.remaining(now) + 0.05, MAX_LONG_POLL_S))
        return wait if wait >= 1 else None

    def sleep_after(self, wait: Optional[int], elapsed: float, now: float) -> float:
        """How long to sleep after a non-terminal answer."""
        if wait is not None and elapsed >= wait - 0.25:
            return 0.0  # the server held the request for the whole wait: ask again at once
        # Plain GET, or the server answered early (it ignores ?wait): poll.
        return max(0.0, min(self.poll_interval_s, self.remaining(now)))

    def timeout_error(self) -> Exception:
        from .errors import AegisTimeoutError

        status = self.last.status if self.last is not None else "unknown"
        return AegisTimeoutError(
            "No decision for intent %s within %ss (status: %s)" % (self.intent_id, self.timeout_s, status),
            code="decision_timeout",
            intent=self.last,
        )

    def should_drop_long_poll(self, err: AegisError) -> bool:
        """A server that rejects ?wait with a 400 gets plain polling instead."""
        if self.use_long_poll and err.status_code == 400:
            self.use_long_poll = False
            return True
        return False
