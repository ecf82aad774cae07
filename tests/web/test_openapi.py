"""The OpenAPI document against the server: every declared parameter is honoured, every bad
value gets a status the document declares, in the one error shape it declares (Problem)."""
from __future__ import annotations

import json
from typing import Any

import pytest

from tests.web.conftest import article_id


@pytest.fixture(scope="module")
def doc(client) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return client.get("/openapi.json").json()


@pytest.fixture(scope="module")
def ids(client) -> dict[str, int]:  # type: ignore[no-untyped-def]
    marta = client.get("/api/speakers", params={"q": "Marta Kellerman"}).json()["items"][0]["speaker_id"]
    ledger = client.get("/api/outlets", params={"q": "lakeside"}).json()["items"][0]["outlet_id"]
    return {"article_id": article_id(client, "built-fares"), "speaker_id": marta, "outlet_id": ledger}


def _operations(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, op) for path, item in doc["paths"].items() for op in item.values()]


def _items(path: str, r) -> Any:  # type: ignore[no-untyped-def]
    """What a parameter should change: the listed entries (and their count), or an export's bytes."""
    if path == "/api/export":
        return r.content
    data = r.json()
    if not isinstance(data, dict) or "items" not in data and not {"quotes", "articles"} & set(data):
        return json.dumps(data, sort_keys=True)  # not a list page (/api/check): the whole answer
    for key in ("quotes", "articles"):
        if key in data and isinstance(data[key], dict):
            data = data[key]
    facets = json.dumps(data.get("facets"), sort_keys=True)  # /api/search: the counts, unless facets=false
    return [json.dumps(i, sort_keys=True) for i in data["items"]], data["total"], facets


def _url(path: str, ids: dict[str, int], **override: Any) -> str:
    for name, value in {**ids, **override}.items():
        path = path.replace("{" + name + "}", str(value))
    return path


# For each declared (route, parameter): a request using it and one without it; the answers differ.
HONOURED: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = {}
for _route in ("/api/search", "/api/export"):
    HONOURED.update({
        (_route, "q"): ({"q": "boats"}, {}),
        (_route, "speaker"): ({"speaker": "Marta Kellerman"}, {}),
        (_route, "outlet"): ({"outlet": "Lakeside Ledger"}, {}),
        (_route, "date_from"): ({"date_from": "2025-04-01"}, {}),
        (_route, "date_to"): ({"date_to": "2025-03-01"}, {}),
        (_route, "kind"): ({"kind": "mixed"}, {}),
        (_route, "language"): ({"language": "xx"}, {}),
        (_route, "act"): ({"act": "belief"}, {}),  # statements by default (issue 13)
    })
HONOURED.update({
    ("/api/export", "format"): ({"format": "jsonl"}, {}),
    ("/api/search", "facets"): ({"facets": "false"}, {}),
    ("/api/check", "q"): ({"q": "Fares stay where they are"}, {"q": "Nothing like this was said"}),
    ("/api/check", "speaker"): ({"q": "Fares stay where they are", "speaker": "Oskar Brandt"},
                                {"q": "Fares stay where they are"}),
    ("/api/articles", "q"): ({"q": "ferry"}, {}),
    ("/api/articles", "outlet"): ({"outlet": "Northgate Courier"}, {}),
    ("/api/speakers", "q"): ({"q": "Kellerman"}, {}),
    ("/api/speakers/{speaker_id}", "q"): ({"q": "ferry"}, {}),
    ("/api/speakers/{speaker_id}", "act"): ({"act": "belief"}, {}),
    ("/api/outlets", "q"): ({"q": "northgate"}, {}),
})
for _route in ("/api/search", "/api/articles", "/api/speakers", "/api/speakers/{speaker_id}", "/api/outlets",
               "/api/outlets/{outlet_id}"):
    HONOURED[(_route, "page")] = ({"page": 2, "per_page": 1}, {"per_page": 1})
    HONOURED[(_route, "per_page")] = ({"per_page": 1}, {})


# Declared but not shown here to change an answer, each with the reason: the list is explicit so
# that a parameter added later fails the test until it is checked or listed.
UNCHECKED = {
    ("/api/speakers/{speaker_id}/repeated", "limit"): "the web test archive holds no repeated utterance",
}


