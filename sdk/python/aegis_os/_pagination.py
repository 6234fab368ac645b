"""Cursor pagination shared by ``SyncPaginator`` and ``AsyncPaginator``."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Deque, Dict, Generator, Generic, List, Optional, Tuple, TypeVar

from ._http import Request
from ._json import json_list, json_object
from ._retry import READ, with_retries
from ._transport import Transport
from .errors import AegisError

T = TypeVar("T")


def page_parts(data: Any) -> Tuple[List[Any], bool, Optional[str]]:
    bare = json_list(data)
    if bare is not None:  # tolerate a bare array
        return bare, False, None
    page = json_object(data)
    if page is None:
        raise AegisError("Unexpected list answer from the server", code="invalid_response", body=data)
    items = json_list(page.get("data")) or []
    cursor: Any = page.get("next_cursor")
    has_more = bool(page.get("has_more")) and bool(cursor)
    return items, has_more, cursor if isinstance(cursor, str) else (str(cursor) if cursor else None)


@dataclass(frozen=True)
class ListSpec(Generic[T]):
    """One list call: where, which filters, how many, how to read an item."""

    path: str
    query: Dict[str, Any]
    limit: Optional[int]
    page_size: Optional[int]
    parse: Callable[[Any], T]

    def request(self, transport: Transport, cursor: Optional[str]) -> Request:
        q = dict(self.query)
        if self.page_size is not None:
            q["limit"] = self.page_size
        if cursor:
            q["cursor"] = cursor
        return transport.build("GET", self.path, query=q, policy=READ)

    def fetch(self, transport: Transport, cursor: Optional[str]) -> Generator[Any, Any, Any]:
        """Operation: the raw JSON of the page after ``cursor``."""
        return (yield from with_retries(transport, self.request(transport, cursor)))


class PaginatorBase(Generic[T]):
    """Buffer, cursor and item limit; subclasses only fetch (sync or async)."""

    def __init__(self, fetch: Callable[[Optional[str]], Any], parse: Callable[[Any], T], limit: Optional[int]) -> None:
        self._fetch = fetch
        self._parse = parse
        self._limit = limit
        self._buffer: Deque[Any] = deque()
        self._cursor: Optional[str] = None
        self._done = False
        self._yielded = 0
        self.pages_fetched = 0

    def _add_page(self, data: Any) -> None:
        self.pages_fetched += 1
        items, has_more, cursor = page_parts(data)
        self._buffer.extend(items)
        if not has_more or cursor == self._cursor:
            self._done = True
        self._cursor = cursor

    def _limit_reached(self) -> bool:
        return self._limit is not None and self._yielded >= self._limit

    def _needs_page(self) -> bool:
        """Nothing buffered, more wanted and more on the server."""
        return not self._buffer and not self._done and not self._limit_reached()

    def _has_next(self) -> bool:
        return bool(self._buffer) and not self._limit_reached()

    def _take(self) -> T:
        self._yielded += 1
        return self._parse(self._buffer.popleft())
