"""AegisError built from HTTP answers, and Retry-After parsing; no server."""

from __future__ import annotations

import datetime as dt
import unittest

from aegis_os import AegisError
from aegis_os._http import Response
from aegis_os._retry import parse_retry_after
from aegis_os._transport import error_from_response


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


if __name__ == "__main__":
    unittest.main()
