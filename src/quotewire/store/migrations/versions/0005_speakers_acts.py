"""Speech apart from belief, and one person one speaker across the archive.

``quotes.act`` (statement | belief | other: what the cue reports; existing quotes are statements,
or whatever their stored record says) and ``quotes.speaker_kind`` (person | organization |
unnamed | unknown); ``speaker_aliases.name_key`` and ``surname`` (the key name variants of one
person share: titles, honorifics and middle initials off). Existing speakers are rebuilt from the
stored article records under the merge rules of ``quotewire.store.speakers`` (docs/archive.md):
"Trump", "Donald J. Trump" and "President Trump" become one speaker, unnamed sources none.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ACTS = ("statement", "belief", "other")  # frozen here: the migration must not change when the package does
BATCH = 200

quotes = sa.table("quotes", sa.column("article_id", sa.Integer), sa.column("position", sa.Integer),
                  sa.column("act", sa.String))


def upgrade() -> None:
    op.add_column("quotes", sa.Column("act", sa.String(16), nullable=False, server_default="statement"))
    op.add_column("quotes", sa.Column("speaker_kind", sa.String(16)))
    op.add_column("speaker_aliases", sa.Column("name_key", sa.String(300), nullable=False, server_default=""))
    op.add_column("speaker_aliases", sa.Column("surname", sa.String(100), nullable=False, server_default=""))
    op.create_index("ix_speaker_aliases_surname", "speaker_aliases", ["surname"])
    bind = op.get_bind()
    ids = [r[0] for r in bind.execute(sa.text("SELECT id FROM articles ORDER BY id"))]
    # acts: only records that carry a non-default one need a rewrite
    for i in range(0, len(ids), BATCH):
        rows = bind.execute(sa.text("SELECT id, record FROM articles WHERE id IN :ids AND record LIKE :p")
                            .bindparams(sa.bindparam("ids", expanding=True)),
                            {"ids": ids[i:i + BATCH], "p": '%"act": %'}).all()
        for article_id, record in rows:
            try:
                found = json.loads(record).get("quotes") or []
            except ValueError:
                continue
            for pos, quote in enumerate(found):
                act = quote.get("act") if isinstance(quote, dict) else None
                if act in ACTS and act != "statement":
                    bind.execute(quotes.update().where(quotes.c.article_id == article_id,
                                                       quotes.c.position == pos).values(act=act))
    _relink(bind, ids)
    if sa.inspect(bind).has_table("quote_clusters"):  # a cluster's speaker follows its representative quote
        bind.execute(sa.text("UPDATE quote_clusters SET speaker_id = (SELECT q.speaker_id FROM quotes q "
                             "WHERE q.id = quote_clusters.rep_quote_id) WHERE rep_quote_id IS NOT NULL"))


def _relink(bind: sa.Connection, ids: list[int]) -> None:
    """Every speaker again, article by article in archive order, by the package's resolver."""
    from sqlalchemy.orm import Session

    from quotewire.store.speakers import relink_all

    def records():  # noqa: ANN202
        for i in range(0, len(ids), BATCH):
            rows = bind.execute(sa.text("SELECT id, record, published_date FROM articles WHERE id IN :ids "
                                        "ORDER BY id").bindparams(sa.bindparam("ids", expanding=True)),
                                {"ids": ids[i:i + BATCH]}).all()
            yield from rows

    with Session(bind=bind) as s:
        relink_all(s, records())
        s.flush()


def downgrade() -> None:
    op.drop_index("ix_speaker_aliases_surname", table_name="speaker_aliases")
    op.drop_column("speaker_aliases", "surname")
    op.drop_column("speaker_aliases", "name_key")
    op.drop_column("quotes", "speaker_kind")
    op.drop_column("quotes", "act")
