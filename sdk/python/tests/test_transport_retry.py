"""Retry, backoff, timeouts, keep-alive and non-JSON answers of the sync client.

The peers are scripted local fakes (tests/fakes.py via support.FakeServerCase):
a healthy real server cannot be made to misbehave like this on demand.
"""

from __future__ import annotations

import threading
import time
import unittest

from aegis_os import AegisClient, AegisConnectionError, AegisError, AegisTimeoutError

from .fakes import DROP, FakeServer, json_answer
from .support import UUID4, FakeServerCase, free_port, intent_json


class TransportRetryTests(FakeServerCase):
    def test_submit_honours_retry_after_and_reuses_idempotency_key(self):
        def script(rec, i):
            if i == 0:
                return json_answer(429, {"error": {"code": "rate_limited", "message": "slow down", "status": 429}},
                                   {"Retry-After": "1"})
            return json_answer(201, intent_json())

        srv = self.serve(script)
        with AegisClient(api_key="aegis_sk_x", base_url=srv.base_url) as aegis:
            t0 = time.monotonic()
            intent = aegis.intents.submit(amount=12500, currency="INR", reason="r")
            waited = time.monotonic() - t0
        self.assertEqual(intent.status, "approved")
        self.assertGreaterEqual(waited, 0.95)
        self.assertEqual(len(srv.requests), 2)
        keys = {r.headers["idempotency-key"] for r in srv.requests}
        self.assertEqual(len(keys), 1)
        self.assertRegex(keys.pop(), UUID4)
        self.assertEqual(srv.requests[0].json(), {"amount": 12500, "currency": "INR", "reason": "r"})
        self.assertEqual(srv.requests[0].headers["authorization"], "Bearer aegis_sk_x")

    def test_submit_retries_5xx_and_lost_answers_then_gives_up_with_key(self):
        srv = self.serve(lambda rec, i: DROP if i == 0 else
                         (json_answer(500, {"error": {"code": "internal_error", "message": "boom"}}) if i == 1
                          else json_answer(201, intent_json())))
        with AegisClient(api_key="k", base_url=srv.base_url) as aegis:
            intent = aegis.intents.submit(amount=1, currency="INR", reason="r", idempotency_key="my-key")
        self.assertEqual(intent.id, "int_test1")
        self.assertEqual([r.headers["idempotency-key"] for r in srv.requests], ["my-key"] * 3)

        always = self.serve(lambda rec, i: json_answer(503, {"error": {"code": "unavailable", "message": "down"}},
                                                       {"Retry-After": "0"}))
        with AegisClient(api_key="k", base_url=always.base_url) as aegis:
            with self.assertRaises(AegisError) as ctx:
                aegis.intents.submit(amount=1, currency="INR", reason="r")
        self.assertEqual(ctx.exception.status_code, 503)
        self.assertEqual(len(always.requests), 4)  # 1 + max 3 retries
        self.assertEqual(ctx.exception.idempotency_key, always.requests[0].headers["idempotency-key"])

    def test_get_retries_503_but_respond_does_not_retry_5xx(self):
        srv = self.serve(lambda rec, i: json_answer(503, {"error": {"message": "x"}}, {"Retry-After": "0"})
                         if i == 0 else json_answer(200, intent_json()))
        with AegisClient(api_key="k", base_url=srv.base_url) as aegis:
            self.assertEqual(aegis.intents.get("int_test1").id, "int_test1")
        self.assertEqual(len(srv.requests), 2)

        srv2 = self.serve(lambda rec, i: json_answer(500, {"error": {"code": "internal_error", "message": "x"}}))
        with AegisClient(api_key="k", base_url=srv2.base_url) as aegis:
            with self.assertRaises(AegisError) as ctx:
                aegis.approvals.respond("apr_1", "approve", comment="ok")
        self.assertEqual(ctx.exception.status_code, 500)
        self.assertEqual(len(srv2.requests), 1)
        self.assertEqual(srv2.requests[0].json(), {"decision": "approve", "comment": "ok"})

        lost = self.serve(lambda rec, i: DROP)
        with AegisClient(api_key="k", base_url=lost.base_url) as aegis:
            with self.assertRaises(AegisConnectionError):
                aegis.approvals.respond("apr_1", "approved")
        self.assertEqual(len(lost.requests), 1)
        self.assertEqual(lost.requests[0].json(), {"decision": "approve"})

    def test_respond_retries_when_connection_was_refused(self):
        port = free_port()
        holder = {}

        def start_later():
            time.sleep(0.3)  # the first attempt is refused; the server appears during the backoff
            holder["srv"] = FakeServer(
                lambda rec, i: json_answer(200, {"id": "apr_1", "object": "approval", "status": "approved"}), port=port
            )

        t = threading.Thread(target=start_later)
        t.start()
        try:
            with AegisClient(api_key="k", base_url="http://127.0.0.1:%d" % port) as aegis:
                appr = aegis.approvals.respond("apr_1", "approve")
            self.assertEqual(appr.status, "approved")
        finally:
            t.join()
            holder["srv"].close()
        self.assertEqual(len(holder["srv"].requests), 1)

    def test_request_timeout_raises_aegis_timeout_error(self):
        def slow(rec, i):
            time.sleep(1.5)
            return json_answer(201 if rec.method == "POST" else 200, intent_json())

        srv = self.serve(slow)
        with AegisClient(api_key="k", base_url=srv.base_url, timeout=0.3, max_retries=1) as aegis:
            with self.assertRaises(AegisTimeoutError) as ctx:
                aegis.intents.get("int_test1")
            self.assertIsNone(ctx.exception.intent)
            self.assertEqual(len(srv.requests), 1)  # GET timeouts are reported, not repeated
            with self.assertRaises(AegisTimeoutError) as ctx:
                aegis.intents.submit(amount=1, currency="INR", reason="r")
        self.assertIsNotNone(ctx.exception.idempotency_key)
        posts = [r for r in srv.requests if r.method == "POST"]
        self.assertEqual(len(posts), 2)  # submit retries timeouts with the same key
        self.assertEqual(posts[0].headers["idempotency-key"], posts[1].headers["idempotency-key"])

    def test_connection_refused_raises_aegis_connection_error(self):
        port = free_port()
        with AegisClient(api_key="k", base_url="http://127.0.0.1:%d" % port, max_retries=1) as aegis:
            with self.assertRaises(AegisConnectionError) as ctx:
                aegis.intents.get("int_1")
            self.assertIn("connection refused", ctx.exception.message)
            self.assertIsNone(ctx.exception.status_code)
            with self.assertRaises(AegisConnectionError) as ctx:
                aegis.intents.submit(amount=1, currency="INR", reason="x")
            self.assertIsNotNone(ctx.exception.idempotency_key)
            self.assertNotIsInstance(ctx.exception.__cause__, OSError)
        with AegisClient(api_key="k", base_url="http://no-such-host.invalid", max_retries=0) as aegis:
            with self.assertRaises(AegisConnectionError):
                aegis.agents.get("x")

    def test_keep_alive_reuse_and_context_manager_close(self):
        srv = self.serve(lambda rec, i: json_answer(200, intent_json()))
        with AegisClient(api_key="k", base_url=srv.base_url) as aegis:
            for _ in range(3):
                aegis.intents.get("int_test1")
            conns = [c for c, _ in aegis._transport._idle]
            self.assertEqual(len(conns), 1)
            self.assertIsNotNone(conns[0].sock)
        self.assertEqual(srv.connections, 1)
        self.assertEqual(len(srv.requests), 3)
        self.assertIsNone(conns[0].sock)  # closed by __exit__
        self.assertTrue(aegis.closed)
        with self.assertRaises(AegisError) as ctx:
            aegis.intents.get("int_test1")
        self.assertEqual(ctx.exception.code, "client_closed")
        with self.assertRaises(AegisError) as ctx:
            aegis.intents.submit(amount=1, currency="INR", reason="r")
        self.assertIsNotNone(ctx.exception.idempotency_key)
        self.assertEqual(len(srv.requests), 3)

    def test_non_json_answers(self):
        srv = self.serve(lambda rec, i: (502, {"Content-Type": "text/html"}, b"<h1>Bad gateway</h1>")
                         if rec.path.startswith("/api/v1/agents") else (200, {"Content-Type": "text/plain"}, b"hello"))
        with AegisClient(api_key="k", base_url=srv.base_url, max_retries=0) as aegis:
            with self.assertRaises(AegisError) as ctx:
                aegis.agents.get("a")
            self.assertEqual(ctx.exception.status_code, 502)
            self.assertIn("Bad gateway", ctx.exception.message)
            with self.assertRaises(AegisError) as ctx:
                aegis.intents.get("int_1")
            self.assertEqual(ctx.exception.code, "invalid_response")


if __name__ == "__main__":
    unittest.main()
