"""How a generated API method (``_generated/api.py``) becomes a request.

Every operation of the OpenAPI document is one ``OperationSpec``; the generated ``Api`` and
``AsyncApi`` classes call ``_call`` with the path parameters, the query and the body, and the
same retry, error and idempotency rules as the hand-written resources apply.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Protocol, TypeVar, Union, cast

from ._http import Operation
from ._retry import IDEMPOTENT_WRITE, READ, UNSAFE_WRITE, with_retries
from ._transport import Transport, path_segment
from .errors import AegisError

T = TypeVar("T")


class NotGiven:
    """The default of an optional body field: left out of the request (``None`` sends ``null``)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


@dataclass(frozen=True)
class OperationSpec:
    """One operation of the OpenAPI document."""

    operation_id: str
    method: str
    #: With ``{name}`` placeholders for the path parameters.
    path: str
    #: Takes an ``Idempotency-Key``: one is sent (a fresh UUID unless given), so every failure retries.
    idempotent: bool = False


def _query_value(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=_dt.timezone.utc)
        return aware.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(str(_query_value(v)) for v in cast("list[Any]", value))
    return value


def run_operation(
    transport: Transport,
    spec: OperationSpec,
    path: Mapping[str, Any],
    query: Mapping[str, Any],
    body: Optional[Mapping[str, Any]],
    idempotency_key: Optional[str] = None,
) -> Operation[Any]:
    """The operation (see ``_http.Operation``) that sends one call and returns its JSON."""
    url = spec.path
    for name, value in path.items():
        url = url.replace("{%s}" % name, path_segment(getattr(value, "id", value)))
    key = (idempotency_key or str(uuid.uuid4())) if spec.idempotent else None
    policy = READ if spec.method == "GET" else IDEMPOTENT_WRITE if spec.idempotent else UNSAFE_WRITE
    json_body = None if body is None else {k: v for k, v in body.items() if not isinstance(v, NotGiven)}
    try:
        req = transport.build(
            spec.method,
            url,
            query={k: _query_value(v) for k, v in query.items() if v is not None},
            json_body=json_body,
            policy=policy,
            idempotency_key=key,
        )
        return (yield from with_retries(transport, req))
    except AegisError as exc:
        if key is not None and exc.idempotency_key is None:
            exc.idempotency_key = key
        raise


def as_json(data: Any) -> Any:
    """The answer of an operation whose document gives no schema, as it came."""
    return data


class _Client(Protocol):
    _transport: Transport

    def _run(self, op: Operation[Any]) -> Any: ...


class SyncApiBase:
    """``aegis.api`` of ``AegisClient``: the generated methods run here, blocking."""

    def __init__(self, client: _Client) -> None:
        self._client = client

    def _call(
        self,
        spec: OperationSpec,
        path: Dict[str, Any],
        query: Dict[str, Any],
        body: Optional[Dict[str, Any]],
        parse: Callable[[Any], T],
        idempotency_key: Optional[str] = None,
    ) -> T:
        client = self._client
        return parse(client._run(run_operation(client._transport, spec, path, query, body, idempotency_key)))


class AsyncApiBase:
    """``aegis.api`` of ``AsyncAegisClient``: the same methods, awaited."""

    def __init__(self, client: _Client) -> None:
        self._client = client

    async def _call(
        self,
        spec: OperationSpec,
        path: Dict[str, Any],
        query: Dict[str, Any],
        body: Optional[Dict[str, Any]],
        parse: Callable[[Any], T],
        idempotency_key: Optional[str] = None,
    ) -> T:
        client = self._client
        pending = cast(Awaitable[Any], client._run(run_operation(client._transport, spec, path, query, body, idempotency_key)))
        return parse(await pending)


#: A body field's type in a generated signature: the value, or left out.
Omittable = Union[T, NotGiven]
