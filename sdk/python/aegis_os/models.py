"""Typed result objects.

Every object is a dataclass built from the server's JSON. Fields the SDK does
not know yet are never an error: the complete JSON object is always kept in
``raw`` (forward compatible with additive API changes).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

__all__ = [
    "TERMINAL_STATUSES",
    "Intent",
    "PolicyDecision",
    "PolicyTraceEntry",
    "Approval",
    "ApprovalResponse",
    "AgentSummary",
    "Agent",
    "Wallet",
    "RiskFactor",
    "SpendWindow",
    "AgentSpend",
    "IntentCounts",
]

#: Statuses after which an intent never changes again.
TERMINAL_STATUSES = frozenset({"approved", "denied", "expired", "cancelled"})


def _parse_time(value: Any) -> Any:
    """ISO 8601 string -> aware ``datetime``; anything unparsable is kept as is."""
    if not isinstance(value, str) or not value:
        return value
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    # Python < 3.11 only accepts 0, 3 or 6 fractional digits.
    if "." in text:
        head, _, rest = text.partition(".")
        digits = ""
        i = 0
        while i < len(rest) and rest[i].isdigit():
            digits += rest[i]
            i += 1
        tail = rest[i:]
        digits = (digits + "000000")[:6]
        text = head + "." + digits + tail
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        return value


def _dict(value: Any) -> Dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> Any:
    # Amounts are integers in minor units; tolerate "12500" from a proxy.
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return value
    return value


@dataclass
class PolicyTraceEntry:
    """One rule the policy engine checked."""

    rule: Optional[str] = None
    result: Optional[str] = None
    detail: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> "PolicyTraceEntry":
        d = _dict(data)
        return cls(rule=d.get("rule"), result=d.get("result"), detail=d.get("detail"), raw=d)

    def __str__(self) -> str:
        text = "%s: %s" % (self.rule, self.result)
        return text + (" (%s)" % self.detail if self.detail else "")


_OUTCOME_WORDS = {
    "approve": "approved",
    "approved": "approved",
    "deny": "denied",
    "denied": "denied",
    "require_approval": "approval required",
    "pending_approval": "approval required",
}


@dataclass
class PolicyDecision:
    """The policy engine's verdict on an intent.

    ``str(decision)`` reads as a sentence, e.g.
    ``"denied by rule hard_limit: Amount 2,00,000.00 INR exceeds ..."``.
    """

    outcome: Optional[str] = None
    rule: Optional[str] = None
    reason: Optional[str] = None
    trace: List[PolicyTraceEntry] = field(default_factory=list)
    budgets: Optional[Dict[str, Any]] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["PolicyDecision"]:
        if data is None:
            return None
        d = _dict(data)
        trace = d.get("trace")
        return cls(
            outcome=d.get("outcome"),
            rule=d.get("rule"),
            reason=d.get("reason"),
            trace=[PolicyTraceEntry.from_dict(t) for t in trace] if isinstance(trace, list) else [],
            budgets=d.get("budgets"),
            raw=d,
        )

    @property
    def verb(self) -> str:
        """The outcome as a past participle: approved / denied / approval required."""
        if not self.outcome:
            return "decided"
        return _OUTCOME_WORDS.get(self.outcome, str(self.outcome).replace("_", " "))

    def __str__(self) -> str:
        text = self.verb
        if self.rule:
            text += " by rule %s" % self.rule
        if self.reason:
            text += ": %s" % self.reason
        return text


@dataclass
class ApprovalResponse:
    """One human answer to an approval request."""

    user_email: Optional[str] = None
    decision: Optional[str] = None
    comment: Optional[str] = None
    created_at: Any = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> "ApprovalResponse":
        d = _dict(data)
        return cls(
            user_email=d.get("user_email"),
            decision=d.get("decision"),
            comment=d.get("comment"),
            created_at=_parse_time(d.get("created_at")),
            raw=d,
        )


@dataclass
class AgentSummary:
    """The short agent description embedded in approvals."""

    id: Optional[str] = None
    name: Optional[str] = None
    risk_level: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["AgentSummary"]:
        if data is None:
            return None
        d = _dict(data)
        return cls(id=d.get("id"), name=d.get("name"), risk_level=d.get("risk_level"), raw=d)


@dataclass
class Approval:
    """A human decision request for one intent (``apr_…``).

    The ``approval`` attribute of an :class:`Intent` only carries ``id`` and
    ``status``; objects from ``approvals.list()`` / ``approvals.respond()``
    carry everything.
    """

    id: Optional[str] = None
    object: Optional[str] = None
    intent_id: Optional[str] = None
    status: Optional[str] = None
    approvals_required: Optional[int] = None
    responses: List[ApprovalResponse] = field(default_factory=list)
    expires_at: Any = None
    created_at: Any = None
    intent: Optional["Intent"] = None
    agent: Optional[AgentSummary] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["Approval"]:
        if data is None:
            return None
        d = _dict(data)
        responses = d.get("responses")
        return cls(
            id=d.get("id"),
            object=d.get("object"),
            intent_id=d.get("intent_id"),
            status=d.get("status"),
            approvals_required=d.get("approvals_required"),
            responses=[ApprovalResponse.from_dict(r) for r in responses]
            if isinstance(responses, list)
            else [],
            expires_at=_parse_time(d.get("expires_at")),
            created_at=_parse_time(d.get("created_at")),
            intent=Intent.from_dict(d["intent"]) if isinstance(d.get("intent"), dict) else None,
            agent=AgentSummary.from_dict(d.get("agent")) if isinstance(d.get("agent"), dict) else None,
            raw=d,
        )


@dataclass
class Intent:
    """One request to spend (``int_…``)."""

    id: Optional[str] = None
    object: Optional[str] = None
    agent_id: Optional[str] = None
    amount: Optional[int] = None
    currency: Optional[str] = None
    reason: Optional[str] = None
    confidence: Optional[float] = None
    merchant: Optional[str] = None
    merchant_category: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None
    status: Optional[str] = None
    policy_decision: Optional[PolicyDecision] = None
    approval: Optional[Approval] = None
    created_at: Any = None
    decided_at: Any = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> "Intent":
        d = _dict(data)
        return cls(
            id=d.get("id"),
            object=d.get("object"),
            agent_id=d.get("agent_id"),
            amount=_int(d.get("amount")),
            currency=d.get("currency"),
            reason=d.get("reason"),
            confidence=d.get("confidence"),
            merchant=d.get("merchant"),
            merchant_category=d.get("merchant_category"),
            metadata=d.get("metadata"),
            status=d.get("status"),
            policy_decision=PolicyDecision.from_dict(d.get("policy_decision"))
            if isinstance(d.get("policy_decision"), dict)
            else None,
            approval=Approval.from_dict(d.get("approval")) if isinstance(d.get("approval"), dict) else None,
            created_at=_parse_time(d.get("created_at")),
            decided_at=_parse_time(d.get("decided_at")),
            raw=d,
        )

    @property
    def is_terminal(self) -> bool:
        """True once the status can no longer change (approved/denied/expired/cancelled)."""
        return self.status in TERMINAL_STATUSES


@dataclass
class Wallet:
    """An agent's funds in one currency, in minor units."""

    currency: Optional[str] = None
    balance: Optional[int] = None
    held: Optional[int] = None
    available: Optional[int] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["Wallet"]:
        if data is None:
            return None
        d = _dict(data)
        return cls(
            currency=d.get("currency"),
            balance=_int(d.get("balance")),
            held=_int(d.get("held")),
            available=_int(d.get("available")),
            raw=d,
        )


