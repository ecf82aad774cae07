"""Shared fixtures. Evaluation data is read from ../shared at test time, never copied here."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_2f7c325c21075ff2.txt"
SEED_EXPECTED = SHARED / "seed" / "000_2f7c325c21075ff2.expected.json"
TOOLS = SHARED / "tools"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is missing)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return need_shared(SHARED)


# --- PostgreSQL (the archive's second backend): one throwaway server per test session.


@pytest.fixture(scope="session")
def pg_server():
    """A temporary PostgreSQL server (tests/pgserver.py); fails loudly in CI when the binaries are missing."""
    from tests.pgserver import PgServer, PgUnavailable

    try:
        server = PgServer().start()
    except PgUnavailable as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server) -> str:
    """URL (postgresql+psycopg://...) of the session server's default database."""
    return pg_server.url()
