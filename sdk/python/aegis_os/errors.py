"""Exceptions raised by the AegisOS SDK.

Every failure surfaces as an :class:`AegisError` (or a subclass); raw
``urllib``/``socket``/``http.client`` exceptions never leak out of the SDK.
"""

from __future__ import annotations

from typing import Any, List, Optional

from ._json import json_list, json_object

__all__ = [
    "AegisError",
    "AegisConnectionError",
    "AegisTimeoutError",
    "AegisAuthenticationError",
    "AegisPermissionError",
    "AegisNotFoundError",
    "AegisConflictError",
    "AegisRateLimitError",
    "AegisValidationError",
    "AegisServerError",
    "error_class_for_status",
]


class AegisError(Exception):
    """An error reported by the AegisOS API, or raised by the SDK itself.

    Attributes:
        status_code: HTTP status of the answer (``None`` when no answer arrived).
        message: human-readable message.
        code: machine-readable error code, e.g. ``"validation_error"``.
        request_id: the server's request id (``req_…``), useful for support.
        details: list of per-field problems for validation errors, else ``None``.
        idempotency_key: set on errors raised by ``intents.submit`` — retry the
            submit with ``idempotency_key=e.idempotency_key`` and it can never
            create a second intent.
        body: the decoded error body (dict) or raw text, when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: Optional[int] = None,
        code: Optional[str] = None,
        request_id: Optional[str] = None,
        details: Any = None,
        idempotency_key: Optional[str] = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.details = details
        self.idempotency_key = idempotency_key
        self.body = body

    def __str__(self) -> str:
        parts: List[str] = []
        if self.status_code is not None:
            parts.append(str(self.status_code))
        if self.code:
            parts.append(self.code)
        prefix = "[" + " ".join(parts) + "] " if parts else ""
        text = prefix + (self.message or "")
        if self.details:
            text += " " + _format_details(self.details)
        if self.request_id:
            text += " (request_id=%s)" % self.request_id
        return text

    def __repr__(self) -> str:
        return "%s(status_code=%r, code=%r, message=%r, request_id=%r)" % (
            type(self).__name__,
            self.status_code,
            self.code,
            self.message,
            self.request_id,
        )


class AegisConnectionError(AegisError):
    """The API could not be reached (refused, reset, DNS failure, TLS error...)."""


class AegisTimeoutError(AegisError):
    """A request timed out, or ``wait_for_decision`` ran out of time.

    ``intent`` is the last :class:`~aegis_os.Intent` seen by
    ``wait_for_decision`` (``None`` for a plain request timeout).
    """

    def __init__(self, message: str, *, intent: Any = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.intent = intent


class AegisValidationError(AegisError):
    """400 (and 413, 415, 422): the request was malformed; ``details`` names the fields."""


class AegisAuthenticationError(AegisError):
    """401: the API key is missing, unknown or revoked."""


class AegisPermissionError(AegisError):
    """403: the key or role may not do this (e.g. an agent key answering an approval)."""


class AegisNotFoundError(AegisError):
    """404: no such object in your organisation (another organisation's objects are 404 too)."""


class AegisConflictError(AegisError):
    """409: already answered or settled, an idempotency key reused with another body, or blocked by a rule."""


class AegisRateLimitError(AegisError):
    """429: too many requests; the SDK already waited ``Retry-After`` and retried before raising."""


class AegisServerError(AegisError):
    """5xx: the server failed; safe to retry a submit with the same ``idempotency_key``."""


_BY_STATUS = {
    400: AegisValidationError,
    401: AegisAuthenticationError,
    403: AegisPermissionError,
    404: AegisNotFoundError,
    409: AegisConflictError,
    413: AegisValidationError,
    415: AegisValidationError,
    422: AegisValidationError,
    429: AegisRateLimitError,
}


def error_class_for_status(status: int) -> "type[AegisError]":
    """The exception class for an HTTP error status (``AegisError`` for any other)."""
    if status >= 500:
        return AegisServerError
    return _BY_STATUS.get(status, AegisError)


def _format_details(details: Any) -> str:
    listed = json_list(details)
    if listed is None:
        return "(%s)" % (details,)
    items: List[str] = []
    for d in listed:
        problem = json_object(d)
        if problem is None:
            items.append(str(d))
            continue
        field: Any = problem.get("field") or problem.get("path")
        issue: Any = problem.get("issue") or problem.get("message")
        if field and issue:
            items.append("%s: %s" % (field, issue))
        else:
            items.append(str(issue or field or problem))
    return "(" + "; ".join(items) + ")" if items else ""
