"""Lists of article URLs: RSS/Atom feeds (feedparser), XML sitemaps and sitemap indexes (lxml),
and plain URL lists (one URL a line, ``#`` comments).

These functions only parse bytes already read with size limits; they never fetch (feedparser
is never given a URL, lxml never resolves entities or touches the network).
"""
from __future__ import annotations

import re
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from quotewire.errors import InputError, TooLarge, TruncatedInput

MAX_SITEMAP_BYTES = 64 * 1024 * 1024   # decompressed; the sitemap protocol caps a file at 50 MB
MAX_SITEMAP_DEPTH = 3                 # index -> index -> sitemap is already unusual
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


@dataclass(frozen=True)
class Link:
    """An article URL with the date the listing gives for it, if any."""

    url: str
    date: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: page links, or (for an index) links to more sitemaps."""

    is_index: bool
    links: list[Link]


# --- sniffing -------------------------------------------------------------------------------------

def xml_kind(data: bytes) -> str | None:
    """'feed', 'sitemap' or None, from the root element near the start of the bytes."""
    head = maybe_gunzip(data[:200_000], "<sniff>", partial=True)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    text = head.decode("utf-8", "replace")
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S)
    m = re.search(r"<\s*([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)", text)
    if not m:
        return None
    root = m.group(2).lower()
    if root in ("rss", "feed", "rdf", "channel"):
        return "feed"
    if root in ("urlset", "sitemapindex"):
        return "sitemap"
    return None


def looks_like_url_list(text: str, sample_lines: int = 50) -> bool:
    """True when every non-blank, non-comment line among the first ones is an http(s) URL."""
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not _URL.match(line):
            return False
        seen += 1
        if seen >= sample_lines:
            break
    return seen > 0


def maybe_gunzip(data: bytes, origin: str, *, limit: int = MAX_SITEMAP_BYTES, partial: bool = False) -> bytes:
    """Gunzip ``.xml.gz`` bytes with a size bound; plain bytes pass through."""
    if data[:2] != b"\x1f\x8b":
        return data
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        if partial:
            return b""
        raise TruncatedInput(origin, f"corrupt gzip data ({exc})") from None
    if len(out) > limit and not partial:
        raise TooLarge(origin, f"decompresses to more than {limit >> 20} MB")
    if not d.eof and not partial:
        raise TruncatedInput(origin, "gzip data ends early")
    return out


# --- URL lists ------------------------------------------------------------------------------------

def parse_url_list(text: str, origin: str) -> Iterator[Link | InputError]:
    """Links of a URL list; a line that is not an http(s) URL becomes an error naming its line."""
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url = line.split()[0] if " #" in line or "\t" in line else line
        if _URL.match(url):
            yield Link(url)
        else:
            yield InputError(f"{origin}:{n}", f"not an http(s) URL: {line[:80]!r}")


def count_url_list(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith("#"))


# --- feeds ----------------------------------------------------------------------------------------

def parse_feed(data: bytes, origin: str, base_url: str | None = None) -> list[Link]:
    """The entry links of an RSS or Atom feed, in feed order, with their dates."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url} if base_url else None)
    if parsed.bozo and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise TruncatedInput(origin, f"not a readable feed ({type(exc).__name__ if exc else 'parse error'})")
    links: list[Link] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        url = entry.get("link") or _alternate(entry) or (entry.get("id") if _URL.match(entry.get("id") or "") else None)
        if not url:
            continue
        url = urljoin(base_url, url) if base_url else url
        if url in seen or not _URL.match(url):
            continue
        seen.add(url)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        links.append(Link(url, _iso(stamp)))
    return links


def _alternate(entry: dict) -> str | None:
    for link in entry.get("links") or []:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _iso(stamp: time.struct_time | None) -> str | None:
    if not stamp:
        return None
    try:
        return datetime(*stamp[:6], tzinfo=timezone.utc).isoformat()
    except (TypeError, ValueError):
        return None


# --- sitemaps -------------------------------------------------------------------------------------

def parse_sitemap(data: bytes, origin: str, base_url: str | None = None) -> Sitemap:
    """``<urlset>`` page links (with lastmod or news:publication_date) or ``<sitemapindex>`` links."""
    from lxml import etree

    xml = maybe_gunzip(data, origin)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True,
                             remove_comments=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise TruncatedInput(origin, f"not readable sitemap XML ({exc})") from None
    if root is None:
        raise TruncatedInput(origin, "not readable sitemap XML")
    kind = etree.QName(root).localname.lower()
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(origin, f"not a sitemap (root element <{kind}>)")
    item = "sitemap" if kind == "sitemapindex" else "url"
    links: list[Link] = []
    for el in root:
        if not isinstance(el.tag, str) or etree.QName(el).localname.lower() != item:
            continue
        loc = date = None
        for child in el.iter():
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname.lower()
            if name == "loc" and loc is None:
                loc = (child.text or "").strip()
            elif name == "publication_date":
                date = (child.text or "").strip() or date
            elif name == "lastmod" and date is None:
                date = (child.text or "").strip() or None
        if not loc:
            continue
        if base_url and not urlsplit(loc).scheme:
            loc = urljoin(base_url, loc)
        if _URL.match(loc):
            links.append(Link(loc, date))
    return Sitemap(is_index=kind == "sitemapindex", links=links)
