"""Quality gate: the HTML reader's body F1 on the 61 extraction-dev pages never falls below its floor.

Reads the pages and gold bodies from ../shared at run time and scores them with
../shared/tools/extraction_score.py (called, never copied).
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, TOOLS, need_shared

DATA = SHARED / "data" / "extraction-dev"
FLOORS = ROOT / "quality" / "floors.json"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_html_extraction_f1_meets_floor(tmp_path: Path) -> None:
    from quotewire.page.html import read_html

    need_shared(DATA / "html")
    scorer = need_shared(TOOLS / "extraction_score.py")
    ids = (DATA / "ids.txt").read_text().split()
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    pred = {}
    for i in ids:
        html = gzip.decompress((DATA / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8")
        article = read_html(html, i, url=gold[i].get("url"))
        pred[i] = {"articleBody": "\n\n".join(b.text for b in article.blocks if b.kind != "title")}
    pred_path = tmp_path / "pred.json"
    pred_path.write_text(json.dumps(pred), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(DATA / "gold.json"), "--pred", str(pred_path),
                          "--ids", str(DATA / "ids.txt"), "--json", "--n-bootstrap", "0"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    floor = float(json.loads(FLOORS.read_text())["extraction_html_f1"])
    assert scores["f1"] >= floor, f"HTML F1 {scores['f1']:.4f} fell below the floor {floor}"
