"""`make run` installs what running needs, and says so as it goes; `make test` adds the extras."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _dry_run(target: str, tmp_path: Path) -> list[str]:
    """The commands `make TARGET` would run for a fresh clone (a venv that does not exist yet)."""
    # under `make test` the outer make's flags would reach this one (and its "Entering directory" lines)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES")}
    proc = subprocess.run(["make", "--no-print-directory", "-n", "-B", f"VENV={tmp_path / 'venv'}", target],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def _pip_installs(lines: list[str]) -> list[str]:
    """What each `pip install` in the recipe installs (its arguments: the venv path is left out)."""
    return [line.split("-m pip install", 1)[1].strip() for line in lines if "-m pip install" in line]


def test_make_run_installs_only_what_running_needs(tmp_path: Path) -> None:
    lines = _dry_run("run", tmp_path)
    installs = _pip_installs(lines)
    assert "-e ." in installs, installs
    assert not [line for line in installs if "test" in line or "ray" in line], installs
    assert lines[-1].endswith("quotewire demo")


def test_make_run_shows_progress(tmp_path: Path) -> None:
    lines = _dry_run("run", tmp_path)
    assert not [line for line in _pip_installs(lines) if re.search(r"(^|\s)(-q|--quiet)\b", line)]  # pip's own lines show
    steps = [line for line in lines if line.startswith("echo") and "==>" in line]
    assert len(steps) >= 3, lines
    assert any(re.search(r"about \d+( to \d+)? minutes", s) for s in steps)  # what to expect, before the wait


def test_make_test_installs_the_test_ray_and_uk_extras(tmp_path: Path) -> None:
    installs = _pip_installs(_dry_run("test", tmp_path))
    assert "-e ." in installs and "-e '.[test,ray,uk]'" in installs, installs


def test_readme_says_how_long_a_first_run_takes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"first `make run`[^.]*\d+ minutes", readme), "README: how long does a first `make run` take?"
