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
SpeakerKind = Literal["person", "organization", "unnamed", "unknown"]
# what the cue says the speaker did: a statement (said, told, wrote, according to) or a mental state,
# intention or plan (believes, expects, wants); "other" for cues of neither (a finding, a stance)
QuoteAct = Literal["statement", "belief", "other"]
ACTS = ("statement", "belief", "other")


def parse_acts(spec: str) -> frozenset[str] | None:
    """``"statement"``, ``"statement,belief"`` or ``"all"`` (None: every act); ValueError names a bad one."""
    words = {w.strip().lower() for w in spec.split(",") if w.strip()}
    if not words or "all" in words:
        return None
    bad = sorted(words - set(ACTS))
    if bad:
        raise ValueError(f"unknown act {bad[0]!r}: choose from {', '.join(ACTS)} or all")
    return frozenset(words)


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
    name: str | None = Field(None, description="the fullest name the article gives the person or body; null for "
                             "an unnamed source (its words stay in `mention`) or when nobody is named")
    role: str | None = None
    mention: Span | None = None
    kind: SpeakerKind = Field("unknown", description="person, organization, unnamed (a source described but not "
                              "named: 'analysts', 'a company spokesperson'), unknown")


class Quote(_Record):
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: QuoteSpeaker = Field(default_factory=QuoteSpeaker)
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    group: int | None = Field(None, description="quotes with the same group are one run of speech under one cue "
                              "(\"A,\" she said. \"B.\"), shown one per pair of quotation marks; "
                              "Article.joined() makes each run one quote in parts, as PolNeAR annotates")
    act: QuoteAct = Field("statement", description="statement (said, told, wrote, according to ...), belief (a "
                          "mental state, intention or plan: believes, expects, wants) or other")


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

    def with_acts(self, acts: "set[str] | frozenset[str] | None") -> "Article":
        """A copy holding only the quotes of these acts (None: every act), and only their speakers."""
        if acts is None:
            return self
        quotes = [q for q in self.quotes if q.act in acts]
        names = {q.speaker.name for q in quotes if q.speaker.name}
        return self.model_copy(update={"quotes": quotes,
                                       "speakers": [s for s in self.speakers if s.name in names]})

    def joined(self) -> "Article":
        """A copy where each run of speech (quotes sharing a ``group``) is one quote in parts."""
        out: list[Quote] = []
        runs: dict[int, Quote] = {}
        for q in self.quotes:
            if q.group is None or q.group not in runs:
                q = q.model_copy(deep=True)
                out.append(q)
                if q.group is not None:
                    runs[q.group] = q
                continue
            first = runs[q.group]
            parts = (first.content.parts or [(first.content.start, first.content.end)]) + \
                (q.content.parts or [(q.content.start, q.content.end)])
            a, b = parts[0][0], parts[-1][1]
            first.content = Span(start=a, end=b, text=self.text[a:b], parts=parts)
            if first.kind != q.kind:
                first.kind = "mixed"
        for q in out:
            q.group = None
        return self.model_copy(update={"quotes": out})

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
    act: QuoteAct = Field("statement", description="statement, belief or other (what the cue reports)")
    speaker_kind: SpeakerKind = Field("unknown", description="person, organization, unnamed or unknown; an unnamed "
                                      "source has no speaker_id and no speaker_name, only speaker_mention")
    speaker_mention: str | None = Field(None, description="the words that name or describe the speaker in the text")
    reads_as: str | None = Field(None, description="the quote as a reader reads it: direct in quotation marks, "
                                 "mixed as written, indirect as reported speech (\"Name said that …\")")


class Page(_Record):
    """One page of results: ``items`` plus what a pager needs."""

    items: list[QuoteHit] = Field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20


class FacetCount(_Record):
    """One value of a facet and how many hits of the search have it."""

    value: str | None = Field(description="What the filter takes: a speaker or outlet id, a kind, or a month "
                                          "YYYY-MM; null for hits without one (unknown speaker, undated)")
    label: str
    count: int


class Facets(_Record):
    """Hit counts of one search by speaker, outlet, kind and month (datasette-style facets)."""

    speaker: list[FacetCount] = Field(default_factory=list, description="most hits first (the top ones)")
    outlet: list[FacetCount] = Field(default_factory=list, description="most hits first (the top ones)")
    kind: list[FacetCount] = Field(default_factory=list, description="direct, mixed, indirect")
    month: list[FacetCount] = Field(default_factory=list, description="newest first")


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
    role_history: list[tuple[str, str | None, str | None]] = Field(
        default_factory=list, description="(role, first seen, last seen): each role over time, latest first")


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


class DiffSegment(_Record):
    """One stretch of a word-level diff of a quote against its cluster's text."""

    op: Literal["same", "added", "dropped", "changed", "cut"]
    text: str = Field("", description="the quote's words (empty for dropped and cut)")
    was: str = Field("", description="the cluster text's words here (empty for added)")


class ClusterVariant(_Record):
    """One archived quote of a cluster: where and when it ran, and how it differs."""

    quote_id: int
    article_id: int
    kind: str = Field(description="verbatim | re-punctuated | shortened | altered, against the cluster's text")
    content: str
    diff: list[DiffSegment] = Field(default_factory=list)
    speaker_id: int | None = None
    speaker_name: str | None = None
    outlet_id: int | None = None
    outlet_name: str | None = None
    article_title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    first: bool = Field(False, description="the first appearance")


class ClusterBrief(_Record):
    cluster_id: int
    quotes: int
    articles: int
    outlets: int
    first_seen: str | None = Field(None, description="earliest published date (YYYY-MM-DD)")
    first_quote_id: int | None = None


class QuoteClusterView(ClusterBrief):
    """A cluster: the same utterance wherever it ran, its variants and first appearance."""

    text: str = Field(description="the longest faithful text")
    speaker_id: int | None = None
    speaker_name: str | None = None
    kinds: dict[str, int] = Field(default_factory=dict)
    variants: list[ClusterVariant] = Field(default_factory=list, description="first appearance first, then by date")
    first_rule: str = "earliest published date; ties and undated quotes by ingest order"


class CheckMatch(_Record):
    cluster_id: int
    kind: str = Field(description="how the checked words relate to the cluster's text")
    speaker_id: int | None = None
    speaker_name: str | None = None
    text: str = Field(description="the cluster's longest faithful text")
    diff: list[DiffSegment] = Field(default_factory=list, description="the checked words against the cluster text")
    articles: int = 0
    outlets: int = 0
    first_seen: str | None = None
    closest: ClusterVariant | None = Field(None, description="the archived quote closest to the checked words")


class CheckResult(_Record):
    """`quotewire check`: did they really say that?"""

    text: str
    speaker: str | None = None
    verdict: Literal["verbatim", "shortened", "altered", "other", "not_found"]
    label: str
    note: str = ""
    matches: list[CheckMatch] = Field(default_factory=list)


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
