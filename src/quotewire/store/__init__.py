"""The archive: articles, outlets, speakers and quotes in SQLite (default) or PostgreSQL.

API (every other layer uses only this; result types live in records.py):

    archive = Archive.open(url=None)     # None: sqlite file ./quotewire.db; or "postgresql://..."
                                         # creates/upgrades the schema (Alembic) on first use
    archive.add(article) -> "inserted" | "updated" | "unchanged"      # one transaction
    archive.record_failure(origin, reason, message)
    archive.failures(limit=100) -> list[IngestFailure]
    archive.search(q=None, *, speaker=None, outlet=None, date_from=None, date_to=None,
                   kind=None, language=None, page=1, per_page=20) -> Page        # ranked full-text
    archive.iter_search(...same filters...) -> Iterator[QuoteHit]               # all hits, for export
    archive.search_facets(q=None, limit=10, ...same filters...) -> Facets       # counts by speaker, outlet, kind, month
    archive.quote(quote_id) -> QuoteHit | None
    archive.article(article_id) -> StoredArticle | None
    archive.articles(q=None, outlet=None, page=1, per_page=20) -> (list[ArticleSummary], total)
    archive.speaker(speaker_id) -> SpeakerProfile | None
    archive.speaker_summary(speaker_id) -> SpeakerSummary | None     # name, roles, count: no timeline
    archive.speaker_quotes(speaker_id, q=None, page=1, per_page=20) -> Page
    archive.speakers(q=None, page=1, per_page=50) -> (list[SpeakerSummary], total)
    archive.outlet(outlet_id) -> OutletProfile | None
    archive.outlets() -> list[OutletSummary]
    archive.outlets_page(q=None, page=1, per_page=50) -> (list[OutletSummary], total)   # name/domain contains q
    archive.stats() -> dict[str, int]     # articles, quotes, speakers, outlets, failures
    archive.close()
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotewire.store.archive import Archive

__all__ = ["Archive"]


def __getattr__(name: str) -> Any:
    # Archive (SQLAlchemy, Alembic: ~25 MB, 1-2 s) loads on first use, so that a light part of the
    # store (export column types, quoted words) costs `quotewire run`'s writer nothing
    if name == "Archive":
        from quotewire.store.archive import Archive

        return Archive
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
