"""``aegis.api``: the methods generated from the OpenAPI document, against the real server."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import subprocess
import unittest
import urllib.request
import uuid

from aegis_os import AegisConflictError, AegisPermissionError, AsyncAegisClient, Intent
from aegis_os._generated.api import OPERATIONS, AsyncApi
from aegis_os.models import IntentList, Policy, SpendingFreeze, Wallet

from .server import REPO_ROOT
from .support import AUTO, IntegrationCase, reason


def snake(operation_id: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "_" + m.group(0).lower(), operation_id)


class GeneratedApiTests(IntegrationCase):
    def test_every_operation_of_the_live_document_has_a_method(self):
        with urllib.request.urlopen(self.base_url + "/api/v1/openapi.json", timeout=30) as resp:
            doc = json.load(resp)
        live = {op["operationId"]: (method.upper(), path) for path, ops in doc["paths"].items() for method, op in ops.items()}
        self.assertGreater(len(live), 30)
        self.assertEqual({k: (v.method, v.path) for k, v in OPERATIONS.items()}, live)
        aegis = self.client()
        for operation_id in live:
            self.assertTrue(callable(getattr(aegis.api, snake(operation_id), None)), operation_id)
            self.assertTrue(asyncio.iscoroutinefunction(getattr(AsyncApi, snake(operation_id))), operation_id)

    def test_generated_files_match_the_live_document(self):
        # Models, Literal types and methods: what `npm run sdk:generate` makes of this server's document.
        run = subprocess.run([str(REPO_ROOT / "node_modules" / ".bin" / "tsx"), "scripts/generate-sdks.ts", "--check", self.base_url],
                             cwd=str(REPO_ROOT), capture_output=True, text=True, timeout=180)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)

    def test_policy_read_is_for_people_only(self):
        policy = self.client(self.admin_key).api.get_policy()
        self.assertIsInstance(policy, Policy)
        self.assertIsInstance(policy.version, int)
        self.assertIn("hard_limit", policy.document["rules"])
        versions = self.client(self.admin_key).api.list_policy_versions()
        self.assertEqual(versions.data[0].version, policy.version)
        self.assertIsInstance(versions.data[0].created_at, dt.datetime)
        with self.assertRaises(AegisPermissionError):
            self.client().api.get_policy()

    def test_freezing_one_agent_denies_its_intents_until_unfrozen(self):
        agent_id, key = self.srv.new_agent()
        admin = self.client(self.admin_key)
        frozen = admin.api.freeze_agent(agent_id, reason="sdk test")
        self.assertIsInstance(frozen, SpendingFreeze)
        self.assertEqual((frozen.scope, frozen.agent_id, frozen.frozen, frozen.reason), ("agent", agent_id, True, "sdk test"))
        self.assertIn(agent_id, [f.agent_id for f in admin.api.get_spending_freeze().frozen_agents])
        denied = self.client(key).intents.submit(amount=AUTO, currency="INR", reason=reason("frozen"))
        self.assertEqual(denied.status, "denied")
        assert denied.policy_decision is not None
        self.assertEqual(denied.policy_decision.rule, "frozen")
        self.assertFalse(admin.api.unfreeze_agent(agent_id).frozen)
        self.assertEqual(self.client(key).intents.submit(amount=AUTO, currency="INR", reason=reason("thawed")).status, "approved")
        with self.assertRaises(AegisPermissionError):
            self.client(key).api.freeze_organization()

    def test_freezing_the_organisation(self):
        admin = self.client(self.admin_key)
        try:
            self.assertTrue(admin.api.freeze_organization(reason="sdk drill").frozen)
            self.assertEqual(admin.api.get_spending_freeze().reason, "sdk drill")
        finally:
            self.assertFalse(admin.api.unfreeze_organization().frozen)

    def test_low_balance_threshold_of_a_wallet(self):
        agent_id, _ = self.srv.new_agent()
        admin = self.client(self.admin_key)
        wallet = admin.api.set_low_balance_threshold(agent_id, low_balance_threshold=500_000)
        self.assertIsInstance(wallet, Wallet)
        self.assertEqual((wallet.currency, wallet.low_balance_threshold), ("INR", 500_000))
        agent = admin.agents.get(agent_id)
        assert agent.wallet is not None
        self.assertEqual(agent.wallet.low_balance_threshold, 500_000)
        self.assertIsNone(admin.api.set_low_balance_threshold(agent_id, low_balance_threshold=None).low_balance_threshold)

    def test_submit_capture_and_list_with_typed_answers(self):
        aegis = self.client()
        key = str(uuid.uuid4())
        first = aegis.api.submit_intent(amount=AUTO, currency="INR", reason=reason("api"), agent_id=self.agent_id,
                                        idempotency_key=key)
        self.assertIsInstance(first, Intent)
        again = aegis.api.submit_intent(amount=AUTO, currency="INR", reason=first.reason, agent_id=self.agent_id,
                                        idempotency_key=key)
        self.assertEqual(again.id, first.id)
        captured = aegis.api.capture_intent(first.id, amount=AUTO - 100)
        self.assertEqual((captured.settlement, captured.captured_amount), ("captured", AUTO - 100))
        with self.assertRaises(AegisConflictError):
            aegis.api.void_intent(first.id)
        page = aegis.api.list_intents(status="approved", limit=2, created_after=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1))
        self.assertIsInstance(page, IntentList)
        self.assertLessEqual(len(page.data), 2)
        self.assertTrue(all(i.status == "approved" for i in page.data))

    def test_the_async_client_has_the_same_methods(self):
        async def run():
            async with AsyncAegisClient(api_key=self.admin_key, base_url=self.base_url) as aegis:
                policy = await aegis.api.get_policy()
                page = await aegis.api.list_agents(limit=1)
                return policy, page

        policy, page = asyncio.run(run())
        self.assertIsInstance(policy, Policy)
        self.assertEqual(len(page.data), 1)


if __name__ == "__main__":
    unittest.main()