@dataclass
class RiskFactor:
    """One factor behind an agent's risk level."""

    factor: Optional[str] = None
    value: Any = None
    detail: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> "RiskFactor":
        d = _dict(data)
        return cls(factor=d.get("factor"), value=d.get("value"), detail=d.get("detail"), raw=d)


@dataclass
class SpendWindow:
    """Spend in one budget window (day or month), in minor units."""

    spent: Optional[int] = None
    limit: Optional[int] = None
    remaining: Optional[int] = None
    resets_at: Any = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["SpendWindow"]:
        if data is None:
            return None
        d = _dict(data)
        return cls(
            spent=_int(d.get("spent")),
            limit=_int(d.get("limit")),
            remaining=_int(d.get("remaining")),
            resets_at=_parse_time(d.get("resets_at")),
            raw=d,
        )


@dataclass
class AgentSpend:
    """Spend this day and this month against the agent's budgets."""

    day: Optional[SpendWindow] = None
    month: Optional[SpendWindow] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["AgentSpend"]:
        if data is None:
            return None
        d = _dict(data)
        return cls(
            day=SpendWindow.from_dict(d.get("day")) if isinstance(d.get("day"), dict) else None,
            month=SpendWindow.from_dict(d.get("month")) if isinstance(d.get("month"), dict) else None,
            raw=d,
        )


@dataclass
class IntentCounts:
    """How many of the agent's intents are in each status."""

    approved: int = 0
    denied: int = 0
    pending_approval: int = 0
    pending: int = 0
    expired: int = 0
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> Optional["IntentCounts"]:
        if data is None:
            return None
        d = _dict(data)
        return cls(
            approved=d.get("approved") or 0,
            denied=d.get("denied") or 0,
            pending_approval=d.get("pending_approval") or 0,
            pending=d.get("pending") or 0,
            expired=d.get("expired") or 0,
            raw=d,
        )


@dataclass
class Agent:
    """A registered AI agent of the organisation."""

    id: Optional[str] = None
    object: Optional[str] = None
    name: Optional[str] = None
    status: Optional[str] = None
    owner: Any = None
    risk_level: Optional[str] = None
    risk_factors: List[RiskFactor] = field(default_factory=list)
    risk_override: Any = None
    wallet: Optional[Wallet] = None
    spend: Optional[AgentSpend] = None
    counts: Optional[IntentCounts] = None
    created_at: Any = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Any) -> "Agent":
        d = _dict(data)
        factors = d.get("risk_factors")
        return cls(
            id=d.get("id"),
            object=d.get("object"),
            name=d.get("name"),
            status=d.get("status"),
            owner=d.get("owner"),
            risk_level=d.get("risk_level"),
            risk_factors=[RiskFactor.from_dict(f) for f in factors] if isinstance(factors, list) else [],
            risk_override=d.get("risk_override"),
            wallet=Wallet.from_dict(d.get("wallet")) if isinstance(d.get("wallet"), dict) else None,
            spend=AgentSpend.from_dict(d.get("spend")) if isinstance(d.get("spend"), dict) else None,
            counts=IntentCounts.from_dict(d.get("counts")) if isinstance(d.get("counts"), dict) else None,
            created_at=_parse_time(d.get("created_at")),
            raw=d,
        )
