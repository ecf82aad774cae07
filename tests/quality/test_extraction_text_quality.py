"""Quality gate: article bodies the text-dump reader keeps on extraction-dev, scored by the shared tool.

The body is every block but the title, joined by blank lines (what the benchmark's
gold holds). The floor lives in quality/floors.json ("extraction_text_f1").
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from quotewire.page.textdump import read_text_dump
from tests.conftest import ROOT, SHARED, TOOLS, need_shared

DEV = SHARED / "data" / "extraction-dev"


def text_bodies(dev: Path) -> dict[str, dict[str, str]]:
    ids = [i.strip() for i in (dev / "ids.txt").read_text().splitlines() if i.strip()]
    out = {}
    for doc_id in ids:
        article = read_text_dump((dev / "text" / f"{doc_id}.txt").read_text(encoding="utf-8"), doc_id)
        out[doc_id] = {"articleBody": "\n\n".join(b.text for b in article.blocks if b.kind != "title")}
    return out


@pytest.mark.slow
def test_text_extraction_f1_at_least_floor(tmp_path: Path) -> None:
    need_shared(DEV / "gold.json")
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(text_bodies(DEV), ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["python3", str(TOOLS / "extraction_score.py"), "--gold", str(DEV / "gold.json"),
                           "--pred", str(pred), "--n-bootstrap", "0", "--json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["missing"] == 0
    floor = json.loads((ROOT / "quality" / "floors.json").read_text())["extraction_text_f1"]
    assert result["f1"] >= floor, f"text-dump F1 {result['f1']:.4f} fell below the floor {floor}"
