"""The response cache (web/cache.py): same answer as without it, never one older than the archive's
last write (on SQLite and on PostgreSQL), and bounded in memory."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker
from quotewire.web.cache import HEADER, ResponseCache, request_key

CACHE = HEADER.decode()


def story(n: int, words: str) -> Article:
    """A small record of our own with one direct quote holding ``words``."""
    title = f"Lighthouse keepers meet, part {n}"
    para = f"\"{words} near the old lighthouse,\" said Wendeline Okafor, the harbour warden."
    text = f"{title}\n\n{para}"
    content = f"{words} near the old lighthouse"
    start = text.index(content)
    cue = text.index("said")
    return Article(
        doc_id=f"cache-{n}", title=title, published=f"2025-06-{n % 28 + 1:02d}", language="en", text=text,
        url=f"https://harbour-gazette.example/lighthouse/{n}", publisher="Harbour Gazette",
        blocks=[Block(kind="title", start=0, end=len(title), text=title),
                Block(kind="paragraph", start=len(title) + 2, end=len(text), text=para)],
        speakers=[Speaker(name="Wendeline Okafor", roles=["the harbour warden"], kind="person")],
        quotes=[Quote(kind="direct", content=Span(start=start, end=start + len(content), text=content),
                      cue=Span(start=cue, end=cue + 4, text="said"), confidence=0.9,
                      speaker=QuoteSpeaker(name="Wendeline Okafor", role="the harbour warden"))])


def _archive_with(url: str, *articles: Article) -> None:
    from quotewire.store import Archive

    with Archive.open(url) as archive:
        for a in articles:
            archive.add(a)


def _client(url: str, **kw: float) -> Iterator:  # type: ignore[type-arg]
    from fastapi.testclient import TestClient

    from quotewire.web import create_app

    with TestClient(create_app(url, **kw)) as c:
        yield c


def _hit_again(client, path: str, tries: int = 3) -> bool:  # type: ignore[no-untyped-def]
    """The same request is answered from the cache again. On PostgreSQL the version is the
    server's snapshot, so a write anywhere on the server (another test's database, autovacuum)
    empties the cache too: too often is allowed, never too late, so a few tries are allowed."""
    return any(client.get(path).headers[CACHE] == "hit" for _ in range(tries))


def check_writes_change_the_answer(url: str) -> None:
    """Two identical searches around an ingest (a separate writer, as `quotewire ingest` is) differ."""
    from quotewire.store import Archive

    _archive_with(url, story(1, "The beacon stays lit"))
    for client in _client(url):
        path = "/api/search?q=beacon"
        first = client.get(path)
        assert first.headers[CACHE] == "miss" and _hit_again(client, path)
        again = client.get(path)
        assert first.status_code == again.status_code == 200
        assert again.content == first.content and first.json()["total"] == 1
        page = client.get("/search?q=beacon")
        assert page.headers[CACHE] == "miss" and _hit_again(client, "/search?q=beacon")

        _archive_with(url, story(2, "A second beacon for the reef"))  # ingest between two identical searches
        after = client.get(path)
        assert after.headers[CACHE] == "miss"
        assert after.json()["total"] == 2, after.json()
        assert "A second [[beacon]] for the reef" in {h["snippet"].split(" near")[0] for h in after.json()["items"]}
        assert _hit_again(client, path)
        assert "second" in client.get("/search?q=beacon").text  # the HTML page too

        with Archive.open(url) as archive:  # any write, not only an ingest: a deletion
            gone = client.get("/api/articles").json()["items"][0]["article_id"]
            assert archive.delete_article(gone)
        assert client.get(path).json()["total"] == 1


def test_an_ingest_between_two_searches_changes_the_answer_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    check_writes_change_the_answer(f"sqlite:///{tmp_path / 'cache.db'}")


@pytest.mark.postgres
def test_an_ingest_between_two_searches_changes_the_answer_postgresql(pg_server) -> None:  # type: ignore
    check_writes_change_the_answer(pg_server.new_database())


def test_cached_answers_are_the_uncached_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'same.db'}"
    _archive_with(url, *(story(i, f"Storm number {i} and the beacon") for i in range(30)))
    paths = ["/api/search?q=beacon", "/api/search?q=beacon&page=2&per_page=5", "/api/search?q=storm+OR+reef",
             "/api/search", "/api/speakers", "/api/stats", "/search?q=storm", "/"]
    for plain in _client(url, cache_mb=0):
        expected = {p: plain.get(p) for p in paths}
        assert all(CACHE not in r.headers for r in expected.values())  # off: no cache at all
    for cached in _client(url):
        for _ in range(2):
            for p in paths:
                r = cached.get(p)
                assert (r.status_code, r.content) == (expected[p].status_code, expected[p].content), p
        # the same parameters in another order, or spelt another way, are the same entry
        assert cached.get("/api/search?per_page=5&page=2&q=beacon").headers[CACHE] == "hit"
        assert cached.get("/api/search?q=storm%20OR%20reef").headers[CACHE] == "hit"
        assert cached.get("/api/search?q=beacons").headers[CACHE] == "miss"  # another query is not
        # errors and downloads are not kept
        for p, status in (("/api/search?kind=loud", 400), ("/api/export?q=beacon&format=csv", 200)):
            first, second = cached.get(p), cached.get(p)
            assert first.status_code == second.status_code == status, p
            assert second.headers.get(CACHE) != "hit", p
        assert CACHE not in cached.get("/api/export?q=beacon&format=csv").headers  # not even looked up


def test_the_cache_is_bounded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'small.db'}"
    _archive_with(url, *(story(i, f"Storm number {i} and the beacon") for i in range(30)))
    limit_mb = 0.05  # about 52 KB: a few answers
    for client in _client(url, cache_mb=limit_mb):
        cache: ResponseCache = client.app.response_cache  # type: ignore[attr-defined]
        sizes = []
        for i in range(1, 60):
            assert client.get(f"/api/search?q=beacon&per_page={i}").status_code == 200
            sizes.append(cache.size)
            assert cache.size <= limit_mb * 1024 * 1024
        assert max(sizes) > limit_mb * 1024 * 1024 / 2  # it did fill up, then evicted
        assert 0 < len(cache) < 59
        latest = client.get("/api/search?q=beacon&per_page=59")
        assert latest.headers[CACHE] == "hit"  # the most recent answer is still there
        assert client.get("/api/search?q=beacon&per_page=1").headers[CACHE] == "miss"  # the oldest was evicted


class _Version:
    def __init__(self) -> None:
        self.value = "1"

    def current(self) -> str:
        return self.value


def test_lru_order_size_and_versions() -> None:
    version = _Version()
    cache = ResponseCache(version, max_bytes=3000, max_entry=1500)  # type: ignore[arg-type]
    headers = [(b"content-type", b"application/json")]
    for k in "abc":
        cache.put(k, "1", 200, headers, b"x" * 700)
    assert len(cache) == 3 and cache.size <= 3000
    assert cache.get("a", "1") is not None  # a is now the most recently used
    cache.put("d", "1", 200, headers, b"x" * 700)  # over 3000: b (least recently used) goes
    assert cache.get("b", "1") is None and cache.get("a", "1") and cache.get("c", "1") and cache.get("d", "1")
    assert cache.size <= 3000
    cache.put("big", "1", 200, headers, b"x" * 2000)  # larger than one entry may be: not kept
    assert cache.get("big", "1") is None
    assert cache.get("a", "2") is None and "a" not in cache.entries  # another version: gone for good
    assert sum(e[4] for e in cache.entries.values()) == cache.size


def test_request_keys() -> None:
    def scope(path: str, qs: bytes, method: str = "GET") -> dict:  # type: ignore[type-arg]
        return {"type": "http", "method": method, "path": path, "query_string": qs}

    assert request_key(scope("/api/search", b"b=2&a=1")) == request_key(scope("/api/search", b"a=1&b=2"))
    assert request_key(scope("/api/search", b"q=a+b")) == request_key(scope("/api/search", b"q=a%20b"))
    assert request_key(scope("/api/search", b"q=a&q=b")) != request_key(scope("/api/search", b"q=b&q=a"))
    assert request_key(scope("/api/search", b"q=a")) != request_key(scope("/api/speakers", b"q=a"))
    assert request_key(scope("/api/search", b"q=%ff")) is None  # not UTF-8: not cached
    assert request_key(scope("/api/search", b"q=" + b"a" * 3000)) is None
    assert request_key(scope("/api/search", b"q=a", "HEAD")) is None
    assert request_key(scope("/api/export", b"q=a")) is None
    assert request_key(scope("/articles/1", b"")) is None
    assert request_key(scope("/static/style.css", b"")) is None
