"""AsyncAegisClient mechanics against a scripted fake: concurrency, close, async paging."""

from __future__ import annotations

import asyncio
import time
import unittest

from aegis_os import AegisError, AsyncAegisClient

from .fakes import json_answer
from .support import FakeServerCase, intent_json


class AsyncClientUnitTests(FakeServerCase):
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


if __name__ == "__main__":
    unittest.main()
