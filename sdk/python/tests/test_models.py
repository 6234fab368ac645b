"""Parsing of the typed models (Intent, PolicyDecision, Approval, Agent); no server."""

from __future__ import annotations

import datetime as dt
import unittest

from aegis_os import Agent, Approval, Intent, PolicyDecision

from .support import intent_json


class ModelTests(unittest.TestCase):
    def test_intent_parsing_is_typed_and_forward_compatible(self):
        data = intent_json(future_field={"x": 1})
        data["policy_decision"]["new_thing"] = 5
        intent = Intent.from_dict(data)
        self.assertEqual(intent.id, "int_test1")
        self.assertEqual(intent.amount, 12500)
        self.assertEqual(intent.metadata, {"invoice_id": "INV-2026-0341"})
        self.assertIsInstance(intent.policy_decision, PolicyDecision)
        self.assertEqual(intent.policy_decision.trace[0].rule, "hard_limit")
        self.assertEqual(intent.policy_decision.budgets, {"day": {"spent": 0}})
        self.assertEqual(intent.raw["future_field"], {"x": 1})
        self.assertEqual(intent.policy_decision.raw["new_thing"], 5)
        self.assertEqual(intent.created_at, dt.datetime(2026, 3, 1, 10, 0, 0, 123000, tzinfo=dt.timezone.utc))
        self.assertTrue(intent.is_terminal)
        self.assertFalse(Intent.from_dict(intent_json("pending_approval")).is_terminal)
        self.assertIsNone(Intent.from_dict(intent_json("pending")).policy_decision)

    def test_policy_decision_reads_as_a_sentence(self):
        pd = PolicyDecision.from_dict(
            {"outcome": "deny", "rule": "hard_limit", "reason": "Amount 2,00,000.00 INR exceeds the hard limit", "trace": []}
        )
        self.assertEqual(
            f"Spend denied: {pd}",
            "Spend denied: denied by rule hard_limit: Amount 2,00,000.00 INR exceeds the hard limit",
        )
        self.assertEqual(str(PolicyDecision(outcome="require_approval", rule="min_confidence")),
                         "approval required by rule min_confidence")
        self.assertEqual(str(PolicyDecision(outcome="approve", reason="ok")), "approved: ok")

    def test_approval_and_agent_parsing(self):
        appr = Approval.from_dict(
            {
                "id": "apr_1", "object": "approval", "intent_id": "int_1", "status": "pending",
                "approvals_required": 2,
                "responses": [{"user_email": "a@x", "decision": "approve", "comment": None,
                               "created_at": "2026-01-01T00:00:00Z"}],
                "expires_at": "2026-01-02T00:00:00Z", "created_at": "2026-01-01T00:00:00Z",
                "intent": intent_json("pending_approval"), "agent": {"id": "ag", "name": "bot", "risk_level": "low"},
                "extra": True,
            }
        )
        self.assertEqual(appr.approvals_required, 2)
        self.assertEqual(appr.responses[0].decision, "approve")
        self.assertEqual(appr.intent.status, "pending_approval")
        self.assertEqual(appr.agent.risk_level, "low")
        self.assertTrue(appr.raw["extra"])
        agent = Agent.from_dict(
            {
                "id": "ag", "object": "agent", "name": "bot", "status": "active", "owner": {"email": "o@x"},
                "risk_level": "medium", "risk_factors": [{"factor": "denials", "value": 3, "detail": "3 denied"}],
                "risk_override": None, "wallet": {"currency": "INR", "balance": 100, "held": 10, "available": 90, "low_balance_threshold": 50},
                "spend": {"day": {"spent": 5, "limit": 10, "remaining": 5, "resets_at": "2026-01-02T00:00:00Z"},
                          "month": {"spent": 5, "limit": None, "remaining": None, "resets_at": None}},
                "counts": {"approved": 1, "denied": 2, "pending_approval": 0, "pending": 0, "expired": 0, "cancelled": 4},
                "created_at": "2026-01-01T00:00:00Z",
            }
        )
        self.assertEqual(agent.wallet.available, 90)
        self.assertEqual(agent.wallet.low_balance_threshold, 50)
        self.assertEqual(agent.risk_factors[0].factor, "denials")
        self.assertEqual(agent.spend.day.remaining, 5)
        self.assertEqual(agent.counts.denied, 2)
        self.assertEqual(agent.counts.raw["cancelled"], 4)


if __name__ == "__main__":
    unittest.main()
