"""``intents.wait_for_decision``: long-poll with a fallback to plain polling."""

from __future__ import annotations

import math
import time
from typing import Any, Optional

from ._http import Operation, Sleep
from ._requests import get_intent_request, parse_intent
from ._retry import with_retries
from ._transport import Transport, path_segment
from .errors import AegisError, AegisTimeoutError
from .models import Intent

#: Longest long-poll the server accepts (GET /intents/{id}?wait=N).
MAX_LONG_POLL_S = 30


class WaitPlan:
    """State of one ``wait_for_decision`` call."""

    def __init__(self, intent_id: Any, poll_interval_s: float, timeout_s: Optional[float], now: float) -> None:
        intent_id = getattr(intent_id, "id", intent_id)
        path_segment(intent_id)  # validates
        if poll_interval_s is None or poll_interval_s < 0:
            raise AegisError("poll_interval_s must be >= 0", code="invalid_argument")
        self.intent_id = intent_id
        self.poll_interval_s = float(poll_interval_s)
        self.timeout_s = timeout_s
        self.deadline = None if timeout_s is None else now + float(timeout_s)
        self.use_long_poll = True
        self.last: Optional[Intent] = None

    def remaining(self, now: float) -> float:
        return math.inf if self.deadline is None else self.deadline - now

    def next_wait(self, now: float) -> Optional[int]:
        """Seconds of server long-poll for the next GET (None: plain GET)."""
        if not self.use_long_poll:
            return None
        wait = int(min(self.remaining(now) + 0.05, MAX_LONG_POLL_S))
        return wait if wait >= 1 else None

    def sleep_after(self, wait: Optional[int], elapsed: float, now: float) -> float:
        """How long to sleep after a non-terminal answer."""
        if wait is not None and elapsed >= wait - 0.25:
            return 0.0  # the server held the request for the whole wait: ask again at once
        # Plain GET, or the server answered early (it ignores ?wait): poll.
        return max(0.0, min(self.poll_interval_s, self.remaining(now)))

    def timeout_error(self) -> Exception:
        status = self.last.status if self.last is not None else "unknown"
        return AegisTimeoutError(
            "No decision for intent %s within %ss (status: %s)" % (self.intent_id, self.timeout_s, status),
            code="decision_timeout",
            intent=self.last,
        )

    def should_drop_long_poll(self, err: AegisError) -> bool:
        """A server that rejects ?wait with a 400 gets plain polling instead."""
        if self.use_long_poll and err.status_code == 400:
            self.use_long_poll = False
            return True
        return False


def wait_for_decision(
    transport: Transport, intent_id: Any, poll_interval_s: float, timeout_s: Optional[float]
) -> Operation[Intent]:
    """Operation: GET the intent until it is terminal; see ``Intents.wait_for_decision``."""
    plan = WaitPlan(intent_id, poll_interval_s, timeout_s, time.monotonic())
    while True:
        now = time.monotonic()
        if plan.remaining(now) <= 0:
            raise plan.timeout_error()
        wait = plan.next_wait(now)
        try:
            req = get_intent_request(transport, plan.intent_id, wait)
            plan.last = parse_intent((yield from with_retries(transport, req)))
        except AegisTimeoutError as exc:
            exc.intent = plan.last
            raise
        except AegisError as exc:
            if wait is not None and plan.should_drop_long_poll(exc):
                continue
            raise
        if plan.last.is_terminal:
            return plan.last
        after = time.monotonic()
        pause = plan.sleep_after(wait, after - now, after)
        if pause > 0:
            yield Sleep(pause)
