"""A mistyped --db never creates an archive: read-only commands on a path or database that holds
no archive stop with one line naming it, exit non-zero, and leave nothing behind (no file, no
table). Only `ingest` and `db upgrade` create an archive."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from quotewire.errors import NoArchive, StoreError
from quotewire.store import Archive
from tests.store.conftest import make_article

QUOTEWIRE = [sys.executable, "-c", "from quotewire.cli import main; main()"]
READ_ONLY = [["search", "troops"], ["search"], ["export", "troops", "--out", "{out}"], ["db", "status"],
             ["db", "failures"]]


def _run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*QUOTEWIRE, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env={**os.environ, "COLUMNS": "200", "QUOTEWIRE_DB": ""})


def _one_line_refusal(res: subprocess.CompletedProcess[str], where: str) -> None:
    assert res.returncode != 0, res
    assert "Traceback" not in res.stderr and res.stderr.strip().count("\n") == 0, res.stderr
    assert f"no archive at {where}" in res.stderr and "quotewire ingest" in res.stderr, res.stderr


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: " ".join(a[:2]))
def test_read_only_command_on_a_mistyped_path_creates_nothing(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "out.csv"
    db = tmp_path / "quotwire.db"  # a typo
    res = _run([a.format(out=out) for a in args] + ["--db", str(db)], tmp_path)
    _one_line_refusal(res, str(db))
    assert sorted(os.listdir(tmp_path)) == [], "nothing may be created"


def test_default_archive_missing_is_refused_in_place(tmp_path: Path) -> None:
    res = _run(["search", "troops"], tmp_path)  # ./quotewire.db, not there
    _one_line_refusal(res, "quotewire.db")
    assert os.listdir(tmp_path) == []


def test_empty_sqlite_file_is_not_an_archive_and_stays_empty(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    res = _run(["search", "troops", "--db", str(db)], tmp_path)
    _one_line_refusal(res, str(db))
    assert db.stat().st_size == 0 and os.listdir(tmp_path) == ["empty.db"]


def test_other_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE notes (x)")
    con.close()
    before = db.read_bytes()
    res = _run(["search", "troops", "--db", str(db)], tmp_path)
    assert res.returncode != 0 and "not a quotewire archive" in res.stderr and "Traceback" not in res.stderr
    assert db.read_bytes() == before


def test_not_a_database_file_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("shopping list\n" * 200)
    res = _run(["export", "--out", str(tmp_path / "x.csv"), "--db", str(junk)], tmp_path)
    assert res.returncode != 0 and str(junk) in res.stderr and "Traceback" not in res.stderr
    assert res.stderr.strip().count("\n") == 0 and sorted(os.listdir(tmp_path)) == ["notes.txt"]


def test_ingest_and_db_upgrade_still_create(tmp_path: Path) -> None:
    res = _run(["db", "upgrade", "--db", str(tmp_path / "new.db")], tmp_path)
    assert res.returncode == 0, res.stderr
    res = _run(["search", "troops", "--db", str(tmp_path / "new.db")], tmp_path)
    assert res.returncode == 1 and "no quotes found" in res.stderr  # an empty archive, not "no archive"


def test_read_only_open_of_an_old_schema_asks_for_db_upgrade(tmp_path: Path) -> None:
    from quotewire.store.schema import current_revision, make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0001")
    engine.dispose()
    with pytest.raises(StoreError, match="db upgrade"):
        Archive.open(url, create=False, readonly=True)
    engine = make_engine(url)
    assert current_revision(engine) == "0001"  # untouched
    engine.dispose()


def test_read_only_archive_cannot_write(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with Archive.open(url) as a:
        a.add(make_article("r1", [("Marta Kovel", "The troops left the valley at dawn", None)]))
    with Archive.open(url, create=False, readonly=True) as ro:
        assert ro.search("troops").total == 1
        with pytest.raises(StoreError):
            ro.add(make_article("r2", [("Oskar Brenn", "Markets reopen on Monday", None)]))
    with Archive.open(url) as a:
        assert a.stats()["articles"] == 1


@pytest.mark.postgres
def test_empty_postgres_database_gets_no_tables(pg_server) -> None:
    url = pg_server.new_database()
    with pytest.raises(NoArchive) as info:
        Archive.open(url, create=False, readonly=True)
    assert "no archive at postgresql" in str(info.value) and "quotewire ingest" in str(info.value)
    for args in READ_ONLY:
        res = _run([a.format(out="/nonexistent-dir/x.csv") for a in args] + ["--db", url], Path.cwd())
        assert res.returncode != 0 and "no archive at postgresql" in res.stderr, (args, res.stderr)
        assert "Traceback" not in res.stderr and res.stderr.strip().count("\n") == 0
    engine = create_engine(url)
    try:
        assert inspect(engine).get_table_names() == [], "a read-only command created tables"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_read_only_archive_refuses_writes(pg_server) -> None:
    url = pg_server.new_database()
    with Archive.open(url) as a:
        a.add(make_article("p1", [("Marta Kovel", "The troops left the valley at dawn", None)]))
    with Archive.open(url, create=False, readonly=True, pool_size=4) as ro:
        assert ro.search("troops").total == 1
        with pytest.raises(StoreError):
            ro.add(make_article("p2", [("Oskar Brenn", "Markets reopen on Monday", None)]))
    with Archive.open(url, create=False) as a:
        assert a.stats()["articles"] == 1
