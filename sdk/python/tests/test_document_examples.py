"""The public document's example code, run unchanged against the real server.

Each example block of ../shared/seed/aegis-os-python-sdk.txt (after the labels
client.py, agent.py, async_agent.py, agent.py, agent.py) is read at test time.
Only placeholders are filled: the AEGIS_API_KEY / AEGIS_AGENT_ID /
AEGIS_BASE_URL environment variables, the "aegis_sk_..." and
"your-agent-uuid" literals, ``/* ... */`` (real submit kwargs); and the names
a block takes from an earlier one (``aegis``, ``intent``) or from the reader
(``execute_payment``) are provided.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import io
import os
import re
import threading
import time
import unittest
import uuid
from typing import Any, Dict, List, Tuple
from unittest import mock

from aegis_os import AegisClient, AegisError, AegisTimeoutError, AsyncAegisClient, Intent

from .fakes import Proxy
from .server import SDK_ROOT, SEED_DOC, SHARED_SEED_DOC, get_server

LABELS = ["client.py", "agent.py", "async_agent.py", "agent.py", "agent.py"]
HEADING = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)+$")


def read_blocks() -> List[Tuple[str, str]]:
    # A missing document is a failure, never a skip: these tests are the proof it stays true.
    if not SEED_DOC.exists():
        raise AssertionError("the public document %s is missing" % SEED_DOC)
    lines = SEED_DOC.read_text(encoding="utf-8").splitlines()
    blocks = []
    i = 0
    while i < len(lines):
        label = lines[i].strip()
        if label in ("client.py", "agent.py", "async_agent.py"):
            body = []
            i += 1
            while i < len(lines) and not HEADING.match(lines[i].strip()) and lines[i].strip() not in LABELS:
                body.append(lines[i])
                i += 1
            while body and not body[-1].strip():
                body.pop()
            blocks.append((label, "\n".join(body) + "\n"))
            continue
        i += 1
    return blocks


class Recorder:
    def __init__(self) -> None:
        self.calls: List[Any] = []

    def __call__(self, intent_id: Any) -> None:
        self.calls.append(intent_id)


class DocumentExampleTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.blocks = read_blocks()
        cls.srv = get_server()
        cls.agent_id, cls.agent_key = cls.srv.new_agent()
        cls.approver_key = cls.srv.user_key("approver@acme.test")

    def setUp(self):
        patcher = mock.patch.dict(os.environ, {
            "AEGIS_API_KEY": self.agent_key,
            "AEGIS_AGENT_ID": self.agent_id,
            "AEGIS_BASE_URL": self.srv.base_url,
        })
        patcher.start()
        self.addCleanup(patcher.stop)

    def block(self, n: int) -> str:
        label, code = self.blocks[n]
        self.assertEqual(label, LABELS[n])
        return code

    def run_block(self, code: str, ns: Dict[str, Any]) -> Tuple[Dict[str, Any], str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<document example>", "exec"), ns)
        return ns, out.getvalue()

    def test_the_kept_copy_is_the_shared_original(self):
        if SHARED_SEED_DOC.exists():  # beside the repository on the team's machines only
            self.assertEqual(SEED_DOC.read_text(encoding="utf-8"), SHARED_SEED_DOC.read_text(encoding="utf-8"))

    def test_the_document_has_the_five_examples(self):
        self.assertEqual([label for label, _ in self.blocks], LABELS)

    def test_installation_name_and_import(self):
        text = SEED_DOC.read_text(encoding="utf-8")
        self.assertIn("pip install aegis-os", text)
        with open(SDK_ROOT / "pyproject.toml", encoding="utf-8") as fh:
            self.assertIn('name = "aegis-os"', fh.read())

    # -- client.py -------------------------------------------------------------------
    def test_client_py_initialisation(self):
        ns, _ = self.run_block(self.block(0), {"__name__": "__doc_example__"})
        aegis = ns["aegis"]
        try:
            self.assertIsInstance(aegis, AegisClient)
            self.assertEqual(aegis.timeout, 10)
            self.assertEqual(aegis.base_url, self.srv.base_url)
            self.assertFalse(aegis.closed)
            self.assertEqual(aegis.intents.get(aegis.intents.submit(
                agent_id=self.agent_id, amount=100, currency="INR", reason="long-lived service").id).status, "approved")
        finally:
            aegis.close()  # "call client.close() on shutdown"
        self.assertTrue(aegis.closed)
        with self.assertRaises(AegisError):
            aegis.intents.get("int_x")

    # -- agent.py: submitting ------------------------------------------------------------
    def test_agent_py_submit_is_approved_and_pays(self):
        pay = Recorder()
        ns, out = self.run_block(self.block(1), {"__name__": "__doc_example__", "os": os,
                                                 "AegisClient": AegisClient, "execute_payment": pay})
        intent = ns["intent"]
        self.assertIsInstance(intent, Intent)
        self.assertTrue(intent.id.startswith("int_"))
        self.assertEqual(out.splitlines(), [intent.id, intent.status])
        self.assertEqual(intent.status, "approved")
        self.assertEqual(pay.calls, [intent.id])
        self.assertEqual((intent.amount, intent.currency, intent.merchant, intent.metadata),
                         (12500, "INR", "Notion", {"invoice_id": "INV-2026-0341"}))
        self.assertTrue(ns["aegis"].closed, "the with-block did not close the client")

    # -- async_agent.py ----------------------------------------------------------------------
    def test_async_agent_py_returns_an_approved_intent(self):
        code = self.block(2)
        self.assertIn('"aegis_sk_..."', code)
        self.assertIn('"your-agent-uuid"', code)
        code = code.replace('"aegis_sk_..."', repr(self.agent_key)).replace('"your-agent-uuid"', repr(self.agent_id))
        results = []
        real_run = asyncio.run

        def recording_run(coro, **kw):
            result = real_run(coro, **kw)
            results.append(result)
            return result

        with mock.patch.object(asyncio, "run", recording_run):
            self.run_block(code, {"__name__": "__doc_example__"})
        self.assertEqual(len(results), 1)
        resolved = results[0]
        self.assertIsInstance(resolved, Intent)
        self.assertEqual((resolved.status, resolved.amount, resolved.reason),
                         ("approved", 5000, "Cloud compute invoice"))
        self.assertTrue(inspect.iscoroutinefunction(AsyncAegisClient(api_key="k").intents.submit))

    # -- agent.py: polling ---------------------------------------------------------------------
    def polling(self, amount: int, confidence: float = 0.95, human=None):
        pay = Recorder()
        with AegisClient(api_key=self.agent_key) as aegis:
            intent = aegis.intents.submit(agent_id=self.agent_id, amount=amount, currency="INR",
                                          reason="polling example %s" % uuid.uuid4().hex[:6], confidence=confidence)
            ns = {"__name__": "__doc_example__", "aegis": aegis, "intent": intent, "execute_payment": pay}
            thread = None
            if human:
                thread = threading.Thread(target=human, args=(intent,))
                thread.start()
            try:
                self.run_block(self.block(3), ns)
            finally:
                if thread:
                    thread.join()
        return ns, pay

    def test_polling_approved(self):
        ns, pay = self.polling(12500)
        self.assertEqual(ns["resolved"].status, "approved")
        self.assertEqual(pay.calls, [ns["intent"].id])

    def test_polling_denied_raises_with_a_readable_decision(self):
        with self.assertRaises(Exception) as ctx:
            self.polling(20_000_000)
        msg = str(ctx.exception)
        self.assertTrue(msg.startswith("Denied by policy: denied by rule hard_limit: "), msg)

    def test_polling_waits_for_a_human(self):
        def approve(intent):
            time.sleep(1)
            with AegisClient(api_key=self.approver_key) as human:
                human.approvals.respond(intent.approval.id, "approve")

        t0 = time.monotonic()
        ns, pay = self.polling(2_000_000, human=approve)
        self.assertGreaterEqual(time.monotonic() - t0, 0.9)
        self.assertEqual(ns["intent"].status, "pending_approval")
        self.assertEqual(ns["resolved"].status, "approved")
        self.assertEqual(pay.calls, [ns["intent"].id])

    # -- agent.py: error handling -----------------------------------------------------------------
    def error_block(self, kwargs: str) -> str:
        code = self.block(4)
        self.assertIn("/* ... */", code)
        return code.replace("/* ... */", kwargs)

    def test_error_handling_success_path(self):
        code = self.error_block('agent_id=os.environ["AEGIS_AGENT_ID"], amount=12500, currency="INR", '
                                'reason="Error handling example", confidence=0.9')
        with AegisClient(api_key=self.agent_key) as aegis:
            ns, out = self.run_block(code, {"__name__": "__doc_example__", "aegis": aegis, "os": os})
        self.assertEqual(ns["intent"].status, "approved")
        self.assertEqual(out, "")

    def test_error_handling_api_error_is_printed_and_raised(self):
        code = self.error_block('agent_id=os.environ["AEGIS_AGENT_ID"], amount=-1, currency="INR", '
                                'reason="Error handling example"')
        with AegisClient(api_key=self.agent_key) as aegis:
            out = io.StringIO()
            with self.assertRaises(AegisError) as ctx, contextlib.redirect_stdout(out):
                exec(compile(code, "<document example>", "exec"), {"__name__": "__doc_example__", "aegis": aegis,
                                                                   "os": os})
        e = ctx.exception
        self.assertEqual((e.status_code, e.code), (400, "validation_error"))
        self.assertEqual(out.getvalue().strip(), "400 %s validation_error" % e.message)

    def test_error_handling_timeout_is_swallowed_and_safe_to_retry(self):
        # A local proxy in front of the real server holds the request for 2 s before
        # forwarding it, so the submit times out although the server makes the intent.
        def slow_first(rec, i):
            if i == 0:
                time.sleep(2)
            return None

        proxy = Proxy(self.srv.base_url, slow_first)
        self.addCleanup(proxy.close)
        tag = "timeout example %s" % uuid.uuid4().hex[:8]
        code = self.error_block('agent_id=os.environ["AEGIS_AGENT_ID"], amount=12500, currency="INR", '
                                'reason=%r' % tag)
        with AegisClient(api_key=self.agent_key, base_url=proxy.base_url, timeout=0.5, max_retries=0) as aegis:
            ns, out = self.run_block(code, {"__name__": "__doc_example__", "aegis": aegis, "os": os})
        self.assertNotIn("intent", ns)  # AegisTimeoutError was caught by the example
        self.assertEqual(out, "")
        key = proxy.requests[0].headers["idempotency-key"]
        deadline = time.monotonic() + 10
        while not proxy.forwarded and time.monotonic() < deadline:
            time.sleep(0.1)
        # "safe to retry": the same key gives back the intent the server already made.
        with AegisClient(api_key=self.agent_key) as aegis:
            again = aegis.intents.submit(agent_id=self.agent_id, amount=12500, currency="INR", reason=tag,
                                         idempotency_key=key)
            made = [i.id for i in aegis.intents.list(agent_id=self.agent_id, limit=50) if i.reason == tag]
        self.assertEqual(made, [again.id])

    # -- All methods ---------------------------------------------------------------------------------
    def test_all_methods_exist_sync_and_async(self):
        text = SEED_DOC.read_text(encoding="utf-8")
        section = text.split("All methods", 1)[1]
        names = re.findall(r"^(\w+)\.(\w+)\(", section, re.M)
        self.assertEqual(len(names), 8, names)
        sync = AegisClient(api_key="k")
        asy = AsyncAegisClient(api_key="k")
        try:
            for group, method in names:
                self.assertTrue(callable(getattr(getattr(sync, group), method)), (group, method))
                fn = getattr(getattr(asy, group), method)
                if method == "list":  # returns an async iterator that can also be awaited
                    self.assertTrue(callable(fn))
                else:
                    self.assertTrue(inspect.iscoroutinefunction(fn), (group, method))
        finally:
            sync.close()
            asy.close()
        sig = inspect.signature(type(sync.intents).wait_for_decision)
        self.assertEqual(sig.parameters["poll_interval_s"].default, 0.5)
        self.assertEqual(sig.parameters["timeout_s"].default, 15)


if __name__ == "__main__":
    unittest.main()
