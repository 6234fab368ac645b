"""approvals.list / respond against the real server."""

from __future__ import annotations

import unittest

from aegis_os import AegisError, AegisPermissionError

from .server import get_server
from .support import NEEDS_APPROVAL, TWO_APPROVERS, IntegrationCase


class ApprovalIntegrationTests(IntegrationCase):
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
        admin = self.client(self.admin_key)
        # Above the organisation's step-up threshold (the admin threshold by default) a person must
        # answer with a fresh second factor, which an API key cannot give.
        with self.assertRaises(AegisPermissionError) as ctx:
            admin.approvals.respond(intent.approval.id, "approve")
        self.assertEqual((ctx.exception.status_code, ctx.exception.code), (403, "step_up_required"))
        server = get_server()
        server.cli("org", "sign-in-rules", "--org", server.org_id, "--step-up-threshold", str(TWO_APPROVERS * 10), "--json")
        try:
            first = admin.approvals.respond(intent.approval.id, "approve")
        finally:
            server.cli("org", "sign-in-rules", "--org", server.org_id, "--step-up-threshold", "admin", "--json")
        self.assertEqual(first.approvals_required, 2)
        self.assertEqual(first.status, "pending")
        self.assertEqual(self.client().intents.get(intent.id).status, "pending_approval")


if __name__ == "__main__":
    unittest.main()
