"""The calls of the hand-written resources (``intents``, ``approvals``, ``agents``); no I/O here.

Every call is an *operation*: a generator that yields ``Request`` objects
(the driver makes one attempt and sends back the ``Response`` or
``AttemptFailure``) and ``Sleep`` steps, and returns the call's result.
``AegisClient`` drives operations with blocking calls, ``AsyncAegisClient``
with ``await``. Most calls are the generated operation table's (``_generated/api.py``,
sent by ``_operations.run_operation``, as ``aegis.api`` does) plus what the public document
promises on top: decision synonyms, an idempotency key on every submit, long-poll timeouts.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from ._pagination import ListSpec
from ._query import intent_filters
from ._generated.api import OPERATIONS
from ._http import Operation, Request
from ._model_base import answer
from ._operations import run_operation
from ._retry import READ, with_retries
from ._transport import Transport, path_segment
from .errors import AegisError
from .models import Agent, Approval, Intent

_DECISIONS = {
    "approve": "approve",
    "approved": "approve",
    "reject": "reject",
    "rejected": "reject",
    "deny": "reject",
    "denied": "reject",
}


parse_intent = answer(Intent)
parse_approval = answer(Approval)
parse_agent = answer(Agent)


# -- building requests -------------------------------------------------------
def get_intent_request(transport: Transport, intent_id: Any, wait: Optional[int] = None) -> Request:
    intent_id = getattr(intent_id, "id", intent_id)
    return transport.build(
        "GET",
        "/intents/" + path_segment(intent_id),
        query={"wait": wait} if wait else None,
        policy=READ,
        extra_timeout=float(wait or 0),
    )


def _decision(decision: Any) -> str:
    if not isinstance(decision, str):
        raise AegisError('decision must be "approve" or "reject"', code="invalid_argument")
    return _DECISIONS.get(decision.strip().lower(), decision)


# -- operations: the generated operation table, read into the models ---------
def _call(
    transport: Transport,
    operation_id: str,
    path: Dict[str, Any],
    body: Optional[Dict[str, Any]] = None,
    idempotency_key: Optional[str] = None,
) -> Operation[Any]:
    return (yield from run_operation(transport, OPERATIONS[operation_id], path, {}, body, idempotency_key))


def submit_intent(transport: Transport, fields: Dict[str, Any], idempotency_key: Optional[str]) -> Operation[Intent]:
    """``POST /intents``; ``fields`` are the body (None values are left out).

    The Idempotency-Key (a fresh UUID unless given) is reused on every retry,
    and any AegisError raised carries it.
    """
    body = {k: v for k, v in fields.items() if v is not None}
    key = str(idempotency_key) if idempotency_key else None  # None: run_operation makes a fresh one
    return parse_intent((yield from _call(transport, "submitIntent", {}, body, key)))


def get_intent(transport: Transport, intent_id: Any) -> Operation[Intent]:
    req = get_intent_request(transport, intent_id)
    return parse_intent((yield from with_retries(transport, req)))


def respond_approval(transport: Transport, approval_id: Any, decision: str, comment: Optional[str]) -> Operation[Approval]:
    """``POST /approvals/{id}``: not retried once sent (not idempotent), like capture and void."""
    body: Dict[str, Any] = {"decision": _decision(decision)}
    if comment is not None:
        body["comment"] = comment
    return parse_approval((yield from _call(transport, "respondToApproval", {"id": approval_id}, body)))


def capture_intent(transport: Transport, intent_id: Any, amount: int) -> Operation[Intent]:
    """``POST /intents/{id}/capture``: what an approved intent actually paid (a second capture is a 409)."""
    return parse_intent((yield from _call(transport, "captureIntent", {"id": intent_id}, {"amount": amount})))


def void_intent(transport: Transport, intent_id: Any) -> Operation[Intent]:
    """``POST /intents/{id}/void``: the approved intent paid nothing; all of it returns to the wallet."""
    return parse_intent((yield from _call(transport, "voidIntent", {"id": intent_id}, {})))


def get_agent(transport: Transport, agent_id: Any) -> Operation[Agent]:
    return parse_agent((yield from _call(transport, "getAgent", {"id": agent_id})))


# -- lists -------------------------------------------------------------------
def list_intents(filters: Dict[str, Any]) -> ListSpec[Intent]:
    query, limit, page_size = intent_filters(filters)
    return ListSpec("/intents", query, limit, page_size, parse_intent)


def list_approvals(filters: Dict[str, Any]) -> ListSpec[Approval]:
    query, limit, page_size = intent_filters(filters, send_page_size=False)
    return ListSpec("/approvals", query, limit, page_size, parse_approval)


def list_agents(filters: Dict[str, Any]) -> ListSpec[Agent]:
    query, limit, page_size = intent_filters(filters)
    return ListSpec("/agents", query, limit, page_size, parse_agent)
