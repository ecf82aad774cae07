"""The record types, in one place: every stage reads and writes these.

Article follows ../shared/contract/article-jsonl.md (v1): every span indexes
``Article.text`` with Python str offsets. Extra fields are ours and documented in
the generated JSON Schema (``schema/article.schema.json``, ``make schema``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

BlockKind = Literal["title", "heading", "paragraph", "quote", "list", "table"]
QuoteKind = Literal["direct", "mixed", "indirect"]
InputForm = Literal["auto", "html", "text", "body"]
SpeakerKind = Literal["person", "organization", "unknown"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Record):
    """A stretch of ``Article.text``; ``parts`` lists the pieces of an interrupted span."""

    start: int
    end: int
    text: str
    parts: list[tuple[int, int]] | None = None


class Block(_Record):
    kind: BlockKind
    start: int
    end: int
    text: str


class Image(_Record):
    caption: str | None = None
    credit: str | None = None
    src: str | None = None


class Boilerplate(_Record):
    """Page chrome that was removed from ``text``, kept so that nothing disappears silently."""

    kind: str = Field(description="cookie_notice, language_prompt, navigation, share, subscribe, newsletter, "
                                  "related, comments, footer, label, byline, caption, credit, speaker_card, "
                                  "duplicate_title, advertisement, other")
    text: str


class Speaker(_Record):
    name: str
    roles: list[str] = Field(default_factory=list)
    kind: SpeakerKind = "unknown"
    aliases: list[str] = Field(default_factory=list, description="other names the article uses for them")


class SpeakerCard(_Record):
    """A name (and role) printed beside a pull quote: chrome for the text, evidence for attribution."""

    block: int = Field(description="index in Article.blocks of the quote block the card belongs to")
    name: str
    role: str | None = None


class QuoteSpeaker(_Record):
    name: str | None = None
    role: str | None = None
    mention: Span | None = None


class Quote(_Record):
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: QuoteSpeaker = Field(default_factory=QuoteSpeaker)
    confidence: float = Field(0.5, ge=0.0, le=1.0)


class Article(_Record):
    """One news article: the contract's fields first, then ours."""

    doc_id: str
    title: str | None = None
    category: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or date-time; null when the page gives none")
    language: str = "und"
    images: list[Image] = Field(default_factory=list)
    text: str = ""
    blocks: list[Block] = Field(default_factory=list)
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    # ours
    authors: list[str] = Field(default_factory=list)
    publisher: str | None = Field(None, description="outlet or site name")
    url: str | None = None
    updated: str | None = Field(None, description="ISO 8601 date of the last update, when the page gives one")
    tags: list[str] = Field(default_factory=list)
    speaker_cards: list[SpeakerCard] = Field(default_factory=list)
    source_form: Literal["html", "text", "body"] = "body"
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return cls.model_validate(data)


class RawDocument(_Record):
    """Bytes as a source delivered them, with what the source knows about them."""

    data: bytes
    origin: str = Field(description="path, URL or archive position: named in every error")
    doc_id: str | None = None
    url: str | None = None
    form: InputForm = "auto"
    content_type: str | None = None
    date: str | None = Field(None, description="date known from the transport (WARC-Date, feed entry); "
                                               "the page's own date wins")
    encoding: str | None = None


class Skipped(_Record):
    """An input that gave no article, with a machine-readable reason (see errors.py)."""

    origin: str
    reason: str
    message: str


class Result(_Record):
    """What ``pipeline.process`` returns: an article, or why there is none."""

    origin: str
    article: Article | None = None
    skipped: Skipped | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


# --- Archive views: what the store's queries return (the web UI, the API and the CLI read these).


class QuoteHit(_Record):
    """One quote as search returns it, with enough context to show and link it."""

    quote_id: int
    article_id: int
    kind: QuoteKind
    content: str = Field(description="the quoted words: an interrupted quote's parts joined with ' … '")
    content_start: int | None = Field(None, description="offset of the quote in the article text, as extracted")
    content_end: int | None = None
    content_parts: list[tuple[int, int]] | None = Field(
        None, description="[start, end] of each part of an interrupted quote in the article text, as extracted")
    cue: str | None = None
    confidence: float
    speaker_id: int | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None
    outlet_id: int | None = None
    outlet_name: str | None = None
    article_title: str | None = None
    article_url: str | None = None
    published: str | None = None
    language: str | None = None
    snippet: str | None = Field(None, description="content with the matched terms marked by [[ ]]")
    rank: float | None = None


class Page(_Record):
    """One page of results: ``items`` plus what a pager needs."""

    items: list[QuoteHit] = Field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20


class SpeakerSummary(_Record):
    speaker_id: int
    name: str
    kind: SpeakerKind = "unknown"
    roles: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    quote_count: int = 0


class SpeakerProfile(SpeakerSummary):
    outlets: list[tuple[int, str, int]] = Field(default_factory=list, description="(outlet_id, name, quotes)")
    weekly: list[tuple[str, int]] = Field(default_factory=list, description="(ISO week start date, quotes)")
    first_seen: str | None = None
    last_seen: str | None = None


class OutletSummary(_Record):
    outlet_id: int
    name: str
    domain: str | None = None
    article_count: int = 0


class OutletProfile(OutletSummary):
    articles: list["ArticleSummary"] = Field(default_factory=list)
    top_speakers: list[tuple[int, str, int]] = Field(default_factory=list, description="(speaker_id, name, quotes)")


class ArticleSummary(_Record):
    article_id: int
    doc_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet_id: int | None = None
    outlet_name: str | None = None
    quote_count: int = 0


class StoredArticle(_Record):
    """An archived article: its record as extracted, with the archive's ids for linking."""

    article_id: int
    outlet_id: int | None = None
    outlet_name: str | None = None
    article: Article
    quote_ids: list[int] = Field(default_factory=list, description="archive id of each of article.quotes, in order")
    speaker_ids: dict[str, int] = Field(default_factory=dict, description="speaker name -> speaker_id")


class IngestFailure(_Record):
    origin: str
    reason: str
    message: str
    at: str | None = None


SCHEMA_PATH = Path(__file__).parent / "schema" / "article.schema.json"


def article_schema() -> dict[str, Any]:
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://quotewire.invalid/schema/article.schema.json"
    return schema


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(article_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":  # `python -m quotewire.records --write-schema`
    if "--write-schema" in sys.argv:
        print(write_schema())
    else:
        print(json.dumps(article_schema(), indent=2, sort_keys=True))
