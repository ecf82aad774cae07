"""HTTP payload helpers shared by the archive readers and the fetcher: bounded decompression,
chunked transfer decoding, doc ids and HTML content-type checks.

Decompression always has an output limit, so a gzip bomb in a WARC record or an HTTP answer
costs a few kilobytes of work and ends in ``TooLarge``.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from urllib.parse import urlsplit

from quotewire.errors import TooLarge, TruncatedInput, UnsupportedInput

# Same value as page/decode.MAX_PAGE_BYTES (sources may not import page; a test keeps them equal):
# a decoded body larger than this would be refused by the page reader anyway.
MAX_BODY_BYTES = 10 * 1024 * 1024
# Raw (still encoded) bytes read from one record or answer at most.
MAX_RAW_BYTES = 64 * 1024 * 1024

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml")


def is_html_type(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return m.group(1).lower() if m else None


def decompress(data: bytes, encoding: str | None, origin: str, limit: int = MAX_BODY_BYTES) -> bytes:
    """Undo a Content-Encoding (gzip, x-gzip, deflate, identity) with a hard output limit."""
    enc = (encoding or "identity").strip().lower()
    if enc in ("", "identity", "none"):
        return data
    if enc in ("gzip", "x-gzip"):
        attempts = [16 + zlib.MAX_WBITS]
    elif enc == "deflate":  # servers send either zlib-wrapped or raw deflate
        attempts = [zlib.MAX_WBITS, -zlib.MAX_WBITS]
    else:
        raise UnsupportedInput(origin, f"unsupported Content-Encoding {enc!r}")
    last: Exception | None = None
    for wbits in attempts:
        d = zlib.decompressobj(wbits)
        try:
            out = d.decompress(data, limit + 1)
        except zlib.error as exc:
            last = exc
            continue
        if len(out) > limit:
            raise TooLarge(origin, f"{enc} body decompresses to more than {limit // (1024 * 1024)} MB "
                                   "(compression bomb?)")
        if not d.eof and not d.unconsumed_tail:
            raise TruncatedInput(origin, f"{enc} body ends early (truncated record?)")
        return out
    raise TruncatedInput(origin, f"corrupt {enc} body ({last})")


def dechunk(data: bytes, origin: str, limit: int = MAX_RAW_BYTES) -> bytes:
    """Decode ``Transfer-Encoding: chunked`` (some WARC writers keep it)."""
    out = bytearray()
    pos = 0
    while True:
        eol = data.find(b"\n", pos)
        if eol < 0:
            raise TruncatedInput(origin, "chunked body ends early")
        size_txt = data[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_txt, 16)
        except ValueError:
            raise TruncatedInput(origin, f"bad chunk size {size_txt[:20]!r}") from None
        if size == 0:
            return bytes(out)
        start = eol + 1
        chunk = data[start:start + size]
        if len(chunk) < size:
            raise TruncatedInput(origin, "chunked body ends early")
        out += chunk
        if len(out) > limit:
            raise TooLarge(origin, f"chunked body over {limit // (1024 * 1024)} MB")
        pos = start + size
        if data[pos:pos + 2] == b"\r\n":
            pos += 2
        elif data[pos:pos + 1] == b"\n":
            pos += 1


def url_doc_id(url: str) -> str:
    """Stable, readable id for a page known by its URL: last path segment plus a URL hash.

    The same URL gives the same id whether it came from a WARC, a feed or a fetch, so the
    archive can recognise a page it already holds.
    """
    digest = hashlib.sha1(url.strip().encode("utf-8", "surrogatepass")).hexdigest()[:12]
    parts = urlsplit(url.strip())
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or "page"
    for suffix in (".html", ".htm", ".xhtml", ".php", ".aspx", ".asp", ".jsp"):
        if segment.lower().endswith(suffix):
            segment = segment[: -len(suffix)]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", segment).strip("-").lower()[:48] or "page"
    return f"{slug}-{digest}"
