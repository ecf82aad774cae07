"""Quote clusters: the same utterance across articles and outlets (docs/clusters.md).

``quote_clusters`` (one row per utterance: its longest faithful text, speaker, counts and first
appearance), ``quote_links`` (each linked quote's cluster and variant kind) and
``cluster_keys`` (the candidate index: winnowed word-shingle fingerprints -> cluster). Quotes
already in an archive are clustered by ``quotewire clusters rebuild``; new ones at ingest.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quote_clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("rep_quote_id", sa.Integer),
        sa.Column("speaker_id", sa.Integer),
        sa.Column("speaker_name", sa.String(300)),
        sa.Column("quotes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("outlets", sa.Integer, nullable=False, server_default="0"),
        sa.Column("first_quote_id", sa.Integer),
        sa.Column("first_date", sa.String(10)),
    )
    op.create_index("ix_quote_clusters_speaker", "quote_clusters", ["speaker_id", "articles"])
    op.create_table(
        "quote_links",
        sa.Column("quote_id", sa.Integer, sa.ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("quote_clusters.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_index("ix_quote_links_cluster", "quote_links", ["cluster_id"])
    op.create_table(
        "cluster_keys",
        sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("cluster_id", sa.Integer, primary_key=True, autoincrement=False),
    )


def downgrade() -> None:
    op.drop_table("cluster_keys")
    op.drop_index("ix_quote_links_cluster", table_name="quote_links")
    op.drop_table("quote_links")
    op.drop_index("ix_quote_clusters_speaker", table_name="quote_clusters")
    op.drop_table("quote_clusters")
