"""The archive's tables as typed SQLAlchemy models.

The migrations in ``store/migrations`` are the source of truth for the live schema; these
models mirror them for queries. Full-text search structures (SQLite FTS5 tables, PostgreSQL
``tsv`` columns) are backend-specific, created by the migrations and never mapped here.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class Base(DeclarativeBase):
    pass


class Outlet(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True, comment="domain, or name:<normalised name>")
    name: Mapped[str] = mapped_column(String(300))
    domain: Mapped[str | None] = mapped_column(String(255))


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity: Mapped[str] = mapped_column(String(600), unique=True,
                                          comment="url:<normalised url> or sha256:<hash of the text>")
    doc_id: Mapped[str] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), comment="sha256 of the text")
    record_hash: Mapped[str] = mapped_column(String(64), comment="sha256 of the full record: a change updates")
    title: Mapped[str | None] = mapped_column(Text)
    # migration 0006: title and text as search terms (store/terms.py), what full-text search indexes
    title_terms: Mapped[str | None] = mapped_column(Text)
    text_terms: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[str | None] = mapped_column(String(40), comment="as the page gives it (ISO 8601)")
    published_date: Mapped[str | None] = mapped_column(String(10), index=True, comment="YYYY-MM-DD, for filters")
    language: Mapped[str] = mapped_column(String(16), default="und", index=True)  # index: migration 0007
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    record: Mapped[str] = mapped_column(Text, comment="the Article record as JSON")
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SpeakerRow(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    norm_name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="unknown")


class SpeakerAlias(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "norm_alias"), Index("ix_speaker_aliases_norm", "norm_alias"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    norm_alias: Mapped[str] = mapped_column(String(300))
    # migration 0005: the key name variants of one person share, and its last word (store/speakers.py)
    name_key: Mapped[str] = mapped_column(String(300), default="")
    surname: Mapped[str] = mapped_column(String(100), default="", index=True)


class SpeakerRole(Base):
    __tablename__ = "speaker_roles"
    __table_args__ = (UniqueConstraint("speaker_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(300))
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))


class ArticleSpeaker(Base):
    """Who appears in which article (quoted or named as a speaker)."""

    __tablename__ = "article_speakers"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)
    name: Mapped[str] = mapped_column(String(300), comment="the name as this article gives it")


class QuoteRow(Base):
    __tablename__ = "quotes"
    __table_args__ = (Index("ix_quotes_article_position", "article_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, comment="index in the article's quotes")
    kind: Mapped[str] = mapped_column(String(16), index=True)
    content: Mapped[str] = mapped_column(Text, comment="the quoted words: an interrupted quote's parts joined "
                                                     "with ' … ' (what search indexes and shows)")
    terms: Mapped[str | None] = mapped_column(Text, comment="content as search terms (store/terms.py; 0006)")
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    content_parts: Mapped[list[list[int]] | None] = mapped_column(
        JSON(none_as_null=True), comment="[[start, end], ...] of an interrupted quote as extracted; NULL otherwise")
    cue: Mapped[str | None] = mapped_column(String(300))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"), index=True)
    speaker_name: Mapped[str | None] = mapped_column(String(300), comment="the name as the article gives it")
    mention: Mapped[str | None] = mapped_column(String(300))
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    # migration 0005: what the cue reports (statement | belief | other) and the speaker's kind
    # (person | organization | unnamed | unknown); an unnamed source has no speaker_id, its words in mention
    act: Mapped[str] = mapped_column(String(16), default="statement")  # no index: nearly all rows share a value
    speaker_kind: Mapped[str | None] = mapped_column(String(16))
    # copied from the article so that filtered searches need no join
    outlet_id: Mapped[int | None] = mapped_column(Integer, index=True)
    published_date: Mapped[str | None] = mapped_column(String(10), index=True)
    language: Mapped[str | None] = mapped_column(String(16))


class QuoteCluster(Base):
    """One utterance across articles (store/clusters.py; migration 0004)."""

    __tablename__ = "quote_clusters"
    __table_args__ = (Index("ix_quote_clusters_speaker", "speaker_id", "articles"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, comment="the longest faithful text")
    rep_quote_id: Mapped[int | None] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(Integer)
    speaker_name: Mapped[str | None] = mapped_column(String(300), comment="the fullest name its quotes give")
    quotes: Mapped[int] = mapped_column(Integer, default=0)
    articles: Mapped[int] = mapped_column(Integer, default=0)
    outlets: Mapped[int] = mapped_column(Integer, default=0)
    first_quote_id: Mapped[int | None] = mapped_column(Integer, comment="earliest published; ties: ingest order")
    first_date: Mapped[str | None] = mapped_column(String(10))


class QuoteLink(Base):
    __tablename__ = "quote_links"
    __table_args__ = (Index("ix_quote_links_cluster", "cluster_id"),)

    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("quote_clusters.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16), comment="verbatim | re-punctuated | shortened | altered")


class ClusterKey(Base):
    """The candidate index: winnowed word-shingle fingerprints (linking/keys.py) -> cluster."""

    __tablename__ = "cluster_keys"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    cluster_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class Source(Base):
    """An input already read: a rerun skips it while its bytes are unchanged (incremental ingest)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(1000), unique=True)
    bytes_hash: Mapped[str] = mapped_column(String(64))
    pipeline: Mapped[str] = mapped_column(String(40), comment="quotewire version that read it")
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))


class IngestFailureRow(Base):
    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(1000), unique=True, comment="latest failure per input")
    reason: Mapped[str] = mapped_column(String(64), index=True)
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def row_dict(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A mapped row's columns as a dict (tests and dumps compare these)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}
