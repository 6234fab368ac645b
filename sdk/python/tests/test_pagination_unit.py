"""wait_for_decision polling fallback and list() cursor paging against a scripted fake."""

from __future__ import annotations

import datetime as dt
import time
import unittest

from aegis_os import AegisClient, AegisTimeoutError

from .fakes import json_answer
from .support import FakeServerCase, intent_json


class PollingAndPaginationTests(FakeServerCase):
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


if __name__ == "__main__":
    unittest.main()
