"""Typed result objects.

Every object is a dataclass built from the server's JSON. Fields the SDK does
not know yet are never an error: the complete JSON object is always kept in
``raw`` (forward compatible with additive API changes).

The classes are defined in ``_intent_models`` (intents, decisions, approvals)
and ``_agent_models`` (agents, wallets, spend); this is their public home.
"""

from __future__ import annotations

from ._agent_models import Agent, AgentSpend, IntentCounts, RiskFactor, SpendWindow, Wallet
from ._intent_models import (
    TERMINAL_STATUSES,
    Approval,
    AgentSummary,
    ApprovalResponse,
    Intent,
    PolicyDecision,
    PolicyTraceEntry,
)

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
