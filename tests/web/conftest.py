"""A real archive for the web tests: our fictional pages ingested through the real pipeline
(into SQLite, and PostgreSQL where the store's ``pg_url`` fixture provides a server), plus two
records built here whose quotes and hostile fields are known exactly."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotewire.records import Article, Block, Image, Quote, QuoteSpeaker, Span, Speaker

PAGES = Path(__file__).parent / "pages"


def pytest_configure(config: pytest.Config) -> None:
    # fastapi.testclient warns that starlette wants the httpx2 package; httpx is what we pin.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
XSS = "<script>alert('x')</script>"


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start=start, end=start + len(piece), text=piece)


def built_articles() -> list[Article]:
    """Records with exact quote spans: the highlight and escaping tests need to know them."""
    title = "Ferry fares frozen for another year"
    p1 = "\"Fares stay where they are until the new boats arrive,\" said Marta Kellerman, the council's transport chair."
    p2 = "Oskar Brandt, a resident of Pier Street, said the promise was welcome but late."
    text = "\n\n".join([title, p1, p2])
    known = Article(
        doc_id="built-fares", title=title, category="Transport", published="2025-04-08", language="en",
        url="https://lakeside-ledger.example/news/2025/04/fares", publisher="Lakeside Ledger",
        text=text, authors=["Pim Osterhout"],
        blocks=[Block(kind="title", start=0, end=len(title), text=title),
                Block(kind="paragraph", start=text.index(p1), end=text.index(p1) + len(p1), text=p1),
                Block(kind="paragraph", start=text.index(p2), end=text.index(p2) + len(p2), text=p2)],
        images=[Image(caption="A ferry at the old pier.", credit="Photo: Ines Varga")],
        speakers=[Speaker(name="Marta Kellerman", roles=["the council's transport chair"], kind="person"),
                  Speaker(name="Oskar Brandt", roles=["a resident of Pier Street"], kind="person")],
        quotes=[Quote(kind="direct", content=_span(text, "Fares stay where they are until the new boats arrive"),
                      cue=_span(text, "said"), confidence=0.95,
                      speaker=QuoteSpeaker(name="Marta Kellerman", role="the council's transport chair",
                                           mention=_span(text, "Marta Kellerman"))),
                Quote(kind="indirect", content=_span(text, "the promise was welcome but late"),
                      cue=Span(start=text.index("said the"), end=text.index("said the") + 4, text="said"),
                      confidence=0.8,
                      speaker=QuoteSpeaker(name="Oskar Brandt", role="a resident of Pier Street",
                                           mention=_span(text, "Oskar Brandt")))],
    )
    h_title = f"Inbox {XSS} flood"
    h1 = f"\"We saw {XSS} and <img src=x onerror=alert('q')> all day,\" said <b onclick=alert(1)>Mallory</b>."
    h_text = "\n\n".join([h_title, h1])
    hostile = Article(
        doc_id="built-hostile", title=h_title, category="<svg onload=alert('cat')>", published="2025-04-09",
        language="en", url="javascript:alert('url')", publisher="<i onmouseover=alert('pub')>Evil Gazette</i>",
        text=h_text, authors=["<script>alert('author')</script>"],
        blocks=[Block(kind="title", start=0, end=len(h_title), text=h_title),
                Block(kind="paragraph", start=h_text.index(h1), end=len(h_text), text=h1)],
        images=[Image(caption="<img src=x onerror=alert('cap')>", credit="<a href=\"javascript:alert('c')\">x</a>",
                      src="javascript:alert('src')")],
        speakers=[Speaker(name="<b onclick=alert(1)>Mallory</b>", roles=["<script>alert('role')</script>"])],
        quotes=[Quote(kind="direct", content=_span(h_text, f"We saw {XSS} and <img src=x onerror=alert('q')> all day"),
                      cue=_span(h_text, "said"), confidence=0.9,
                      speaker=QuoteSpeaker(name="<b onclick=alert(1)>Mallory</b>",
                                           role="<script>alert('role')</script>"))],
    )
    return [known, hostile]


def fill_archive(url: str) -> dict[str, int]:
    """Ingest the pages through the pipeline (the demo's own ingest code) and add the built records."""
    from quotewire.cli.serve import ingest_samples
    from quotewire.store import Archive

    stored, failed = ingest_samples(url, PAGES)
    assert stored == len([p for p in PAGES.iterdir() if p.is_file()]) and failed == 0
    archive = Archive.open(url)
    try:
        for article in built_articles():
            archive.add(article)
        return archive.stats()
    finally:
        archive.close()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    fill_archive(url)
    return url


@pytest.fixture(scope="session")
def client(sqlite_url: str) -> Iterator["TestClient"]:  # noqa: F821
    from fastapi.testclient import TestClient

    from quotewire.web import create_app

    with TestClient(create_app(sqlite_url)) as c:
        yield c


def article_id(client, doc_id: str) -> int:  # type: ignore[no-untyped-def]
    """The archive id of the article with ``doc_id`` (found through the API itself)."""
    r = client.get("/api/articles", params={"per_page": 100})
    assert r.status_code == 200
    for item in r.json()["items"]:
        if item["doc_id"] == doc_id:
            return item["article_id"]
    raise AssertionError(f"{doc_id} not in the archive")
