"""The OpenAPI document, made to say what the server does.

FastAPI advertises ``422 HTTPValidationError`` on every route with parameters. This server
answers every error with one shape, ``Problem`` (``{"detail": ..., "param": ...}``), and with
these statuses: 400 for a bad parameter (query or path), 404 for an unknown id (on the routes
that declare it), 503 when the archive cannot be read. The document is rewritten once, on first request, to say exactly that.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from quotewire.web.models import Problem

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
ERRORS = {
    "400": "A bad parameter: `param` names it, `detail` says why",
    "404": "No such id",
    "503": "The archive could not be read",
}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": PROBLEM_REF}}}


def describe(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with FastAPI's validation responses replaced by the server's real errors."""
    for path, item in doc.get("paths", {}).items():
        for op in item.values():
            responses = op.setdefault("responses", {})
            responses.pop("422", None)
            params = op.get("parameters", [])
            if params:
                responses["400"] = _problem(ERRORS["400"])
            if "404" in responses:  # declared by the route: it answers 404 for an id that names nothing
                responses["404"] = _problem(responses["404"].get("description") or ERRORS["404"])
            responses["503"] = _problem(ERRORS["503"])
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    return doc


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes,
                tags=app.openapi_tags))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
