"""Idempotency keys against the real server, also through a proxy that loses an
answer after the server processed the request or puts a 429 in front of it."""

from __future__ import annotations

import time
import unittest
import uuid

from aegis_os import AegisError

from .fakes import json_answer
from .support import IntegrationCase, reason


class IdempotencyIntegrationTests(IntegrationCase):
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


if __name__ == "__main__":
    unittest.main()
