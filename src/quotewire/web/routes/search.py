"""Quote search: the home page, /search and /api/search share one set of filters."""
from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from quotewire.records import OutletSummary, Page, SpeakerSummary
from quotewire.web.app import archive_of, page
from quotewire.web.facets import facet_links
from quotewire.web.models import SearchPage
from quotewire.web.params import KINDS, SearchParams, _int_or_name, search_params

if TYPE_CHECKING:
    from quotewire.store import Archive

router = APIRouter()
Params = Annotated[SearchParams, Depends(search_params)]


def run_search(request: Request, params: SearchParams) -> Page:
    return archive_of(request).search(params.q, **params.filters(), page=params.page, per_page=params.per_page)


def _chosen_speaker(archive: Archive, value: str | None) -> SpeakerSummary | None:
    """The speaker a filter names by archive id (the speaker page links so), to show by name."""
    filt = _int_or_name(value)
    return archive.speaker_summary(filt) if isinstance(filt, int) else None


def _chosen_outlet(outlets: list[OutletSummary], value: str | None) -> OutletSummary | None:
    filt = _int_or_name(value)
    return next((o for o in outlets if o.outlet_id == filt), None) if isinstance(filt, int) else None


@router.get("/", include_in_schema=False, response_class=HTMLResponse)
@router.get("/search", include_in_schema=False, response_class=HTMLResponse)
def search_page(request: Request, params: Params) -> HTMLResponse:
    archive = archive_of(request)
    result, counted = archive.search_with_facets(params.q, **params.filters(), page=params.page,
                                                 per_page=params.per_page)
    top_speakers, _ = archive.speakers(page=1, per_page=100)
    outlets = archive.outlets()
    return page(request, "search.html", params=params, result=result, kinds=KINDS,
                stats=archive.stats(), outlets=outlets[:500], speakers=top_speakers,
                chosen_speaker=_chosen_speaker(archive, params.speaker),
                chosen_outlet=_chosen_outlet(outlets, params.outlet),
                facets=facet_links(counted, params))


@router.get("/api/search", response_model=SearchPage, tags=["search"], summary="Search quotes")
def api_search(request: Request, params: Params,
               facets: Annotated[bool, Query(description="Also count the hits by speaker, outlet, kind and "
                                                         "month (`facets`); false leaves them out.")] = True,
               ) -> SearchPage:
    """Ranked full-text search over quotes, with the same filters as the search page, and facet counts."""
    if facets:
        found, counted = archive_of(request).search_with_facets(params.q, **params.filters(), page=params.page,
                                                                per_page=params.per_page)
    else:
        found, counted = run_search(request, params), None
    body = SearchPage(items=found.items, total=found.total, page=found.page, per_page=found.per_page,
                      facets=counted)
    # serialised once, here (the declared response_model still documents it): FastAPI would validate it again
    return Response(body.model_dump_json(), media_type="application/json")  # type: ignore[return-value]
