"""Search results with the reporting verb and the article title, facet counts for the current
search (API and page), and distinct speaker colours within one article."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from quotewire.records import Quote, QuoteSpeaker, Span
from quotewire.web.render import PALETTE_SIZE, QuoteView, distinct_colours, speaker_colour
from tests.store.conftest import make_article


def test_api_facets_count_the_current_search(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/search", params={"q": "ferry OR boats", "per_page": 1}).json()
    facets, total = data["facets"], data["total"]
    assert total >= 3 and len(data["items"]) == 1  # counts cover every hit, not the page
    for name in ("speaker", "outlet", "kind", "month"):
        assert sum(f["count"] for f in facets[name]) <= total and facets[name], name
    assert sum(f["count"] for f in facets["kind"]) == total
    assert sum(f["count"] for f in facets["month"]) == total
    counts = [f["count"] for f in facets["speaker"]]
    assert counts == sorted(counts, reverse=True)
    months = [f["value"] for f in facets["month"] if f["value"]]
    assert months == sorted(months, reverse=True)
    # each facet value is a filter that finds exactly its count
    top = facets["speaker"][0]
    narrowed = client.get("/api/search", params={"q": "ferry OR boats", "speaker": top["value"]}).json()
    assert narrowed["total"] == top["count"] and all(h["speaker_name"] == top["label"] for h in narrowed["items"])
    for f in facets["kind"]:
        assert client.get("/api/search", params={"q": "ferry OR boats", "kind": f["value"]}).json()["total"] == f["count"]
    month = facets["month"][0]["value"]
    by_month = client.get("/api/search", params={"q": "ferry OR boats", "date_from": month, "date_to": month}).json()
    assert by_month["total"] == facets["month"][0]["count"]
    outlet = facets["outlet"][0]
    assert client.get("/api/search", params={"q": "ferry OR boats", "outlet": outlet["value"]}).json()["total"] \
        == outlet["count"]
    # the facets follow the filters
    narrowed_f = narrowed["facets"]
    assert [f["value"] for f in narrowed_f["speaker"]] == [top["value"]]
    assert "facets" in client.get("/api/search", params={"facets": "false"}).json()
    assert client.get("/api/search", params={"facets": "false"}).json()["facets"] is None


class _Facets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, list[tuple[str, str]]] = {}
        self.facet: str | None = None
        self.href: str | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        cls = a.get("class") or ""
        m = re.search(r"facet-(\w+)", cls)
        if tag == "div" and m:
            self.facet = m.group(1)
        if tag == "a" and self.facet:
            self.href = a.get("href")

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.href and self.facet and data.strip():
            self.links.setdefault(self.facet, []).append((data.strip(), self.href))
            self.href = None


def test_search_page_shows_facets_cue_and_title(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/search", params={"q": "boats"}).text
    parser = _Facets()
    parser.feed(html)
    assert set(parser.links) >= {"speaker", "outlet", "kind", "month"}
    label, href = parser.links["speaker"][0]
    assert label == "Marta Kellerman" and href.startswith("/search?q=boats&speaker=")
    month_label, month_href = parser.links["month"][0]
    assert re.fullmatch(r"\d{4}-\d{2}", month_label)
    assert f"date_from={month_label}-01" in month_href and f"date_to={month_label}-" in month_href
    # following a facet link narrows the search, and the chosen value links back to "any"
    chosen = client.get(href.replace("&amp;", "&")).text
    assert 'aria-current="true"' in chosen
    assert '<span class="cue-word" title="reporting verb">said</span>' in html
    assert "Ferry fares frozen for another year" in html  # the article title of the hit


def _views(ids: list[int]) -> list[QuoteView]:
    views = []
    for i, sid in enumerate(ids):
        q = Quote(kind="direct", content=Span(start=0, end=1, text="x"), confidence=0.9,
                  speaker=QuoteSpeaker(name=f"Person {sid}"))
        views.append(QuoteView(index=i, quote=q, speaker_id=sid, colour="", label="", anchor="", words="x",
                               cue_words=None, who="", reads="", shown=True))
    return views


def test_distinct_colours_within_an_article() -> None:
    a, b = next((i, j) for i in range(1, 50) for j in range(i + 1, 50) if speaker_colour(i) == speaker_colour(j))
    views = _views([a, b, a])
    distinct_colours(views)
    assert views[0].colour == views[2].colour == f"sp-c{speaker_colour(a)}"  # the first keeps its own
    assert views[1].colour != views[0].colour
    many = _views(list(range(1, PALETTE_SIZE + 1)))
    distinct_colours(many)
    assert len({v.colour for v in many}) == PALETTE_SIZE


def test_article_page_gives_each_speaker_its_own_colour(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from quotewire.store import Archive
    from quotewire.web import create_app

    url = f"sqlite:///{tmp_path / 'colours.db'}"
    names = ["Agnes Vollmer", "Bruno Castell", "Cora Lindqvist", "Dario Feldt", "Elin Marsk", "Fritz Oberg",
             "Greta Soller"]
    a = Archive.open(url)
    a.add(make_article("colours", [(n, f"Statement number {i} about the harbour", None) for i, n in enumerate(names)],
                       url="https://lantern.example/colours", published="2024-06-01"))
    aid = a.articles()[0][0].article_id
    a.close()
    with TestClient(create_app(url)) as c:
        html = c.get(f"/articles/{aid}").text
    # the "Who said what" list: each speaker's swatch (the body's highlights use the same classes)
    colours = {sid: c for c, sid in re.findall(r'class="swatch (sp-c\d+)"[^<]*</span>\s*<a href="/speakers/(\d+)"',
                                                html)}
    assert len(colours) == len(names)
    assert len(set(colours.values())) == len(names), colours
