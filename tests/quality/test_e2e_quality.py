"""Quality gate: who said what on the real dev pages of ../shared/data/e2e-dev, as a reader sees it.

Runs benchmarks/bench_e2e.py (``quotewire extract`` on the HTML pages, scored by
../shared/tools/e2e_score.py, names audited by ../shared/tools/speaker_audit.py) and checks the
floors of quality/floors.json, the audit (no speaker name that is no name or a description) and
the named-speaker calibration (at most 2% of quotes at confidence >= 0.9 given to a wrong person).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED, need_shared

FLOORS = ROOT / "quality" / "floors.json"


@pytest.fixture(scope="module")
def report() -> dict:
    need_shared(SHARED / "data" / "e2e-dev" / "gold.jsonl")
    res = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_e2e.py"), "--forms", "html", "--json"],
                         capture_output=True, text=True, timeout=1200)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)["html"]


@pytest.mark.slow
def test_e2e_html_meets_floors(report: dict) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert report["score"]["attribution"]["f1"] >= floors["e2e_attribution_f1"]
    assert report["score"]["speaker_name_exact"]["found"]["share"] >= floors["e2e_speaker_name_exact"]


@pytest.mark.slow
def test_e2e_speaker_names_are_names(report: dict) -> None:
    counts = report["audit"]["counts"]
    assert counts["not a name"] == 0, report["audit"]["examples"]["not a name"]
    assert counts["description"] == 0, report["audit"]["examples"]["description"]
    assert report["audit"]["shares"]["split"] < 0.01


@pytest.mark.slow
def test_confident_names_are_right(report: dict) -> None:
    top = report["named_calibration"].get("0.9", {"named": 0, "wrong_person": 0})
    assert top["named"] > 0
    assert top["wrong_person"] <= 0.02 * top["named"], top
