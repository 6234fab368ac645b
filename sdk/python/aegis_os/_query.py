"""List filters -> query parameters (validation and encoding)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Optional, Tuple

from ._json import json_list
from .errors import AegisError

#: Page size used when iterating without an explicit ``page_size``.
DEFAULT_PAGE_SIZE = 100


def _iso(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def intent_filters(
    filters: Dict[str, Any], send_page_size: bool = True
) -> Tuple[Dict[str, Any], Optional[int], Optional[int]]:
    """-> (query params, total item limit or None, page size to send or None).

    ``send_page_size=False`` (approvals) sends ``limit`` only when the caller
    asked for an explicit ``page_size``.
    """
    filters = dict(filters)
    limit = filters.pop("limit", None)
    page_size = filters.pop("page_size", None)
    if not send_page_size and page_size is None:
        return _filter_query(filters), _limit(limit), None
    return _filter_query(filters), _limit(limit), _page_size(page_size, limit)


def _filter_query(filters: Dict[str, Any]) -> Dict[str, Any]:
    query: Dict[str, Any] = {}
    for key, value in filters.items():
        if value is None:
            continue
        listed = json_list(value)
        if key == "status" and listed is not None:
            value = ",".join(str(v) for v in listed)
        elif isinstance(value, (_dt.datetime, _dt.date)):
            value = _iso(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        query[key] = value
    return query


def _limit(limit: Any) -> Optional[int]:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise AegisError("limit must be a positive integer", code="invalid_argument")
    return limit


def _page_size(page_size: Any, limit: Any) -> int:
    if page_size is not None:
        if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 100:
            raise AegisError("page_size must be an integer between 1 and 100", code="invalid_argument")
        return page_size
    if limit is not None:
        return min(int(limit), DEFAULT_PAGE_SIZE)
    return DEFAULT_PAGE_SIZE
