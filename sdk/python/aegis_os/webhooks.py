"""Verifying webhook deliveries (Standard Webhooks, https://www.standardwebhooks.com).

AegisOS signs every delivery with the endpoint's ``whsec_…`` secret: headers ``webhook-id``,
``webhook-timestamp`` and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of
"id.timestamp.body">``, space-separated while a secret rotates). ``verify_webhook`` checks them
and returns the event; anything that does not check out raises
:class:`AegisWebhookVerificationError` (answer it with a 400 and do not act on it).
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Union, cast

from ._json import json_list, json_object
from ._model_base import raw_field, timestamp
from .errors import AegisError

__all__ = ["WebhookEvent", "AegisWebhookVerificationError", "verify_webhook"]

#: Seconds a delivery may be old (or early), as the Standard Webhooks libraries.
DEFAULT_TOLERANCE_S = 300


class AegisWebhookVerificationError(AegisError):
    """A delivery whose signature, timestamp, headers or body do not check out."""


@dataclass
class WebhookEvent:
    """One verified delivery: ``{"type": …, "timestamp": …, "data": {…}}`` and its ``webhook-id``."""

    #: The ``webhook-id`` header: the same for every attempt (and replay) of one event, so use it to deduplicate.
    id: str
    type: str
    timestamp: Union[_dt.datetime, str, None]
    data: Dict[str, Any]
    raw: Dict[str, Any] = raw_field()


def _fail(message: str, code: str) -> AegisWebhookVerificationError:
    return AegisWebhookVerificationError(message, code=code)


def _header(headers: Any, name: str) -> Optional[str]:
    """A header from a dict (any case, list values too) or an ``http.server``/``email`` message."""
    getter = getattr(headers, "get", None)
    value: Any = getter(name) if callable(getter) else None
    if value is None and isinstance(headers, Mapping):
        for key, v in cast(Mapping[Any, Any], headers).items():
            if str(key).lower() == name:
                value = v
                break
    listed = json_list(value)
    if listed is not None:
        value = listed[0] if listed else None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value if isinstance(value, str) else None


def _b64decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return b""


def verify_webhook(
    secret: str,
    payload: Union[str, bytes],
    headers: Any,
    *,
    tolerance: float = DEFAULT_TOLERANCE_S,
    now: Optional[float] = None,
) -> WebhookEvent:
    """Check one delivery and return its event.

    ``payload`` is the raw body exactly as received (not re-serialised JSON); ``headers`` a
    mapping or the request's header object; ``secret`` the endpoint's ``whsec_…`` secret.
    ``tolerance`` is how many seconds the ``webhook-timestamp`` may differ from ``now``
    (default: the current time), so an old delivery cannot be replayed.
    """
    msg_id = _header(headers, "webhook-id")
    stamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not msg_id or not stamp or not signatures:
        raise _fail("Missing webhook-id, webhook-timestamp or webhook-signature header", "webhook_missing_headers")
    if not stamp.isdigit():
        raise _fail("Invalid webhook-timestamp header", "webhook_invalid_timestamp")
    current = time.time() if now is None else now
    if int(stamp) < current - tolerance:
        raise _fail("Webhook timestamp is too old", "webhook_timestamp_too_old")
    if int(stamp) > current + tolerance:
        raise _fail("Webhook timestamp is too new", "webhook_timestamp_too_new")

    key = _b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    if not key:
        raise _fail("The webhook secret is not a whsec_… base64 key", "webhook_invalid_secret")
    body = payload if isinstance(payload, bytes) else payload.encode("utf-8")
    expected = hmac.new(key, b"%s.%s." % (msg_id.encode("utf-8"), stamp.encode("ascii")) + body, hashlib.sha256).digest()
    matched = False
    for entry in signatures.split(" "):
        version, _, signature = entry.partition(",")
        if version == "v1" and hmac.compare_digest(expected, _b64decode(signature)):
            matched = True
    if not matched:
        raise _fail("No matching webhook signature", "webhook_invalid_signature")
    try:
        event = json_object(json.loads(body.decode("utf-8")))
    except (UnicodeDecodeError, ValueError):
        event = None
    if event is None:
        raise _fail("Webhook body is not a JSON object", "webhook_invalid_body")
    return WebhookEvent(
        id=msg_id,
        type=str(event.get("type", "")),
        timestamp=timestamp(event.get("timestamp")),
        data=json_object(event.get("data")) or {},
        raw=event,
    )
