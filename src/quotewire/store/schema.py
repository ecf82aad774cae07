"""Database URLs, engines and schema migrations (Alembic, run from inside the package)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from quotewire.errors import ConfigError, StoreError

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


def make_engine(url: str | None) -> Engine:
    full = normalize_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise ConfigError(str(url), f"not a database URL ({exc})") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(describe(full), "the archive runs on SQLite or PostgreSQL (sqlite:///FILE, postgresql://...)")
    if backend == "sqlite":
        db = parsed.database or ""
        if db and db != ":memory:" and not db.startswith("file:"):
            parent = Path(db).expanduser().resolve().parent
            if not parent.is_dir():
                raise ConfigError(full, f"folder {parent} does not exist")
        engine = create_engine(full, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        try:
            engine = create_engine(full, pool_pre_ping=True)
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


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return " ".join(text.strip().splitlines()[0].split()) if text.strip() else type(exc).__name__
