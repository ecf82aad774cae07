"""Alembic environment: run programmatically by ``quotewire.store.schema`` (no alembic.ini needed).

The caller hands over an open connection in ``config.attributes["connection"]``; the
``sqlalchemy.url`` option is the fallback for running ``alembic`` by hand.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from quotewire.store.models import Base

config = context.config


def _run(connection) -> None:  # noqa: ANN001 - alembic's own API
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=Base.metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    conn = config.attributes.get("connection")
    if conn is not None:
        _run(conn)
    else:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///quotewire.db")
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
