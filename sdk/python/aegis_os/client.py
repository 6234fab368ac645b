"""Synchronous client: ``AegisClient``."""

from __future__ import annotations

import os
import time
from collections import deque
from typing import Any, Callable, Deque, Dict, Generic, Iterator, Optional, TypeVar

from . import _common as common
from ._transport import DEFAULT_MAX_RETRIES, READ, AttemptFailure, Request, Transport, path_segment
from .errors import AegisError, AegisTimeoutError
from .models import Agent, Approval, Intent

T = TypeVar("T")

__all__ = ["AegisClient", "SyncPaginator"]


class SyncPaginator(Generic[T], Iterator[T]):
    """Iterator over every item of a list endpoint, following ``next_cursor``.

    The first page is fetched when the paginator is created (so errors such as
    a bad key surface at the call); later pages are fetched as you iterate.
    """

    def __init__(self, fetch: Callable[[Optional[str]], Any], parse: Callable[[Any], T], limit: Optional[int]) -> None:
        self._fetch = fetch
        self._parse = parse
        self._limit = limit
        self._buffer: Deque[Any] = deque()
        self._cursor: Optional[str] = None
        self._done = False
        self._yielded = 0
        self.pages_fetched = 0

    def _load(self) -> None:
        data = self._fetch(self._cursor)
        self.pages_fetched += 1
        items, has_more, cursor = common.page_parts(data)
        self._buffer.extend(items)
        if not has_more or cursor == self._cursor:
            self._done = True
        self._cursor = cursor

    def __iter__(self) -> "SyncPaginator[T]":
        return self

    def __next__(self) -> T:
        if self._limit is not None and self._yielded >= self._limit:
            raise StopIteration
        while not self._buffer:
            if self._done:
                raise StopIteration
            self._load()
        self._yielded += 1
        return self._parse(self._buffer.popleft())

    def to_list(self) -> list:
        """Fetch all remaining items into a list."""
        return list(self)


class Intents:
    """``aegis.intents``: submit, get, list and wait for spend intents."""

    def __init__(self, client: "AegisClient") -> None:
        self._client = client

    def submit(
        self,
        agent_id: Optional[str] = None,
        amount: Optional[int] = None,
        currency: Optional[str] = None,
        reason: Optional[str] = None,
        confidence: Optional[float] = None,
        merchant: Optional[str] = None,
        merchant_category: Optional[str] = None,
        metadata: Optional[Dict[str, Any]] = None,
        *,
        idempotency_key: Optional[str] = None,
        **extra: Any,
    ) -> Intent:
        """Submit a spend intent for policy evaluation (``POST /intents``).

        ``amount`` is an integer in the currency's minor unit (paise, cents).
        An ``Idempotency-Key`` (a fresh UUID unless you pass ``idempotency_key``)
        is sent and reused on every retry, so a retry never creates a second
        intent. Any exception raised here carries ``.idempotency_key``.
        """
        key = str(idempotency_key) if idempotency_key else common.new_idempotency_key()
        fields = dict(
            agent_id=agent_id,
            amount=amount,
            currency=currency,
            reason=reason,
            confidence=confidence,
            merchant=merchant,
            merchant_category=merchant_category,
            metadata=metadata,
        )
        fields.update(extra)
        fields["idempotency_key"] = key
        try:
            req = common.submit_request(self._client._transport, fields)
            return common.parse_intent(self._client._send(req))
        except AegisError as exc:
            if exc.idempotency_key is None:
                exc.idempotency_key = key
            raise

    def get(self, intent_id: str) -> Intent:
        """Retrieve the current state of an intent (``GET /intents/{id}``)."""
        req = common.get_intent_request(self._client._transport, intent_id)
        return common.parse_intent(self._client._send(req))

    def list(self, **filters: Any) -> SyncPaginator[Intent]:
        """Iterate over intents, newest first, across all pages.

        Filters: ``status`` (str or list), ``agent_id``, ``created_after``,
        ``created_before`` (datetime or ISO 8601 str), ``merchant_category``,
        ``limit`` (stop after this many intents; default: all),
        ``page_size`` (1..100 per request).
        """
        query, limit, page_size = common.intent_filters(filters)
        return self._client._paginate("/intents", query, limit, page_size, common.parse_intent)

    def wait_for_decision(self, id: str, poll_interval_s: float = 0.5, timeout_s: Optional[float] = 15) -> Intent:
        """Block until the intent reaches a terminal status and return it.

        Terminal: ``approved``, ``denied``, ``expired``, ``cancelled``
        (``pending_approval`` is not terminal: it waits for the humans).
        Uses the server's long-poll (``?wait=N``), falling back to polling every
        ``poll_interval_s`` seconds. Raises :class:`AegisTimeoutError` (with
        ``.intent`` = the last intent seen) after ``timeout_s`` seconds.
        """
        plan = common.WaitPlan(id, poll_interval_s, timeout_s, time.monotonic())
        transport = self._client._transport
        while True:
            now = time.monotonic()
            if plan.remaining(now) <= 0:
                raise plan.timeout_error()
            wait = plan.next_wait(now)
            try:
                plan.last = common.parse_intent(
                    self._client._send(common.get_intent_request(transport, plan.intent_id, wait))
                )
            except AegisTimeoutError as exc:
                exc.intent = plan.last
                raise
            except AegisError as exc:
                if wait is not None and plan.should_drop_long_poll(exc):
                    continue
                raise
            if plan.last.is_terminal:
                return plan.last
            after = time.monotonic()
            pause = plan.sleep_after(wait, after - now, after)
            if pause > 0:
                time.sleep(pause)


