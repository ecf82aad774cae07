"""JSON shapes of the API that are more than one record type: each is built from records.py types."""
from __future__ import annotations

from pydantic import BaseModel, Field

from quotewire.records import (ArticleSummary, Facets, OutletProfile, OutletSummary, Page, SpeakerProfile,
                               SpeakerSummary)


class SearchPage(Page):
    """/api/search: one page of hits, and the counts of all hits by speaker, outlet, kind and month."""

    facets: Facets | None = None


class SpeakerList(BaseModel):
    items: list[SpeakerSummary] = Field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 50


class ArticleList(BaseModel):
    items: list[ArticleSummary] = Field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 20


class SpeakerDetail(BaseModel):
    """/api/speakers/{id}: the profile and one page of their quotes (filtered by ``q``)."""

    speaker: SpeakerProfile
    quotes: Page


class OutletDetail(BaseModel):
    """/api/outlets/{id}: the profile and one page of its articles."""

    outlet: OutletProfile
    articles: ArticleList


class OutletList(BaseModel):
    items: list[OutletSummary] = Field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 50


class Problem(BaseModel):
    """Every API error: a one-line message, and the parameter at fault when there is one."""

    detail: str
    param: str | None = None
