"""Client mechanics that need no AegisOS server.

The HTTP peers here are tiny local fakes (tests/fakes.py). They stand in for
the server ONLY where a healthy real server cannot be made to misbehave on
demand: 429 + Retry-After, 5xx, slow answers, lost answers, non-JSON bodies,
a server that ignores ``?wait``. All API behaviour is tested against the real
server in test_integration.py and test_document_examples.py.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import socket
import sys
import threading
import time
import unittest
from pathlib import Path

from aegis_os import (
    Agent,
    AegisClient,
    AegisConnectionError,
    AegisError,
    AegisTimeoutError,
    Approval,
    AsyncAegisClient,
    Intent,
    PolicyDecision,
)
from aegis_os._transport import Response, error_from_response, parse_retry_after

from .fakes import DROP, FakeServer, json_answer

SDK_ROOT = Path(__file__).resolve().parents[1]
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def intent_json(status="approved", **extra):
    data = {
        "id": "int_test1",
        "object": "intent",
        "agent_id": "8a3c1f0e-0000-4000-8000-000000000001",
        "amount": 12500,
        "currency": "INR",
        "reason": "Monthly SaaS subscription renewal",
        "confidence": 0.97,
        "merchant": "Notion",
        "merchant_category": "saas",
        "metadata": {"invoice_id": "INV-2026-0341"},
        "status": status,
        "policy_decision": None
        if status == "pending"
        else {
            "outcome": {"approved": "approve", "denied": "deny"}.get(status, "require_approval"),
            "rule": "auto_approve_limit",
            "reason": "Amount 125.00 INR is within the auto-approve limit",
            "trace": [{"rule": "hard_limit", "result": "pass", "detail": "ok"}],
            "budgets": {"day": {"spent": 0}},
        },
        "approval": None,
        "created_at": "2026-03-01T10:00:00.123Z",
        "decided_at": "2026-03-01T10:00:00.456Z",
    }
    data.update(extra)
    return data


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class ModelTests(unittest.TestCase):
    def test_intent_parsing_is_typed_and_forward_compatible(self):
        data = intent_json(future_field={"x": 1})
        data["policy_decision"]["new_thing"] = 5
        intent = Intent.from_dict(data)
        self.assertEqual(intent.id, "int_test1")
        self.assertEqual(intent.amount, 12500)
        self.assertEqual(intent.metadata, {"invoice_id": "INV-2026-0341"})
        self.assertIsInstance(intent.policy_decision, PolicyDecision)
        self.assertEqual(intent.policy_decision.trace[0].rule, "hard_limit")
        self.assertEqual(intent.policy_decision.budgets, {"day": {"spent": 0}})
        self.assertEqual(intent.raw["future_field"], {"x": 1})
        self.assertEqual(intent.policy_decision.raw["new_thing"], 5)
        self.assertEqual(intent.created_at, dt.datetime(2026, 3, 1, 10, 0, 0, 123000, tzinfo=dt.timezone.utc))
        self.assertTrue(intent.is_terminal)
        self.assertFalse(Intent.from_dict(intent_json("pending_approval")).is_terminal)
        self.assertIsNone(Intent.from_dict(intent_json("pending")).policy_decision)

    def test_policy_decision_reads_as_a_sentence(self):
        pd = PolicyDecision.from_dict(
            {"outcome": "deny", "rule": "hard_limit", "reason": "Amount 2,00,000.00 INR exceeds the hard limit", "trace": []}
        )
        self.assertEqual(
            f"Spend denied: {pd}",
            "Spend denied: denied by rule hard_limit: Amount 2,00,000.00 INR exceeds the hard limit",
        )
        self.assertEqual(str(PolicyDecision(outcome="require_approval", rule="min_confidence")),
                         "approval required by rule min_confidence")
        self.assertEqual(str(PolicyDecision(outcome="approve", reason="ok")), "approved: ok")

    def test_approval_and_agent_parsing(self):
        appr = Approval.from_dict(
            {
                "id": "apr_1", "object": "approval", "intent_id": "int_1", "status": "pending",
                "approvals_required": 2,
                "responses": [{"user_email": "a@x", "decision": "approve", "comment": None,
                               "created_at": "2026-01-01T00:00:00Z"}],
                "expires_at": "2026-01-02T00:00:00Z", "created_at": "2026-01-01T00:00:00Z",
                "intent": intent_json("pending_approval"), "agent": {"id": "ag", "name": "bot", "risk_level": "low"},
                "extra": True,
            }
        )
        self.assertEqual(appr.approvals_required, 2)
        self.assertEqual(appr.responses[0].decision, "approve")
        self.assertEqual(appr.intent.status, "pending_approval")
        self.assertEqual(appr.agent.risk_level, "low")
        self.assertTrue(appr.raw["extra"])
        agent = Agent.from_dict(
            {
                "id": "ag", "object": "agent", "name": "bot", "status": "active", "owner": {"email": "o@x"},
                "risk_level": "medium", "risk_factors": [{"factor": "denials", "value": 3, "detail": "3 denied"}],
                "risk_override": None, "wallet": {"currency": "INR", "balance": 100, "held": 10, "available": 90},
                "spend": {"day": {"spent": 5, "limit": 10, "remaining": 5, "resets_at": "2026-01-02T00:00:00Z"},
                          "month": {"spent": 5, "limit": None, "remaining": None, "resets_at": None}},
                "counts": {"approved": 1, "denied": 2, "pending_approval": 0, "pending": 0, "expired": 0, "cancelled": 4},
                "created_at": "2026-01-01T00:00:00Z",
            }
        )
        self.assertEqual(agent.wallet.available, 90)
        self.assertEqual(agent.risk_factors[0].factor, "denials")
        self.assertEqual(agent.spend.day.remaining, 5)
        self.assertEqual(agent.counts.denied, 2)
        self.assertEqual(agent.counts.raw["cancelled"], 4)


class ErrorParsingTests(unittest.TestCase):
    def test_json_error_body(self):
        body = (b'{"error":{"code":"validation_error","message":"amount must be a positive integer",'
                b'"status":400,"request_id":"req_1","details":[{"field":"amount","issue":"too small"}]}}')
        err = error_from_response(Response(400, "Bad Request", {}, body), "key-1")
        self.assertIsInstance(err, AegisError)
        self.assertEqual((err.status_code, err.code, err.request_id), (400, "validation_error", "req_1"))
        self.assertEqual(err.message, "amount must be a positive integer")
        self.assertEqual(err.details[0]["field"], "amount")
        self.assertEqual(err.idempotency_key, "key-1")
        self.assertIn("amount: too small", str(err))

    def test_non_json_error_body(self):
        err = error_from_response(
            Response(502, "Bad Gateway", {"x-request-id": "req_h"}, b"<html><body>upstream down</body></html>")
        )
        self.assertEqual(err.status_code, 502)
        self.assertEqual(err.code, "bad_gateway")
        self.assertEqual(err.request_id, "req_h")
        self.assertIn("upstream down", err.message)
        empty = error_from_response(Response(404, "Not Found", {}, b""))
        self.assertEqual((empty.code, empty.message), ("not_found", "HTTP 404 Not Found"))

    def test_retry_after_parsing(self):
        self.assertEqual(parse_retry_after("2"), 2.0)
        self.assertEqual(parse_retry_after("0.5"), 0.5)
        self.assertIsNone(parse_retry_after(None))
        self.assertIsNone(parse_retry_after("soon"))
        when = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
        self.assertTrue(25 <= parse_retry_after(when) <= 31)


class ClientConfigTests(unittest.TestCase):
    def test_base_url_falls_back_to_env_then_localhost(self):
        old = os.environ.pop("AEGIS_BASE_URL", None)
        try:
            self.assertEqual(AegisClient(api_key="k").base_url, "http://localhost:3000")
            os.environ["AEGIS_BASE_URL"] = "http://127.0.0.1:4567"
            self.assertEqual(AegisClient(api_key="k").base_url, "http://127.0.0.1:4567")
            self.assertEqual(AsyncAegisClient(api_key="k").base_url, "http://127.0.0.1:4567")
            self.assertEqual(AegisClient(api_key="k", base_url="http://h:1").base_url, "http://h:1")
        finally:
            os.environ.pop("AEGIS_BASE_URL", None)
            if old is not None:
                os.environ["AEGIS_BASE_URL"] = old

    def test_signature_and_timeout(self):
        c = AegisClient(api_key="k", timeout=10, base_url=None)
        self.assertEqual(c.timeout, 10)
        c.close()
        with self.assertRaises(AegisError):
            AegisClient(api_key="")

    def test_version_matches_pyproject_and_stdlib_only(self):
        import aegis_os

        text = (SDK_ROOT / "pyproject.toml").read_text()
        self.assertIn('version = "%s"' % aegis_os.__version__, text)
        self.assertIn('name = "aegis-os"', text)
        self.assertIn('requires-python = ">=3.9"', text)
        if hasattr(sys, "stdlib_module_names"):
            for path in (SDK_ROOT / "aegis_os").glob("*.py"):
                for mod in re.findall(r"^\s*(?:from|import) ([a-zA-Z_][\w]*)", path.read_text(), re.M):
                    if mod not in ("aegis_os", "__future__"):
                        self.assertIn(mod, sys.stdlib_module_names, "%s imports %s" % (path.name, mod))


class FakeServerTests(unittest.TestCase):
    """Retry / transport mechanics against a scripted local fake (not the real server)."""

    def serve(self, script):
        srv = FakeServer(script)
        self.addCleanup(srv.close)
        return srv

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

    def test_wait_for_decision_falls_back_to_polling_when_wait_is_ignored(self):
        def script(rec, i):
            return json_answer(200, intent_json("pending_approval" if i < 3 else "approved"))

        srv = self.serve(script)
        with AegisClient(api_key="k", base_url=srv.base_url) as aegis:
            t0 = time.monotonic()
            resolved = aegis.intents.wait_for_decision("int_test1", poll_interval_s=0.2, timeout_s=5)
            took = time.monotonic() - t0
        self.assertEqual(resolved.status, "approved")
        self.assertEqual(len(srv.requests), 4)
        self.assertIn("wait=5", srv.requests[0].path)
        self.assertTrue(0.5 <= took < 2.0, took)

    def test_wait_for_decision_timeout_carries_last_intent(self):
        srv = self.serve(lambda rec, i: json_answer(200, intent_json("pending_approval")))
        with AegisClient(api_key="k", base_url=srv.base_url) as aegis:
            t0 = time.monotonic()
            with self.assertRaises(AegisTimeoutError) as ctx:
                aegis.intents.wait_for_decision("int_test1", poll_interval_s=0.1, timeout_s=0.6)
            self.assertLess(time.monotonic() - t0, 1.5)
        self.assertEqual(ctx.exception.intent.status, "pending_approval")
        self.assertEqual(ctx.exception.code, "decision_timeout")

    def test_list_follows_cursors_and_encodes_filters(self):
        pages = {None: (["a", "b"], "c1"), "c1": (["c", "d"], "c2"), "c2": (["e"], None)}

        def script(rec, i):
            from urllib.parse import parse_qs, urlsplit

            q = {k: v[0] for k, v in parse_qs(urlsplit(rec.path).query).items()}
            ids, nxt = pages[q.get("cursor")]
            return json_answer(200, {"object": "list", "data": [intent_json(id=x) for x in ids],
                                     "has_more": nxt is not None, "next_cursor": nxt})

        srv = self.serve(script)
        with AegisClient(api_key="k", base_url=srv.base_url) as aegis:
            after = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
            ids = [i.id for i in aegis.intents.list(status=["approved", "denied"], agent_id="ag",
                                                     created_after=after, created_before="2026-02-01T00:00:00Z")]
            self.assertEqual(ids, ["a", "b", "c", "d", "e"])
            first = srv.requests[0].path
            self.assertIn("status=approved%2Cdenied", first)
            self.assertIn("created_after=2026-01-02T03%3A04%3A05Z", first)
            self.assertIn("agent_id=ag", first)
            self.assertIn("cursor=c1", srv.requests[1].path)
            n = len(srv.requests)
            self.assertEqual([i.id for i in aegis.intents.list(limit=3)], ["a", "b", "c"])
            self.assertEqual(len(srv.requests) - n, 2)  # stopped as soon as 3 items were seen
            self.assertIn("limit=3", srv.requests[n].path)

    def test_async_client_does_not_block_the_loop(self):
        def slow(rec, i):
            time.sleep(0.6)
            return json_answer(200, intent_json())

        srv = self.serve(slow)

        async def main():
            ticks = 0
            done = False

            async def ticker():
                nonlocal ticks
                while not done:
                    ticks += 1
                    await asyncio.sleep(0.02)

            async with AsyncAegisClient(api_key="k", base_url=srv.base_url) as aegis:
                t = asyncio.ensure_future(ticker())
                results = await asyncio.gather(aegis.intents.get("int_test1"), aegis.intents.get("int_test1"))
                done = True
                await t
            return ticks, results, aegis

        t0 = time.monotonic()
        ticks, results, aegis = asyncio.run(main())
        self.assertLess(time.monotonic() - t0, 1.15)  # the two requests ran concurrently
        self.assertGreaterEqual(ticks, 15)
        self.assertEqual([r.id for r in results], ["int_test1", "int_test1"])
        self.assertTrue(aegis.closed)

        async def after_close():
            with self.assertRaises(AegisError):
                await aegis.intents.get("int_test1")
            c = AsyncAegisClient(api_key="k", base_url=srv.base_url)
            await c.close()
            c2 = AsyncAegisClient(api_key="k", base_url=srv.base_url)
            c2.close()
            self.assertTrue(c.closed and c2.closed)

        asyncio.run(after_close())

    def test_async_pagination_and_await_list(self):
        def script(rec, i):
            n = int(rec.path.split("cursor=c")[1][0]) if "cursor=c" in rec.path else 0
            return json_answer(200, {
                "object": "list", "data": [{"id": "ag%d" % n, "object": "agent", "name": "n"}],
                "has_more": n < 2, "next_cursor": "c%d" % (n + 1) if n < 2 else None})

        srv = self.serve(script)

        async def main():
            async with AsyncAegisClient(api_key="k", base_url=srv.base_url) as aegis:
                seen = [a.id async for a in aegis.agents.list()]
                listed = await aegis.agents.list(limit=2)
                return seen, listed

        seen, listed = asyncio.run(main())
        self.assertEqual(seen, ["ag0", "ag1", "ag2"])
        self.assertEqual([a.id for a in listed], ["ag0", "ag1"])


class PackagingTests(unittest.TestCase):
    def test_wheel_build_and_offline_pip_install(self):
        import subprocess
        import tempfile
        import zipfile

        sys.path.insert(0, str(SDK_ROOT / "_build"))
        try:
            import aegis_build
        finally:
            sys.path.pop(0)
        with tempfile.TemporaryDirectory() as tmp:
            name = aegis_build.build_wheel(tmp)
            self.assertEqual(name, "aegis_os-%s-py3-none-any.whl" % __import__("aegis_os").__version__)
            with zipfile.ZipFile(os.path.join(tmp, name)) as zf:
                names = zf.namelist()
                meta = zf.read([n for n in names if n.endswith("METADATA")][0]).decode()
            self.assertIn("aegis_os/__init__.py", names)
            self.assertIn("aegis_os/py.typed", names)
            self.assertIn("Name: aegis-os", meta)
            self.assertIn("Requires-Python: >=3.9", meta)
            self.assertNotIn("Requires-Dist", meta)
            try:
                import ensurepip  # noqa: F401
            except ImportError:
                self.skipTest("no ensurepip: cannot make a venv with pip")
            venv = os.path.join(tmp, "venv")
            subprocess.run([sys.executable, "-m", "venv", venv], check=True, capture_output=True, timeout=120)
            py = os.path.join(venv, "bin", "python")
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            res = subprocess.run([py, "-m", "pip", "install", "--no-index", str(SDK_ROOT)], capture_output=True,
                                 text=True, timeout=300, env=env)
            self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
            res = subprocess.run([py, "-c", "import aegis_os, sys; print(aegis_os.__file__)"], capture_output=True,
                                 text=True, cwd=tmp, timeout=60)
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertIn(venv, res.stdout)


if __name__ == "__main__":
    unittest.main()
