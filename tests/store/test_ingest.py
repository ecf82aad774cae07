"""Ingest through the real pipeline: idempotent, incremental, failures recorded, crash-safe."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotewire.pipeline import process
from quotewire.records import RawDocument, Result, Skipped
from quotewire.sources import iter_inputs
from quotewire.store import Archive
from quotewire.store.ingest import ingest, store_result
from tests.store.conftest import table_dump
from tests.store.pages import page_html, write_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    write_pages(folder, 6)
    (folder / "empty.html").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def test_ingest_stores_and_records_failures(archive: Archive, pages: Path) -> None:
    stats = ingest(archive, iter_inputs([str(pages)]))
    assert stats.inserted == 6 and stats.failed == 2
    fails = {Path(f.origin).name: f.reason for f in archive.failures()}
    assert fails == {"empty.html": "empty", "image.html": "binary"}
    assert archive.stats()["articles"] == 6
    outlets = {o.domain for o in archive.outlets()}
    assert outlets == {"lantern.example", "valley.example", "courier.example"}
    # the page's own metadata made it into the archive
    items, total = archive.articles(outlet="lantern.example")
    assert total == 2 and all(a.url and a.url.startswith("https://lantern.example/") for a in items)


def test_rerun_is_idempotent_and_incremental(archive: Archive, pages: Path) -> None:
    ingest(archive, iter_inputs([str(pages)]))
    before = table_dump(archive)
    again = ingest(archive, iter_inputs([str(pages)]))
    assert again.skipped == 6 and again.inserted == 0 and again.failed == 2  # unreadable inputs are retried
    assert table_dump(archive) == before
    forced = ingest(archive, iter_inputs([str(pages)]), force=True)
    assert forced.unchanged == 6
    assert table_dump(archive) == before


def test_changed_page_updates_its_article(archive: Archive, pages: Path) -> None:
    ingest(archive, iter_inputs([str(pages)]))
    target = pages / "page-001.html"
    target.write_text(page_html(1, extra="A correction was appended to this story on Friday."), encoding="utf-8")
    stats = ingest(archive, iter_inputs([str(pages)]))
    assert stats.updated == 1 and stats.skipped == 5
    assert archive.stats()["articles"] == 6
    items, total = archive.articles("correction appended")
    assert total == 1


def test_too_large_text_is_a_recorded_failure(archive: Archive, tmp_path: Path) -> None:
    words = "Eastmere council notes " * 100_000  # ~2.3 MB of text, under the page reader's own limit
    big = tmp_path / "big.txt"
    big.write_text("Huge dump\n\n" + words, encoding="utf-8")
    small = tmp_path / "small.html"
    small.write_text(page_html(7), encoding="utf-8")
    stats = ingest(archive, iter_inputs([str(big), str(small)]), attribute=False)
    assert stats.inserted == 1 and stats.failed == 1
    (fail,) = archive.failures()
    assert fail.origin == str(big) and fail.reason == "too_large" and "MB" in fail.message


def test_store_result_for_runners(archive: Archive, tmp_path: Path) -> None:
    p = tmp_path / "one.html"
    p.write_text(page_html(3), encoding="utf-8")
    assert store_result(archive, process(p)) == "inserted"
    assert store_result(archive, process(p)) == "unchanged"
    bad = Result(origin="feed#4", skipped=Skipped(origin="feed#4", reason="fetch_failed", message="timed out"))
    assert store_result(archive, bad) == "failed"
    assert archive.failures()[0].reason == "fetch_failed"
    raw = RawDocument(data=b"", origin="<bytes>")
    assert store_result(archive, process(raw)) == "failed"


def _ingest_cmd(db: Path, folder: Path) -> list[str]:
    return [sys.executable, "-c", "from quotewire.cli import main; main()", "ingest", str(folder), "--db", str(db),
            "--quiet"]


def test_kill_9_mid_ingest_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, 40)
    (folder / "empty.html").write_bytes(b"")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    killed_db = tmp_path / "killed.db"
    proc = subprocess.Popen(_ingest_cmd(killed_db, folder), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if killed_db.exists():
            try:
                with sqlite3.connect(killed_db, timeout=1) as con:
                    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(killed_db) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 3 <= partial < 40

    rerun = subprocess.run(_ingest_cmd(killed_db, folder), env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 1, rerun.stderr  # one recorded failure (empty.html), the rest stored
    assert "unchanged" in rerun.stderr and "1 failed" in rerun.stderr
    clean_db = tmp_path / "clean.db"
    clean = subprocess.run(_ingest_cmd(clean_db, folder), env=env, capture_output=True, text=True, timeout=300)
    assert clean.returncode == 1, clean.stderr

    a, b = Archive.open(f"sqlite:///{killed_db}"), Archive.open(f"sqlite:///{clean_db}")
    try:
        dump_a, dump_b = table_dump(a), table_dump(b)
        assert len(dump_a["articles"]) == 40 and dump_a["failures"] == [(str(folder / "empty.html"), "empty")]
        assert dump_a == dump_b
    finally:
        a.close()
        b.close()
