"""What crosses a process boundary for one input: kept free of heavy imports (pyarrow, spaCy)
so that pool workers and Ray actors start fast and small."""
from __future__ import annotations

from typing import Any, NamedTuple


class Outcome(NamedTuple):
    """One input's result as it crosses process boundaries: an article dict, or why there is none."""

    origin: str
    article: dict[str, Any] | None
    reason: str | None = None
    message: str | None = None
    seconds: float = 0.0  # worker time spent on it (its share of its chunk)

    @property
    def ok(self) -> bool:
        return self.article is not None

    def failure(self) -> dict[str, Any]:
        return {"origin": self.origin, "reason": self.reason or "error", "message": self.message or ""}
