"""Synchronous client: ``AegisClient``.

The calls themselves (requests, retries, parsing) are operations from
``_requests``; this module only drives them with blocking I/O.
"""

from __future__ import annotations

import time
from typing import Any, Dict, Iterator, List, Optional, TypeVar

from . import _requests as ops
from ._client_base import ClientBase, Resource
from ._generated.api import Api
from ._pagination import ListSpec, PaginatorBase
from ._http import AttemptFailure, Operation, Request, Sleep
from ._retry import DEFAULT_MAX_RETRIES
from ._waiting import wait_for_decision
from .models import Agent, Approval, Intent

T = TypeVar("T")

__all__ = ["AegisClient", "SyncPaginator"]


class SyncPaginator(PaginatorBase[T], Iterator[T]):
    """Iterator over every item of a list endpoint, following ``next_cursor``.

    The first page is fetched when the paginator is created (so errors such as
    a bad key surface at the call); later pages are fetched as you iterate.
    """

    def _load(self) -> None:
        self._add_page(self._fetch(self._cursor))

    def __iter__(self) -> "SyncPaginator[T]":
        return self

    def __next__(self) -> T:
        while self._needs_page():
            self._load()
        if not self._has_next():
            raise StopIteration
        return self._take()

    def to_list(self) -> List[T]:
        """Fetch all remaining items into a list."""
        return list(self)


class Intents(Resource):
    """``aegis.intents``: submit, get, list and wait for spend intents."""

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
        fields = dict(agent_id=agent_id, amount=amount, currency=currency, reason=reason, confidence=confidence,
                      merchant=merchant, merchant_category=merchant_category, metadata=metadata, **extra)
        return self._client._run(ops.submit_intent(self._client._transport, fields, idempotency_key))

    def get(self, intent_id: str) -> Intent:
        """Retrieve the current state of an intent (``GET /intents/{id}``)."""
        return self._client._run(ops.get_intent(self._client._transport, intent_id))

    def capture(self, intent_id: str, amount: int) -> Intent:
        """Report what an approved intent actually paid (``POST /intents/{id}/capture``).

        ``amount`` (minor units) is at most the approved amount; the rest returns to the
        wallet. A second capture or void raises :class:`AegisConflictError`.
        """
        return self._client._run(ops.capture_intent(self._client._transport, intent_id, amount))

    def void(self, intent_id: str) -> Intent:
        """Report that an approved intent paid nothing (``POST /intents/{id}/void``)."""
        return self._client._run(ops.void_intent(self._client._transport, intent_id))

    def list(self, **filters: Any) -> SyncPaginator[Intent]:
        """Iterate over intents, newest first, across all pages.

        Filters: ``status`` (str or list), ``agent_id``, ``created_after``,
        ``created_before`` (datetime or ISO 8601 str), ``merchant_category``,
        ``limit`` (stop after this many intents; default: all),
        ``page_size`` (1..100 per request).
        """
        return self._client._paginate(ops.list_intents(filters))

    def wait_for_decision(self, id: str, poll_interval_s: float = 0.5, timeout_s: Optional[float] = 15) -> Intent:
        """Block until the intent reaches a terminal status and return it.

        Terminal: ``approved``, ``denied``, ``expired``
        (``pending_approval`` is not terminal: it waits for the humans).
        Uses the server's long-poll (``?wait=N``), falling back to polling every
        ``poll_interval_s`` seconds. Raises :class:`AegisTimeoutError` (with
        ``.intent`` = the last intent seen) after ``timeout_s`` seconds.
        """
        return self._client._run(wait_for_decision(self._client._transport, id, poll_interval_s, timeout_s))


class Approvals(Resource):
    """``aegis.approvals``: the approval inbox (user keys only)."""

    def list(self, **filters: Any) -> SyncPaginator[Approval]:
        """Iterate over pending approval requests the calling user may answer."""
        return self._client._paginate(ops.list_approvals(filters))

    def respond(self, id: str, decision: str, comment: Optional[str] = None) -> Approval:
        """Approve or reject (``decision="approve"`` or ``"reject"``).

        ``id`` may be the approval id (``apr_…``) or the intent id (``int_…``).
        Not retried once the request may have reached the server.
        """
        return self._client._run(ops.respond_approval(self._client._transport, id, decision, comment))


class Agents(Resource):
    """``aegis.agents``: the organisation's registered agents."""

    def list(self, **filters: Any) -> SyncPaginator[Agent]:
        """Iterate over all agents of the organisation."""
        return self._client._paginate(ops.list_agents(filters))

    def get(self, agent_id: str) -> Agent:
        """Agent details: risk level and factors, wallet, spend, counts."""
        return self._client._run(ops.get_agent(self._client._transport, agent_id))


class AegisClient(ClientBase):
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
        self._open_transport(api_key, timeout, base_url, max_retries)
        self.intents = Intents(self)
        self.approvals = Approvals(self)
        self.agents = Agents(self)
        #: Every operation of the API, one method each (generated from the OpenAPI document).
        self.api = Api(self)

    def close(self) -> None:
        """Close the kept-alive connections. Further calls raise AegisError."""
        self._transport.close()

    def __enter__(self) -> "AegisClient":
        self._transport._ensure_open()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    # -- internals: drive operations with blocking I/O ---------------------
    def _attempt(self, req: Request) -> Any:
        try:
            return self._transport.attempt(req)
        except AttemptFailure as failure:
            return failure

    def _run(self, op: Operation[T]) -> T:
        """Run an operation from ``_requests``: each Request is one blocking attempt."""
        reply: Any = None
        while True:
            try:
                step = op.send(reply)
            except StopIteration as done:
                return done.value
            if isinstance(step, Sleep):
                time.sleep(step.seconds)
                reply = None
            else:
                reply = self._attempt(step)

    def _paginate(self, spec: ListSpec[T]) -> SyncPaginator[T]:
        transport = self._transport

        def fetch(cursor: Optional[str]) -> Any:
            return self._run(spec.fetch(transport, cursor))

        pager: SyncPaginator[T] = SyncPaginator(fetch, spec.parse, spec.limit)
        pager._load()  # first page now: errors surface at the call
        return pager
