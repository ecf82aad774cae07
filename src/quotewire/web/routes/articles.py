"""Articles: a list, and the reader view with every quote highlighted in its speaker's colour."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from quotewire.records import StoredArticle
from quotewire.web import render
from quotewire.web.app import archive_of, page
from quotewire.web.models import ArticleList
from quotewire.web.params import ActQ, act_param, Paging, _clean, _int_or_name, paging

router = APIRouter()
Q = Annotated[str | None, Query(max_length=500, description="Words in the title or text.")]
OutletQ = Annotated[str | None, Query(max_length=200, description="Outlet id or name.")]


def _list(request: Request, q: str | None, outlet: str | None, p: Paging) -> ArticleList:
    items, total = archive_of(request).articles(q=_clean(q), outlet=_int_or_name(outlet, "outlet"),
                                                 page=p.page, per_page=p.per_page)
    return ArticleList(items=items, total=total, page=p.page, per_page=p.per_page)


def _get(request: Request, article_id: int) -> StoredArticle:
    stored = archive_of(request).article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return stored


@router.get("/articles", include_in_schema=False, response_class=HTMLResponse)
def articles_page(request: Request, p: Annotated[Paging, Depends(paging)], q: Q = None,
                  outlet: OutletQ = None) -> HTMLResponse:
    return page(request, "articles.html", result=_list(request, q, outlet, p), q=_clean(q) or "",
                outlet=_clean(outlet) or "")


@router.get("/api/articles", response_model=ArticleList, tags=["articles"], summary="List articles")
def api_articles(request: Request, p: Annotated[Paging, Depends(paging)], q: Q = None,
                 outlet: OutletQ = None) -> ArticleList:
    return _list(request, q, outlet, p)


@router.get("/articles/{article_id}", include_in_schema=False, response_class=HTMLResponse)
def article_page(request: Request, article_id: int, act: ActQ = None) -> HTMLResponse:
    stored = _get(request, article_id)
    act = act_param(act)  # statements unless asked: beliefs and other acts stay out of the highlights
    acts = None if act == "all" else frozenset((act or "statement").split(","))
    views = render.quote_views(stored.article, stored.speaker_ids, stored.quote_ids, acts=acts)
    body = render.highlighted_body(stored.article, views)
    return page(request, "article.html", stored=stored, a=stored.article, views=views, body=body, act=act,
                hidden=sum(1 for v in views if not v.shown))


@router.get("/api/articles/{article_id}", response_model=StoredArticle, tags=["articles"],
            summary="One article with its quotes", responses={404: {"description": "No such article"}})
def api_article(request: Request, article_id: int) -> StoredArticle:
    """The article record as extracted (contract fields and ours), with the archive's ids."""
    return _get(request, article_id)
