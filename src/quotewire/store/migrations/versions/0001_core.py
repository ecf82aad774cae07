"""Core tables: outlets, articles, speakers (aliases, roles), quotes, ingest failures.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("domain", sa.String(255)),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identity", sa.String(600), nullable=False, unique=True),
        sa.Column("doc_id", sa.String(300), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("category", sa.String(300)),
        sa.Column("published", sa.String(40)),
        sa.Column("published_date", sa.String(10)),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id")),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_articles_published_date", "articles", ["published_date"])
    op.create_index("ix_articles_outlet_id", "articles", ["outlet_id"])
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("norm_name", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.String(300), nullable=False),
        sa.Column("norm_alias", sa.String(300), nullable=False),
        sa.UniqueConstraint("speaker_id", "norm_alias"),
    )
    op.create_index("ix_speaker_aliases_norm", "speaker_aliases", ["norm_alias"])
    op.create_table(
        "speaker_roles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(300), nullable=False),
        sa.Column("first_seen", sa.String(10)),
        sa.Column("last_seen", sa.String(10)),
        sa.UniqueConstraint("speaker_id", "role"),
    )
    op.create_table(
        "article_speakers",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
    )
    op.create_index("ix_article_speakers_speaker_id", "article_speakers", ["speaker_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("cue", sa.String(300)),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id")),
        sa.Column("speaker_name", sa.String(300)),
        sa.Column("mention", sa.String(300)),
        sa.Column("mention_start", sa.Integer),
        sa.Column("mention_end", sa.Integer),
        sa.Column("role", sa.String(300)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("outlet_id", sa.Integer),
        sa.Column("published_date", sa.String(10)),
        sa.Column("language", sa.String(16)),
    )
    op.create_index("ix_quotes_article_position", "quotes", ["article_id", "position"])
    op.create_index("ix_quotes_kind", "quotes", ["kind"])
    op.create_index("ix_quotes_speaker_id", "quotes", ["speaker_id"])
    op.create_index("ix_quotes_outlet_id", "quotes", ["outlet_id"])
    op.create_index("ix_quotes_published_date", "quotes", ["published_date"])
    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("origin", sa.String(1000), nullable=False, unique=True),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_ingest_failures_reason", "ingest_failures", ["reason"])


def downgrade() -> None:
    for table in ("ingest_failures", "quotes", "article_speakers", "speaker_roles", "speaker_aliases", "speakers",
                  "articles", "outlets"):
        op.drop_table(table)
