"""The web UI and JSON API over one archive: ``create_app(archive_url) -> FastAPI``.

Read-only by design: ingest is a CLI action, so the app has GET routes only and answers
405 to anything else. Every page has a JSON twin under /api with the same parameters.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotewire import __version__
from quotewire.errors import ConfigError, QuotewireError
from quotewire.store.version import DataVersion
from quotewire.web import cache, docs, openapi, render
from quotewire.web.cache import ResponseCache
from quotewire.web.params import BadParam, ids_in_range, pages, qs
from quotewire.web.security import SecurityMiddleware

if TYPE_CHECKING:
    from quotewire.store import Archive

HERE = Path(__file__).parent
TEMPLATES = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=True,  # always, for every template: article content is hostile input
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.globals.update(
    colour_class=render.colour_class,
    safe_url=render.safe_url,
    snippet_html=render.snippet_html,
    quote_html=render.quote_html,
    source_label=render.source_label,
    pages=pages,
    qs=qs,
    version=__version__,
)


# the archive of the page being rendered, for template helpers that read it (routes/clusters.py)
RENDERING: ContextVar[Any] = ContextVar("quotewire_rendering_archive", default=None)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one of our templates; ``context`` values are escaped by the template, never trusted."""
    RENDERING.set(getattr(request.app.state, "archive", None))
    html = TEMPLATES.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


def archive_of(request: Request) -> "Archive":
    return request.app.state.archive


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def _problem(request: Request, status: int, detail: str, param: str | None = None) -> Response:
    detail = " ".join(detail.split())
    if _is_api(request):
        return JSONResponse({"detail": detail, "param": param}, status_code=status)
    titles = {400: "Bad request", 404: "Not found", 405: "Not allowed", 422: "Bad request",
              503: "Archive unavailable"}
    return page(request, "error.html", status_code=status, status=status,
                title=titles.get(status, "Error"), detail=detail)


POOL_SIZE = 16  # database connections kept open per worker process (requests running at once)


class QuotewireApp(FastAPI):
    """FastAPI with the response cache (web/cache.py) in front: a cached answer is sent before any
    of the framework runs."""

    response_cache: ResponseCache | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        responses = self.response_cache
        if responses is None or scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        await responses.serve(scope, receive, send, super().__call__)


def create_app(archive_url: str | None = None, *, archive: "Archive | None" = None,
               cache_mb: float = cache.DEFAULT_MB) -> FastAPI:
    """An app over the archive at ``archive_url`` (None: ./quotewire.db), or over an open ``archive``.

    The archive is opened here, so a bad URL fails before the server starts listening.
    ``cache_mb``: memory for cached answers (web/cache.py); 0 turns the cache off.
    """
    owned = archive is None
    if archive is None:
        from quotewire.store import Archive

        # read-only: the archive must exist (nothing is created) and no connection can write;
        # a pool as large as the requests one worker process runs at once
        archive = Archive.open(archive_url, create=False, readonly=True, pool_size=POOL_SIZE)

    version = DataVersion(archive.engine) if cache_mb > 0 else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if version is not None:
            version.close()
        if owned:
            app.state.archive.close()

    app = QuotewireApp(
        title="quotewire",
        version=__version__,
        description="Search the quotewire archive: who said what, where and when. Read-only. "
                    "Every HTML page has a JSON twin under /api with the same query parameters.",
        lifespan=lifespan,
        docs_url=None,  # our own /docs below: Swagger UI served from this server, not a CDN
        redoc_url=None,
        dependencies=[Depends(ids_in_range)],  # /api/articles/99999999999999999999 is a 404, not a 500
    )
    app.state.archive = archive
    if version is not None:
        app.response_cache = ResponseCache(version, max_bytes=int(cache_mb * 1024 * 1024))
    app.add_middleware(SecurityMiddleware)
    app.mount(docs.ASSETS_URL, StaticFiles(directory=docs.ASSETS), name="docs-assets")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get(docs.DOCS_URL, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return docs.docs_response(app.title)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return _problem(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path")]
        param = ".".join(loc) or None
        return _problem(request, 400, f"{param or 'request'}: {first.get('msg', 'invalid value')}", param)

    @app.exception_handler(BadParam)
    async def _bad_param(request: Request, exc: BadParam) -> Response:
        return _problem(request, 400, str(exc), exc.param)

    @app.exception_handler(QuotewireError)
    async def _store_error(request: Request, exc: QuotewireError) -> Response:
        if isinstance(exc, ConfigError):  # a filter value the archive refused
            return _problem(request, 400, exc.one_line())
        return _problem(request, 503, f"the archive failed: {exc.one_line()}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # One line, no traceback to the browser; the server log still has it.
        return _problem(request, 500, f"internal error: {type(exc).__name__} (see the server log)")

    from quotewire.web.routes import articles, clusters, meta, outlets, search, speakers

    for module in (search, articles, speakers, outlets, clusters, meta):
        app.include_router(module.router)
    openapi.install(app)
    return app
