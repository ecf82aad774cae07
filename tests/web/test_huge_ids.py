"""Every integer in a path or query, and every id filter, answers 404 or 400 to a number no
archive id can be (99999999999999999999): never a 500 OverflowError. Routes are read from the
app's own OpenAPI document, so a route added later is covered too."""
from __future__ import annotations

import json
import re

import pytest

HUGE = "99999999999999999999"
ID_FILTERS = {"speaker", "outlet"}  # query strings that take an id or a name


def _api_routes(client) -> list[tuple[str, list[dict]]]:  # type: ignore[no-untyped-def]
    doc = client.get("/openapi.json").json()
    return [(path, op.get("parameters", [])) for path, ops in doc["paths"].items()
            for method, op in ops.items() if method == "get"]


def _is_int(param: dict) -> bool:
    return '"integer"' in json.dumps(param.get("schema", {}))


def _cases(client) -> list[tuple[str, dict[str, str]]]:  # type: ignore[no-untyped-def]
    cases = []
    for path, params in _api_routes(client):
        concrete = re.sub(r"\{[^}]+\}", "1", path)
        if "{" in path:
            cases.append((re.sub(r"\{[^}]+\}", HUGE, path), {}))
        for p in params:
            if p["in"] == "query" and (_is_int(p) or p["name"] in ID_FILTERS):
                cases.append((concrete, {p["name"]: HUGE}))
    return cases


def _check(client, path: str, query: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path, params=query)
    assert r.status_code in (400, 404), (path, query, r.status_code, r.text[:200])
    if path.startswith("/api/"):
        body = r.json()
        assert "internal error" not in body["detail"] and "\n" not in body["detail"], body
    else:
        assert "internal error" not in r.text


def test_the_api_has_int_params_to_check(client) -> None:  # type: ignore[no-untyped-def]
    cases = _cases(client)
    paths = {p for p, _ in cases}
    assert {f"/api/articles/{HUGE}", f"/api/speakers/{HUGE}", f"/api/outlets/{HUGE}"} <= paths
    assert ("/api/search", {"speaker": HUGE}) in cases and ("/api/search", {"page": HUGE}) in cases


def test_api_answers_404_or_400(client) -> None:  # type: ignore[no-untyped-def]
    for path, query in _cases(client):
        _check(client, path, query)


def _all_routes(routes) -> list[tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    """(path, methods) of every route, through included routers (FastAPI nests them)."""
    out = []
    for r in routes:
        if hasattr(r, "path") and getattr(r, "methods", None):
            out.append((r.path, set(r.methods)))
        inner = getattr(r, "original_router", None)
        if inner is not None:
            prefix = getattr(inner, "prefix", "")
            out += [(prefix + p, m) for p, m in _all_routes(inner.routes)]
    return out


def test_every_page_with_an_id_in_its_path_answers_404(client) -> None:  # type: ignore[no-untyped-def]
    paths = [path for path, methods in _all_routes(client.app.routes) if "{" in path and "GET" in methods]
    assert "/articles/{article_id}" in paths and "/api/articles/{article_id}" in paths
    for path in paths:
        _check(client, re.sub(r"\{[^}]+\}", HUGE, path), {})


@pytest.mark.parametrize("path", [f"/api/articles/{HUGE}", f"/articles/{HUGE}", f"/api/speakers/{HUGE}",
                                  f"/speakers/{HUGE}", f"/api/outlets/{HUGE}", f"/outlets/{HUGE}"])
def test_an_impossible_id_is_not_found(client, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 404, r.text[:200]
    if path.startswith("/api/"):
        assert r.json()["detail"].startswith("no ") and HUGE in r.json()["detail"]


@pytest.mark.parametrize("path,param", [("/api/search", "speaker"), ("/api/search", "outlet"),
                                        ("/api/articles", "outlet"), ("/api/export", "speaker"),
                                        ("/search", "speaker")])
def test_an_impossible_id_filter_is_a_400_naming_it(client, path: str, param: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path, params={param: HUGE})
    assert r.status_code == 400, r.text[:200]
    if path.startswith("/api/"):
        assert r.json()["param"] == param and HUGE in r.json()["detail"]
    assert client.get(path, params={param: "²"}).status_code == 200  # a digit sign, not a number: a name
