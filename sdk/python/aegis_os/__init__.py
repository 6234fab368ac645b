"""aegis-os: the official Python SDK for AegisOS Comply.

    from aegis_os import AegisClient, AsyncAegisClient, AegisError, AegisTimeoutError

Standard library only; Python 3.9+.
"""

from ._version import __version__
from .async_client import AsyncAegisClient, AsyncPaginator
from .client import AegisClient, SyncPaginator
from .errors import (
    AegisAuthenticationError,
    AegisConflictError,
    AegisConnectionError,
    AegisError,
    AegisNotFoundError,
    AegisPermissionError,
    AegisRateLimitError,
    AegisServerError,
    AegisTimeoutError,
    AegisValidationError,
)
from .webhooks import AegisWebhookVerificationError, WebhookEvent, verify_webhook
from .models import (
    TERMINAL_STATUSES,
    Agent,
    AgentSpend,
    AgentSummary,
    Approval,
    ApprovalResponse,
    Intent,
    IntentCounts,
    PolicyDecision,
    PolicyTraceEntry,
    RiskFactor,
    SpendWindow,
    SubmitIntentParams,
    Wallet,
)

__all__ = [
    "__version__",
    "AegisClient",
    "AsyncAegisClient",
    "SyncPaginator",
    "AsyncPaginator",
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
    "AegisWebhookVerificationError",
    "verify_webhook",
    "WebhookEvent",
    "TERMINAL_STATUSES",
    "Intent",
    "PolicyDecision",
    "PolicyTraceEntry",
    "Approval",
    "ApprovalResponse",
    "AgentSummary",
    "Agent",
    "Wallet",
    "RiskFactor",
    "SpendWindow",
    "AgentSpend",
    "IntentCounts",
    "SubmitIntentParams",
]
