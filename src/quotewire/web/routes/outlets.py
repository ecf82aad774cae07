"""Outlets: a list, and each outlet's articles and most quoted speakers."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from quotewire.web.app import archive_of, page
from quotewire.web.models import ArticleList, OutletDetail, OutletList
from quotewire.web.params import Paging, _clean, list_paging, paging

router = APIRouter()
Q = Annotated[str | None, Query(max_length=200, description="Part of an outlet's name or domain.")]


def _detail(request: Request, outlet_id: int, p: Paging) -> OutletDetail:
    archive = archive_of(request)
    profile = archive.outlet(outlet_id)
    if profile is None:
        raise HTTPException(404, f"no outlet with id {outlet_id}")
    items, total = archive.articles(outlet=outlet_id, page=p.page, per_page=p.per_page)
    return OutletDetail(outlet=profile, articles=ArticleList(items=items, total=total, page=p.page,
                                                             per_page=p.per_page))


def _list(request: Request, q: str | None, p: Paging) -> OutletList:
    items, total = archive_of(request).outlets_page(q=_clean(q), page=p.page, per_page=p.per_page)
    return OutletList(items=items, total=total, page=p.page, per_page=p.per_page)


@router.get("/outlets", include_in_schema=False, response_class=HTMLResponse)
def outlets_page(request: Request, p: Annotated[Paging, Depends(list_paging)], q: Q = None) -> HTMLResponse:
    return page(request, "outlets.html", result=_list(request, q, p), q=_clean(q) or "")


@router.get("/api/outlets", response_model=OutletList, tags=["outlets"], summary="List outlets")
def api_outlets(request: Request, p: Annotated[Paging, Depends(list_paging)], q: Q = None) -> OutletList:
    """Outlets by number of articles; ``q`` matches part of a name or domain."""
    return _list(request, q, p)


@router.get("/outlets/{outlet_id}", include_in_schema=False, response_class=HTMLResponse)
def outlet_page(request: Request, outlet_id: int, p: Annotated[Paging, Depends(paging)]) -> HTMLResponse:
    detail = _detail(request, outlet_id, p)
    return page(request, "outlet.html", o=detail.outlet, articles=detail.articles)


@router.get("/api/outlets/{outlet_id}", response_model=OutletDetail, tags=["outlets"],
            summary="One outlet, its articles and most quoted speakers",
            responses={404: {"description": "No such outlet"}})
def api_outlet(request: Request, outlet_id: int, p: Annotated[Paging, Depends(paging)]) -> OutletDetail:
    return _detail(request, outlet_id, p)
