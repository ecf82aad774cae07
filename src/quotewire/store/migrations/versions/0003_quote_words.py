"""Quotes keep their quoted words only: an interrupted quote's content is its parts joined with
' … ' (not the stretch from the first part to the last, cue words included), and the raw parts
are kept in a new ``content_parts`` column. Existing rows are rewritten from the article records;
the full-text index follows (SQLite FTS5 triggers, PostgreSQL generated column).

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""
from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SEP = " … "  # frozen here: the migration must not change when the package does
BATCH = 200

quotes = sa.table("quotes", sa.column("id", sa.Integer), sa.column("article_id", sa.Integer),
                  sa.column("position", sa.Integer), sa.column("content", sa.Text),
                  sa.column("content_start", sa.Integer), sa.column("content_end", sa.Integer),
                  sa.column("content_parts", sa.JSON), sa.column("cue", sa.String))


def _words(span: dict[str, Any] | None, text: str) -> tuple[str | None, list[list[int]] | None]:
    """(the quoted words, the raw parts) of a span with parts; (None, None) for any other span."""
    if not span or not span.get("parts"):
        return None, None
    raw = [[int(s), int(e)] for s, e in span["parts"]]
    fit = sorted((s, e) for s, e in raw if 0 <= s < e <= len(text))
    pieces = [p for p in (text[s:e].strip() for s, e in fit) if p]
    return (SEP.join(pieces) if pieces else None), raw


def _clean(s: str, limit: int = 300) -> str | None:
    return " ".join(s.replace("\x00", " ").split())[:limit] or None


def upgrade() -> None:
    op.add_column("quotes", sa.Column("content_parts", sa.JSON))
    bind = op.get_bind()
    # Only records with a span in parts need a rewrite (spans without parts dump "parts": null).
    ids = [r[0] for r in bind.execute(sa.text("SELECT id FROM articles WHERE record LIKE :p ORDER BY id"),
                                      {"p": '%"parts": [%'})]
    for i in range(0, len(ids), BATCH):
        rows = bind.execute(sa.text("SELECT id, record FROM articles WHERE id IN :ids")
                            .bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids[i:i + BATCH]}).all()
        for article_id, record in rows:
            try:
                article = json.loads(record)
            except ValueError:
                continue
            text = article.get("text") or ""
            for pos, quote in enumerate(article.get("quotes") or []):
                values: dict[str, Any] = {}
                words, parts = _words(quote.get("content"), text)
                if parts:
                    values["content_parts"] = parts
                    if words:
                        values["content"] = words.replace("\x00", " ")
                cue_words, _ = _words(quote.get("cue"), text)
                if cue_words:
                    values["cue"] = _clean(cue_words)
                if values:
                    bind.execute(quotes.update().where(quotes.c.article_id == article_id,
                                                       quotes.c.position == pos).values(**values))


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT q.id, q.content_start, q.content_end, a.text FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.content_parts IS NOT NULL")).all()
    for qid, start, end, text in rows:  # back to the stretch from the first part to the last
        bind.execute(quotes.update().where(quotes.c.id == qid).values(content=(text or "")[start:end]))
    op.drop_column("quotes", "content_parts")
