"""Typed result objects (and request bodies) of the AegisOS API.

They are generated from the API's OpenAPI document into ``_generated/models.py`` (run
``npm run sdk:generate`` at the repository root); this is their public home. Answers are
dataclasses built from the server's JSON: fields are typed as the schema says (``Literal``
types for closed sets, ``Optional`` only where the server may send ``null``), timestamps are
aware ``datetime``s, and the complete JSON object is always kept in ``raw`` (forward
compatible with additive API changes). Request bodies are TypedDicts (``SubmitIntentParams``, …).
"""

from __future__ import annotations

from ._generated import models as _models
from ._generated.models import *  # noqa: F401,F403 - the generated module's __all__
from ._model_mixins import TERMINAL_STATUSES

__all__ = ["TERMINAL_STATUSES"]
__all__ += _models.__all__
