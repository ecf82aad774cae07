"""The archive's data version: a value that changes whenever any write is committed.

What a reader may cache (``quotewire.web.cache``) is keyed on it, so any write anywhere,
`quotewire ingest`, `db upgrade`, a clusters rebuild or SQL by hand, makes every cached
answer stale, with no counter to bump and no write path to remember:

* SQLite: ``PRAGMA data_version`` on one connection kept for the purpose. SQLite changes it
  whenever another connection has committed a change to the file since the last call.
* PostgreSQL: the current snapshot (``pg_current_snapshot()``: xmin, xmax and the
  transactions in progress). A committed (or aborted) write transaction always changes it:
  while running it is listed as in progress, once it ends it is not, and one started since
  moved xmax on. Read-only transactions take no transaction id and leave it alone. It is
  cluster-wide, so a write to another database of the same server also changes it (a cache
  emptied too often, never one kept too long).

Read the version *before* computing what is cached under it: a write committed meanwhile then
changes the version the next reader sees, so no answer outlives a write.
"""
from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.pool import SingletonThreadPool, StaticPool


class DataVersion:
    """``current()`` -> an opaque string, or None when it cannot be read (then nothing is cached)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._conn: Any = None  # the pool's DBAPI connection, kept out of the pool for good
        self._lock = threading.Lock()
        self._sql = "PRAGMA data_version" if self.dialect == "sqlite" else None
        # one connection shared by everyone (an in-memory database) never sees "another" connection's commit
        self.usable = self.dialect == "postgresql" or (
            self.dialect == "sqlite" and engine.url.database not in (None, "", ":memory:")
            and not isinstance(engine.pool, (SingletonThreadPool, StaticPool)))

    def _connect(self) -> Any:
        conn = self.engine.raw_connection()
        if self.dialect == "postgresql":
            driver = conn.driver_connection
            driver.autocommit = True  # each SELECT its own snapshot
            with driver.cursor() as cur:
                cur.execute("SET statement_timeout = 2000")
                cur.execute("SHOW server_version_num")
                self._sql = ("SELECT pg_current_snapshot()::text" if int(cur.fetchone()[0]) >= 130000
                             else "SELECT txid_current_snapshot()::text")
        return conn

    def current(self) -> str | None:
        if not self.usable:
            return None
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self._connect()
                cur = self._conn.cursor()
                try:
                    cur.execute(self._sql)
                    value = cur.fetchone()[0]
                finally:
                    cur.close()
                return str(value)
            except Exception:  # noqa: BLE001 - a lost connection: no version now, a new connection next time
                self._drop()
                return None

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()
            except Exception:  # noqa: BLE001 - already gone
                pass

    def close(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001
                    pass
