"""Schema creation and Alembic upgrades on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from quotewire.errors import ConfigError, StoreError
from quotewire.store import Archive
from quotewire.store.schema import current_revision, head_revision, make_engine, normalize_url, upgrade


def test_url_forms() -> None:
    assert normalize_url(None) == "sqlite:///quotewire.db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("data/a.db") == "sqlite:///data/a.db"
    with pytest.raises(ConfigError):
        make_engine("mysql://u@h/db")


def test_upgrade_existing_archive_keeps_data_and_indexes_it(archive_url: str) -> None:
    """An archive at revision 0001 (no search index yet) upgraded by `db upgrade` finds its old quotes."""
    engine = make_engine(archive_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as c:
        c.execute(text("INSERT INTO articles (id, identity, doc_id, content_hash, record_hash, language, authors, "
                       "text, record, created_at, updated_at) VALUES (1, 'sha256:x', 'old', 'h', 'r', 'en', '[]', "
                       "'Old text', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        c.execute(text("INSERT INTO quotes (article_id, position, kind, content, content_start, content_end, "
                       "confidence) VALUES (1, 0, 'direct', 'Granaries were full before the flood', 0, 10, 0.5)"))
    from typer.testing import CliRunner

    from quotewire.cli import app

    res = CliRunner().invoke(app, ["db", "upgrade", "--db", archive_url])
    assert res.exit_code == 0, res.output
    assert f"from 0001 to {head_revision()}" in res.output
    assert current_revision(engine) == head_revision()
    engine.dispose()
    a = Archive.open(archive_url)
    assert a.search("granaries").total == 1
    a.close()


def test_open_upgrades_automatically(archive_url: str) -> None:
    engine = make_engine(archive_url)
    upgrade(engine, "0001")
    engine.dispose()
    a = Archive.open(archive_url)
    assert current_revision(a.engine) == head_revision()
    a.close()


def test_foreign_database_is_refused(tmp_path) -> None:
    import sqlite3

    db = tmp_path / "other.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE articles (x)")
    with pytest.raises(StoreError, match="not a quotewire archive"):
        Archive.open(str(db))


def test_not_a_database(tmp_path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError) as info:
        Archive.open(str(junk))
    assert "junk.db" in str(info.value)


def test_unreachable_postgres() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Archive.open("postgresql://nobody@127.0.0.1:1/none")
