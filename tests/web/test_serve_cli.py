"""`quotewire serve` and `quotewire demo`: what a user runs, with one-line errors."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from quotewire.cli import app
from quotewire.cli import serve as serve_cli
from tests.web.conftest import PAGES

QUOTEWIRE = [sys.executable, "-c", "from quotewire.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*QUOTEWIRE, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200"})


def test_help_lists_the_options() -> None:
    for cmd, options in (("serve", ["--db", "--host", "--port"]), ("demo", ["--db", "--host", "--port", "--no-serve"])):
        r = _run(cmd, "--help")
        assert r.returncode == 0
        for opt in options:
            assert opt in r.stdout


def test_serve_answers_over_http(sqlite_url: str) -> None:
    port = _free_port()
    proc = subprocess.Popen([*QUOTEWIRE, "serve", "--db", sqlite_url, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()  # type: ignore[union-attr]
        assert f"at http://127.0.0.1:{port}/" in line, line
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["articles"] >= 1
        assert httpx.post(f"http://127.0.0.1:{port}/api/search", timeout=5).status_code == 405
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_port_in_use_is_one_line(sqlite_url: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = _run("serve", "--db", sqlite_url, "--port", str(port))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "already in use" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("db, words", [("/nonexistent-folder/x.db", "does not exist"), ("/", "is a directory"),
                                       ("mysql://u@h/db", "SQLite or PostgreSQL")])
def test_serve_bad_db_is_one_line(db: str, words: str) -> None:
    r = _run("serve", "--db", db, "--port", str(_free_port()))
    assert r.returncode != 0
    assert words in r.stderr and r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr


def test_serve_bad_port_is_refused() -> None:
    r = _run("serve", "--port", "70000")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_demo_no_serve_ingests_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_cli, "SAMPLES", PAGES)
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{len(list(PAGES.iterdir()))} sample pages" in result.output
    from quotewire.store import Archive

    with Archive.open(str(db)) as archive:
        assert archive.stats()["articles"] == len(list(PAGES.iterdir()))
    again = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db)])  # a rerun keeps what is there
    assert again.exit_code == 0


def test_demo_with_the_shipped_samples(tmp_path: Path) -> None:
    shipped = [p for p in serve_cli.SAMPLES.rglob("*") if p.is_file() and not p.name.startswith(".")]
    if not shipped:
        pytest.xfail("src/quotewire/samples/ has no pages yet")
    db = tmp_path / "samples.db"
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    from quotewire.store import Archive

    with Archive.open(str(db)) as archive:
        stats = archive.stats()
    assert stats["articles"] >= 1 and stats["quotes"] >= 1