class Approvals:
    """``aegis.approvals``: the approval inbox (user keys only)."""

    def __init__(self, client: "AegisClient") -> None:
        self._client = client

    def list(self, **filters: Any) -> SyncPaginator[Approval]:
        """Iterate over pending approval requests the calling user may answer."""
        query, limit, page_size = common.intent_filters(filters, send_page_size=False)
        return self._client._paginate("/approvals", query, limit, page_size, _parse_approval)

    def respond(self, id: str, decision: str, comment: Optional[str] = None) -> Approval:
        """Approve or reject (``decision="approve"`` or ``"reject"``).

        ``id`` may be the approval id (``apr_…``) or the intent id (``int_…``).
        Not retried once the request may have reached the server.
        """
        req = common.respond_request(self._client._transport, id, decision, comment)
        return _parse_approval(self._client._send(req))


class Agents:
    """``aegis.agents``: the organisation's registered agents."""

    def __init__(self, client: "AegisClient") -> None:
        self._client = client

    def list(self, **filters: Any) -> SyncPaginator[Agent]:
        """Iterate over all agents of the organisation."""
        query, limit, page_size = common.intent_filters(filters)
        return self._client._paginate("/agents", query, limit, page_size, _parse_agent)

    def get(self, agent_id: str) -> Agent:
        """Agent details: risk level and factors, wallet, spend, counts."""
        req = self._client._transport.build("GET", "/agents/" + path_segment(agent_id), policy=READ)
        return _parse_agent(self._client._send(req))


def _parse_approval(data: Any) -> Approval:
    if not isinstance(data, dict):
        raise AegisError("Unexpected approval answer from the server", code="invalid_response", body=data)
    return Approval.from_dict(data)  # type: ignore[return-value]


def _parse_agent(data: Any) -> Agent:
    if not isinstance(data, dict):
        raise AegisError("Unexpected agent answer from the server", code="invalid_response", body=data)
    return Agent.from_dict(data)


class AegisClient:
    """Synchronous AegisOS client.

    >>> with AegisClient(api_key=os.environ["AEGIS_API_KEY"]) as aegis:
    ...     intent = aegis.intents.submit(amount=12500, currency="INR", reason="...")

    ``base_url`` defaults to ``$AEGIS_BASE_URL``, then ``http://localhost:3000``;
    ``api_key`` defaults to ``$AEGIS_API_KEY``. Connections are kept alive and
    reused until :meth:`close`; the client is safe to share between threads.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        timeout: float = 10,
        base_url: Optional[str] = None,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        self._transport = Transport(
            api_key if api_key is not None else os.environ.get("AEGIS_API_KEY", ""),
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
        )
        self.intents = Intents(self)
        self.approvals = Approvals(self)
        self.agents = Agents(self)

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    @property
    def closed(self) -> bool:
        return self._transport.closed

    def close(self) -> None:
        """Close the kept-alive connections. Further calls raise AegisError."""
        self._transport.close()

    def __enter__(self) -> "AegisClient":
        self._transport._ensure_open()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "AegisClient(base_url=%r, timeout=%r%s)" % (
            self.base_url,
            self.timeout,
            ", closed" if self.closed else "",
        )

    # -- internals ---------------------------------------------------------
    def _send(self, req: Request) -> Any:
        transport = self._transport
        attempt = 0
        while True:
            try:
                outcome: Any = transport.attempt(req)
            except AttemptFailure as failure:
                outcome = failure
            delay = transport.retry_delay(req, attempt, outcome)
            if delay is None:
                if isinstance(outcome, AttemptFailure):
                    raise transport.failure_to_error(req, outcome)
                return transport.finish(req, outcome)
            attempt += 1
            time.sleep(delay)

    def _paginate(self, path: str, query: Dict[str, Any], limit: Optional[int], page_size: Optional[int], parse: Callable[[Any], T]) -> SyncPaginator[T]:
        def fetch(cursor: Optional[str]) -> Any:
            return self._send(common.list_request(self._transport, path, query, page_size, cursor))

        pager: SyncPaginator[T] = SyncPaginator(fetch, parse, limit)
        pager._load()  # first page now: errors surface at the call
        return pager
