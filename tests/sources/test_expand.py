"""iter_inputs / count_inputs / spec_kind over every kind of spec; the run continues past failures."""
from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotewire.records import RawDocument, Skipped
from quotewire.sources import count_inputs, iter_inputs, spec_kind
from quotewire.sources.http import Fetcher
from tests.sources.helpers import Server, http_block, page, slow, start_server, static, warc_record, write_warc


def _rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>t{i}</title><link>{base}{p}</link>"
                    f"<pubDate>Tue, 05 Mar 2024 1{i}:00:00 GMT</pubDate></item>" for i, p in enumerate(paths))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def _atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(f'<entry><title>e</title><id>urn:{p}</id><link href="{base}{p}"/>'
                      f"<updated>2024-03-06T08:00:00Z</updated></entry>" for p in paths)
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{entries}</feed>'.encode()


def _urlset(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-03-0{i + 1}</lastmod></url>" for i, p in enumerate(paths))
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


@pytest.fixture()
def server() -> Iterator[Server]:
    srv, stop = start_server({
        "/robots.txt": static(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/news/1": static(page("One")), "/news/2": static(page("Two")), "/news/3": static(page("Three")),
        "/private/x": static(page("Hidden")),
        "/logo.png": static(b"\x89PNG\r\n\x1a\n", "image/png"),
        "/slowfeed": slow(3.0, b"<rss/>"),
    })
    b = srv.base
    srv.routes["/rss"] = static(_rss(b, ["/news/1", "/news/2", "/private/x", "/gone", "/logo.png"]),
                                "application/rss+xml")
    srv.routes["/atom"] = static(_atom(b, ["/news/3"]), "application/xml")  # sniffed, not by type
    srv.routes["/sitemap-1.xml.gz"] = static(gzip.compress(_urlset(b, ["/news/1", "/news/3"])), "application/gzip")
    srv.routes["/sitemap.xml"] = static(
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{b}/sitemap-1.xml.gz</loc></sitemap><sitemap><loc>{b}/sitemap-gone.xml</loc></sitemap>"
        f"</sitemapindex>".encode(), "text/xml")
    yield srv
    stop()


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_interval=0.0, timeout=1.0, read_timeout=1.0) as f:
        yield f


def _summary(items: list[RawDocument | Skipped], base: str) -> list[str]:
    return [x.origin.replace(base, "") if isinstance(x, RawDocument) else f"{x.origin.replace(base, '')}!{x.reason}"
            for x in items]


def test_feed_url_expands_to_its_articles_and_failures_are_reported(server: Server, fetcher: Fetcher) -> None:
    out = list(iter_inputs([server.url("/rss")], fetcher=fetcher))
    assert _summary(out, server.base) == ["/news/1", "/news/2", "/private/x!robots_disallowed",
                                          "/gone!http_status", "/logo.png!unsupported"]
    assert out[0].date == "2024-03-05T10:00:00+00:00" and out[0].url == server.url("/news/1")
    assert out[0].doc_id and out[0].doc_id.startswith("1-")


def test_atom_is_sniffed_and_sitemap_index_is_followed(server: Server, fetcher: Fetcher) -> None:
    out = list(iter_inputs([server.url("/atom"), server.url("/sitemap.xml")], fetcher=fetcher))
    assert _summary(out, server.base) == ["/news/3", "/news/1", "/news/3", "/sitemap-gone.xml!http_status"]
    assert out[1].date == "2024-03-01"


def test_slow_feed_times_out_and_the_run_continues(server: Server, fetcher: Fetcher) -> None:
    out = list(iter_inputs([server.url("/slowfeed"), server.url("/news/2")], fetcher=fetcher))
    assert _summary(out, server.base) == ["/slowfeed!timeout", "/news/2"]


def test_local_feed_sitemap_url_list_and_pages(tmp_path: Path, server: Server, fetcher: Fetcher) -> None:
    (tmp_path / "feed.xml").write_bytes(_rss(server.base, ["/news/2"]))
    (tmp_path / "map.xml.gz").write_bytes(gzip.compress(_urlset(server.base, ["/news/1"])))
    (tmp_path / "list.urls").write_text(f"# outlets\n{server.base}/news/3\nnot a url\n{server.base}/rss\n")
    (tmp_path / "story.html").write_bytes(page("Local"))
    specs = [str(tmp_path / n) for n in ("feed.xml", "map.xml.gz", "list.urls", "story.html")]
    out = list(iter_inputs(specs + [str(tmp_path / "absent.html")], fetcher=fetcher, form="html"))
    got = _summary(out, server.base)
    assert got[:4] == ["/news/2", "/news/1", "/news/3", f"{tmp_path}/list.urls:3!bad_input"]
    assert got[4:9] == ["/news/1", "/news/2", "/private/x!robots_disallowed", "/gone!http_status",
                        "/logo.png!unsupported"]
    assert got[9:] == [str(tmp_path / "story.html"), f"{tmp_path}/absent.html!not_found"]
    assert all(x.form == "html" for x in out if isinstance(x, RawDocument))


def _warc(path: Path) -> None:
    write_warc(path, [warc_record("response", "http://w.example/a", http_block(200, "text/html", page("W")), n=1),
                      warc_record("response", "http://w.example/i", http_block(200, "image/gif", b"GIF89a"), n=2)],
               gz=True)


def test_folder_with_pages_archives_and_lists(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_bytes(page("A"))
    (tmp_path / "sub" / "b.txt").write_text("Wrenmouth council met on Tuesday.\n")
    (tmp_path / ".hidden.html").write_bytes(page("H"))
    (tmp_path / "notes.json").write_text("{}")
    assert count_inputs([str(tmp_path)]) == 2
    _warc(tmp_path / "sub" / "crawl.warc.gz")
    assert count_inputs([str(tmp_path)]) is None
    out = list(iter_inputs([str(tmp_path)]))
    assert [Path(x.origin).name for x in out] == ["a.html", "b.txt", "crawl.warc.gz#0"]
    assert out[2].url == "http://w.example/a"


def test_glob_and_missing_specs(tmp_path: Path) -> None:
    for n in ("x1.html", "x2.html"):
        (tmp_path / n).write_bytes(page(n))
    out = list(iter_inputs([str(tmp_path / "x*.html"), str(tmp_path / "none*.html"), str(tmp_path / "empty")]))
    assert [type(x).__name__ for x in out] == ["RawDocument", "RawDocument", "Skipped", "Skipped"]
    assert out[2].reason == "not_found" and out[3].reason == "not_found"


def test_spec_kinds(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page("P"))
    (tmp_path / "dump.txt").write_text("Headline\nThe pier reopened.\n")
    (tmp_path / "links.txt").write_text("https://a.example/1\nhttps://a.example/2\n")
    (tmp_path / "l.urls").write_text("https://a.example/1\n")
    (tmp_path / "f.rss").write_bytes(_rss("https://a.example", ["/1"]))
    (tmp_path / "s.xml").write_bytes(_urlset("https://a.example", ["/1"]))
    (tmp_path / "other.xml").write_bytes(b"<catalog/>")
    _warc(tmp_path / "c.warc.gz")
    (tmp_path / "renamed.bin").write_bytes((tmp_path / "c.warc.gz").read_bytes())
    kinds = {n: spec_kind(str(tmp_path / n)) for n in
             ("p.html", "dump.txt", "links.txt", "l.urls", "f.rss", "s.xml", "other.xml", "c.warc.gz")}
    assert kinds == {"p.html": "page", "dump.txt": "page", "links.txt": "url_list", "l.urls": "url_list",
                     "f.rss": "feed", "s.xml": "sitemap", "other.xml": "page", "c.warc.gz": "archive"}
    assert spec_kind("https://a.example/feed") == "url" and spec_kind("-") == "stdin"
    assert spec_kind(str(tmp_path)) == "folder" and spec_kind(str(tmp_path / "*.html")) == "glob"
    assert spec_kind(str(tmp_path / "nope.html")) == "missing"
    assert spec_kind(str(tmp_path / "renamed.bin")) == "archive"  # sniffed from the content
    assert [x.url for x in iter_inputs([str(tmp_path / "renamed.bin")])] == ["http://w.example/a"]


def test_count_inputs(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page("P"))
    (tmp_path / "l.urls").write_text("# c\nhttps://a.example/1\n\nhttps://a.example/2\n")
    assert count_inputs([str(tmp_path / "p.html"), str(tmp_path / "l.urls"), str(tmp_path / "missing.html")]) == 4
    assert count_inputs(["https://a.example/feed"]) is None
    assert count_inputs(["-"]) is None
    assert count_inputs([]) == 0


def test_iter_inputs_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.html").write_bytes(page(str(i)))
    it = iter_inputs([str(tmp_path)])
    first = next(it)
    assert isinstance(first, RawDocument) and first.origin.endswith("0.html")
