"""The SDK's Literal types against the live OpenAPI document; capture and void against the server."""

from __future__ import annotations

import json
import unittest
import urllib.request
from typing import Any, List, get_args

from aegis_os import AegisConflictError, AegisError, AegisNotFoundError, AegisPermissionError, AegisValidationError
from aegis_os import _literals as lit

from .support import AUTO, IntegrationCase


def enum_at(schema: Any, *path: str) -> List[str]:
    """The enum at a property path, looking through nullable ``anyOf`` wrappers."""
    for key in path:
        schema = _unwrap(schema)["properties"][key]
    values = _unwrap(schema).get("enum")
    if values is None:
        raise AssertionError("no enum at %s" % ".".join(path))
    return values


def _unwrap(schema: Any) -> Any:
    if "anyOf" in schema:
        return next(s for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return schema["items"]
    return schema


class OpenApiLiteralTests(IntegrationCase):
    def test_every_literal_is_exactly_the_servers_enum(self):
        with urllib.request.urlopen(self.base_url + "/api/v1/openapi.json", timeout=30) as resp:
            schemas = json.load(resp)["components"]["schemas"]
        cases = [
            (lit.IntentStatus, enum_at(schemas["Intent"], "status")),
            (lit.Settlement, enum_at(schemas["Intent"], "settlement")),
            (lit.DecisionOutcome, enum_at(schemas["Intent"], "policy_decision", "outcome")),
            (lit.ApprovalStatus, enum_at(schemas["Approval"], "status")),
            (lit.RequiredRole, enum_at(schemas["Approval"], "required_role")),
            (lit.ApprovalDecision, enum_at(schemas["Approval"], "responses", "decision")),
            (lit.AgentStatus, enum_at(schemas["Agent"], "status")),
            (lit.RiskLevel, enum_at(schemas["Agent"], "risk_level")),
        ]
        for literal, server in cases:
            self.assertEqual(sorted(get_args(literal)), sorted(server))


class SettlementTests(IntegrationCase):
    def test_capture_part_then_a_second_settlement_is_a_conflict(self):
        aegis = self.client()
        intent = self.submit(aegis, AUTO)
        self.assertEqual((intent.status, intent.settlement), ("approved", "uncaptured"))
        captured = aegis.intents.capture(intent.id, AUTO - 500)
        self.assertEqual((captured.settlement, captured.captured_amount), ("captured", AUTO - 500))
        self.assertIsNotNone(captured.settled_at)
        with self.assertRaises(AegisConflictError) as ctx:
            aegis.intents.void(intent.id)
        self.assertEqual(ctx.exception.status_code, 409)

    def test_void_returns_everything_and_errors_have_their_class(self):
        aegis = self.client()
        intent = self.submit(aegis, AUTO)
        voided = aegis.intents.void(intent)
        self.assertEqual((voided.settlement, voided.captured_amount), ("voided", 0))
        with self.assertRaises(AegisValidationError):
            aegis.intents.capture(self.submit(aegis, AUTO).id, 0)
        with self.assertRaises(AegisNotFoundError):
            aegis.intents.capture("int_doesnotexist", 100)
        with self.assertRaises(AegisPermissionError):
            list(aegis.approvals.list())  # an agent key
        self.assertTrue(issubclass(AegisConflictError, AegisError))


if __name__ == "__main__":
    unittest.main()
