"""Polite fetching over HTTP(S): one reused client, robots.txt, a per-host rate limit, hard
time and size limits.

* A total wall-clock deadline per fetch (``timeout``), on top of connect/read timeouts, so a
  server that trickles bytes forever is cut off with ``FetchTimeout``; a body over
  ``max_bytes`` (after decompression, decoded incrementally with a bound) is ``TooLarge``, so
  neither an endless page nor a gzip bomb costs more than the limits.
* robots.txt is fetched once per host and cached; a disallowed URL raises ``RobotsDisallowed``.
  A robots.txt answering 4xx allows everything, 5xx disallows everything (RFC 9309); its
  Crawl-delay, when longer, replaces the per-host interval.
* Requests to one host are spaced by at least ``min_interval`` seconds (thread-safe), while
  different hosts do not wait for each other.
* Redirects are followed by hand (at most ``max_redirects``) so every hop is checked against
  robots.txt and the rate limit.

``fetch(url)`` uses a module-wide default ``Fetcher``; ``configure(...)`` changes its policy.
"""
from __future__ import annotations

import threading
import time
import zlib
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from quotewire import __version__
from quotewire.errors import ConfigError, FetchError, FetchTimeout, HTTPStatusError, RobotsDisallowed, TooLarge
from quotewire.records import RawDocument
from quotewire.sources.payload import MAX_BODY_BYTES, charset_of, url_doc_id

USER_AGENT = f"quotewire/{__version__} (+https://github.com/quotewire/quotewire)"
ROBOTS_TOKEN = "quotewire"
TIMEOUT_S = 20.0
REDIRECT_CODES = (301, 302, 303, 307, 308)
MAX_ROBOTS_BYTES = 512 * 1024
MAX_CRAWL_DELAY_S = 30.0


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how patiently to fetch. The defaults suit a crawl of news sites."""

    timeout: float = TIMEOUT_S          # total wall-clock deadline for one fetch, redirects included
    connect_timeout: float = 10.0
    read_timeout: float = 15.0          # longest silence between two bytes
    max_bytes: int = MAX_BODY_BYTES     # decoded body size limit
    min_interval: float = 1.0           # seconds between two requests to one host
    max_redirects: int = 5
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Response:
    """A fetched body with what the caller needs to know about it."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


