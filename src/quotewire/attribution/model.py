"""The candidate scorer: logistic regression weights over features.py's strings.

Weights are trained by ``python -m quotewire.attribution.train`` and shipped as JSON in
src/quotewire/models/ (weights only, no text). ``calibration`` maps raw probabilities to the
share of candidates that proved right out of fold (on articles the fitting model never saw),
so a confidence of 0.9 means what it says.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from quotewire.errors import ModelError

# PolNeAR, read as bodies, has no headlines to learn the ``Name: words`` headline form from; the
# form is unambiguous once candidates.headline_candidates has checked its lead, so it gets a
# fixed score above the decision threshold rather than a learned one.
HEADLINE_SCORE = 0.8
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "attribution.json"


@lru_cache(maxsize=None)
def load(path: Path = MODEL_PATH) -> tuple[dict[str, float], list[tuple[float, float]], float]:
    """(weights, calibration points (raw, calibrated), decision threshold)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(str(path), "attribution weights missing: run python -m quotewire.attribution.train") from exc
    except ValueError as exc:
        raise ModelError(str(path), f"attribution weights unreadable: {exc}") from exc
    calib = [tuple(p) for p in data.get("calibration", [])]
    return data["weights"], calib, float(data.get("threshold", 0.5))  # type: ignore[return-value]


def raw_score(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def calibrate(p: float, points: list[tuple[float, float]]) -> float:
    """Piecewise-linear map through (raw, calibrated) points; identity without points."""
    if not points:
        return p
    if p <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if p <= x1:
            return y0 + (y1 - y0) * (p - x0) / max(x1 - x0, 1e-9)
    return points[-1][1]
