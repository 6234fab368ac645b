"""The closed sets of values the API sends, as ``Literal`` types (``IntentStatus``, ``Settlement``, …).

Generated from the enums of ``/api/v1/openapi.json`` into ``_generated/literals.py``; the
names of the hand-written SDK (``RiskLevel``, ``DecisionOutcome``, …) are kept by the
generator's ``NAME_OVERRIDES``.
"""

from __future__ import annotations

from typing import List

from ._generated import literals as _literals
from ._generated.literals import *  # noqa: F401,F403 - the generated module's __all__

__all__: List[str] = []
__all__ += _literals.__all__
