"""Quote clusters in the UI and API: a quote's permalink with its cluster timeline, the check
page ("did they really say that?"), and the helpers the search and speaker pages call."""
from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from quotewire.records import CheckResult, ClusterBrief, QuoteClusterView
from quotewire.store import cluster_views
from quotewire.web.app import RENDERING as CURRENT
from quotewire.web.app import TEMPLATES, archive_of, page
from quotewire.web.params import _clean

if TYPE_CHECKING:
    from quotewire.store import Archive

router = APIRouter()
Text = Annotated[str | None, Query(max_length=2000, description="The words to check, as published.")]
Speaker = Annotated[str | None, Query(max_length=300, description="Who is said to have said them.")]


def remember(request: Request) -> "Archive":
    return archive_of(request)


def _brief(quote_id: int) -> ClusterBrief | None:
    """For a search hit: its cluster's counts ("in N outlets, first seen ..."), or None."""
    archive = CURRENT.get()
    if archive is None:
        return None
    try:
        return cluster_views.briefs(archive, [int(quote_id)]).get(int(quote_id))
    except Exception:  # noqa: BLE001 - an extra line on a hit never breaks the page
        return None


def _repeated(speaker_id: int) -> list[QuoteClusterView]:
    archive = CURRENT.get()
    if archive is None:
        return []
    try:
        return cluster_views.repeated(archive, int(speaker_id))
    except Exception:  # noqa: BLE001
        return []


TEMPLATES.globals.update(cluster_brief=_brief, most_repeated=_repeated)


def _timeline(view: QuoteClusterView) -> dict[str, Any]:
    """Dots on a line, one per dated variant (x by date), for the quote page's small SVG."""
    from datetime import date

    dated = [(v, date.fromisoformat(v.published)) for v in view.variants
             if v.published and len(v.published) == 10 and v.published[4] == "-"]
    width, pad = 640, 24
    if not dated:
        return {"width": width, "dots": [], "first": None, "last": None}
    lo, hi = min(d for _, d in dated), max(d for _, d in dated)
    span = max(1, (hi - lo).days)
    dots = [{"x": pad + (width - 2 * pad) * ((d - lo).days / span if hi != lo else 0.5), "v": v} for v, d in dated]
    return {"width": width, "dots": dots, "first": lo.isoformat(), "last": hi.isoformat()}


def _quote_cluster(request: Request, quote_id: int) -> QuoteClusterView:
    view = cluster_views.cluster_of_quote(remember(request), quote_id)
    if view is None:
        raise HTTPException(404, f"quote {quote_id} is in no cluster (no such quote, or indirect or under four "
                                 "words)")
    return view


@router.get("/quotes/{quote_id}", include_in_schema=False, response_class=HTMLResponse)
def quote_page(request: Request, quote_id: int) -> HTMLResponse:
    view = _quote_cluster(request, quote_id)
    return page(request, "quote.html", view=view, quote_id=quote_id, timeline=_timeline(view))


@router.get("/api/quotes/{quote_id}/cluster", response_model=QuoteClusterView, tags=["clusters"],
            summary="A quote's cluster", responses={404: {"description": "The quote is in no cluster"}})
def api_quote_cluster(request: Request, quote_id: int) -> QuoteClusterView:
    """Where else the quote ran, when, and how it changed: every variant with its word diff against
    the cluster's longest faithful text, and the first appearance."""
    return _quote_cluster(request, quote_id)


@router.get("/api/speakers/{speaker_id}/repeated", response_model=list[QuoteClusterView], tags=["clusters"],
            summary="A speaker's most repeated quotes")
def api_repeated(request: Request, speaker_id: int,
                 limit: Annotated[int, Query(ge=1, le=100)] = 10) -> list[QuoteClusterView]:
    """The speaker's quotes that ran in two or more articles, most articles first."""
    return cluster_views.repeated(remember(request), speaker_id, limit)


def _check(request: Request, q: str | None, speaker: str | None) -> CheckResult | None:
    q = _clean(q)
    if not q:
        return None
    return cluster_views.check(remember(request), q, _clean(speaker))


@router.get("/check", include_in_schema=False, response_class=HTMLResponse)
def check_page(request: Request, q: Text = None, speaker: Speaker = None) -> HTMLResponse:
    return page(request, "check.html", result=_check(request, q, speaker), q=_clean(q) or "",
                speaker=_clean(speaker) or "")


@router.get("/api/check", response_model=CheckResult, tags=["clusters"], summary="Did they really say that?",
            responses={400: {"description": "No text given"}})
def api_check(request: Request, q: Text = None, speaker: Speaker = None) -> CheckResult:
    """The verdict on the words ``q`` (said by ``speaker``, or anyone): verbatim, shortened, altered,
    other (said by someone else) or not_found, with the closest archived quotes and their diffs."""
    result = _check(request, q, speaker)
    if result is None:
        from quotewire.web.params import BadParam

        raise BadParam("q", "give the words to check")
    return result
