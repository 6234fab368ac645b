"""intents.submit / get / list / wait_for_decision against the real AegisOS server."""

from __future__ import annotations

import datetime as dt
import threading
import time
import unittest

from aegis_os import AegisClient, AegisTimeoutError, Intent, PolicyDecision
from aegis_os.models import IntentApproval

from .support import AUTO, HARD_LIMIT, NEEDS_APPROVAL, IntegrationCase, reason


class IntentIntegrationTests(IntegrationCase):
    def test_submit_auto_approved_and_get(self):
        aegis = self.client()
        intent = self.submit(aegis, merchant="Notion", merchant_category="saas",
                             metadata={"invoice_id": "INV-1"})
        self.assertIsInstance(intent, Intent)
        self.assertTrue(intent.id.startswith("int_"), intent.id)
        self.assertEqual(intent.object, "intent")
        self.assertEqual((intent.agent_id, intent.amount, intent.currency), (self.agent_id, AUTO, "INR"))
        self.assertEqual((intent.merchant, intent.merchant_category), ("Notion", "saas"))
        self.assertEqual(intent.metadata, {"invoice_id": "INV-1"})
        self.assertEqual(intent.status, "approved")
        self.assertIsInstance(intent.policy_decision, PolicyDecision)
        self.assertEqual(intent.policy_decision.outcome, "approve")
        self.assertTrue(intent.policy_decision.trace)
        self.assertIsInstance(intent.created_at, dt.datetime)
        self.assertIsInstance(intent.decided_at, dt.datetime)
        got = aegis.intents.get(intent.id)
        self.assertEqual((got.id, got.status, got.reason), (intent.id, "approved", intent.reason))
        self.assertEqual(got.raw["id"], intent.id)

    def test_submit_denied_by_hard_limit_reads_well(self):
        intent = self.submit(self.client(), amount=HARD_LIMIT)
        self.assertEqual(intent.status, "denied")
        pd = intent.policy_decision
        self.assertEqual((pd.outcome, pd.rule), ("deny", "hard_limit"))
        self.assertTrue(pd.reason)
        self.assertEqual(str(pd), "denied by rule hard_limit: %s" % pd.reason)
        self.assertTrue(f"Spend denied: {pd}".startswith("Spend denied: denied by rule hard_limit: "))

    def test_submit_needing_approval(self):
        intent = self.submit(self.client(), amount=NEEDS_APPROVAL)
        self.assertEqual(intent.status, "pending_approval")
        self.assertEqual(intent.policy_decision.outcome, "require_approval")
        self.assertIsInstance(intent.approval, IntentApproval)
        self.assertTrue(intent.approval.id.startswith("apr_"))
        self.assertEqual(intent.approval.status, "pending")
        low = self.submit(self.client(), amount=AUTO, confidence=0.3)
        self.assertEqual(low.status, "pending_approval")

    def test_list_filters_and_pagination(self):
        aegis = self.client()
        since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
        tag = reason("page")
        made = [self.submit(aegis, reason=tag), self.submit(aegis, amount=HARD_LIMIT, reason=tag),
                self.submit(aegis, reason=tag)]
        pager = aegis.intents.list(agent_id=self.agent_id, created_after=since, page_size=1)
        got = [i for i in pager if i.reason == tag]
        self.assertEqual([i.id for i in got], [m.id for m in reversed(made)])  # newest first
        self.assertGreaterEqual(pager.pages_fetched, 3)
        denied = list(aegis.intents.list(agent_id=self.agent_id, created_after=since.isoformat(), status="denied"))
        self.assertIn(made[1].id, [i.id for i in denied])
        self.assertTrue(all(i.status == "denied" for i in denied))
        both = list(aegis.intents.list(agent_id=self.agent_id, created_after=since, status=["approved", "denied"]))
        self.assertTrue({m.id for m in made} <= {i.id for i in both})
        self.assertEqual(len(list(aegis.intents.list(agent_id=self.agent_id, limit=2))), 2)
        future = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)
        self.assertEqual(list(aegis.intents.list(agent_id=self.agent_id, created_after=future)), [])
        self.assertTrue(list(aegis.intents.list(agent_id=self.agent_id, created_before=future, limit=1)))
        self.assertTrue(all(i.merchant_category == "saas"
                            for i in aegis.intents.list(merchant_category="saas", limit=5)))

    def test_wait_for_decision_auto(self):
        aegis = self.client()
        intent = self.submit(aegis)
        t0 = time.monotonic()
        resolved = aegis.intents.wait_for_decision(intent.id)
        self.assertLess(time.monotonic() - t0, 2)
        self.assertEqual((resolved.id, resolved.status), (intent.id, "approved"))

    def test_wait_for_decision_human_approval_during_the_wait(self):
        aegis = self.client()
        intent = self.submit(aegis, amount=NEEDS_APPROVAL)
        self.assertEqual(intent.status, "pending_approval")
        answered = {}

        def approve_later():
            time.sleep(1)
            with AegisClient(api_key=self.approver_key, base_url=self.base_url) as human:
                answered["approval"] = human.approvals.respond(intent.approval.id, "approve", comment="ok by test")

        t = threading.Thread(target=approve_later)
        t0 = time.monotonic()
        t.start()
        try:
            resolved = aegis.intents.wait_for_decision(intent.id, poll_interval_s=0.5, timeout_s=15)
        finally:
            t.join()
        took = time.monotonic() - t0
        self.assertEqual(resolved.status, "approved")
        self.assertTrue(0.9 <= took < 6, took)
        self.assertEqual(answered["approval"].status, "approved")
        self.assertIsNotNone(resolved.decided_at)

    def test_wait_for_decision_timeout_carries_the_intent(self):
        aegis = self.client()
        intent = self.submit(aegis, amount=NEEDS_APPROVAL)
        t0 = time.monotonic()
        with self.assertRaises(AegisTimeoutError) as ctx:
            aegis.intents.wait_for_decision(intent.id, timeout_s=2)
        took = time.monotonic() - t0
        self.assertTrue(1.9 <= took < 5, took)
        self.assertIsInstance(ctx.exception.intent, Intent)
        self.assertEqual((ctx.exception.intent.id, ctx.exception.intent.status), (intent.id, "pending_approval"))

    def test_wait_for_decision_uses_the_servers_long_poll(self):
        intent = self.submit(self.client(), amount=NEEDS_APPROVAL)
        proxy = self.proxy()
        with self.client(base_url=proxy.base_url) as aegis:
            with self.assertRaises(AegisTimeoutError):
                aegis.intents.wait_for_decision(intent.id, poll_interval_s=0.2, timeout_s=3)
        gets = [r for r in proxy.requests if r.method == "GET"]
        self.assertIn("wait=3", gets[0].path)
        self.assertLessEqual(len(gets), 3, "server answered ?wait=3 early: %d GETs" % len(gets))


if __name__ == "__main__":
    unittest.main()
