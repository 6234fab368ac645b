"""What each API call sends and how its answer is read (no I/O here).

Every call is an *operation*: a generator that yields ``Request`` objects
(the driver makes one attempt and sends back the ``Response`` or
``AttemptFailure``) and ``Sleep`` steps, and returns the call's result.
``AegisClient`` drives operations with blocking calls, ``AsyncAegisClient``
with ``await``; the logic (paths, query encoding, bodies, idempotency keys,
retries, parsing) is written once, here.
"""

from __future__ import annotations

import uuid
from typing import Any, Dict, Optional

from ._pagination import ListSpec
from ._query import intent_filters
from ._http import Operation, Request
from ._retry import IDEMPOTENT_WRITE, READ, UNSAFE_WRITE, with_retries
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


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


# -- reading answers ---------------------------------------------------------
def parse_intent(data: Any) -> Intent:
    if not isinstance(data, dict):
        raise AegisError("Unexpected intent answer from the server", code="invalid_response", body=data)
    return Intent.from_dict(data)


def parse_approval(data: Any) -> Approval:
    if not isinstance(data, dict):
        raise AegisError("Unexpected approval answer from the server", code="invalid_response", body=data)
    return Approval.from_dict(data)


def parse_agent(data: Any) -> Agent:
    if not isinstance(data, dict):
        raise AegisError("Unexpected agent answer from the server", code="invalid_response", body=data)
    return Agent.from_dict(data)


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


def respond_request(transport: Transport, approval_id: Any, decision: str, comment: Optional[str]) -> Request:
    approval_id = getattr(approval_id, "id", approval_id)
    if not isinstance(decision, str):
        raise AegisError('decision must be "approve" or "reject"', code="invalid_argument")
    canonical = _DECISIONS.get(decision.strip().lower(), decision)
    body: Dict[str, Any] = {"decision": canonical}
    if comment is not None:
        body["comment"] = comment
    return transport.build("POST", "/approvals/" + path_segment(approval_id), json_body=body, policy=UNSAFE_WRITE)


# -- operations --------------------------------------------------------------
def submit_intent(
    transport: Transport, fields: Dict[str, Any], idempotency_key: Optional[str]
) -> Operation[Intent]:
    """``POST /intents``; ``fields`` are the body (None values are left out).

    The Idempotency-Key (a fresh UUID unless given) is reused on every retry,
    and any AegisError raised carries it.
    """
    key = str(idempotency_key) if idempotency_key else new_idempotency_key()
    try:
        body = {k: v for k, v in fields.items() if v is not None}
        req = transport.build("POST", "/intents", json_body=body, policy=IDEMPOTENT_WRITE, idempotency_key=key)
        return parse_intent((yield from with_retries(transport, req)))
    except AegisError as exc:
        if exc.idempotency_key is None:
            exc.idempotency_key = key
        raise


def get_intent(transport: Transport, intent_id: Any) -> Operation[Intent]:
    req = get_intent_request(transport, intent_id)
    return parse_intent((yield from with_retries(transport, req)))


def respond_approval(
    transport: Transport, approval_id: Any, decision: str, comment: Optional[str]
) -> Operation[Approval]:
    req = respond_request(transport, approval_id, decision, comment)
    return parse_approval((yield from with_retries(transport, req)))


def capture_intent(transport: Transport, intent_id: Any, amount: int) -> Operation[Intent]:
    """``POST /intents/{id}/capture``: what an approved intent actually paid. Not retried once
    sent (a second capture is a 409), like an approval answer."""
    intent_id = getattr(intent_id, "id", intent_id)
    req = transport.build("POST", "/intents/" + path_segment(intent_id) + "/capture", json_body={"amount": amount}, policy=UNSAFE_WRITE)
    return parse_intent((yield from with_retries(transport, req)))


def void_intent(transport: Transport, intent_id: Any) -> Operation[Intent]:
    """``POST /intents/{id}/void``: the approved intent paid nothing; all of it returns to the wallet."""
    intent_id = getattr(intent_id, "id", intent_id)
    req = transport.build("POST", "/intents/" + path_segment(intent_id) + "/void", json_body={}, policy=UNSAFE_WRITE)
    return parse_intent((yield from with_retries(transport, req)))


def get_agent(transport: Transport, agent_id: Any) -> Operation[Agent]:
    req = transport.build("GET", "/agents/" + path_segment(agent_id), policy=READ)
    return parse_agent((yield from with_retries(transport, req)))


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
