"""How the generated result classes (``_generated/models.py``) are read from JSON.

Each result class is a dataclass whose fields are the JSON keys of its schema, plus ``raw``:
the whole JSON object, so fields this SDK does not know yet are never an error. The generator
lists each class's fields in ``_fields`` as (attribute, JSON key, parser), and ``from_dict``
reads them. Reading is lenient (an SDK must not break on an older or newer server): a key the
server left out reads as ``None`` (``[]`` for a list), a value of an unexpected type is kept
as it came.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import field
from typing import Any, Callable, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar, cast

from .errors import AegisError

M = TypeVar("M", bound="Model")
Parser = Callable[[Any], Any]


class Model:
    """Base of the result dataclasses."""

    _fields: ClassVar[Tuple[Tuple[str, str, Optional[Parser]], ...]] = ()

    @classmethod
    def from_dict(cls: Type[M], data: Any) -> M:
        """Build from the server's JSON object; unknown keys stay in ``raw``."""
        d: Dict[str, Any] = cast(Dict[str, Any], data) if isinstance(data, dict) else {}
        values: Dict[str, Any] = {}
        for attr, key, parse in cls._fields:
            value = d.get(key)
            values[attr] = parse(value) if parse is not None else value
        return cast(Any, cls)(raw=d, **values)


def answer(cls: Type[M]) -> Callable[[Any], M]:
    """Reads an API answer into ``cls``; an answer that is not a JSON object is the server's fault."""

    def read(data: Any) -> M:
        if not isinstance(data, dict):
            raise AegisError("Unexpected answer from the server (not a %s object)" % cls.__name__, code="invalid_response", body=data)
        return cls.from_dict(data)

    return read


def answer_by_object(classes: Dict[str, Type[Any]]) -> Callable[[Any], Any]:
    """Reads an answer that may be one of several objects (``PUT /policy``: the policy, or a proposal
    waiting for a second admin) into the class named by its ``object`` field."""

    def read(data: Any) -> Any:
        kind: Any = cast(Dict[str, Any], data).get("object") if isinstance(data, dict) else None
        cls = classes.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise AegisError("Unexpected answer from the server (not one of %s)" % ", ".join(sorted(classes)), code="invalid_response", body=data)
        return cls.from_dict(data)

    return read


def raw_field() -> Any:
    """The ``raw`` field: the complete JSON object, left out of ``repr`` and ``==``."""
    return field(default_factory=_new_dict, repr=False, compare=False)


def _new_dict() -> Dict[str, Any]:
    return {}


def timestamp(value: Any) -> Any:
    """ISO 8601 string -> aware ``datetime``; anything unparsable is kept as is."""
    if not isinstance(value, str) or not value:
        return value
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    # Python < 3.11 only accepts 0, 3 or 6 fractional digits.
    if "." in text:
        head, _, rest = text.partition(".")
        i = 0
        while i < len(rest) and rest[i].isdigit():
            i += 1
        text = head + "." + (rest[:i] + "000000")[:6] + rest[i:]
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        return value


def integer(value: Any) -> Any:
    """Amounts are integers in minor units; tolerate "12500" from a proxy."""
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return value
    return value


def model(cls: Type[Model]) -> Parser:
    """A nested object (``None`` unless the JSON value is an object)."""
    return lambda value: cls.from_dict(value) if isinstance(value, dict) else None


def items(parse: Optional[Parser], optional: bool = False) -> Parser:
    """A list, each item read by ``parse``; a missing list is ``[]`` unless the field is optional."""

    def read(value: Any) -> Any:
        if not isinstance(value, list):
            return None if optional and value is None else ([] if value is None else value)
        listed = cast(List[Any], value)
        return [parse(v) for v in listed] if parse is not None else listed

    return read


def mapping(parse: Parser) -> Parser:
    """An object used as a dictionary, each value read by ``parse``."""

    def read(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {k: parse(v) for k, v in cast(Dict[str, Any], value).items()}

    return read
