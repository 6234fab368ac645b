"""Asynchronous client: ``AsyncAegisClient``.

Each HTTP attempt runs in a small private thread pool
(``loop.run_in_executor``), so the event loop is never blocked; waits between
retries and polls use ``asyncio.sleep``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import os
import time
from collections import deque
from typing import Any, AsyncIterator, Callable, Awaitable, Deque, Dict, Generator, Generic, List, Optional, TypeVar

from . import _common as common
from ._transport import DEFAULT_MAX_RETRIES, READ, AttemptFailure, Request, Transport, path_segment
from .client import _parse_agent, _parse_approval
from .errors import AegisError, AegisTimeoutError
from .models import Agent, Approval, Intent

T = TypeVar("T")

__all__ = ["AsyncAegisClient", "AsyncPaginator"]


class AsyncPaginator(Generic[T]):
    """Async iterator over every item of a list endpoint (follows ``next_cursor``).

    Use ``async for item in aegis.intents.list(...)``, or ``await`` it to get a
    plain list of all items: ``items = await aegis.intents.list(limit=50)``.
    """

    def __init__(self, fetch: Callable[[Optional[str]], Awaitable[Any]], parse: Callable[[Any], T], limit: Optional[int]) -> None:
        self._fetch = fetch
        self._parse = parse
        self._limit = limit
        self._buffer: Deque[Any] = deque()
        self._cursor: Optional[str] = None
        self._done = False
        self._yielded = 0
        self.pages_fetched = 0

    async def _load(self) -> None:
        data = await self._fetch(self._cursor)
        self.pages_fetched += 1
        items, has_more, cursor = common.page_parts(data)
        self._buffer.extend(items)
        if not has_more or cursor == self._cursor:
            self._done = True
        self._cursor = cursor

    def __aiter__(self) -> "AsyncPaginator[T]":
        return self

    async def __anext__(self) -> T:
        if self._limit is not None and self._yielded >= self._limit:
            raise StopAsyncIteration
        while not self._buffer:
            if self._done:
                raise StopAsyncIteration
            await self._load()
        self._yielded += 1
        return self._parse(self._buffer.popleft())

    async def to_list(self) -> List[T]:
        """Fetch all remaining items into a list."""
        return [item async for item in self]

    def __await__(self) -> Generator[Any, None, List[T]]:
        return self.to_list().__await__()


class _Closed:
    """Awaitable returned by ``close()``: the work is already done."""

    def __await__(self) -> Generator[Any, None, None]:
        return
        yield  # pragma: no cover - makes this a generator


class AsyncIntents:
    """``aegis.intents`` (async)."""

    def __init__(self, client: "AsyncAegisClient") -> None:
        self._client = client

    async def submit(
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
        """Submit a spend intent; see :meth:`aegis_os.client.Intents.submit`."""
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
            return common.parse_intent(await self._client._send(req))
        except AegisError as exc:
            if exc.idempotency_key is None:
                exc.idempotency_key = key
            raise

    async def get(self, intent_id: str) -> Intent:
        """Retrieve the current state of an intent."""
        req = common.get_intent_request(self._client._transport, intent_id)
        return common.parse_intent(await self._client._send(req))

    def list(self, **filters: Any) -> AsyncPaginator[Intent]:
        """Async iterator over intents (``async for``), or ``await`` for a list."""
        query, limit, page_size = common.intent_filters(filters)
        return self._client._paginate("/intents", query, limit, page_size, common.parse_intent)

    async def wait_for_decision(
        self, id: str, poll_interval_s: float = 0.5, timeout_s: Optional[float] = 15
    ) -> Intent:
        """Wait (without blocking the loop) until the intent is terminal."""
        plan = common.WaitPlan(id, poll_interval_s, timeout_s, time.monotonic())
        transport = self._client._transport
        while True:
            now = time.monotonic()
            if plan.remaining(now) <= 0:
                raise plan.timeout_error()
            wait = plan.next_wait(now)
            try:
                plan.last = common.parse_intent(
                    await self._client._send(common.get_intent_request(transport, plan.intent_id, wait))
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
                await asyncio.sleep(pause)


class AsyncApprovals:
    """``aegis.approvals`` (async)."""

    def __init__(self, client: "AsyncAegisClient") -> None:
        self._client = client

    def list(self, **filters: Any) -> AsyncPaginator[Approval]:
        """Pending approval requests the calling user may answer."""
        query, limit, page_size = common.intent_filters(filters, send_page_size=False)
        return self._client._paginate("/approvals", query, limit, page_size, _parse_approval)

    async def respond(self, id: str, decision: str, comment: Optional[str] = None) -> Approval:
        """Approve or reject a pending intent (not retried once sent)."""
        req = common.respond_request(self._client._transport, id, decision, comment)
        return _parse_approval(await self._client._send(req))


class AsyncAgents:
    """``aegis.agents`` (async)."""

    def __init__(self, client: "AsyncAegisClient") -> None:
        self._client = client

    def list(self, **filters: Any) -> AsyncPaginator[Agent]:
        """All agents of the organisation."""
        query, limit, page_size = common.intent_filters(filters)
        return self._client._paginate("/agents", query, limit, page_size, _parse_agent)

    async def get(self, agent_id: str) -> Agent:
        """Agent details: risk level and factors, wallet, spend, counts."""
        req = self._client._transport.build("GET", "/agents/" + path_segment(agent_id), policy=READ)
        return _parse_agent(await self._client._send(req))


class AsyncAegisClient:
    """Asynchronous AegisOS client; same arguments as :class:`AegisClient`.

    >>> async with AsyncAegisClient(api_key="aegis_sk_...") as aegis:
    ...     intent = await aegis.intents.submit(amount=5000, currency="INR", reason="...")
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        timeout: float = 10,
        base_url: Optional[str] = None,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_workers: int = 8,
    ) -> None:
        self._transport = Transport(
            api_key if api_key is not None else os.environ.get("AEGIS_API_KEY", ""),
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_idle_connections=max_workers,
        )
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="aegis-os"
        )
        self.intents = AsyncIntents(self)
        self.approvals = AsyncApprovals(self)
        self.agents = AsyncAgents(self)

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    @property
    def closed(self) -> bool:
        return self._transport.closed

    def close(self) -> _Closed:
        """Close connections and worker threads.

        Works both as ``await aegis.close()`` and as a plain ``aegis.close()``.
        """
        self._transport.close()
        self._executor.shutdown(wait=False)
        return _Closed()

    async def aclose(self) -> None:
        self.close()

    async def __aenter__(self) -> "AsyncAegisClient":
        self._transport._ensure_open()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "AsyncAegisClient(base_url=%r, timeout=%r%s)" % (
            self.base_url,
            self.timeout,
            ", closed" if self.closed else "",
        )

    # -- internals ---------------------------------------------------------
    async def _attempt(self, req: Request) -> Any:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, self._transport.attempt, req)
        except AttemptFailure as failure:
            return failure
        except RuntimeError:
            # Executor already shut down: the client was closed meanwhile.
            if self._transport.closed:
                return AttemptFailure("closed", sent=False)
            raise

    async def _send(self, req: Request) -> Any:
        transport = self._transport
        attempt = 0
        while True:
            outcome = await self._attempt(req)
            delay = transport.retry_delay(req, attempt, outcome)
            if delay is None:
                if isinstance(outcome, AttemptFailure):
                    raise transport.failure_to_error(req, outcome)
                return transport.finish(req, outcome)
            attempt += 1
            await asyncio.sleep(delay)

    def _paginate(self, path: str, query: Dict[str, Any], limit: Optional[int], page_size: Optional[int], parse: Callable[[Any], T]) -> AsyncPaginator[T]:
        transport = self._transport
        transport._ensure_open()

        async def fetch(cursor: Optional[str]) -> Any:
            return await self._send(common.list_request(transport, path, query, page_size, cursor))

        return AsyncPaginator(fetch, parse, limit)
