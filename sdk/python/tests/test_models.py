"""The generated models (Intent, PolicyDecision, Approval, Agent) read from JSON; no server."""

from __future__ import annotations

import datetime as dt
import unittest

from aegis_os import Agent, Approval, Intent, PolicyDecision, SpendWindow
from aegis_os.models import IntentApproval, SubmitIntentParams

from .support import intent_json

UTC = dt.timezone.utc


class ModelTests(unittest.TestCase):
    def test_intent_parsing_is_typed_and_forward_compatible(self):
        data = intent_json(future_field={"x": 1})
        data["policy_decision"]["new_thing"] = 5
        intent = Intent.from_dict(data)
        self.assertEqual(intent.id, "int_test1")
        self.assertEqual(intent.amount, 12500)
        self.assertEqual(intent.metadata, {"invoice_id": "INV-2026-0341"})
        self.assertIsInstance(intent.policy_decision, PolicyDecision)
        decision = intent.policy_decision
        assert decision is not None
        self.assertEqual(decision.trace[0].rule, "hard_limit")
        self.assertIsInstance(decision.budgets.daily, SpendWindow)
        self.assertEqual(decision.budgets.daily.remaining, 5_000_000 - 12500)
        self.assertEqual(decision.budgets.monthly.resets_at, dt.datetime(2026, 3, 2, tzinfo=UTC))
        self.assertEqual(intent.raw["future_field"], {"x": 1})
        self.assertEqual(decision.raw["new_thing"], 5)
        self.assertEqual(intent.created_at, dt.datetime(2026, 3, 1, 10, 0, 0, 123000, tzinfo=UTC))
        self.assertEqual(intent.settlement, "uncaptured")
        self.assertTrue(intent.is_terminal)
        self.assertFalse(Intent.from_dict(intent_json("pending_approval")).is_terminal)
        self.assertIsNone(Intent.from_dict(intent_json("pending")).policy_decision)

    def test_reading_is_lenient_about_missing_and_odd_values(self):
        # An older or newer server: a missing field reads None (a list []), an odd value is kept.
        intent = Intent.from_dict({"id": "int_1", "amount": "12500", "created_at": "not a time"})
        self.assertEqual((intent.id, intent.amount, intent.status), ("int_1", 12500, None))
        self.assertEqual(intent.created_at, "not a time")
        self.assertEqual(PolicyDecision.from_dict({"outcome": "deny"}).trace, [])
        self.assertIsNone(Intent.from_dict(None).id)

    def test_policy_decision_reads_as_a_sentence(self):
        pd = PolicyDecision.from_dict(
            {"outcome": "deny", "rule": "hard_limit", "reason": "Amount 2,00,000.00 INR exceeds the hard limit", "trace": []}
        )
        self.assertEqual(
            f"Spend denied: {pd}",
            "Spend denied: denied by rule hard_limit: Amount 2,00,000.00 INR exceeds the hard limit",
        )
        self.assertEqual(str(PolicyDecision.from_dict({"outcome": "require_approval", "rule": "min_confidence"})),
                         "approval required by rule min_confidence")
        self.assertEqual(str(PolicyDecision.from_dict({"outcome": "approve", "reason": "ok"})), "approved: ok")
        self.assertEqual(str(PolicyDecision.from_dict({}).verb), "decided")

    def test_approval_and_agent_parsing(self):
        appr = Approval.from_dict(
            {
                "id": "apr_1", "object": "approval", "intent_id": "int_1", "status": "pending",
                "required_role": "approver", "approvals_required": 2, "group": None, "escalated_at": None,
                "responses": [{"user_email": "a@x", "user_name": "A", "decision": "approve", "comment": None,
                               "created_at": "2026-01-01T00:00:00Z"}],
                "expires_at": "2026-01-02T00:00:00Z", "created_at": "2026-01-01T00:00:00Z", "resolved_at": None,
                "intent": intent_json("pending_approval", approval={"id": "apr_1", "status": "pending",
                                                                    "expires_at": "2026-01-02T00:00:00Z"}),
                "agent": {"id": "ag", "name": "bot", "status": "active", "risk_level": "low", "wallet": None},
                "blocked": None,
                "extra": True,
            }
        )
        self.assertEqual(appr.approvals_required, 2)
        self.assertEqual(appr.responses[0].decision, "approve")
        self.assertEqual(appr.responses[0].created_at, dt.datetime(2026, 1, 1, tzinfo=UTC))
        self.assertEqual(appr.intent.status, "pending_approval")
        self.assertIsInstance(appr.intent.approval, IntentApproval)
        self.assertEqual(appr.agent.risk_level, "low")
        self.assertTrue(appr.raw["extra"])
        window = {"spent": 5, "limit": 10, "remaining": 5, "resets_at": "2026-01-02T00:00:00Z", "time_zone": "UTC"}
        wallet = {"currency": "INR", "balance": 100, "held": 10, "available": 90, "low_balance_threshold": 50}
        agent = Agent.from_dict(
            {
                "id": "ag", "object": "agent", "name": "bot", "description": "", "status": "active", "owner": "o@x",
                "risk_level": "medium", "risk_computed": "medium", "risk_override": None,
                "risk_factors": [{"factor": "denials", "value": 3, "points": 10, "detail": "3 denied"}],
                "wallet": wallet, "wallets": [wallet],
                "spend": {"currency": "INR", "day": window, "month": dict(window, limit=None, remaining=None)},
                "frozen": None,
                "counts": {"approved": 1, "denied": 2, "pending_approval": 0, "pending": 0, "expired": 0, "cancelled": 4},
                "created_at": "2026-01-01T00:00:00Z",
            }
        )
        assert agent.wallet is not None
        self.assertEqual(agent.wallet.available, 90)
        self.assertEqual(agent.wallet.low_balance_threshold, 50)
        self.assertEqual(agent.wallets[0], agent.wallet)
        self.assertEqual(agent.risk_factors[0].factor, "denials")
        self.assertEqual(agent.spend.day.remaining, 5)
        self.assertIsNone(agent.spend.month.limit)
        self.assertEqual(agent.counts.denied, 2)
        self.assertEqual(agent.counts.raw["cancelled"], 4)

    def test_request_bodies_are_typed_dicts(self):
        body: SubmitIntentParams = {"amount": 100, "currency": "INR", "reason": "r", "confidence": None}
        self.assertEqual(body["amount"], 100)