class HostLimiter:
    """At least ``interval`` seconds between two requests to the same host, across threads."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delay[host] = seconds

    def wait(self, host: str, deadline: float | None = None) -> None:
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, 0.0))
            self._next[host] = slot + max(self.interval, self._delay.get(host, 0.0))
        if deadline is not None and slot > deadline:
            raise FetchTimeout(host, f"the rate limit for {host} leaves no time before the deadline")
        if slot > now:
            time.sleep(slot - now)


class _Inflater:
    """Incremental Content-Encoding decoder with an output bound (a bomb stops at the limit)."""

    def __init__(self, encoding: str | None, origin: str, limit: int) -> None:
        enc = (encoding or "identity").strip().lower()
        self.origin, self.limit, self.total = origin, limit, 0
        if enc in ("", "identity"):
            self._d = None
        elif enc in ("gzip", "x-gzip"):
            self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._d = zlib.decompressobj(zlib.MAX_WBITS)
            self._raw_fallback = True
        else:
            raise FetchError(origin, f"unsupported Content-Encoding {enc!r}")
        self._first = True

    def feed(self, chunk: bytes) -> bytes:
        if self._d is None:
            out = chunk
        else:
            try:
                out = self._d.decompress(chunk, self.limit - self.total + 1)
            except zlib.error:
                if self._first and getattr(self, "_raw_fallback", False):  # raw deflate without zlib header
                    self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    return self.feed(chunk)
                raise FetchError(self.origin, "corrupt compressed body") from None
        self._first = False
        self.total += len(out)
        if self.total > self.limit:
            raise TooLarge(self.origin, f"body over the {self.limit / (1024 * 1024):g} MB limit"
                                        + (" after decompression (compression bomb?)" if self._d else ""))
        return out


class Fetcher:
    """A reusable, thread-safe polite HTTP client. Close it (or use ``with``) when done."""

    def __init__(self, policy: FetchPolicy | None = None, **overrides: Any) -> None:
        self.policy = replace(policy or FetchPolicy(), **overrides)
        self.limiter = HostLimiter(self.policy.min_interval)
        self._robots: dict[str, RobotFileParser | bool] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
            follow_redirects=False, limits=httpx.Limits(max_connections=32, max_keepalive_connections=8))

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public ---------------------------------------------------------------------------------

    def fetch(self, url: str, *, timeout: float | None = None) -> RawDocument:
        """A page as a RawDocument; raises a FetchError (or TooLarge) naming the URL."""
        resp = self.get(url, timeout=timeout)
        ctype = resp.content_type
        return RawDocument(data=resp.body, origin=url, url=resp.url, doc_id=url_doc_id(resp.url),
                           content_type=ctype, encoding=charset_of(ctype))

    def get(self, url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Response:
        """GET with robots.txt, the rate limit, redirects and the limits; 2xx only."""
        total = self.policy.timeout if timeout is None else timeout
        deadline = time.monotonic() + total
        limit = max_bytes or self.policy.max_bytes
        current = _check_url(url)
        for _hop in range(self.policy.max_redirects + 1):
            if self.policy.respect_robots and not self.allowed(current, deadline=deadline, origin=url):
                raise RobotsDisallowed(url, f"robots.txt of {_host(current)} disallows {current}")
            self.limiter.wait(_host(current), deadline)
            status, headers, body = self._request(current, url, deadline, total, limit)
            if status in REDIRECT_CODES and headers.get("location"):
                current = _check_url(urljoin(current, headers["location"]), origin=url)
                continue
            if status >= 400 or status < 200 or status in REDIRECT_CODES:
                phrase = httpx.codes.get_reason_phrase(status)
                raise HTTPStatusError(url, f"HTTP {status}{' ' + phrase if phrase else ''}")
            return Response(url=current, status=status, headers=headers, body=body)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def allowed(self, url: str, *, deadline: float | None = None, origin: str | None = None) -> bool:
        """Whether robots.txt lets us fetch ``url`` (fetched once per host, then cached)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:
            rules = self._robots.get(key)
            if rules is None:
                rules = self._load_robots(key, deadline, origin or url)
                self._robots[key] = rules
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(ROBOTS_TOKEN, url)

    # -- internals ------------------------------------------------------------------------------

    def _load_robots(self, base: str, deadline: float | None, origin: str) -> RobotFileParser | bool:
        robots_url = base + "/robots.txt"
        end = min(deadline or float("inf"), time.monotonic() + 10.0)
        url = robots_url
        for _hop in range(6):
            remaining = max(end - time.monotonic(), 0.1)
            try:
                status, headers, body = self._request(url, origin, end, remaining, MAX_ROBOTS_BYTES)
            except TooLarge:
                return True  # an oversized robots.txt is ignored past its limit, as RFC 9309 allows
            if status in REDIRECT_CODES and headers.get("location"):
                url = urljoin(url, headers["location"])
                continue
            break
        else:
            return True
        if 400 <= status < 500:
            return True
        if status >= 500:
            return False
        parser = RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self.limiter.set_delay(_host(base + "/"), min(float(delay), MAX_CRAWL_DELAY_S))
        return parser

    def _request(self, url: str, origin: str, deadline: float, total: float,
                 limit: int) -> tuple[int, httpx.Headers, bytes]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(origin, f"no complete answer within {total:g} s")
        p = self.policy
        timeout = httpx.Timeout(connect=min(p.connect_timeout, remaining), read=min(p.read_timeout, remaining),
                                write=min(p.read_timeout, remaining), pool=min(p.connect_timeout, remaining))
        try:
            with self._client.stream("GET", url, timeout=timeout) as resp:
                if resp.status_code in REDIRECT_CODES or resp.status_code >= 300:
                    return resp.status_code, resp.headers, b""
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and not resp.headers.get("content-encoding"):
                    raise TooLarge(origin, f"{int(declared) / 1e6:.1f} MB is over the "
                                           f"{limit / (1024 * 1024):g} MB limit")
                inflater = _Inflater(resp.headers.get("content-encoding"), origin, limit)
                parts: list[bytes] = []
                for chunk in resp.iter_raw():
                    parts.append(inflater.feed(chunk))
                    if time.monotonic() > deadline:
                        raise FetchTimeout(origin, f"no complete answer within {total:g} s "
                                                   f"({inflater.total} bytes so far)")
                return resp.status_code, resp.headers, b"".join(parts)
        except httpx.TimeoutException:
            raise FetchTimeout(origin, f"no answer within {total:g} s" if url == origin
                               else f"no answer from {url} within {total:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(origin, f"cannot fetch {'' if url == origin else url + ' '}"
                                     f"({type(exc).__name__}: {exc})") from None


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower() + (f":{urlsplit(url).port}" if urlsplit(url).port else "")


def _check_url(url: str, origin: str | None = None) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(origin or url, "not an http(s) URL")
    return url.strip()


_default: Fetcher | None = None
_default_lock = threading.Lock()


def default_fetcher() -> Fetcher:
    """The shared Fetcher (created on first use): one client, one robots cache, one rate limit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Fetcher()
        return _default


def configure(policy: FetchPolicy | None = None, **overrides: Any) -> Fetcher:
    """Replace the shared Fetcher's policy (e.g. ``configure(min_interval=2.0)``)."""
    global _default
    with _default_lock:
        old = _default
        _default = Fetcher(policy, **overrides)
    if old is not None:
        old.close()
    return _default


def fetch(url: str, *, timeout: float = TIMEOUT_S) -> RawDocument:
    """One page over HTTP(S) with the shared polite Fetcher."""
    return default_fetcher().fetch(url, timeout=timeout)
