"""Quote search: the home page, /search and /api/search share one set of filters."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from quotewire.records import Page
from quotewire.web.app import archive_of, page
from quotewire.web.params import KINDS, SearchParams, search_params

router = APIRouter()
Params = Annotated[SearchParams, Depends(search_params)]


def run_search(request: Request, params: SearchParams) -> Page:
    return archive_of(request).search(params.q, **params.filters(), page=params.page, per_page=params.per_page)


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
@router.get("/search", include_in_schema=False, response_class=HTMLResponse)
def search_page(request: Request, params: Params) -> HTMLResponse:
    archive = archive_of(request)
    result = run_search(request, params)
    top_speakers, _ = archive.speakers(page=1, per_page=100)
    return page(request, "search.html", params=params, result=result, kinds=KINDS,
                stats=archive.stats(), outlets=archive.outlets()[:500], speakers=top_speakers)


@router.get("/api/search", response_model=Page, tags=["search"], summary="Search quotes")
def api_search(request: Request, params: Params) -> Page:
    """Ranked full-text search over quotes, with the same filters as the search page."""
    return run_search(request, params)
