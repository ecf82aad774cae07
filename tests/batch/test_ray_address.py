"""`quotewire run --engine ray --address ...` that cannot join a cluster says why in one line and
exits 2 (it was "internal error"), and the `ray` extra installs what both documented forms need."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from quotewire.batch.ray_runner import INSTALL_HINT, _join_failure

pytestmark = [pytest.mark.ray, pytest.mark.timeout(300)]
ROOT = Path(__file__).resolve().parents[2]
EXE = Path(sys.executable).parent / "quotewire"
SAMPLES = ROOT / "src" / "quotewire" / "samples"


def _run(tmp_path: Path, address: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_")}
    env.update(RAY_TMPDIR=str(tmp_path / "ray"),  # no cluster another test started on this machine
               RAY_CLIENT_INITIAL_CONNECTION_TIMEOUT_S="1", RAY_CLIENT_MAX_CONNECTION_TIMEOUT_S="1")
    (tmp_path / "ray").mkdir(exist_ok=True)
    return subprocess.run([str(EXE), "run", str(SAMPLES), "--out", str(tmp_path / "out"), "--engine", "ray",
                           "--address", address, "--no-quotes", "--quiet"],
                          capture_output=True, text=True, timeout=240, env=env)


def _one_line(proc: subprocess.CompletedProcess[str], address: str) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith(f"quotewire: error: --address {address}: "), proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    return lines[0]


def test_address_auto_without_a_cluster(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    line = _one_line(_run(tmp_path, "auto"), "auto")
    assert "no running Ray cluster found" in line and "ray start --head" in line


def test_ray_client_address_nobody_answers(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    with socket.socket() as s:  # a port on 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"ray://127.0.0.1:{port}"
    line = _one_line(_run(tmp_path, address), address)
    assert "no Ray Client server answered there" in line  # Ray Client is installed: it tried


def test_missing_ray_client_is_explained() -> None:
    exc = ValueError("Ray Client requires pip package `ray[client]`. If you installed the minimal Ray ...")
    assert _join_failure("ray://head:10001", exc) == \
        f"the ray:// form needs Ray Client, which is not installed: {INSTALL_HINT}"
    assert _join_failure("10.0.0.1:6379", RuntimeError("Version mismatch: the cluster runs 2.9")) == \
        "cannot join the Ray cluster: RuntimeError: Version mismatch: the cluster runs 2.9"


def test_the_ray_extra_installs_ray_client() -> None:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]["ray"]
    ray_req = next(r for r in extra if r.startswith("ray["))
    assert {"data", "client"} <= set(re.match(r"ray\[([^\]]+)\]", ray_req).group(1).split(","))
    pins = dict(r.split("==") for r in extra)
    assert pins[ray_req.split("==")[0]] == metadata.version("ray")
    assert pins["grpcio"] == metadata.version("grpcio")  # Ray Client's one extra package, pinned and installed
    help_text = subprocess.run([str(EXE), "run", "--help"], capture_output=True, text=True, timeout=60,
                               env={**os.environ, "COLUMNS": "200"}).stdout
    assert "ray://" in help_text and "auto" in help_text  # the forms documented are the forms installed
