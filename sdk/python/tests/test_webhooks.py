"""``verify_webhook`` against signatures made by the ``standardwebhooks`` package (npm, the
library the server signs with) and against the server's own deliveries."""

from __future__ import annotations

import base64
import http.server
import json
import subprocess
import threading
import time
import unittest
from typing import Any, Dict, List

from aegis_os import AegisWebhookVerificationError, verify_webhook

from .server import REPO_ROOT
from .support import IntegrationCase, reason

SECRET = "whsec_" + base64.b64encode(b"a secret of thirty-two bytes!!!!").decode()
OTHER = "whsec_" + base64.b64encode(b"another secret").decode()
PAYLOAD = json.dumps({"type": "intent.decided", "timestamp": "2026-11-29T07:00:00.000Z",
                      "data": {"id": "int_123", "status": "approved"}})

# Signs with the package's Webhook class and reports whether the package itself accepts the result.
SIGNER = """
const { Webhook } = require("standardwebhooks");
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map((c) => {
  const id = "msg_" + Math.random().toString(36).slice(2);
  const headers = { "webhook-id": id, "webhook-timestamp": String(c.at), "webhook-signature": new Webhook(c.secret).sign(id, new Date(c.at * 1000), c.body) };
  Object.assign(headers, c.override || {});
  if (c.prefix) headers["webhook-signature"] = c.prefix + " " + headers["webhook-signature"];
  if (c.version) headers["webhook-signature"] = headers["webhook-signature"].replace("v1,", c.version + ",");
  let accepted = true;
  try { new Webhook(${secret}).verify(c.deliver, headers); } catch { accepted = false; }
  return { headers, accepted };
})));
""".replace("${secret}", json.dumps(SECRET))


def sign_with_library(cases: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    run = subprocess.run(["node", "-e", SIGNER], input=json.dumps(cases), cwd=str(REPO_ROOT), capture_output=True,
                         text=True, timeout=60)
    if run.returncode != 0:
        raise AssertionError("signing with standardwebhooks failed: " + run.stderr)
    return json.loads(run.stdout)


class VerifyWebhookTests(unittest.TestCase):
    def test_agrees_with_the_standardwebhooks_package_on_every_case(self):
        now = int(time.time())
        zeros = "v1," + base64.b64encode(bytes(32)).decode()
        cases = [
            ("valid", dict(secret=SECRET, at=now, body=PAYLOAD, deliver=PAYLOAD), None),
            ("tampered body", dict(secret=SECRET, at=now, body=PAYLOAD, deliver=PAYLOAD.replace("approved", "denied")),
             "webhook_invalid_signature"),
            ("other secret", dict(secret=OTHER, at=now, body=PAYLOAD, deliver=PAYLOAD), "webhook_invalid_signature"),
            ("too old", dict(secret=SECRET, at=now - 600, body=PAYLOAD, deliver=PAYLOAD), "webhook_timestamp_too_old"),
            ("too new", dict(secret=SECRET, at=now + 600, body=PAYLOAD, deliver=PAYLOAD), "webhook_timestamp_too_new"),
            ("no signature", dict(secret=SECRET, at=now, body=PAYLOAD, deliver=PAYLOAD, override={"webhook-signature": ""}),
             "webhook_missing_headers"),
            ("wrong version", dict(secret=SECRET, at=now, body=PAYLOAD, deliver=PAYLOAD, version="v2"),
             "webhook_invalid_signature"),
            ("one of several signatures (rotation)", dict(secret=SECRET, at=now, body=PAYLOAD, deliver=PAYLOAD, prefix=zeros),
             None),
        ]
        signed = sign_with_library([c for _, c, _ in cases])
        for (name, case, code), result in zip(cases, signed):
            with self.subTest(name):
                self.assertEqual(result["accepted"], code is None)
                if code is None:
                    event = verify_webhook(SECRET, case["deliver"], result["headers"])
                    self.assertEqual((event.type, event.data), ("intent.decided", {"id": "int_123", "status": "approved"}))
                    self.assertEqual(event.id, result["headers"]["webhook-id"])
                    continue
                with self.assertRaises(AegisWebhookVerificationError) as ctx:
                    verify_webhook(SECRET, case["deliver"], result["headers"])
                self.assertEqual(ctx.exception.code, code)

    def test_bytes_any_header_case_list_values_and_a_custom_tolerance(self):
        old = int(time.time()) - 3000
        (result,) = sign_with_library([dict(secret=SECRET, at=old, body=PAYLOAD, deliver=PAYLOAD)])
        headers = {k.upper(): [v] for k, v in result["headers"].items()}
        with self.assertRaises(AegisWebhookVerificationError):
            verify_webhook(SECRET, PAYLOAD.encode(), headers)
        event = verify_webhook(SECRET, PAYLOAD.encode(), headers, tolerance=3600)
        self.assertEqual(event.timestamp.year, 2026)  # type: ignore[union-attr]
        with self.assertRaises(AegisWebhookVerificationError) as ctx:
            verify_webhook("whsec_", PAYLOAD, headers, tolerance=3600)
        self.assertEqual(ctx.exception.code, "webhook_invalid_secret")


class _Receiver(http.server.BaseHTTPRequestHandler):
    received: List[Any] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).received.append((body, self.headers))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


class ServerDeliveryTests(IntegrationCase):
    def test_verifies_an_intent_decided_delivery_and_refuses_it_altered(self):
        _Receiver.received = []
        receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
        threading.Thread(target=receiver.serve_forever, daemon=True).start()
        self.addCleanup(receiver.server_close)
        self.addCleanup(receiver.shutdown)
        admin = self.client(self.admin_key)
        endpoint = admin.api.create_webhook_endpoint(url="http://127.0.0.1:%d/hooks" % receiver.server_address[1],
                                                     events=["intent.decided"])
        self.addCleanup(admin.api.delete_webhook_endpoint, endpoint.id)
        self.assertTrue(endpoint.secret.startswith("whsec_"))
        intent = self.submit(self.client(), reason=reason("webhook"))

        deadline = time.monotonic() + 30
        mine = None
        while mine is None and time.monotonic() < deadline:
            mine = next(((b, h) for b, h in list(_Receiver.received) if intent.id.encode() in b), None)
            time.sleep(0.1)
        self.assertIsNotNone(mine, "no delivery for %s within 30 s" % intent.id)
        assert mine is not None
        body, headers = mine
        event = verify_webhook(endpoint.secret, body, headers)
        self.assertEqual(event.type, "intent.decided")
        self.assertIn(intent.id, json.dumps(event.data))
        with self.assertRaises(AegisWebhookVerificationError):
            verify_webhook(endpoint.secret, body.replace(intent.id.encode(), b"int_forged"), headers)


if __name__ == "__main__":
    unittest.main()
