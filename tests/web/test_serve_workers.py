"""`quotewire serve --workers N`: N processes really answer, and serve refuses a path with no archive."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

QUOTEWIRE = [sys.executable, "-c", "from quotewire.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def _workers(pid: int) -> list[int]:
    """The spawned web workers (not multiprocessing's resource tracker)."""
    found = []
    for child in _children(pid):
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        except FileNotFoundError:
            continue
        if b"spawn_main" in cmd:
            found.append(child)
    return found


def _bytes_sent(pid: int) -> int:
    """Bytes the process has written (sockets included): grows only when it answers requests."""
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    raise AssertionError("no wchar in /proc/PID/io")


def _wait_up(port: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise AssertionError(f"serve exited {proc.returncode}: {proc.stderr.read()}")  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            raise AssertionError("serve did not answer")
        time.sleep(0.2)


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc")
def test_serve_workers_2_answers_from_two_processes(sqlite_url: str) -> None:
    port = _free_port()
    proc = subprocess.Popen([*QUOTEWIRE, "serve", "--db", sqlite_url, "--port", str(port), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()  # type: ignore[union-attr]
        assert f"at http://127.0.0.1:{port}/ with 2 worker processes" in line, line
        _wait_up(port, proc)
        deadline = time.monotonic() + 60
        while len(_workers(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _workers(proc.pid)
        assert len(workers) == 2 and proc.pid not in workers, workers

        def get(_: int) -> int:  # a new connection each time: the kernel spreads them over the workers
            return httpx.get(f"http://127.0.0.1:{port}/api/search?per_page=50", timeout=30).status_code

        answered: set[int] = set()
        for _ in range(10):
            before = {w: _bytes_sent(w) for w in workers}
            with ThreadPoolExecutor(8) as pool:
                assert set(pool.map(get, range(40))) == {200}
            answered |= {w for w in workers if _bytes_sent(w) - before[w] > 1000}
            if answered == set(workers):
                break
        assert answered == set(workers), f"only {answered} of {workers} answered"
        assert httpx.post(f"http://127.0.0.1:{port}/api/search", timeout=10).status_code == 405
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    time.sleep(0.5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and
             "zombie" not in Path(f"/proc/{w}/status").read_text()]
    assert not alive, f"workers left running: {alive}"


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_without_an_archive_is_one_line_and_creates_nothing(tmp_path: Path, workers: str) -> None:
    db = tmp_path / "typo.db"
    r = subprocess.run([*QUOTEWIRE, "serve", "--db", str(db), "--port", str(_free_port()), "--workers", workers],
                       capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert r.returncode != 0
    assert f"no archive at {db}" in r.stderr and "quotewire ingest" in r.stderr, r.stderr
    assert r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr
    assert os.listdir(tmp_path) == []


@pytest.mark.postgres
def test_serve_on_an_empty_postgres_database_creates_no_table(pg_server) -> None:
    from sqlalchemy import create_engine, inspect

    url = pg_server.new_database()
    r = subprocess.run([*QUOTEWIRE, "serve", "--db", url, "--port", str(_free_port())],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "no archive at postgresql" in r.stderr and "Traceback" not in r.stderr
    engine = create_engine(url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
