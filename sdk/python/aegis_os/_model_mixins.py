"""Behaviour of some generated result classes that their schema cannot say.

The generator (``scripts/sdk/python-models.ts``, table ``MIXINS``) makes ``PolicyDecision``,
``PolicyTraceEntry`` and ``Intent`` inherit these; each method names the fields it reads in a
Protocol, so this module needs nothing from the generated one.
"""

from __future__ import annotations

from typing import Optional, Protocol

#: Statuses after which an intent never changes again.
TERMINAL_STATUSES = frozenset({"approved", "denied", "expired"})

_OUTCOME_WORDS = {
    "approve": "approved",
    "deny": "denied",
    "require_approval": "approval required",
}


class _Decision(Protocol):
    @property
    def outcome(self) -> Optional[str]: ...
    @property
    def rule(self) -> Optional[str]: ...
    @property
    def reason(self) -> Optional[str]: ...


class _TraceEntry(Protocol):
    @property
    def rule(self) -> Optional[str]: ...
    @property
    def result(self) -> Optional[str]: ...
    @property
    def detail(self) -> Optional[str]: ...


class _HasStatus(Protocol):
    @property
    def status(self) -> Optional[str]: ...


def _verb(decision: _Decision) -> str:
    if not decision.outcome:
        return "decided"
    return _OUTCOME_WORDS.get(decision.outcome, decision.outcome.replace("_", " "))


class PolicyDecisionMixin:
    """``str(decision)`` reads as a sentence: ``denied by rule hard_limit: Amount ... exceeds ...``."""

    @property
    def verb(self: _Decision) -> str:
        """The outcome as a past participle: approved / denied / approval required."""
        return _verb(self)

    def __str__(self: _Decision) -> str:
        text = _verb(self)
        if self.rule:
            text += " by rule %s" % self.rule
        if self.reason:
            text += ": %s" % self.reason
        return text


class PolicyTraceEntryMixin:
    def __str__(self: _TraceEntry) -> str:
        text = "%s: %s" % (self.rule, self.result)
        return text + (" (%s)" % self.detail if self.detail else "")


class IntentMixin:
    @property
    def is_terminal(self: _HasStatus) -> bool:
        """True once the status can no longer change (approved/denied/expired)."""
        return self.status in TERMINAL_STATUSES
