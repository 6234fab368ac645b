"""What ``AegisClient`` and ``AsyncAegisClient`` have in common besides the
operations (those are in ``_requests``): configuration and introspection."""

from __future__ import annotations

import os
from typing import Any, Optional

from ._retry import DEFAULT_MAX_RETRIES
from ._transport import Transport


class ClientBase:
    """Owns the transport; subclasses add the resources and the driver."""

    _transport: Transport
    #: Shown by ``repr()``.
    _public_name = "AegisClient"

    def _open_transport(
        self,
        api_key: Optional[str],
        timeout: float,
        base_url: Optional[str],
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_idle_connections: int = 8,
    ) -> None:
        self._transport = Transport(
            api_key if api_key is not None else os.environ.get("AEGIS_API_KEY", ""),
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_idle_connections=max_idle_connections,
        )

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    @property
    def closed(self) -> bool:
        return self._transport.closed

    def __repr__(self) -> str:
        return "%s(base_url=%r, timeout=%r%s)" % (
            self._public_name,
            self.base_url,
            self.timeout,
            ", closed" if self.closed else "",
        )


class Resource:
    """A group of calls (``client.intents`` ...) bound to one client."""

    def __init__(self, client: Any) -> None:
        self._client = client
