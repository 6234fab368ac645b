"""Helpers shared by the test modules (no tests here).

* Unit tests (test_models, test_errors, test_transport_retry, ...): a sample
  intent payload and ``FakeServerCase``, whose HTTP peers are the tiny local
  fakes of tests/fakes.py. They stand in for the server ONLY where a healthy
  real server cannot be made to misbehave on demand: 429 + Retry-After, 5xx,
  slow answers, lost answers, non-JSON bodies, a server that ignores ``?wait``.
* Integration tests (test_integration_*.py): ``IntegrationCase`` runs every
  SDK method against the real AegisOS server (tests/server.py); fresh agents
  come from the admin CLI.
"""

from __future__ import annotations

import re
import unittest
import uuid

from aegis_os import AegisClient

from .fakes import FakeServer, Proxy
from .server import SDK_ROOT, get_server
from .server import _free_port as free_port

__all__ = ["SDK_ROOT", "UUID4", "free_port", "intent_json", "FakeServerCase", "IntegrationCase", "reason",
           "AUTO", "NEEDS_APPROVAL", "TWO_APPROVERS", "HARD_LIMIT", "TERMINAL"]

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def _window(limit):
    return {"limit": limit, "spent": 12500, "remaining": limit - 12500, "resets_at": "2026-03-02T00:00:00.000Z", "time_zone": "UTC"}


def intent_json(status="approved", **extra):
    """An intent as the server answers it (every field of the Intent schema)."""
    data = {
        "id": "int_test1",
        "object": "intent",
        "agent_id": "8a3c1f0e-0000-4000-8000-000000000001",
        "amount": 12500,
        "currency": "INR",
        "reason": "Monthly SaaS subscription renewal",
        "confidence": 0.97,
        "merchant": "Notion",
        "merchant_category": "saas",
        "metadata": {"invoice_id": "INV-2026-0341"},
        "status": status,
        "policy_decision": None
        if status == "pending"
        else {
            "outcome": {"approved": "approve", "denied": "deny"}.get(status, "require_approval"),
            "rule": "auto_approve_limit",
            "reason": "Amount 125.00 INR is within the auto-approve limit",
            "trace": [{"rule": "hard_limit", "result": "pass", "detail": "ok"}],
            "budgets": {"daily": _window(5_000_000), "monthly": _window(50_000_000)},
            "risk_level": "low",
            "policy_version": 1,
            "decided_at": "2026-03-01T10:00:00.456Z",
        },
        "approval": None,
        "created_at": "2026-03-01T10:00:00.123Z",
        "decided_at": "2026-03-01T10:00:00.456Z",
        "captured_amount": None,
        "settlement": "uncaptured" if status == "approved" else None,
        "settled_at": None,
    }
    data.update(extra)
    return data


class FakeServerCase(unittest.TestCase):
    """Client mechanics against a scripted local fake (not the real server)."""

    def serve(self, script):
        srv = FakeServer(script)
        self.addCleanup(srv.close)
        return srv


# -- integration -----------------------------------------------------------------

AUTO = 12_500  # ₹125: auto-approved by the default policy
NEEDS_APPROVAL = 2_000_000  # ₹20,000: above ₹10,000 -> a human must approve
TWO_APPROVERS = 8_000_000  # ₹80,000: admin only, two approvers
HARD_LIMIT = 20_000_000  # ₹200,000: above ₹100,000 -> denied (hard_limit)
TERMINAL = {"approved", "denied", "expired"}

# Agents made once per ``agent_group`` and shared by every test class of that
# group: all sync integration tests use one pair, the async tests another.
_AGENTS = {}


def reason(tag: str) -> str:
    return "%s %s" % (tag, uuid.uuid4().hex[:10])


class IntegrationCase(unittest.TestCase):
    agent_group = "sync"

    @classmethod
    def setUpClass(cls):
        cls.srv = get_server()
        cls.base_url = cls.srv.base_url
        if cls.agent_group not in _AGENTS:
            # The default policy caps an agent at 50,000.00 INR a day and 60 intents an hour;
            # this agent submits many large intents, so it gets room (for it alone).
            main = cls.srv.new_agent(
                balance=500_000_000,
                overrides={"daily_budget": 400_000_000, "monthly_budget": 400_000_000, "max_intents_per_hour": 1000})
            _AGENTS[cls.agent_group] = main + cls.srv.new_agent()
        cls.agent_id, cls.agent_key, cls.other_agent_id, cls.other_agent_key = _AGENTS[cls.agent_group]
        cls.approver_key = cls.srv.user_key("approver@acme.test")
        cls.admin_key = cls.srv.user_key("admin@acme.test")

    def client(self, key=None, **kw):
        c = AegisClient(api_key=key or self.agent_key, base_url=kw.pop("base_url", self.base_url), **kw)
        self.addCleanup(c.close)
        return c

    def proxy(self, intercept=None):
        p = Proxy(self.base_url, intercept)
        self.addCleanup(p.close)
        return p

    def submit(self, aegis, amount=AUTO, **kw):
        kw.setdefault("currency", "INR")
        kw.setdefault("reason", reason("sdk test"))
        kw.setdefault("confidence", 0.95)
        return aegis.intents.submit(agent_id=self.agent_id, amount=amount, **kw)
