"""The closed sets of values the API sends, as ``Literal`` types.

Each one equals the matching enum in ``/api/v1/openapi.json`` (every value the server can
send and none it cannot); ``tests/test_integration_openapi.py`` compares them with the live
document.
"""

from __future__ import annotations

from typing import Literal

IntentStatus = Literal["pending", "approved", "denied", "pending_approval", "expired"]
ApprovalStatus = Literal["pending", "approved", "rejected", "expired"]
ApprovalDecision = Literal["approve", "reject"]
DecisionOutcome = Literal["approve", "deny", "require_approval"]
RequiredRole = Literal["approver", "admin"]
RiskLevel = Literal["low", "medium", "high", "critical"]
AgentStatus = Literal["active", "suspended"]
Settlement = Literal["uncaptured", "captured", "voided"]

__all__ = ["IntentStatus", "ApprovalStatus", "ApprovalDecision", "DecisionOutcome", "RequiredRole", "RiskLevel", "AgentStatus", "Settlement"]
