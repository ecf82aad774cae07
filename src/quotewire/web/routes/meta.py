"""Archive-wide routes: counts, the export download, and a health check for deployments."""
from __future__ import annotations

import os
import tempfile
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from quotewire.store.export import CONTENT_TYPES as MEDIA_TYPES, write_export
from quotewire.web.app import archive_of
from quotewire.web.params import SearchParams, export_params

router = APIRouter()


@router.get("/api/stats", response_model=dict[str, int], tags=["archive"], summary="Archive counts")
def api_stats(request: Request) -> dict[str, int]:
    """Articles, quotes, speakers, outlets and ingest failures in the archive."""
    return archive_of(request).stats()


@router.get("/api/export", tags=["search"], summary="Download every hit of a search",
            response_class=FileResponse,
            responses={200: {"description": "The hits as CSV, JSON Lines or Parquet",
                             "content": {t: {} for t in MEDIA_TYPES.values()}}})
def api_export(request: Request, params: Annotated[SearchParams, Depends(export_params)],
               format: Annotated[Literal["csv", "jsonl", "parquet"],
                                 Query(description="csv, jsonl or parquet.")] = "csv") -> FileResponse:
    """All hits of the search (not just one page), written by the archive's export writer."""
    hits = archive_of(request).iter_search(params.q, **params.filters())
    fd, tmp = tempfile.mkstemp(prefix="quotewire-export-", suffix=f".{format}")
    os.close(fd)
    try:
        write_export(hits, format, tmp)
    except BaseException:
        os.unlink(tmp)
        raise
    name = f"quotewire-{date.today().isoformat()}.{format}"
    return FileResponse(tmp, media_type=MEDIA_TYPES[format], filename=name,
                        background=BackgroundTask(os.unlink, tmp))


@router.get("/healthz", include_in_schema=False)
def healthz(request: Request) -> dict[str, str]:
    archive_of(request).stats()
    return {"status": "ok"}
