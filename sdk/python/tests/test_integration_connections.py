"""Keep-alive, close and thread sharing of one client against the real server."""

from __future__ import annotations

import threading
import unittest

from aegis_os import AegisClient, AegisError

from .support import IntegrationCase


class ConnectionIntegrationTests(IntegrationCase):
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


if __name__ == "__main__":
    unittest.main()
