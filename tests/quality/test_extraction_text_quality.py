"""Quality gate: article bodies the text-dump reader keeps, scored by the shared tool, per set.

``extraction-dev`` (61 dumps, floor ``extraction_text_f1``) and ``extraction-more`` (the 291
dumps of its ids-text.txt, whose dump shows the gold; floor ``extraction_text_f1_more``).
The body is every block but the title, joined by blank lines (what the benchmarks' gold
holds). The floors live in quality/floors.json.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from quotewire.page.textdump import read_text_dump
from tests.conftest import ROOT, SHARED, TOOLS, need_shared

DEV = SHARED / "data" / "extraction-dev"
SETS = {"extraction-dev": ("ids.txt", "extraction_text_f1"),
        "extraction-more": ("ids-text.txt", "extraction_text_f1_more")}


def text_bodies(data: Path, ids_file: str = "ids.txt") -> dict[str, dict[str, str]]:
    ids = [i.strip() for i in (data / ids_file).read_text().splitlines() if i.strip()]
    out = {}
    for doc_id in ids:
        article = read_text_dump((data / "text" / f"{doc_id}.txt").read_text(encoding="utf-8"), doc_id)
        out[doc_id] = {"articleBody": "\n\n".join(b.text for b in article.blocks if b.kind != "title")}
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_text_extraction_f1_at_least_floor(tmp_path: Path, name: str) -> None:
    data = SHARED / "data" / name
    ids_file, key = SETS[name]
    need_shared(data / "gold.json")
    need_shared(data / ids_file)
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(text_bodies(data, ids_file), ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["python3", str(TOOLS / "extraction_score.py"), "--gold", str(data / "gold.json"),
                           "--pred", str(pred), "--ids", str(data / ids_file), "--n-bootstrap", "0", "--json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["missing"] == 0
    floor = json.loads((ROOT / "quality" / "floors.json").read_text())[key]
    assert result["f1"] >= floor, f"{name}: text-dump F1 {result['f1']:.4f} fell below the floor {floor}"
