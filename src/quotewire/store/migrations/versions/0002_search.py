"""Full-text search (SQLite FTS5 tables kept in sync by triggers; PostgreSQL generated tsvector
columns with GIN indexes), backfilled from existing rows; and the sources table for incremental ingest.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE quote_fts USING fts5(content, content='quotes', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quote_fts(rowid, content) VALUES (new.id, new.content); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, content) VALUES ('delete', old.id, old.content); END",
    "CREATE TRIGGER quotes_fts_au AFTER UPDATE OF content ON quotes BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, content) VALUES ('delete', old.id, old.content); "
    "INSERT INTO quote_fts(rowid, content) VALUES (new.id, new.content); END",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER quotes_fts_ai", "DROP TRIGGER quotes_fts_ad", "DROP TRIGGER quotes_fts_au", "DROP TABLE quote_fts",
    "DROP TRIGGER articles_fts_ai", "DROP TRIGGER articles_fts_ad", "DROP TRIGGER articles_fts_au",
    "DROP TABLE article_fts",
]
# tsvector values are capped at 1 MB: index the first 500,000 characters of a long text
POSTGRES_UP = [
    "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, coalesce(content, ''))) STORED",
    "CREATE INDEX ix_quotes_tsv ON quotes USING gin (tsv)",
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(coalesce(text, ''), 500000)), 'B')) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
]
POSTGRES_DOWN = ["DROP INDEX ix_articles_tsv", "ALTER TABLE articles DROP COLUMN tsv",
                 "DROP INDEX ix_quotes_tsv", "ALTER TABLE quotes DROP COLUMN tsv"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for stmt in SQLITE_UP if dialect == "sqlite" else POSTGRES_UP if dialect == "postgresql" else []:
        op.execute(stmt)
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("origin", sa.String(1000), nullable=False, unique=True),
        sa.Column("bytes_hash", sa.String(64), nullable=False),
        sa.Column("pipeline", sa.String(40), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    )


def downgrade() -> None:
    op.drop_table("sources")
    dialect = op.get_bind().dialect.name
    for stmt in SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN if dialect == "postgresql" else []:
        op.execute(stmt)
