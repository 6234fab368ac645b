"""Asynchronous client: ``AsyncAegisClient``.

The calls themselves (requests, retries, parsing) are the same operations from
``_requests`` that ``AegisClient`` runs; this module drives them without
blocking the event loop: each HTTP attempt runs in a small private thread pool
(``loop.run_in_executor``), and waits between retries and polls use
``asyncio.sleep``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Any, Dict, Generator, List, Optional, TypeVar

from . import _requests as ops
from ._client_base import ClientBase, Resource
from ._generated.api import AsyncApi
from ._pagination import ListSpec, PaginatorBase
from ._http import AttemptFailure, Operation, Request, Sleep
from ._retry import DEFAULT_MAX_RETRIES
from ._waiting import wait_for_decision
from .models import Agent, Approval, Intent

T = TypeVar("T")

__all__ = ["AsyncAegisClient", "AsyncPaginator"]


class AsyncPaginator(PaginatorBase[T]):
    """Async iterator over every item of a list endpoint (follows ``next_cursor``).

    Use ``async for item in aegis.intents.list(...)``, or ``await`` it to get a
    plain list of all items: ``items = await aegis.intents.list(limit=50)``.
    """

    async def _load(self) -> None:
        self._add_page(await self._fetch(self._cursor))

    def __aiter__(self) -> "AsyncPaginator[T]":
        return self

    async def __anext__(self) -> T:
        while self._needs_page():
            await self._load()
        if not self._has_next():
            raise StopAsyncIteration
        return self._take()

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


class AsyncIntents(Resource):
    """``aegis.intents`` (async)."""

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
        fields = dict(agent_id=agent_id, amount=amount, currency=currency, reason=reason, confidence=confidence,
                      merchant=merchant, merchant_category=merchant_category, metadata=metadata, **extra)
        return await self._client._run(ops.submit_intent(self._client._transport, fields, idempotency_key))

    async def get(self, intent_id: str) -> Intent:
        """Retrieve the current state of an intent."""
        return await self._client._run(ops.get_intent(self._client._transport, intent_id))

    async def capture(self, intent_id: str, amount: int) -> Intent:
        """Report what an approved intent actually paid (at most the approved amount)."""
        return await self._client._run(ops.capture_intent(self._client._transport, intent_id, amount))

    async def void(self, intent_id: str) -> Intent:
        """Report that an approved intent paid nothing: all of it returns to the wallet."""
        return await self._client._run(ops.void_intent(self._client._transport, intent_id))

    def list(self, **filters: Any) -> AsyncPaginator[Intent]:
        """Async iterator over intents (``async for``), or ``await`` for a list."""
        return self._client._paginate(ops.list_intents(filters))

    async def wait_for_decision(
        self, id: str, poll_interval_s: float = 0.5, timeout_s: Optional[float] = 15
    ) -> Intent:
        """Wait (without blocking the loop) until the intent is terminal."""
        return await self._client._run(wait_for_decision(self._client._transport, id, poll_interval_s, timeout_s))


class AsyncApprovals(Resource):
    """``aegis.approvals`` (async)."""

    def list(self, **filters: Any) -> AsyncPaginator[Approval]:
        """Pending approval requests the calling user may answer."""
        return self._client._paginate(ops.list_approvals(filters))

    async def respond(self, id: str, decision: str, comment: Optional[str] = None) -> Approval:
        """Approve or reject a pending intent (not retried once sent)."""
        return await self._client._run(ops.respond_approval(self._client._transport, id, decision, comment))


class AsyncAgents(Resource):
    """``aegis.agents`` (async)."""

    def list(self, **filters: Any) -> AsyncPaginator[Agent]:
        """All agents of the organisation."""
        return self._client._paginate(ops.list_agents(filters))

    async def get(self, agent_id: str) -> Agent:
        """Agent details: risk level and factors, wallet, spend, counts."""
        return await self._client._run(ops.get_agent(self._client._transport, agent_id))


class AsyncAegisClient(ClientBase):
    """Asynchronous AegisOS client; same arguments as :class:`AegisClient`.

    >>> async with AsyncAegisClient(api_key="aegis_sk_...") as aegis:
    ...     intent = await aegis.intents.submit(amount=5000, currency="INR", reason="...")
    """

    _public_name = "AsyncAegisClient"

    def __init__(
        self,
        api_key: Optional[str] = None,
        timeout: float = 10,
        base_url: Optional[str] = None,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_workers: int = 8,
    ) -> None:
        self._open_transport(api_key, timeout, base_url, max_retries, max_idle_connections=max_workers)
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="aegis-os"
        )
        self.intents = AsyncIntents(self)
        self.approvals = AsyncApprovals(self)
        self.agents = AsyncAgents(self)
        #: Every operation of the API, one method each, awaitable (generated from the OpenAPI document).
        self.api = AsyncApi(self)

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

    # -- internals: drive operations without blocking the loop -------------
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

    async def _run(self, op: Operation[T]) -> T:
        """Run an operation from ``_requests``: each Request is one attempt in the executor."""
        reply: Any = None
        while True:
            try:
                step = op.send(reply)
            except StopIteration as done:
                return done.value
            if isinstance(step, Sleep):
                await asyncio.sleep(step.seconds)
                reply = None
            else:
                reply = await self._attempt(step)

    def _paginate(self, spec: ListSpec[T]) -> AsyncPaginator[T]:
        transport = self._transport
        transport._ensure_open()
        return AsyncPaginator(lambda cursor: self._run(spec.fetch(transport, cursor)), spec.parse, spec.limit)
