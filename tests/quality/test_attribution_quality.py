"""Quality gate: attribution on PolNeAR dev never falls below the floors in quality/floors.json.

Runs the whole pipeline over ../shared/data/polnear/dev/text (as body input) and scores with
../shared/tools/polnear_score.py --json (called, never copied).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, TOOLS, need_shared

DEV = SHARED / "data" / "polnear" / "dev"
FLOORS = ROOT / "quality" / "floors.json"


def _row(report: dict, *names: str) -> dict:
    for name in names:
        if name in report:
            return report[name]
    raise KeyError(f"none of {names} in scorer output: {sorted(report)}")


TARGETS = ROOT / "quality" / "targets.json"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The scorer's report for the whole pipeline over PolNeAR dev, made once for every check."""
    from quotewire import pipeline
    from quotewire.records import RawDocument

    need_shared(DEV / "text")
    scorer = need_shared(TOOLS / "polnear_score.py")
    files = sorted((DEV / "text").glob("*.txt"))
    raws = [RawDocument(data=f.read_bytes(), origin=str(f), doc_id=f.stem, form="body", encoding="utf-8")
            for f in files]
    pred = tmp_path_factory.mktemp("polnear") / "dev.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for result in pipeline.process_many(raws):
            assert result.article is not None, result.skipped
            out.write(result.article.joined().to_json() + "\n")  # every act, runs joined (PolNeAR)
    res = subprocess.run([sys.executable, str(scorer), "--gold", str(DEV), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_polnear_dev_meets_floors(report: dict) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    att = _row(report, "attribution")
    direct = _row(report, "direct")["attribution"]
    assert att["f1"] >= floors["polnear_attribution_f1"]
    assert att["precision"] >= floors["polnear_attribution_precision"]
    assert direct["f1"] >= floors["polnear_direct_f1"]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_polnear_dev_meets_attribution_target(report: dict) -> None:
    targets = json.loads(TARGETS.read_text(encoding="utf-8"))
    att = _row(report, "attribution")
    assert att["f1"] >= targets["polnear_attribution_f1"]
    assert att["precision"] >= targets["polnear_attribution_precision"]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_polnear_dev_meets_direct_target(report: dict) -> None:
    targets = json.loads(TARGETS.read_text(encoding="utf-8"))
    assert _row(report, "direct")["attribution"]["f1"] >= targets["polnear_direct_f1"]
