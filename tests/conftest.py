"""Shared fixtures. Evaluation data is read from ../shared at test time, never copied here."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_2f7c325c21075ff2.txt"
SEED_EXPECTED = SHARED / "seed" / "000_2f7c325c21075ff2.expected.json"
TOOLS = SHARED / "tools"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is missing)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return need_shared(SHARED)
