"""How the result dataclasses are read from JSON.

Each model is a dataclass whose fields are named like the JSON keys; a field
may name a parser in ``metadata["parse"]`` (see ``parsed``). ``Model.from_dict``
reads every field through its parser and keeps the whole object in ``raw``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import MISSING, field, fields
from typing import Any, Callable, ClassVar, Dict, Type, TypeVar

M = TypeVar("M", bound="Model")


def _parse_time(value: Any) -> Any:
    """ISO 8601 string -> aware ``datetime``; anything unparsable is kept as is."""
    if not isinstance(value, str) or not value:
        return value
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    # Python < 3.11 only accepts 0, 3 or 6 fractional digits.
    if "." in text:
        head, _, rest = text.partition(".")
        digits = ""
        i = 0
        while i < len(rest) and rest[i].isdigit():
            digits += rest[i]
            i += 1
        tail = rest[i:]
        digits = (digits + "000000")[:6]
        text = head + "." + digits + tail
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        return value


def _dict(value: Any) -> Dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> Any:
    # Amounts are integers in minor units; tolerate "12500" from a proxy.
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return value
    return value


def _count(value: Any) -> Any:
    return value or 0


def one(model: Callable[[], Type["Model"]]) -> Callable[[Any], Any]:
    """Parser for a nested object (None unless the JSON value is an object).

    ``model`` is called late, so a model may nest one defined after it.
    """
    return lambda value: model().from_dict(value) if isinstance(value, dict) else None


def many(model: Callable[[], Type["Model"]]) -> Callable[[Any], Any]:
    """Parser for a list of nested objects ([] unless the JSON value is a list)."""
    return lambda value: [model().from_dict(v) for v in value] if isinstance(value, list) else []


def parsed(parse: Callable[[Any], Any], default: Any = None, default_factory: Any = MISSING) -> Any:
    """A dataclass field read from JSON through ``parse``."""
    if default_factory is not MISSING:
        return field(default_factory=default_factory, metadata={"parse": parse})
    return field(default=default, metadata={"parse": parse})


def raw_field() -> Any:
    """The complete JSON object, so fields the SDK does not know yet are kept."""
    return field(default_factory=dict, repr=False)


class Model:
    """Base of the result dataclasses."""

    #: ``from_dict(None)`` returns None (models that are optional parts of others).
    _none_from_none: ClassVar[bool] = False

    @classmethod
    def from_dict(cls: Type[M], data: Any) -> M:
        """Build from the server's JSON object; unknown keys stay in ``raw``."""
        if data is None and cls._none_from_none:
            return None  # type: ignore[return-value]
        d = _dict(data)
        values: Dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "raw":
                continue
            parse = f.metadata.get("parse")
            values[f.name] = parse(d.get(f.name)) if parse is not None else d.get(f.name)
        return cls(raw=d, **values)  # type: ignore[call-arg]
