"""The seed page dump passes ../shared/tools/check_article.py (quotes, speakers, structure)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, SEED_EXPECTED, TOOLS, need_shared


def _check(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOLS / "check_article.py"), "--expected", str(SEED_EXPECTED),
                           "--article", str(out), *extra], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed read once by the CLI, as a user would: ``quotewire extract SEED --format json``."""
    need_shared(SEED)
    out = tmp_path_factory.mktemp("seed") / "seed.json"
    with out.open("w") as fh:
        subprocess.run([str(ROOT / ".venv" / "bin" / "quotewire"), "extract", str(SEED), "--format", "json"],
                       stdout=fh, check=True, timeout=240)
    return out


@pytest.mark.timeout(300)
def test_seed_quotes(seed_json: Path) -> None:
    res = _check(seed_json)
    assert res.returncode == 0, res.stdout[-3000:]


@pytest.mark.timeout(300)
def test_seed_structure_and_no_wrong_speaker(seed_json: Path) -> None:
    """The structure passes and no quote goes to a never-speaker."""
    assert "quote given to" not in _check(seed_json).stdout
    struct = _check(seed_json, "--structure-only")
    assert struct.returncode == 0, struct.stdout[-2000:]