if __name__ == "__main__":
    unittest.main()


class AnswerByObjectTests(unittest.TestCase):
    """PUT /policy answers the policy (one admin) or a proposal waiting for a second admin (202)."""

    def test_reads_each_answer_into_the_class_its_object_names(self):
        from aegis_os._model_base import answer_by_object
        from aegis_os.models import Policy, PolicyChangeProposal

        read = answer_by_object({"policy": Policy, "policy_change": PolicyChangeProposal})
        policy = read({"object": "policy", "version": 3, "updated_at": None, "updated_by": None, "document": {}})
        self.assertIsInstance(policy, Policy)
        self.assertEqual(policy.version, 3)
        proposal = read({"object": "policy_change", "id": "pcp_1", "status": "pending", "base_version": 3, "reason": "why"})
        self.assertIsInstance(proposal, PolicyChangeProposal)
        self.assertEqual((proposal.id, proposal.status), ("pcp_1", "pending"))

    def test_an_answer_of_another_object_is_the_servers_fault(self):
        from aegis_os import AegisError
        from aegis_os._model_base import answer_by_object
        from aegis_os.models import Policy

        with self.assertRaises(AegisError) as ctx:
            answer_by_object({"policy": Policy})({"object": "intent"})
        self.assertEqual(ctx.exception.code, "invalid_response")
