"""Database URLs, engines and schema migrations (Alembic, run from inside the package)."""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from quotewire.errors import ConfigError, NoArchive, StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_DB = "quotewire.db"


def normalize_url(url: str | None) -> str:
    """None -> ./quotewire.db; a bare path -> SQLite; postgres[ql]:// -> the psycopg 3 driver."""
    if url is None or not str(url).strip():
        return f"sqlite:///{DEFAULT_DB}"
    url = str(url).strip()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI callback
    # autocommit-off pysqlite would open a transaction around PRAGMA journal_mode: run it outside
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_reader_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI callback
    # a read-only connection (mode=ro): it cannot change the journal mode, and refuses writes twice over
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA mmap_size=268435456")  # readers share the OS page cache instead of copying pages
    cur.close()


def sqlite_file(url: str | None) -> Path | None:
    """The file of a SQLite archive URL (None for other backends, :memory: and file: URIs)."""
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    db = parsed.database or ""
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db).expanduser()


def archive_name(url: str | None) -> str:
    """What messages call an archive: a SQLite file by its path, a server database by its URL (no password)."""
    path = sqlite_file(url)
    return str(path) if path is not None else describe(normalize_url(url))


def make_engine(url: str | None, *, readonly: bool = False, pool_size: int | None = None) -> Engine:
    """An engine for the archive at ``url``. ``readonly``: connections that cannot write (SQLite
    ``mode=ro`` + ``query_only``; PostgreSQL read-only transactions), for many concurrent readers.
    ``pool_size``: connections kept open (one per request running at once suits a web worker)."""
    full = normalize_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise ConfigError(str(url), f"not a database URL ({exc})") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(describe(full), "the archive runs on SQLite or PostgreSQL (sqlite:///FILE, postgresql://...)")
    pool: dict[str, Any] = {} if pool_size is None else {"pool_size": pool_size, "max_overflow": pool_size}
    if backend == "sqlite":
        db = parsed.database or ""
        path = sqlite_file(full)
        if path is not None:
            parent = path.resolve().parent
            if not parent.is_dir():
                raise ConfigError(full, f"folder {parent} does not exist")
        if readonly and path is not None:
            uri = "file:" + quote(str(path.resolve())) + "?mode=ro"

            def connect() -> sqlite3.Connection:
                return sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)

            engine = create_engine(full, creator=connect, **pool)
            event.listen(engine, "connect", _sqlite_reader_pragmas)
        else:
            engine = create_engine(full, connect_args={"timeout": 30}, **(pool if db != ":memory:" else {}))
            event.listen(engine, "connect", _sqlite_pragmas)
    else:
        args: dict[str, Any] = {"options": "-c default_transaction_read_only=on"} if readonly else {}
        try:
            engine = create_engine(full, pool_pre_ping=True, connect_args=args, **pool)
        except (ArgumentError, ModuleNotFoundError) as exc:
            raise ConfigError(describe(full), str(exc)) from None
    return engine


def alembic_config(engine: Engine):  # noqa: ANN201 - alembic.config.Config, imported lazily
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = alembic_config(create_engine("sqlite://"))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Brings the schema to ``revision``; returns (before, after). One transaction on both backends."""
    from alembic import command

    try:
        before = current_revision(engine)
        if before is None and inspect(engine).has_table("articles"):
            raise StoreError(describe(str(engine.url)), "has an articles table but no schema version: "
                             "not a quotewire archive (or one made by hand)")
        cfg = alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return before, current_revision(engine)
    except OperationalError as exc:
        raise StoreError(describe(str(engine.url)), f"cannot open the archive: {_first_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(describe(str(engine.url)), f"schema upgrade failed: {_first_line(exc)}") from None


def ensure_schema(engine: Engine) -> None:
    """Creates the schema on first use and upgrades an older one; cheap when already current."""
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise StoreError(describe(str(engine.url)), f"cannot open the archive: {_first_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(describe(str(engine.url)), f"not a usable database: {_first_line(exc)}") from None
    if current != head_revision():
        upgrade(engine)


def check_archive(engine: Engine, name: str, *, old: str = "refuse") -> None:
    """Raises NoArchive when the database holds no quotewire schema (and creates nothing), and
    StoreError when it is not an archive. An older schema: ``old`` = refuse (with a `db upgrade`
    hint), upgrade, or accept (as it is, for `db status`)."""
    try:
        current = current_revision(engine)
        if current is None:
            if inspect(engine).get_table_names():
                raise StoreError(name, "not a quotewire archive (it has tables but no quotewire schema version)")
            raise NoArchive(name)
    except OperationalError as exc:
        raise StoreError(name, f"cannot open the archive: {_first_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(name, f"not a usable database: {_first_line(exc)}") from None
    head = head_revision()
    if current == head:
        return
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()}
    if current not in known:
        raise StoreError(name, f"archive schema revision {current} is unknown to this quotewire (made by a newer "
                               "version?)")
    if old == "accept":
        return
    if old != "upgrade":
        raise StoreError(name, f"archive schema is at revision {current}, this quotewire reads {head}: "
                               "run `quotewire db upgrade` first")
    upgrade(engine)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return " ".join(text.strip().splitlines()[0].split()) if text.strip() else type(exc).__name__
