"""How long a first `make run` takes on a fresh clone: the README's figure comes from here.

Copies the working tree (tracked and untracked, not ignored files) to a temporary folder, then
times, as a new user meets them: `make setup` (venv, pip, `pip install -e .`: what `make run`
installs before it starts), the first `quotewire demo --no-serve` (model load and the sample
ingest), and with --extras `make setup-test` (the test and ray extras on top). pip's cache is
off by default (--warm-cache keeps it), so every wheel is fetched again. Not part of `make bench`
(it downloads for minutes): run `python benchmarks/first_run.py [--extras]`.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import cpu_model  # noqa: E402


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _copy_tree(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _timed(label: str, cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> float:
    start = time.monotonic()
    with log.open("w") as fh:
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    took = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"first_run: {label} failed (exit {proc.returncode}); see {log}")
    lines = sum(1 for line in log.read_text(errors="replace").splitlines() if line.strip())
    print(f"{label:<46} {took:7.1f} s   ({lines} lines of progress; load {_load()})", flush=True)
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extras", action="store_true", help="also time `make setup-test` (test and ray extras)")
    ap.add_argument("--warm-cache", action="store_true", help="let pip use its cache")
    ap.add_argument("--keep", action="store_true", help="keep the temporary clone and its venv")
    args = ap.parse_args()

    print(f"machine: {os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}, load {_load()}")
    tmp = Path(tempfile.mkdtemp(prefix="quotewire-first-run-"))
    env = {**os.environ, "PIP_NO_CACHE_DIR": "0" if args.warm_cache else "1"}
    env.pop("VIRTUAL_ENV", None)
    try:
        _copy_tree(tmp)
        start = time.monotonic()
        total = _timed("make setup (what `make run` installs)", ["make", "setup"], tmp, env, tmp / "setup.log")
        size = subprocess.run(["du", "-sh", str(tmp / ".venv")], capture_output=True, text=True).stdout.split()[0]
        total += _timed("first `quotewire demo --no-serve`", [str(tmp / ".venv" / "bin" / "quotewire"), "demo",
                        "--no-serve", "--db", str(tmp / "demo.db")], tmp, env, tmp / "demo.log")
        print(f"{'first `make run`, until it serves':<46} {total:7.1f} s   (.venv {size})")
        if args.extras:
            _timed("make setup-test (test and ray extras on top)", ["make", "setup-test"], tmp, env,
                   tmp / "setup-test.log")
        print(f"wall {time.monotonic() - start:.1f} s; pip cache {'on' if args.warm_cache else 'off'}")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
