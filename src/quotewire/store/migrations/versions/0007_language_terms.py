"""Search terms in the language of the text: German, French, Spanish, Italian, Polish, Russian,
Portuguese and Dutch quotes and articles stemmed with their own Snowball stemmer, Ukrainian
folded only (``quotewire.store.terms.LANGUAGE_STEMMERS``); English and every other code keep
the terms 0006 gave them, so an English archive is not touched.

Existing rows of those languages get their ``terms`` / ``title_terms`` / ``text_terms``
refilled here; the full-text indexes follow by themselves (SQLite FTS5 triggers on those
columns, PostgreSQL generated ``tsvector`` columns). An index on ``articles.language`` lets a
search read the archive's languages cheaply (``store.search.search_languages``). Downgrade
gives the rows their English terms back.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The package's tokeniser, as in 0006: the terms must be what the running code queries with.
from quotewire.store.terms import LANGUAGE_STEMMERS, terms

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OWN = sorted(code for code, algo in LANGUAGE_STEMMERS.items() if algo != "english")  # frozen at upgrade time

quotes = sa.table("quotes", sa.column("id", sa.Integer), sa.column("content", sa.Text), sa.column("terms", sa.Text),
                  sa.column("language", sa.String))
articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("title", sa.Text), sa.column("text", sa.Text),
                    sa.column("title_terms", sa.Text), sa.column("text_terms", sa.Text),
                    sa.column("language", sa.String))


def _own(column: sa.ColumnElement) -> sa.ColumnElement:  # type: ignore[type-arg]
    """Rows whose language (``de``, ``de-AT``, ``DE``) has terms of its own."""
    low = sa.func.lower(sa.func.substr(column, 1, 2))
    return low.in_(OWN)


def _refill(bind: sa.Connection, english: bool) -> None:
    last = 0
    while True:
        rows = bind.execute(sa.select(quotes.c.id, quotes.c.content, quotes.c.language)
                            .where(quotes.c.id > last, _own(quotes.c.language)).order_by(quotes.c.id).limit(500)).all()
        if not rows:
            break
        bind.execute(quotes.update().where(quotes.c.id == sa.bindparam("qid")).values(terms=sa.bindparam("t")),
                     [{"qid": r[0], "t": terms(r[1], None if english else r[2])} for r in rows])
        last = rows[-1][0]
    last = 0
    while True:
        rows = bind.execute(sa.select(articles.c.id, articles.c.title, articles.c.text, articles.c.language)
                            .where(articles.c.id > last, _own(articles.c.language))
                            .order_by(articles.c.id).limit(50)).all()
        if not rows:
            break
        bind.execute(articles.update().where(articles.c.id == sa.bindparam("aid"))
                     .values(title_terms=sa.bindparam("tt"), text_terms=sa.bindparam("xt")),
                     [{"aid": r[0], "tt": terms(r[1], None if english else r[3]),
                       "xt": terms(r[2], None if english else r[3])} for r in rows])
        last = rows[-1][0]


def upgrade() -> None:
    op.create_index("ix_articles_language", "articles", ["language"])
    _refill(op.get_bind(), english=False)


def downgrade() -> None:
    _refill(op.get_bind(), english=True)
    op.drop_index("ix_articles_language", table_name="articles")
