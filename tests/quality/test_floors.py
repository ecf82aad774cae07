"""The quality floors themselves: they only go up, and never sit below a target they once met."""
from __future__ import annotations

import json
import subprocess

from tests.conftest import ROOT

FLOORS = ROOT / "quality" / "floors.json"
TARGETS = ROOT / "quality" / "targets.json"


def _scores(data: dict) -> dict[str, float]:
    return {k: float(v) for k, v in data.items() if k != "about"}


def test_floors_are_numbers_between_0_and_1() -> None:
    floors = _scores(json.loads(FLOORS.read_text()))
    assert floors, "no floors kept"
    assert all(0.0 <= v <= 1.0 for v in floors.values())
    assert set(floors) == set(_scores(json.loads(TARGETS.read_text())))


def test_floors_never_went_down_in_history() -> None:
    """Every committed version of floors.json is <= the current one, key by key."""
    current = _scores(json.loads(FLOORS.read_text()))
    try:
        revs = subprocess.run(["git", "log", "--format=%H", "--", "quality/floors.json"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        revs = []
    for rev in revs:
        old = subprocess.run(["git", "show", f"{rev}:quality/floors.json"], cwd=ROOT,
                             capture_output=True, text=True)
        if old.returncode != 0:
            continue
        for key, value in _scores(json.loads(old.stdout)).items():
            assert current.get(key, -1.0) >= value, f"floor {key} went down: {value} at {rev[:8]} -> {current.get(key)}"
