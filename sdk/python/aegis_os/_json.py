"""Decoded JSON seen through types: ``json.loads`` gives ``Any``; these say what was found."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast


def json_object(value: Any) -> Optional[Dict[str, Any]]:
    """``value`` if it is a JSON object, else None."""
    return cast(Dict[str, Any], value) if isinstance(value, dict) else None


def json_list(value: Any) -> Optional[List[Any]]:
    """``value`` if it is a JSON array (or a tuple/set given by a caller), else None."""
    return list(cast(List[Any], value)) if isinstance(value, (list, tuple, set, frozenset)) else None
