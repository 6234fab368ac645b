"""Every AsyncAegisClient method against the real server (its own agents)."""

from __future__ import annotations

import asyncio
import time
import unittest
import uuid

from aegis_os import AegisError, AegisTimeoutError, AsyncAegisClient

from .support import AUTO, NEEDS_APPROVAL, IntegrationCase, reason


class AsyncIntegrationTests(IntegrationCase):
    agent_group = "async"

    def run_async(self, coro):
        return asyncio.run(coro)

    def aclient(self, key=None, **kw):
        return AsyncAegisClient(api_key=key or self.agent_key, base_url=kw.pop("base_url", self.base_url), **kw)

    def test_async_every_method(self):
        async def main():
            async with self.aclient() as aegis, self.aclient(self.approver_key) as human, \
                    self.aclient(self.admin_key) as admin:
                auto = await aegis.intents.submit(agent_id=self.agent_id, amount=AUTO, currency="INR",
                                                  reason=reason("async"), confidence=0.9)
                self.assertEqual(auto.status, "approved")
                self.assertEqual((await aegis.intents.get(auto.id)).id, auto.id)
                self.assertEqual((await aegis.intents.wait_for_decision(auto.id)).status, "approved")
                listed = [i.id async for i in aegis.intents.list(agent_id=self.agent_id, page_size=1, limit=3)]
                self.assertEqual(listed[0], auto.id)
                self.assertEqual(len(listed), len(set(listed)))
                awaited = await aegis.intents.list(agent_id=self.agent_id, limit=2)
                self.assertEqual(awaited[0].id, auto.id)

                pending = await aegis.intents.submit(agent_id=self.agent_id, amount=NEEDS_APPROVAL,
                                                     currency="INR", reason=reason("async approval"),
                                                     confidence=0.9)
                self.assertEqual(pending.status, "pending_approval")
                inbox = await human.approvals.list()
                self.assertIn(pending.approval.id, [a.id for a in inbox])

                async def approve_later():
                    await asyncio.sleep(1)
                    return await human.approvals.respond(pending.approval.id, "approve", comment="async ok")

                t0 = time.monotonic()
                resolved, answer = await asyncio.gather(
                    aegis.intents.wait_for_decision(pending.id, timeout_s=15), approve_later())
                self.assertTrue(0.9 <= time.monotonic() - t0 < 6)
                self.assertEqual((resolved.status, answer.status), ("approved", "approved"))
                with self.assertRaises(AegisError) as ctx:
                    await human.approvals.respond(pending.approval.id, "approve")
                self.assertEqual((ctx.exception.status_code, ctx.exception.code), (409, "approval_already_answered"))

                stuck = await aegis.intents.submit(agent_id=self.agent_id, amount=NEEDS_APPROVAL,
                                                   currency="INR", reason=reason("async timeout"), confidence=0.9)
                with self.assertRaises(AegisTimeoutError) as ctx:
                    await aegis.intents.wait_for_decision(stuck.id, timeout_s=1.5)
                self.assertEqual(ctx.exception.intent.status, "pending_approval")

                agents = [a.id async for a in admin.agents.list()]
                self.assertIn(self.agent_id, agents)
                agent = await admin.agents.get(self.agent_id)
                self.assertEqual(agent.wallet.currency, "INR")
                self.assertGreaterEqual(agent.counts.approved, 2)
                self.assertGreaterEqual(agent.counts.pending_approval, 1)
            self.assertTrue(aegis.closed)
            with self.assertRaises(AegisError):
                await aegis.intents.get(auto.id)

        self.run_async(main())

    def test_async_errors(self):
        async def main():
            async with self.aclient("aegis_sk_bogus") as bad:
                with self.assertRaises(AegisError) as ctx:
                    await bad.intents.get("int_x")
                self.assertEqual(ctx.exception.status_code, 401)
            async with self.aclient() as aegis:
                with self.assertRaises(AegisError) as ctx:
                    await aegis.approvals.list()
                self.assertEqual(ctx.exception.status_code, 403)
                with self.assertRaises(AegisError) as ctx:
                    await aegis.intents.get("int_doesnotexist0000")
                self.assertEqual(ctx.exception.status_code, 404)
                with self.assertRaises(AegisError) as ctx:
                    await aegis.intents.submit(agent_id=self.agent_id, amount=0, currency="INR", reason="x")
                self.assertEqual((ctx.exception.status_code, ctx.exception.code), (400, "validation_error"))
                self.assertTrue(ctx.exception.details)
                key = str(uuid.uuid4())
                a = await aegis.intents.submit(agent_id=self.agent_id, amount=AUTO, currency="INR",
                                               reason="same", idempotency_key=key)
                b = await aegis.intents.submit(agent_id=self.agent_id, amount=AUTO, currency="INR",
                                               reason="same", idempotency_key=key)
                self.assertEqual(a.id, b.id)
                with self.assertRaises(AegisError) as ctx:
                    await aegis.intents.submit(agent_id=self.agent_id, amount=AUTO + 1, currency="INR",
                                               reason="same", idempotency_key=key)
                self.assertEqual((ctx.exception.status_code, ctx.exception.idempotency_key), (409, key))

        self.run_async(main())


if __name__ == "__main__":
    unittest.main()
