"""HTTP errors (401, 404, 400, 403) from the real server, as AegisError."""

from __future__ import annotations

import unittest
import uuid

from aegis_os import AegisClient, AegisError

from .support import AUTO, NEEDS_APPROVAL, IntegrationCase


class ErrorIntegrationTests(IntegrationCase):
    def test_401_bad_key(self):
        with AegisClient(api_key="aegis_sk_not_a_real_key", base_url=self.base_url) as aegis:
            with self.assertRaises(AegisError) as ctx:
                aegis.intents.get("int_whatever")
            self.assertEqual((ctx.exception.status_code, ctx.exception.code), (401, "unauthenticated"))
            with self.assertRaises(AegisError) as ctx:
                aegis.intents.list()
            self.assertEqual(ctx.exception.status_code, 401)
            with self.assertRaises(AegisError) as ctx:
                aegis.intents.submit(amount=AUTO, currency="INR", reason="x")
            self.assertEqual(ctx.exception.status_code, 401)
            self.assertIsNotNone(ctx.exception.idempotency_key)

    def test_404_unknown_and_other_agents_intent(self):
        aegis = self.client()
        with self.assertRaises(AegisError) as ctx:
            aegis.intents.get("int_doesnotexist0000")
        self.assertEqual((ctx.exception.status_code, ctx.exception.code), (404, "not_found"))
        self.assertTrue(ctx.exception.request_id)
        mine = self.submit(aegis)
        with self.assertRaises(AegisError) as ctx:
            self.client(self.other_agent_key).intents.get(mine.id)
        self.assertEqual((ctx.exception.status_code, ctx.exception.code), (404, "not_found"))
        with self.assertRaises(AegisError) as ctx:
            self.client(self.admin_key).agents.get(str(uuid.uuid4()))
        self.assertEqual(ctx.exception.status_code, 404)

    def test_400_validation_with_details(self):
        aegis = self.client()
        with self.assertRaises(AegisError) as ctx:
            self.submit(aegis, amount=-5)
        err = ctx.exception
        self.assertEqual((err.status_code, err.code), (400, "validation_error"))
        self.assertIsInstance(err.details, list)
        self.assertTrue(any(d.get("field") == "amount" for d in err.details), err.details)
        self.assertIn("amount", str(err))
        with self.assertRaises(AegisError) as ctx:
            aegis.intents.submit(agent_id=self.agent_id, amount=100, currency="INR")  # no reason
        self.assertEqual(ctx.exception.status_code, 400)
        with self.assertRaises(AegisError) as ctx:
            aegis.intents.list(limit=5, page_size=5, status="no_such_status")
        self.assertEqual(ctx.exception.status_code, 400)

    def test_403_agent_key_on_approvals(self):
        aegis = self.client()
        with self.assertRaises(AegisError) as ctx:
            aegis.approvals.list()
        self.assertEqual((ctx.exception.status_code, ctx.exception.code), (403, "forbidden"))
        pending = self.submit(aegis, amount=NEEDS_APPROVAL)
        with self.assertRaises(AegisError) as ctx:
            aegis.approvals.respond(pending.approval.id, "approve")
        self.assertEqual(ctx.exception.status_code, 403)


if __name__ == "__main__":
    unittest.main()
