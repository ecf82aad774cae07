"""Speakers: a list, and a profile with the weekly timeline and every quote (searchable)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from quotewire.records import SpeakerProfile
from quotewire.web import render
from quotewire.web.app import archive_of, page
from quotewire.web.models import SpeakerDetail, SpeakerList
from quotewire.web.params import ActQ, act_param, Paging, _clean, list_paging, paging

router = APIRouter()
Q = Annotated[str | None, Query(max_length=500, description="Words to look for.")]


def _list(request: Request, q: str | None, p: Paging) -> SpeakerList:
    items, total = archive_of(request).speakers(q=_clean(q), page=p.page, per_page=p.per_page)
    return SpeakerList(items=items, total=total, page=p.page, per_page=p.per_page)


def _detail(request: Request, speaker_id: int, q: str | None, p: Paging, act: str | None = None) -> SpeakerDetail:
    archive = archive_of(request)
    profile: SpeakerProfile | None = archive.speaker(speaker_id)
    if profile is None:
        raise HTTPException(404, f"no speaker with id {speaker_id}")
    quotes = archive.speaker_quotes(speaker_id, q=_clean(q), page=p.page, per_page=p.per_page,
                                    act=act_param(act) or "statement")
    return SpeakerDetail(speaker=profile, quotes=quotes)


@router.get("/speakers", include_in_schema=False, response_class=HTMLResponse)
def speakers_page(request: Request, p: Annotated[Paging, Depends(list_paging)], q: Q = None) -> HTMLResponse:
    return page(request, "speakers.html", result=_list(request, q, p), q=_clean(q) or "")


@router.get("/api/speakers", response_model=SpeakerList, tags=["speakers"], summary="List speakers")
def api_speakers(request: Request, p: Annotated[Paging, Depends(list_paging)], q: Q = None) -> SpeakerList:
    """Speakers by number of quotes; ``q`` matches names and aliases."""
    return _list(request, q, p)


@router.get("/speakers/{speaker_id}", include_in_schema=False, response_class=HTMLResponse)
def speaker_page(request: Request, speaker_id: int, p: Annotated[Paging, Depends(paging)],
                 q: Q = None, act: ActQ = None) -> HTMLResponse:
    detail = _detail(request, speaker_id, q, p, act)
    chart = render.weekly_chart(detail.speaker.weekly)
    return page(request, "speaker.html", s=detail.speaker, quotes=detail.quotes, chart=chart, q=_clean(q) or "",
                act=act_param(act))


@router.get("/api/speakers/{speaker_id}", response_model=SpeakerDetail, tags=["speakers"],
            summary="One speaker and their quotes", responses={404: {"description": "No such speaker"}})
def api_speaker(request: Request, speaker_id: int, p: Annotated[Paging, Depends(paging)],
                q: Q = None, act: ActQ = None) -> SpeakerDetail:
    """The profile (roles over time, name variants, outlets, weekly counts) and one page of quotes,
    filtered by ``q`` and ``act`` (statements unless asked)."""
    return _detail(request, speaker_id, q, p, act)
