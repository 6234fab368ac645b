"""agents.list / get against the real server."""

from __future__ import annotations

import unittest

from aegis_os import Agent

from .support import IntegrationCase


class AgentIntegrationTests(IntegrationCase):
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


if __name__ == "__main__":
    unittest.main()
