"""Feeds, sitemaps and URL lists parsed from bytes written here."""
from __future__ import annotations

import gzip

import pytest

from quotewire.errors import InputError, QuotewireError
from quotewire.sources.feeds import (count_url_list, looks_like_url_list, parse_feed, parse_sitemap, parse_url_list,
                                     xml_kind)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wrenmouth Tidings</title>
<item><title>Pier vote</title><link>https://tidings.example/pier</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Ferry fares</title><link>/ferry</link></item>
<item><title>Pier vote again</title><link>https://tidings.example/pier</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quarry Post</title><id>urn:x</id>
<entry><title>Mill</title><id>urn:1</id><link rel="alternate" href="https://quarry.example/mill"/>
<updated>2024-03-06T08:00:00Z</updated></entry>
</feed>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://tidings.example/a</loc><lastmod>2024-03-01</lastmod></url>
<url><loc> https://tidings.example/b </loc><news:news><news:publication_date>2024-03-02T07:00:00Z</news:publication_date></news:news></url>
<url><lastmod>2024-03-03</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://tidings.example/sitemap-1.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_rss_links_dates_relative_links_and_duplicates() -> None:
    links = parse_feed(RSS, "feed.xml", base_url="https://tidings.example/rss")
    assert [x.url for x in links] == ["https://tidings.example/pier", "https://tidings.example/ferry"]
    assert links[0].date == "2024-03-05T10:00:00+00:00" and links[1].date is None


def test_atom_links() -> None:
    (link,) = parse_feed(ATOM, "atom.xml")
    assert link.url == "https://quarry.example/mill" and link.date == "2024-03-06T08:00:00+00:00"


def test_unreadable_feed_is_an_error() -> None:
    with pytest.raises(QuotewireError, match="feed"):
        parse_feed(b"\x00\x01 not xml at all <<<", "junk.xml")


def test_sitemap_urlset_and_index_and_gzip() -> None:
    sm = parse_sitemap(URLSET, "sitemap.xml")
    assert not sm.is_index
    assert [(x.url, x.date) for x in sm.links] == [("https://tidings.example/a", "2024-03-01"),
                                                   ("https://tidings.example/b", "2024-03-02T07:00:00Z")]
    idx = parse_sitemap(gzip.compress(INDEX), "index.xml.gz")
    assert idx.is_index and [x.url for x in idx.links] == ["https://tidings.example/sitemap-1.xml.gz"]


def test_sitemap_refuses_other_xml_and_entities() -> None:
    with pytest.raises(InputError, match="not a sitemap"):
        parse_sitemap(b"<catalog><item/></catalog>", "c.xml")
    evil = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset><url><loc>https://t.example/&x;</loc></url></urlset>')
    sm = parse_sitemap(evil, "evil.xml")
    assert all("root:" not in x.url for x in sm.links)


def test_xml_kind_sniffing() -> None:
    assert xml_kind(RSS) == "feed" and xml_kind(ATOM) == "feed"
    assert xml_kind(URLSET) == "sitemap" and xml_kind(gzip.compress(INDEX)) == "sitemap"
    assert xml_kind(b"<html><body>x</body></html>") is None
    assert xml_kind(b"<?xml version='1.0'?><!-- c --><rdf:RDF xmlns:rdf='x'/>") == "feed"


def test_url_lists() -> None:
    text = "# my outlets\nhttps://tidings.example/a\n\n  http://quarry.example/b  \nnot a url\nhttps://x.example/c # note\n"
    items = list(parse_url_list(text, "list.urls"))
    assert [x.url for x in items if not isinstance(x, InputError)] == [
        "https://tidings.example/a", "http://quarry.example/b", "https://x.example/c"]
    (err,) = [x for x in items if isinstance(x, InputError)]
    assert err.origin == "list.urls:5"
    assert count_url_list(text) == 4
    assert looks_like_url_list("https://a.example/1\n# c\nhttps://a.example/2\n")
    assert not looks_like_url_list("The council met.\nhttps://a.example/1\n")
    assert not looks_like_url_list("# only a comment\n")
