"""Intents, policy decisions and approvals.

They live together because they nest both ways: an intent carries its
approval, and an approval from ``approvals.list()`` carries its intent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from ._literals import ApprovalDecision, ApprovalStatus, DecisionOutcome, IntentStatus, RequiredRole, RiskLevel, Settlement

from ._model_fields import Model, _int, _parse_time, many, one, parsed, raw_field

#: Statuses after which an intent never changes again.
TERMINAL_STATUSES = frozenset({"approved", "denied", "expired"})


@dataclass
class PolicyTraceEntry(Model):
    """One rule the policy engine checked."""

    rule: Optional[str] = None
    result: Optional[str] = None
    detail: Optional[str] = None
    raw: Dict[str, Any] = raw_field()

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
class PolicyDecision(Model):
    """The policy engine's verdict on an intent.

    ``str(decision)`` reads as a sentence, e.g.
    ``"denied by rule hard_limit: Amount 2,00,000.00 INR exceeds ..."``.
    """

    _none_from_none = True

    outcome: Optional[DecisionOutcome] = None
    rule: Optional[str] = None
    reason: Optional[str] = None
    trace: List[PolicyTraceEntry] = parsed(many(lambda: PolicyTraceEntry), default_factory=list)
    budgets: Optional[Dict[str, Any]] = None
    raw: Dict[str, Any] = raw_field()

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
class ApprovalResponse(Model):
    """One human answer to an approval request."""

    user_email: Optional[str] = None
    decision: Optional[ApprovalDecision] = None
    comment: Optional[str] = None
    created_at: Any = parsed(_parse_time)
    raw: Dict[str, Any] = raw_field()


@dataclass
class AgentSummary(Model):
    """The short agent description embedded in approvals."""

    _none_from_none = True

    id: Optional[str] = None
    name: Optional[str] = None
    risk_level: Optional[RiskLevel] = None
    raw: Dict[str, Any] = raw_field()


@dataclass
class Approval(Model):
    """A human decision request for one intent (``apr_…``).

    The ``approval`` attribute of an :class:`Intent` only carries ``id`` and
    ``status``; objects from ``approvals.list()`` / ``approvals.respond()``
    carry everything.
    """

    _none_from_none = True

    id: Optional[str] = None
    object: Optional[str] = None
    intent_id: Optional[str] = None
    status: Optional[ApprovalStatus] = None
    required_role: Optional[RequiredRole] = None
    approvals_required: Optional[int] = None
    responses: List[ApprovalResponse] = parsed(many(lambda: ApprovalResponse), default_factory=list)
    expires_at: Any = parsed(_parse_time)
    created_at: Any = parsed(_parse_time)
    intent: Optional["Intent"] = parsed(one(lambda: Intent))
    agent: Optional[AgentSummary] = parsed(one(lambda: AgentSummary))
    raw: Dict[str, Any] = raw_field()


@dataclass
class Intent(Model):
    """One request to spend (``int_…``)."""

    id: Optional[str] = None
    object: Optional[str] = None
    agent_id: Optional[str] = None
    amount: Optional[int] = parsed(_int)
    currency: Optional[str] = None
    reason: Optional[str] = None
    confidence: Optional[float] = None
    merchant: Optional[str] = None
    merchant_category: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None
    status: Optional[IntentStatus] = None
    policy_decision: Optional[PolicyDecision] = parsed(one(lambda: PolicyDecision))
    approval: Optional[Approval] = parsed(one(lambda: Approval))
    created_at: Any = parsed(_parse_time)
    decided_at: Any = parsed(_parse_time)
    captured_amount: Optional[int] = parsed(_int)
    settlement: Optional[Settlement] = None
    settled_at: Any = parsed(_parse_time)
    raw: Dict[str, Any] = raw_field()

    @property
    def is_terminal(self) -> bool:
        """True once the status can no longer change (approved/denied/expired)."""
        return self.status in TERMINAL_STATUSES
