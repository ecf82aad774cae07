"""Polite fetching against a local server on 127.0.0.1: timeouts, endless pages, a gzip bomb,
robots.txt, redirects, HTTP errors, the rate limit and the User-Agent."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from quotewire.errors import ConfigError, FetchError, FetchTimeout, HTTPStatusError, RobotsDisallowed, TooLarge
from quotewire.sources.http import USER_AGENT, Fetcher, HostLimiter
from tests.sources.helpers import Server, endless, gzip_bomb, page, redirect, slow, start_server, static, trickle

ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"


@pytest.fixture()
def server() -> Iterator[Server]:
    srv, stop = start_server({
        "/robots.txt": static(ROBOTS, "text/plain"),
        "/a": static(page("Alpha")),
        "/b": static(page("Beta")),
        "/private/secret": static(page("Secret")),
        "/old": redirect("/a"),
        "/loop": redirect("/loop", 302),
        "/endless": endless,
        "/trickle": trickle,
        "/bomb": gzip_bomb,
        "/slow": slow(3.0, page("Slow")),
        "/error": static(b"oops", status=500),
        "/latin": static("<html><p>caf\u00e9</p></html>".encode("latin-1"), "text/html; charset=ISO-8859-1"),
    })
    yield srv
    stop()


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_interval=0.0, timeout=5.0, read_timeout=1.0, max_bytes=1 << 20) as f:
        yield f


def test_page_is_fetched_with_our_user_agent(server: Server, fetcher: Fetcher) -> None:
    raw = fetcher.fetch(server.url("/a"))
    assert b"Alpha" in raw.data and raw.url == server.url("/a") and raw.origin == server.url("/a")
    assert raw.content_type.startswith("text/html") and raw.encoding == "utf-8"
    assert raw.doc_id and raw.doc_id.startswith("a-")
    assert all(h.user_agent == USER_AGENT for h in server.hits)
    assert USER_AGENT.startswith("quotewire/") and "+http" in USER_AGENT


def test_charset_comes_from_the_header(server: Server, fetcher: Fetcher) -> None:
    assert fetcher.fetch(server.url("/latin")).encoding == "iso-8859-1"


def test_robots_txt_is_respected_and_cached(server: Server, fetcher: Fetcher) -> None:
    with pytest.raises(RobotsDisallowed) as err:
        fetcher.fetch(server.url("/private/secret"))
    assert err.value.reason == "robots_disallowed" and "/private/secret" in str(err.value)
    fetcher.fetch(server.url("/a"))
    fetcher.fetch(server.url("/b"))
    assert len(server.times("/robots.txt")) == 1
    assert not server.times("/private/secret")


def test_robots_can_be_turned_off(server: Server) -> None:
    with Fetcher(min_interval=0.0, respect_robots=False) as f:
        assert b"Secret" in f.fetch(server.url("/private/secret")).data
    assert not server.times("/robots.txt")


def test_robots_5xx_disallows_and_404_allows() -> None:
    srv, stop = start_server({"/robots.txt": static(b"down", status=503), "/a": static(page("A"))})
    try:
        with Fetcher(min_interval=0.0) as f, pytest.raises(RobotsDisallowed):
            f.fetch(srv.url("/a"))
    finally:
        stop()
    srv, stop = start_server({"/a": static(page("A"))})  # no robots.txt: 404
    try:
        with Fetcher(min_interval=0.0) as f:
            assert b"A" in f.fetch(srv.url("/a")).data
    finally:
        stop()


def test_redirect_is_followed_and_a_loop_is_stopped(server: Server, fetcher: Fetcher) -> None:
    raw = fetcher.fetch(server.url("/old"))
    assert raw.url == server.url("/a") and raw.origin == server.url("/old")
    with pytest.raises(FetchError, match="redirects") as err:
        fetcher.fetch(server.url("/loop"))
    assert err.value.reason == "fetch_failed"
    assert len(server.times("/loop")) == fetcher.policy.max_redirects + 1


def test_http_errors(server: Server, fetcher: Fetcher) -> None:
    with pytest.raises(HTTPStatusError, match="HTTP 404") as err:
        fetcher.fetch(server.url("/missing"))
    assert err.value.reason == "http_status" and err.value.origin == server.url("/missing")
    with pytest.raises(HTTPStatusError, match="HTTP 500"):
        fetcher.fetch(server.url("/error"))


def test_slow_answer_times_out(server: Server, fetcher: Fetcher) -> None:
    t0 = time.monotonic()
    with pytest.raises(FetchTimeout) as err:
        fetcher.fetch(server.url("/slow"), timeout=1.0)
    assert err.value.reason == "timeout"
    assert time.monotonic() - t0 < 2.5


def test_trickling_page_is_cut_at_the_total_deadline(server: Server, fetcher: Fetcher) -> None:
    t0 = time.monotonic()
    with pytest.raises(FetchTimeout, match="no complete answer"):
        fetcher.fetch(server.url("/trickle"), timeout=1.5)
    assert 1.4 < time.monotonic() - t0 < 3.5


def test_endless_page_stops_at_the_size_limit(server: Server, fetcher: Fetcher) -> None:
    with pytest.raises(TooLarge) as err:
        fetcher.fetch(server.url("/endless"))
    assert err.value.reason == "too_large" and err.value.origin == server.url("/endless")


def test_gzip_bomb_is_refused_cheaply(server: Server, fetcher: Fetcher) -> None:
    t0 = time.monotonic()
    with pytest.raises(TooLarge, match="bomb"):
        fetcher.fetch(server.url("/bomb"))
    assert time.monotonic() - t0 < 3.0


def test_not_a_url_is_a_config_error(fetcher: Fetcher) -> None:
    with pytest.raises(ConfigError):
        fetcher.fetch("ftp://files.example/x")


def test_connection_refused_is_a_fetch_error(fetcher: Fetcher) -> None:
    srv, stop = start_server({})
    stop()  # nothing listens there any more
    with pytest.raises(FetchError) as err:
        fetcher.fetch(srv.url("/a"))
    assert err.value.reason in ("fetch_failed", "timeout")


def test_rate_limit_spaces_requests_to_one_host(server: Server) -> None:
    with Fetcher(min_interval=0.5) as f:
        f.fetch(server.url("/a"))
        f.fetch(server.url("/b"))
    (ta,), (tb,) = server.times("/a"), server.times("/b")
    assert tb - ta >= 0.45


def test_rate_limit_is_thread_safe() -> None:
    limiter = HostLimiter(0.2)
    stamps: list[float] = []
    lock = threading.Lock()

    def go() -> None:
        limiter.wait("news.example")
        with lock:
            stamps.append(time.monotonic())

    threads = [threading.Thread(target=go) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps.sort()
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert min(gaps) >= 0.18
    # another host does not wait behind the first
    t0 = time.monotonic()
    limiter.wait("other.example")
    assert time.monotonic() - t0 < 0.1


def test_crawl_delay_lengthens_the_interval() -> None:
    srv, stop = start_server({"/robots.txt": static(b"User-agent: *\nCrawl-delay: 1\n", "text/plain"),
                              "/a": static(page("A")), "/b": static(page("B"))})
    try:
        with Fetcher(min_interval=0.0) as f:
            f.fetch(srv.url("/a"))
            f.fetch(srv.url("/b"))
        assert srv.times("/b")[0] - srv.times("/a")[0] >= 0.9
    finally:
        stop()
