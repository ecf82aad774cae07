"""The page that defines the job: the CLI's record for the seed dump passes the shared checker's structure part."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED, SEED_EXPECTED, TOOLS, need_shared

EXE = Path(sys.executable).parent / "quotewire"


@pytest.mark.slow
def test_seed_structure(tmp_path: Path) -> None:
    need_shared(SEED)
    need_shared(SEED_EXPECTED)
    out = tmp_path / "OUT.json"
    proc = subprocess.run([str(EXE), "extract", str(SEED), "--format", "json", "--no-quotes"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out.write_bytes(proc.stdout)
    check = subprocess.run(["python3", str(TOOLS / "check_article.py"), "--structure-only",
                            "--expected", str(SEED_EXPECTED), "--article", str(out)],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