def test_one_error_shape_and_no_validation_422(doc) -> None:  # type: ignore[no-untyped-def]
    text = json.dumps(doc)
    assert "HTTPValidationError" not in text and '"422"' not in text
    assert set(doc["components"]["schemas"]["Problem"]["properties"]) == {"detail", "param"}
    for path, op in _operations(doc):
        for status, resp in op["responses"].items():
            if status != "200":
                assert resp["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
        if "404" in op["responses"]:
            assert any(p["in"] == "path" for p in op.get("parameters", [])), path
        assert ("400" in op["responses"]) == bool(op.get("parameters")), path
    for path in ("/api/articles/{article_id}", "/api/speakers/{speaker_id}", "/api/outlets/{outlet_id}"):
        assert "404" in doc["paths"][path]["get"]["responses"], path


def test_every_declared_parameter_is_honoured(doc, client, ids) -> None:  # type: ignore[no-untyped-def]
    declared = {(path, p["name"]) for path, op in _operations(doc) for p in op.get("parameters", [])
                if p["in"] == "query"}
    assert declared == set(HONOURED) | set(UNCHECKED)  # nothing declared unchecked, nothing missing
    assert ("/api/export", "page") not in declared and ("/api/export", "per_page") not in declared
    for (path, name), (using, without) in sorted(HONOURED.items()):
        url = _url(path, ids)
        a, b = client.get(url, params=using), client.get(url, params=without)
        assert a.status_code == b.status_code == 200, (path, name, a.text[:200])
        assert _items(path, a) != _items(path, b), f"{path} ignores {name}"


def _bad_values(param: dict[str, Any]) -> list[str]:
    schema = param["schema"]
    options = schema.get("anyOf", [schema])
    bad: list[str] = []
    for s in options:
        if s.get("type") == "integer":
            bad.append("x")
            if "minimum" in s:
                bad.append(str(s["minimum"] - 1))
            if "maximum" in s:
                bad.append(str(s["maximum"] + 1))
        if s.get("type") == "boolean":
            bad.append("maybe")
        if s.get("type") == "string" and "maxLength" in s:
            bad.append("a" * (s["maxLength"] + 1))
        if "enum" in s:
            bad.append("no-such-" + s["enum"][0])
    bad += {"kind": ["loud"], "date_from": ["2025-13-40"], "date_to": ["yesterday"], "language": ["e n!"]}.get(
        param["name"], [])
    return bad


def test_bad_values_get_the_declared_status_and_shape(doc, client, ids) -> None:  # type: ignore[no-untyped-def]
    tried = 0
    for path, op in _operations(doc):
        for param in op.get("parameters", []):
            values = _bad_values(param)
            assert values, (path, param["name"])  # every parameter can be given a bad value
            for value in values:
                if param["in"] == "path":
                    r = client.get(_url(path, ids, **{param["name"]: value}))
                else:
                    r = client.get(_url(path, ids), params={param["name"]: value})
                assert str(r.status_code) in op["responses"] and r.status_code == 400, (path, param["name"], value)
                body = r.json()
                assert set(body) == {"detail", "param"} and body["param"] == param["name"], (path, body)
                tried += 1
        for name in [p["name"] for p in op.get("parameters", []) if p["in"] == "path"]:
            r = client.get(_url(path, ids, **{name: 987654}))  # an id that names nothing
            assert str(r.status_code) in op["responses"], (path, r.status_code)
            if r.status_code == 404:
                assert set(r.json()) == {"detail", "param"}
    assert tried > 40


def test_undeclared_methods_answer_in_the_same_shape(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/search")
    assert r.status_code == 405 and set(r.json()) == {"detail", "param"}


def test_outlets_page_has_paging_and_search(client) -> None:  # type: ignore[no-untyped-def]
    everything = client.get("/api/outlets").json()
    assert everything["total"] == len(everything["items"]) >= 3 and everything["per_page"] == 50
    first = client.get("/api/outlets", params={"per_page": 1}).json()
    second = client.get("/api/outlets", params={"per_page": 1, "page": 2}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert [first["items"][0], second["items"][0]] == everything["items"][:2]
    found = client.get("/api/outlets", params={"q": "LEDGER"}).json()
    assert found["total"] == 1 and found["items"][0]["name"] == "Lakeside Ledger"
    assert client.get("/api/outlets", params={"q": "100%_"}).json()["total"] == 0  # LIKE wildcards are text
    html = client.get("/outlets", params={"q": "ledger"}).text
    assert "Lakeside Ledger" in html and "Northgate Courier" not in html
    html = client.get("/outlets", params={"per_page": 1, "page": 2}).text
    assert 'rel="prev"' in html and 'rel="next"' in html
