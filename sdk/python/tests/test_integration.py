"""Every SDK method, sync and async, against the real AegisOS server.

The server is started by tests/server.py (or taken from AEGIS_TEST_BASE_URL /
AEGIS_TEST_DATA_DIR). Fresh agents come from the admin CLI. The only
non-server pieces here are two proxies in front of the REAL server (one drops
an answer after the server processed the request, one puts a 429 before it)
and a counting proxy to observe the client's connections and requests.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time
import unittest
import uuid

from aegis_os import (
    Agent,
    AegisClient,
    AegisError,
    AegisTimeoutError,
    Approval,
    AsyncAegisClient,
    Intent,
    PolicyDecision,
)

from .fakes import Proxy, json_answer
from .server import get_server

AUTO = 12_500  # ₹125: auto-approved by the default policy
NEEDS_APPROVAL = 2_000_000  # ₹20,000: above ₹10,000 -> a human must approve
TWO_APPROVERS = 8_000_000  # ₹80,000: admin only, two approvers
HARD_LIMIT = 20_000_000  # ₹200,000: above ₹100,000 -> denied (hard_limit)
TERMINAL = {"approved", "denied", "expired", "cancelled"}


def reason(tag: str) -> str:
    return "%s %s" % (tag, uuid.uuid4().hex[:10])


class _Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = get_server()
        cls.base_url = cls.srv.base_url
        # The default policy caps an agent at 50,000.00 INR a day and 60 intents an hour;
        # this agent submits many large intents, so it gets room (for it alone).
        cls.agent_id, cls.agent_key = cls.srv.new_agent(
            balance=500_000_000,
            overrides={"daily_budget": 400_000_000, "monthly_budget": 400_000_000, "max_intents_per_hour": 1000})
        cls.other_agent_id, cls.other_agent_key = cls.srv.new_agent()
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


class SyncIntegrationTests(_Base):
    # -- intents.submit / get ------------------------------------------------
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
        self.assertIsInstance(intent.approval, Approval)
        self.assertTrue(intent.approval.id.startswith("apr_"))
        self.assertEqual(intent.approval.status, "pending")
        low = self.submit(self.client(), amount=AUTO, confidence=0.3)
        self.assertEqual(low.status, "pending_approval")

    # -- idempotency -----------------------------------------------------------
    def test_same_idempotency_key_returns_the_same_intent(self):
        aegis = self.client()
        key = str(uuid.uuid4())
        r = reason("idem")
        first = self.submit(aegis, reason=r, idempotency_key=key)
        second = self.submit(aegis, reason=r, idempotency_key=key)
        self.assertEqual(first.id, second.id)
        with self.assertRaises(AegisError) as ctx:
            self.submit(aegis, reason=r + " changed", idempotency_key=key)
        err = ctx.exception
        self.assertEqual(err.status_code, 409)
        self.assertTrue(err.code in ("conflict", "idempotency_key_reused") or "conflict" in err.code, err.code)
        self.assertEqual(err.idempotency_key, key)
        self.assertTrue(err.request_id)

    def test_lost_answer_is_retried_with_the_same_key_and_creates_one_intent(self):
        def lose_first_post(rec, i):
            return ("forward_then_drop",) if rec.method == "POST" and i == 0 else None

        proxy = self.proxy(lose_first_post)
        r = reason("lost answer")
        with self.client(base_url=proxy.base_url) as aegis:
            intent = self.submit(aegis, reason=r)
        self.assertEqual(intent.status, "approved")
        posts = [(rec, status) for rec, status in proxy.forwarded if rec.method == "POST"]
        self.assertEqual(len(posts), 2, "the server saw the submit twice")
        self.assertEqual(posts[0][0].headers["idempotency-key"], posts[1][0].headers["idempotency-key"])
        mine = [i for i in self.client().intents.list(agent_id=self.agent_id, limit=50) if i.reason == r]
        self.assertEqual([i.id for i in mine], [intent.id], "a retry created a second intent")

    def test_retry_after_429_in_front_of_the_real_server(self):
        # The 429 comes from the local proxy (the real server is not rate limiting here);
        # the retried request goes through to the real server.
        proxy = self.proxy(lambda rec, i: json_answer(
            429, {"error": {"code": "rate_limited", "message": "slow down", "status": 429}}, {"Retry-After": "1"})
            if i == 0 else None)
        with self.client(base_url=proxy.base_url) as aegis:
            t0 = time.monotonic()
            intent = self.submit(aegis)
            self.assertGreaterEqual(time.monotonic() - t0, 0.95)
        self.assertEqual(intent.status, "approved")
        self.assertEqual(len(proxy.requests), 2)

    # -- errors ----------------------------------------------------------------
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

    # -- intents.list ------------------------------------------------------------
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

    # -- wait_for_decision -------------------------------------------------------
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

    # -- approvals -----------------------------------------------------------------
    def test_approvals_list_and_respond(self):
        intent = self.submit(self.client(), amount=NEEDS_APPROVAL, merchant="AWS")
        human = self.client(self.approver_key)
        inbox = list(human.approvals.list())
        mine = [a for a in inbox if a.intent_id == intent.id]
        self.assertEqual(len(mine), 1, [a.intent_id for a in inbox])
        appr = mine[0]
        self.assertEqual((appr.id, appr.object, appr.status), (intent.approval.id, "approval", "pending"))
        self.assertEqual(appr.approvals_required, 1)
        self.assertEqual(appr.intent.id, intent.id)
        self.assertEqual(appr.intent.amount, NEEDS_APPROVAL)
        self.assertEqual(appr.agent.id, self.agent_id)
        self.assertIsNotNone(appr.expires_at)
        done = human.approvals.respond(appr.id, "approve", comment="fine")
        self.assertEqual(done.status, "approved")
        self.assertEqual([(r.user_email, r.decision, r.comment) for r in done.responses],
                         [("approver@acme.test", "approve", "fine")])
        self.assertEqual(self.client().intents.get(intent.id).status, "approved")
        self.assertNotIn(appr.id, [a.id for a in human.approvals.list()])
        with self.assertRaises(AegisError) as ctx:
            human.approvals.respond(appr.id, "reject")
        self.assertEqual((ctx.exception.status_code, ctx.exception.code), (409, "approval_already_answered"))

    def test_reject_by_intent_id(self):
        intent = self.submit(self.client(), amount=NEEDS_APPROVAL)
        done = self.client(self.approver_key).approvals.respond(intent.id, "denied", comment="no")
        self.assertEqual(done.status, "rejected")
        self.assertEqual(done.responses[0].decision, "reject")
        resolved = self.client().intents.wait_for_decision(intent.id, timeout_s=5)
        self.assertEqual(resolved.status, "denied")

    def test_two_approvers_keep_the_approval_pending(self):
        intent = self.submit(self.client(), amount=TWO_APPROVERS)
        self.assertEqual(intent.status, "pending_approval")
        first = self.client(self.admin_key).approvals.respond(intent.approval.id, "approve")
        self.assertEqual(first.approvals_required, 2)
        self.assertEqual(first.status, "pending")
        self.assertEqual(self.client().intents.get(intent.id).status, "pending_approval")

    # -- agents ----------------------------------------------------------------------
    def test_agents_list_and_get(self):
        admin = self.client(self.admin_key)
        pager = admin.agents.list(page_size=1)
        agents = list(pager)
        self.assertIn(self.agent_id, [a.id for a in agents])
        self.assertTrue(all(isinstance(a, Agent) for a in agents))
        self.assertGreaterEqual(pager.pages_fetched, 2)
        agent = admin.agents.get(self.agent_id)
        self.assertEqual((agent.id, agent.object, agent.status), (self.agent_id, "agent", "active"))
        self.assertTrue(agent.name.startswith("sdk-test-"))
        self.assertIn(agent.risk_level, {"low", "medium", "high", "critical"})
        self.assertIsInstance(agent.risk_factors, list)
        self.assertEqual(agent.wallet.currency, "INR")
        self.assertEqual(agent.wallet.available, agent.wallet.balance - agent.wallet.held)
        self.assertIsNotNone(agent.spend)
        self.assertIsNotNone(agent.counts)
        self.assertGreaterEqual(agent.counts.approved, 0)

    # -- connections -------------------------------------------------------------------
    def test_keep_alive_and_context_manager_close_on_the_real_server(self):
        with AegisClient(api_key=self.agent_key, base_url=self.base_url) as aegis:
            aegis.intents.list(limit=1)
            sock1 = aegis._transport._idle[0][0].sock
            aegis.intents.list(limit=1)
            conns = [c for c, _ in aegis._transport._idle]
            self.assertEqual(len(conns), 1)
            self.assertIs(conns[0].sock, sock1, "the connection was not reused")
        self.assertIsNone(conns[0].sock)
        with self.assertRaises(AegisError) as ctx:
            aegis.intents.list()
        self.assertEqual(ctx.exception.code, "client_closed")

    def test_one_client_shared_by_threads(self):
        aegis = self.client()
        intent = self.submit(aegis)
        results, errors = [], []

        def work():
            try:
                for _ in range(5):
                    results.append(aegis.intents.get(intent.id).id)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(results, [intent.id] * 30)
        self.assertLessEqual(len(aegis._transport._idle), 6)

    def test_connections_are_reused_through_a_counting_proxy(self):
        proxy = self.proxy()
        with self.client(base_url=proxy.base_url) as aegis:
            for _ in range(3):
                aegis.intents.list(limit=1)
        self.assertEqual((proxy.connections, len(proxy.requests)), (1, 3))


class AsyncIntegrationTests(_Base):
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
