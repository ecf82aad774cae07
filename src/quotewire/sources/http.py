"""Fetching pages over HTTP(S) with a timeout and a clear User-Agent (placeholder: issue 5 adds
robots.txt, per-host rate limits and size caps)."""
from __future__ import annotations

import httpx

from quotewire import __version__
from quotewire.errors import FetchError, FetchTimeout, HTTPStatusError
from quotewire.records import RawDocument

USER_AGENT = f"quotewire/{__version__} (+https://github.com/quotewire/quotewire)"
TIMEOUT_S = 20.0


def fetch(url: str, *, timeout: float = TIMEOUT_S) -> RawDocument:
    try:
        resp = httpx.get(url, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    except httpx.TimeoutException:
        raise FetchTimeout(url, f"no answer within {timeout:.0f} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"cannot fetch ({exc})") from None
    if resp.status_code >= 400:
        raise HTTPStatusError(url, f"HTTP {resp.status_code}")
    return RawDocument(data=resp.content, origin=url, url=str(resp.url),
                       content_type=resp.headers.get("content-type"), encoding=resp.charset_encoding)
