"""The candidate scorer: logistic regression weights over features.py's strings, in two passes.

The first pass scores each candidate alone (``weights``); the second rescores it over the
same features plus its standing against its rivals (rivals.py, ``rival_weights``). Weights
are trained by ``python -m quotewire.attribution.train`` and shipped as JSON in
src/quotewire/models/ (weights only, no text). ``calibration`` maps second-pass scores to the
share of candidates that proved right out of fold (on articles the fitting model never saw),
so a confidence of 0.9 means what it says.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.rivals import set_rival_features
from quotewire.errors import ModelError

# PolNeAR, read as bodies, has no headlines to learn the ``Name: words`` headline form from; the
# form is unambiguous once candidates.headline_candidates has checked its lead, so it gets a
# fixed score above the decision threshold rather than a learned one.
HEADLINE_SCORE = 0.8
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "attribution.json"


class Model(NamedTuple):
    weights: dict[str, float]  # first pass: a candidate alone
    rival_weights: dict[str, float]  # second pass: with rivals.py's features; empty = one pass
    calibration: list[tuple[float, float]]  # (raw, calibrated) points
    threshold: float  # on the raw (last-pass) score


@lru_cache(maxsize=None)
def load(path: Path = MODEL_PATH) -> Model:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(str(path), "attribution weights missing: run python -m quotewire.attribution.train") from exc
    except ValueError as exc:
        raise ModelError(str(path), f"attribution weights unreadable: {exc}") from exc
    try:
        return Model(data["weights"], data.get("rival_weights", {}),
                     [(float(a), float(b)) for a, b in data.get("calibration", [])], float(data.get("threshold", 0.5)))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(str(path), f"attribution weights malformed: {exc!r}") from exc


def raw_score(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def score_all(cands: list[Candidate], text: str, model: Model) -> None:
    """Set ``c.score`` on every candidate: alone, then (with rival weights) against its rivals."""
    for c in cands:
        c.score = HEADLINE_SCORE if c.kind == "headline" else raw_score(c.feats, model.weights)
    if model.rival_weights:
        set_rival_features(cands, text)
        for c in cands:
            if c.kind != "headline":
                c.score = raw_score(c.feats + c.rival_feats, model.rival_weights)


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
