"""Search that agrees with itself: both backends index quotewire's own terms.

``quotes.terms``, ``articles.title_terms`` and ``articles.text_terms`` hold the text as
``quotewire.store.terms`` turns it into search terms (apostrophes, dotted abbreviations,
accents and case folded, Snowball-stemmed). Existing rows are filled here; then the full-text
indexes are rebuilt over those columns: SQLite FTS5 tables with the plain ``unicode61``
tokenizer (no porter stemming of its own), PostgreSQL generated ``tsvector`` columns with the
``simple`` configuration (no English stop words, no stemming of its own).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The package's tokeniser, not a frozen copy: the terms must be what the running code queries
# with. A later change to the tokeniser comes with a migration of its own that refills them.
from quotewire.store.terms import terms

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 500

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS quotes_fts_ai", "DROP TRIGGER IF EXISTS quotes_fts_ad",
    "DROP TRIGGER IF EXISTS quotes_fts_au", "DROP TABLE IF EXISTS quote_fts",
    "DROP TRIGGER IF EXISTS articles_fts_ai", "DROP TRIGGER IF EXISTS articles_fts_ad",
    "DROP TRIGGER IF EXISTS articles_fts_au", "DROP TABLE IF EXISTS article_fts",
]
SQLITE_UP = [
    "CREATE VIRTUAL TABLE quote_fts USING fts5(terms, content='quotes', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quote_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER quotes_fts_au AFTER UPDATE OF terms ON quotes BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO quote_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE article_fts USING fts5(title_terms, text_terms, content='articles', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO article_fts(rowid, title_terms, text_terms) VALUES (new.id, new.title_terms, new.text_terms); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title_terms, text_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.text_terms); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title_terms, text_terms ON articles BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title_terms, text_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.text_terms); "
    "INSERT INTO article_fts(rowid, title_terms, text_terms) VALUES (new.id, new.title_terms, new.text_terms); END",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]
# tsvector values are capped at 1 MB: index the first 500,000 characters of a long text
POSTGRES_DROP = ["DROP INDEX IF EXISTS ix_quotes_tsv", "ALTER TABLE quotes DROP COLUMN IF EXISTS tsv",
                 "DROP INDEX IF EXISTS ix_articles_tsv", "ALTER TABLE articles DROP COLUMN IF EXISTS tsv"]
POSTGRES_UP = [
    "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, coalesce(terms, ''))) STORED",
    "CREATE INDEX ix_quotes_tsv ON quotes USING gin (tsv)",
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, left(coalesce(text_terms, ''), 500000)), 'B')) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
]

quotes = sa.table("quotes", sa.column("id", sa.Integer), sa.column("content", sa.Text), sa.column("terms", sa.Text))
articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("title", sa.Text), sa.column("text", sa.Text),
                    sa.column("title_terms", sa.Text), sa.column("text_terms", sa.Text))


def _fill(bind: sa.Connection) -> None:
    last = 0
    while True:
        rows = bind.execute(sa.select(quotes.c.id, quotes.c.content).where(quotes.c.id > last)
                            .order_by(quotes.c.id).limit(BATCH)).all()
        if not rows:
            break
        bind.execute(quotes.update().where(quotes.c.id == sa.bindparam("qid")).values(terms=sa.bindparam("t")),
                     [{"qid": r[0], "t": terms(r[1])} for r in rows])
        last = rows[-1][0]
    last = 0
    while True:
        rows = bind.execute(sa.select(articles.c.id, articles.c.title, articles.c.text).where(articles.c.id > last)
                            .order_by(articles.c.id).limit(50)).all()
        if not rows:
            break
        bind.execute(articles.update().where(articles.c.id == sa.bindparam("aid"))
                     .values(title_terms=sa.bindparam("tt"), text_terms=sa.bindparam("xt")),
                     [{"aid": r[0], "tt": terms(r[1]), "xt": terms(r[2])} for r in rows])
        last = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    for stmt in SQLITE_DROP if dialect == "sqlite" else POSTGRES_DROP if dialect == "postgresql" else []:
        op.execute(stmt)  # first, so that filling the new columns does not feed the old index
    op.add_column("quotes", sa.Column("terms", sa.Text))
    op.add_column("articles", sa.Column("title_terms", sa.Text))
    op.add_column("articles", sa.Column("text_terms", sa.Text))
    _fill(bind)
    for stmt in SQLITE_UP if dialect == "sqlite" else POSTGRES_UP if dialect == "postgresql" else []:
        op.execute(stmt)


def downgrade() -> None:
    """Back to 0005's indexes (FTS5 porter over content, PostgreSQL english over content)."""
    bind = op.get_bind()
    dialect = bind.dialect.name
    for stmt in SQLITE_DROP if dialect == "sqlite" else POSTGRES_DROP if dialect == "postgresql" else []:
        op.execute(stmt)
    op.drop_column("articles", "text_terms")
    op.drop_column("articles", "title_terms")
    op.drop_column("quotes", "terms")
    if dialect == "sqlite":
        from importlib import import_module

        old = import_module("quotewire.store.migrations.versions.0002_search")
        for stmt in old.SQLITE_UP:
            op.execute(stmt)
    elif dialect == "postgresql":
        from importlib import import_module

        old = import_module("quotewire.store.migrations.versions.0002_search")
        for stmt in old.POSTGRES_UP:
            op.execute(stmt)
