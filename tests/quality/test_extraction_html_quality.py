"""Quality gate: the HTML reader's body F1 on each evaluation set never falls below its floor.

``extraction-dev`` (61 news pages, floor ``extraction_html_f1``) and ``extraction-more``
(300 article pages from 289 sites, floor ``extraction_html_f1_more``). Reads the pages and
gold bodies from ../shared at run time and scores them with ../shared/tools/extraction_score.py
(called, never copied).
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, TOOLS, need_shared

FLOORS = ROOT / "quality" / "floors.json"
SETS = {"extraction-dev": "extraction_html_f1", "extraction-more": "extraction_html_f1_more"}


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("name", list(SETS))
def test_html_extraction_f1_meets_floor(tmp_path: Path, name: str) -> None:
    from quotewire.errors import InputError
    from quotewire.page.html import read_html

    data = SHARED / "data" / name
    need_shared(data / "html")
    scorer = need_shared(TOOLS / "extraction_score.py")
    ids = (data / "ids.txt").read_text().split()
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    pred = {}
    refused = []
    for i in ids:
        html = gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8")
        try:
            article = read_html(html, i, url=gold[i].get("url"), origin=i)
        except InputError:
            refused.append(i)
            continue
        pred[i] = {"articleBody": "\n\n".join(b.text for b in article.blocks if b.kind != "title")}
    assert not refused, f"pages refused: {refused}"
    pred_path = tmp_path / "pred.json"
    pred_path.write_text(json.dumps(pred), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(data / "gold.json"), "--pred", str(pred_path),
                          "--ids", str(data / "ids.txt"), "--json", "--n-bootstrap", "0"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    floor = float(json.loads(FLOORS.read_text())[SETS[name]])
    assert scores["f1"] >= floor, f"{name}: HTML F1 {scores['f1']:.4f} fell below the floor {floor}"
