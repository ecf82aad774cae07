"""The HTML pages: what a reader sees, reachable without JavaScript, accessible."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from quotewire.web import render
from tests.web.conftest import article_id
from tests.web.htmlcheck import tags
from tests.web.test_api import speaker_id


def pages_to_check(client) -> list[str]:  # type: ignore[no-untyped-def]
    aid = article_id(client, "built-fares")
    sid = speaker_id(client, "Marta Kellerman")
    oid = client.get("/api/outlets").json()["items"][0]["outlet_id"]
    return ["/", "/search?q=ferry", "/articles", f"/articles/{aid}", "/speakers", f"/speakers/{sid}",
            "/outlets", f"/outlets/{oid}", "/articles/999999"]


def test_pages_are_accessible(client) -> None:  # type: ignore[no-untyped-def]
    for path in pages_to_check(client):
        html = client.get(path).text
        found = tags(html)
        names = [t for t, _ in found]
        assert re.search(r'<html lang="[a-z]{2}"', html), path
        assert any(t == "meta" and a.get("name") == "viewport" for t, a in found), path
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in names, (path, landmark)
        assert names.count("h1") == 1, path
        labels = {a.get("for") for t, a in found if t == "label"}
        for t, a in found:
            if t in ("input", "select", "textarea") and a.get("type") != "hidden":
                assert a.get("id") in labels, (path, t, a)
        assert any(t == "link" and a.get("href") == "/static/style.css" for t, a in found)
        assert "<script" not in html  # reading needs no JavaScript


def test_stylesheet_has_focus_styles_and_phone_layout(client) -> None:  # type: ignore[no-untyped-def]
    css = client.get("/static/style.css").text
    assert ":focus-visible" in css and "@media (max-width" in css
    for i in range(render.PALETTE_SIZE):
        assert f".sp-c{i} " in css


def test_search_page_shows_results_with_links(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/search", params={"q": "boats"}).text
    assert '<mark class="hit">boats</mark>' in html
    sid = speaker_id(client, "Marta Kellerman")
    aid = article_id(client, "built-fares")
    assert f'href="/speakers/{sid}"' in html and f'href="/articles/{aid}#q-' in html
    assert 'href="https://lakeside-ledger.example/news/2025/04/fares"' in html
    assert '<time datetime="2025-04-08' in html
    # the form keeps what was searched
    assert 'name="q" type="search" value="boats"' in html
    selected = client.get("/search", params={"kind": "indirect"}).text
    assert '<option value="indirect" selected>' in selected


def test_article_page_highlights_quotes_in_speaker_colours(client) -> None:  # type: ignore[no-untyped-def]
    aid = article_id(client, "built-fares")
    stored = client.get(f"/api/articles/{aid}").json()
    html = client.get(f"/articles/{aid}").text
    marks = [(a["class"], a.get("id"), a.get("title")) for t, a in tags(html) if t == "mark"]
    assert len(marks) == 2
    for (cls, ident, title), qid, q in zip(marks, stored["quote_ids"], stored["article"]["quotes"]):
        sid = stored["speaker_ids"][q["speaker"]["name"]]
        assert cls == f"quote {q['kind']} {render.colour_class(sid)}"  # the kind: paraphrase looks different
        assert ident == f"q-{qid}"
        assert title.startswith(q["speaker"]["name"]) and q["speaker"]["role"] in title
    assert html.count('<span class="cue') == 2
    assert "<h1>Ferry fares frozen for another year</h1>" in html
    assert '<p class="category">Transport</p>' in html
    assert "A ferry at the old pier." in html and "Photo: Ines Varga" in html
    assert "<details>" in html  # who said what, readable without hover
    assert html.count("tabindex=\"0\"") == 2  # each highlight takes keyboard focus


def test_pipeline_pages_are_read_and_shown(client) -> None:  # type: ignore[no-untyped-def]
    aid = article_id(client, "ledger-ferry")
    stored = client.get(f"/api/articles/{aid}").json()
    a = stored["article"]
    assert a["title"] == "Harbour council approves new ferry route"
    html = client.get(f"/articles/{aid}").text
    assert "Gull Island" in html
    title_end = next((b["end"] for b in a["blocks"] if b["kind"] == "title"), 0)
    in_body = [q for q in a["quotes"] if q["content"]["start"] >= title_end]  # the headline is shown plain
    statements = [q for q in in_body if q["act"] == "statement"]  # what the page highlights by default
    assert statements and html.count('<mark class="quote') >= len(statements)
    every = client.get(f"/articles/{aid}", params={"act": "all"}).text
    assert every.count('<mark class="quote') >= len(in_body)


def test_pipeline_finds_the_pages_quotes(client) -> None:  # type: ignore[no-untyped-def]
    aid = article_id(client, "ledger-ferry")
    quotes = client.get(f"/api/articles/{aid}").json()["article"]["quotes"]
    speakers = {q["speaker"]["name"] for q in quotes}
    assert {"Marta Kellerman", "Oskar Brandt"} <= speakers


def test_speaker_page_has_chart_table_outlets_and_quotes(client) -> None:  # type: ignore[no-untyped-def]
    sid = speaker_id(client, "Marta Kellerman")
    profile = client.get(f"/api/speakers/{sid}").json()["speaker"]
    html = client.get(f"/speakers/{sid}").text
    found = tags(html)
    bars = [a for t, a in found if t == "rect" and a.get("class") == "bar"]
    assert bars and sum(float(b["height"]) > 0 for b in bars) == len(profile["weekly"])
    assert any(t == "svg" and a.get("role") == "img" for t, a in found)
    assert "<table" in html and "Show as a table" in html
    for oid, name, _ in profile["outlets"]:
        assert f'href="/outlets/{oid}"' in html
    assert html.count('<li class="hit">') == min(profile["quote_count"], 20)
    searched = client.get(f"/speakers/{sid}", params={"q": "boats"}).text
    assert searched.count('<li class="hit">') >= 1 and "boats" in searched


def test_outlet_page_lists_articles_and_speakers(client) -> None:  # type: ignore[no-untyped-def]
    aid = article_id(client, "built-fares")
    oid = client.get(f"/api/articles/{aid}").json()["outlet_id"]
    profile = client.get(f"/api/outlets/{oid}").json()["outlet"]
    html = client.get(f"/outlets/{oid}").text
    assert f'href="/articles/{aid}"' in html
    assert profile["top_speakers"]
    for sid, _, _ in profile["top_speakers"]:
        assert f'href="/speakers/{sid}"' in html


@pytest.mark.parametrize("path", ["/speakers?per_page=1", "/articles?per_page=1"])
def test_list_pages_paginate(client, path: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(path).text
    assert 'rel="next"' in html and "Page 1 of" in html
    nxt = re.search(r'rel="next" href="\?([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "page=2" in nxt
    assert client.get(path.split("?")[0] + "?" + nxt).status_code == 200


def test_search_by_speaker_id_shows_the_name_not_the_id(client) -> None:  # type: ignore[no-untyped-def]
    """The speaker page's "Open in search" filters by id: the form names the speaker (with the
    role) and links to them, and resubmitting it keeps the exact id filter."""
    sid = speaker_id(client, "Marta Kellerman")
    role = client.get(f"/api/speakers/{sid}").json()["speaker"]["roles"][0]
    html = client.get("/search", params={"speaker": sid}).text
    form = html.split('<form class="search"', 1)[1].split("</form>", 1)[0]
    inputs = [a for t, a in tags(form) if t == "input" and a.get("name") == "speaker"]
    assert inputs == [{"type": "hidden", "name": "speaker", "value": str(sid)}]  # never a visible "5"
    assert f'<a class="speaker" href="/speakers/{sid}">Marta Kellerman</a>' in form
    assert str(escape(role)) in form
    assert "<title>Quotes by Marta Kellerman" in html
    assert 'href="/search">any speaker</a>' in form
    by_name = client.get("/search", params={"speaker": "Kellerman"}).text  # a typed name stays as typed
    assert 'id="f-speaker" name="speaker" type="text" value="Kellerman"' in by_name


def test_search_by_outlet_id_shows_the_name_not_the_id(client) -> None:  # type: ignore[no-untyped-def]
    outlet = client.get("/api/outlets").json()["items"][0]
    html = client.get("/search", params={"outlet": outlet["outlet_id"]}).text
    form = html.split('<form class="search"', 1)[1].split("</form>", 1)[0]
    assert not [a for t, a in tags(form) if t == "input" and a.get("name") == "outlet" and a.get("type") != "hidden"]
    assert f'<a href="/outlets/{outlet["outlet_id"]}">{escape(outlet["name"])}</a>' in form


def test_unknown_speaker_id_is_an_empty_search(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/search", params={"speaker": 999999})
    assert r.status_code == 200 and "0 quotes found" in r.text
