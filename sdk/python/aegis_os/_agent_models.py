"""Agents and what ``agents.get()`` reports about them: wallet, spend, risk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from ._literals import AgentStatus, RiskLevel
from ._model_fields import Model, _count, _int, _parse_time, many, one, parsed, raw_field


@dataclass
class Wallet(Model):
    """An agent's funds in one currency, in minor units."""

    _none_from_none = True

    currency: Optional[str] = None
    balance: Optional[int] = parsed(_int)
    held: Optional[int] = parsed(_int)
    available: Optional[int] = parsed(_int)
    #: ``wallet.low_balance`` is sent when ``available`` falls below it; ``None``: off.
    low_balance_threshold: Optional[int] = parsed(_int)
    raw: Dict[str, Any] = raw_field()


@dataclass
class RiskFactor(Model):
    """One factor behind an agent's risk level."""

    factor: Optional[str] = None
    value: Any = None
    detail: Optional[str] = None
    raw: Dict[str, Any] = raw_field()


@dataclass
class SpendWindow(Model):
    """Spend in one budget window (day or month), in minor units."""

    _none_from_none = True

    spent: Optional[int] = parsed(_int)
    limit: Optional[int] = parsed(_int)
    remaining: Optional[int] = parsed(_int)
    resets_at: Any = parsed(_parse_time)
    raw: Dict[str, Any] = raw_field()


@dataclass
class AgentSpend(Model):
    """Spend this day and this month against the agent's budgets."""

    _none_from_none = True

    day: Optional[SpendWindow] = parsed(one(lambda: SpendWindow))
    month: Optional[SpendWindow] = parsed(one(lambda: SpendWindow))
    raw: Dict[str, Any] = raw_field()


@dataclass
class IntentCounts(Model):
    """How many of the agent's intents are in each status."""

    _none_from_none = True

    approved: int = parsed(_count, default=0)
    denied: int = parsed(_count, default=0)
    pending_approval: int = parsed(_count, default=0)
    pending: int = parsed(_count, default=0)
    expired: int = parsed(_count, default=0)
    raw: Dict[str, Any] = raw_field()


@dataclass
class Agent(Model):
    """A registered AI agent of the organisation."""

    id: Optional[str] = None
    object: Optional[str] = None
    name: Optional[str] = None
    status: Optional[AgentStatus] = None
    owner: Any = None
    risk_level: Optional[RiskLevel] = None
    risk_computed: Optional[RiskLevel] = None
    risk_factors: List[RiskFactor] = parsed(many(lambda: RiskFactor), default_factory=list)
    risk_override: Optional[RiskLevel] = None
    wallet: Optional[Wallet] = parsed(one(lambda: Wallet))
    spend: Optional[AgentSpend] = parsed(one(lambda: AgentSpend))
    counts: Optional[IntentCounts] = parsed(one(lambda: IntentCounts))
    created_at: Any = parsed(_parse_time)
    raw: Dict[str, Any] = raw_field()
