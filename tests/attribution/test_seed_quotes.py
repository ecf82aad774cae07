"""The seed page dump passes ../shared/tools/check_article.py (quotes, speakers, structure)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, SEED_EXPECTED, TOOLS, need_shared


@pytest.mark.timeout(300)
def test_seed_quotes(tmp_path: Path) -> None:
    need_shared(SEED)
    out = tmp_path / "seed.json"
    with out.open("w") as fh:
        subprocess.run([str(ROOT / ".venv" / "bin" / "quotewire"), "extract", str(SEED), "--format", "json"],
                       stdout=fh, check=True, timeout=240)
    res = subprocess.run([sys.executable, str(TOOLS / "check_article.py"), "--expected", str(SEED_EXPECTED),
                          "--article", str(out)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout[-3000:]


@pytest.mark.timeout(300)
def test_seed_structure_and_no_wrong_speaker(tmp_path: Path) -> None:
    """What already holds: the structure passes and no quote goes to a never-speaker."""
    need_shared(SEED)
    out = tmp_path / "seed.json"
    with out.open("w") as fh:
        subprocess.run([str(ROOT / ".venv" / "bin" / "quotewire"), "extract", str(SEED), "--format", "json"],
                       stdout=fh, check=True, timeout=240)
    res = subprocess.run([sys.executable, str(TOOLS / "check_article.py"), "--expected", str(SEED_EXPECTED),
                          "--article", str(out)], capture_output=True, text=True, timeout=60)
    assert "quote given to" not in res.stdout
    struct = subprocess.run([sys.executable, str(TOOLS / "check_article.py"), "--expected", str(SEED_EXPECTED),
                             "--article", str(out), "--structure-only"], capture_output=True, text=True, timeout=60)
    assert struct.returncode == 0, struct.stdout[-2000:]
