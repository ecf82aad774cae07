"""The JSON API and the HTML twins over a real SQLite archive filled through the pipeline."""
from __future__ import annotations

import csv
import io
import json

import pytest

from quotewire.records import Page, SpeakerProfile, StoredArticle
from tests.web.conftest import PAGES, article_id

TWINS = ["/search?q=boats", "/articles", "/speakers", "/outlets"]


def speaker_id(client, name: str) -> int:  # type: ignore[no-untyped-def]
    items = client.get("/api/speakers", params={"q": name}).json()["items"]
    assert items, f"no speaker {name}"
    return items[0]["speaker_id"]


def test_archive_holds_every_page_and_record(client) -> None:  # type: ignore[no-untyped-def]
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(list(PAGES.iterdir())) + 2
    assert stats["quotes"] >= 3 and stats["speakers"] >= 2 and stats["outlets"] >= 1
    assert stats["failures"] == 0


@pytest.mark.parametrize("path", TWINS)
def test_every_page_has_a_json_twin(client, path: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    api = client.get("/api" + path)
    assert api.status_code == 200 and api.headers["content-type"] == "application/json"


def test_article_twins(client) -> None:  # type: ignore[no-untyped-def]
    aid = article_id(client, "built-fares")
    stored = StoredArticle.model_validate(client.get(f"/api/articles/{aid}").json())
    assert stored.article.title == "Ferry fares frozen for another year"
    assert len(stored.quote_ids) == 2 and set(stored.speaker_ids) >= {"Marta Kellerman", "Oskar Brandt"}
    html = client.get(f"/articles/{aid}").text
    assert "Ferry fares frozen for another year" in html


def test_speaker_twins_and_quote_search(client) -> None:  # type: ignore[no-untyped-def]
    sid = speaker_id(client, "Marta Kellerman")
    data = client.get(f"/api/speakers/{sid}").json()
    profile = SpeakerProfile.model_validate(data["speaker"])
    assert profile.name == "Marta Kellerman" and profile.quote_count >= 1
    quotes = Page.model_validate(data["quotes"])
    assert quotes.total == profile.quote_count
    assert all(h.speaker_id == sid for h in quotes.items)
    narrowed = Page.model_validate(client.get(f"/api/speakers/{sid}", params={"q": "boats"}).json()["quotes"])
    assert narrowed.total >= 1 and all("boats" in h.content for h in narrowed.items)
    none = client.get(f"/api/speakers/{sid}", params={"q": "zebra"}).json()["quotes"]
    assert none["total"] == 0
    assert client.get(f"/speakers/{sid}").status_code == 200


def test_outlet_twins(client) -> None:  # type: ignore[no-untyped-def]
    outlets = client.get("/api/outlets").json()
    assert outlets["total"] == len(outlets["items"]) >= 1
    oid = outlets["items"][0]["outlet_id"]
    data = client.get(f"/api/outlets/{oid}").json()
    assert data["outlet"]["outlet_id"] == oid
    assert data["articles"]["total"] == data["outlet"]["article_count"] >= 1
    assert all(a["outlet_id"] == oid for a in data["articles"]["items"])
    assert client.get(f"/outlets/{oid}").status_code == 200


def test_search_filters(client) -> None:  # type: ignore[no-untyped-def]
    everything = client.get("/api/search", params={"per_page": 100}).json()
    assert everything["total"] >= 3
    sid = speaker_id(client, "Marta Kellerman")
    by_id = client.get("/api/search", params={"speaker": sid}).json()
    by_name = client.get("/api/search", params={"speaker": "Marta Kellerman"}).json()
    assert by_id["total"] == by_name["total"] >= 1
    assert all(h["speaker_id"] == sid for h in by_id["items"])
    direct = client.get("/api/search", params={"kind": "indirect", "per_page": 100}).json()
    assert direct["total"] >= 1 and all(h["kind"] == "indirect" for h in direct["items"])
    day = client.get("/api/search", params={"date_from": "2025-04-08", "date_to": "2025-04-08"}).json()
    assert day["total"] >= 2 and all(h["published"].startswith("2025-04-08") for h in day["items"])
    assert client.get("/api/search", params={"date_from": "2030-01-01"}).json()["total"] == 0
    assert client.get("/api/search", params={"language": "xx"}).json()["total"] == 0
    assert client.get("/api/search", params={"language": "en"}).json()["total"] >= 1
    words = client.get("/api/search", params={"q": "boats"}).json()
    assert words["total"] >= 1 and all("boats" in h["content"].lower() for h in words["items"])
    aid = article_id(client, "built-fares")
    outlet = client.get(f"/api/articles/{aid}").json()["outlet_id"]
    by_outlet = client.get("/api/search", params={"outlet": outlet, "per_page": 100}).json()
    assert by_outlet["total"] >= 2 and all(h["outlet_id"] == outlet for h in by_outlet["items"])
    # the HTML form sends empty strings for "any": they filter nothing
    empty = client.get("/api/search?q=&speaker=&outlet=&date_from=&date_to=&kind=&language=&per_page=100").json()
    assert empty["total"] == everything["total"]


def test_pagination(client) -> None:  # type: ignore[no-untyped-def]
    total = client.get("/api/search").json()["total"]
    seen = []
    for n in range(1, total + 1):
        page = client.get("/api/search", params={"per_page": 1, "page": n}).json()
        assert page["total"] == total and page["page"] == n and len(page["items"]) == 1
        seen.append(page["items"][0]["quote_id"])
    assert len(set(seen)) == total
    past = client.get("/api/search", params={"per_page": 1, "page": total + 1}).json()
    assert past["items"] == []
    html = client.get("/search", params={"per_page": 1, "page": 2}).text
    assert 'rel="next"' in html and 'rel="prev"' in html and f"Page 2 of {total}" in html


@pytest.mark.parametrize("path", ["/articles/999999", "/speakers/999999", "/outlets/999999", "/nowhere"])
def test_not_found(client, path: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(path)
    assert html.status_code == 404 and "text/html" in html.headers["content-type"]
    api = client.get("/api" + path)
    assert api.status_code == 404 and api.json()["detail"]


@pytest.mark.parametrize("query, param", [("date_from=2025-13-40", "date_from"), ("kind=loud", "kind"),
                                          ("per_page=0", "per_page"), ("page=-1", "page"),
                                          ("date_from=2025-05-01&date_to=2025-04-01", "date_to")])
def test_bad_parameters_are_named(client, query: str, param: str) -> None:  # type: ignore[no-untyped-def]
    api = client.get(f"/api/search?{query}")
    assert api.status_code == 400
    assert api.json()["param"] == param and param in api.json()["detail"]
    html = client.get(f"/search?{query}")
    assert html.status_code == 400 and param in html.text


def test_export_formats(client) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.parquet as pq

    total = client.get("/api/search", params={"q": "ferry OR boats OR fares"}).json()["total"]
    base = "/api/export?q=ferry+OR+boats+OR+fares&format="
    r = client.get(base + "csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total and "content" in rows[0]
    r = client.get(base + "jsonl")
    assert r.status_code == 200
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert len(lines) == total and {"quote_id", "speaker_name"} <= set(lines[0])
    r = client.get(base + "parquet")
    assert r.status_code == 200
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == total
    assert client.get(base + "xlsx").status_code == 400
    # the search page offers the download of the same search
    html = client.get("/search", params={"q": "boats"}).text
    for fmt in ("csv", "jsonl", "parquet"):
        assert f"/api/export?q=boats&amp;format={fmt}" in html


def test_openapi_documents_the_api(client) -> None:  # type: ignore[no-untyped-def]
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for path in ("/api/search", "/api/articles", "/api/articles/{article_id}", "/api/speakers",
                 "/api/speakers/{speaker_id}", "/api/outlets", "/api/outlets/{outlet_id}", "/api/stats",
                 "/api/export"):
        assert set(paths[path]) == {"get"}, path
    schemas = doc["components"]["schemas"]
    assert {"QuoteHit", "Page", "StoredArticle", "Article", "SpeakerProfile", "OutletProfile"} <= set(schemas)
    params = {p["name"] for p in paths["/api/search"]["get"]["parameters"]}
    assert params == {"q", "speaker", "outlet", "date_from", "date_to", "kind", "language", "page", "per_page",
                      "act", "facets"}
    assert not any(p.startswith(("/search", "/articles", "/speakers", "/outlets")) for p in paths)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/search", "/search", "/api/articles/1", "/api/export", "/api/speakers"])
def test_no_write_methods(client, method: str, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.request(method, path, json={"title": "x"})
    assert r.status_code == 405
    assert "GET" in r.headers["allow"]


def test_head_and_options(client) -> None:  # type: ignore[no-untyped-def]
    head = client.head("/api/stats")
    assert head.status_code == 200 and head.content == b"" and head.headers["content-type"] == "application/json"
    assert client.head("/articles/999999").status_code == 404
    options = client.options("/api/search")
    assert options.status_code == 204 and "GET" in options.headers["allow"]


def test_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/api/stats", "/static/style.css", "/nowhere"):
        h = client.get(path).headers
        assert h["x-content-type-options"] == "nosniff"
        csp = h["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp


@pytest.mark.postgres
def test_api_smoke_on_postgresql(pg_server) -> None:  # type: ignore[no-untyped-def]
    """The same app over PostgreSQL: pages through the pipeline, then each API route answers."""
    from fastapi.testclient import TestClient

    from quotewire.web import create_app
    from tests.web.conftest import fill_archive

    url = pg_server.new_database()
    stats = fill_archive(url)
    with TestClient(create_app(url)) as pg:
        assert pg.get("/api/stats").json() == stats
        hits = pg.get("/api/search", params={"q": "boats"}).json()
        assert hits["total"] >= 1
        aid = article_id(pg, "built-fares")
        assert pg.get(f"/api/articles/{aid}").json()["article"]["doc_id"] == "built-fares"
        sid = speaker_id(pg, "Marta Kellerman")
        assert pg.get(f"/api/speakers/{sid}").json()["speaker"]["name"] == "Marta Kellerman"
        oid = pg.get("/api/outlets").json()["items"][0]["outlet_id"]
        assert pg.get(f"/api/outlets/{oid}").status_code == 200
        assert pg.get("/api/export?format=jsonl").status_code == 200
        for path in ("/", f"/articles/{aid}", f"/speakers/{sid}", f"/outlets/{oid}"):
            assert pg.get(path).status_code == 200, path
