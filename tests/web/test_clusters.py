"""Quote clusters in the web UI and API: the quote permalink with its timeline, the check page
and its JSON twin, "in N outlets" on search hits, a speaker's most repeated quotes; in Chromium too."""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quotewire.store import Archive
from quotewire.web import create_app
from tests.store.conftest import make_article

FULL = ("We will open the night market on the old quay every Friday, and the stalls will stay open "
        "until midnight all summer.")
SHORT = "We will open the night market on the old quay every Friday."
ALTERED = FULL.replace("midnight", "eleven")
HOSTILE = "Nobody <script>alert('cluster')</script> expects the quay market <img src=x onerror=alert(2)> to fail"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('clusters') / 'web.db'}"
    a = Archive.open(url)
    a.add(make_article("w1", [("Rosa Quill", FULL, "market warden")], url="https://quay-news.example/w1",
                       publisher="Quay News", published="2025-05-02"))
    a.add(make_article("w2", [("Rosa Quill", SHORT, None), ("Ivo Pell", HOSTILE, None)],
                       url="https://harbour-daily.example/w2", publisher="Harbour Daily", published="2025-05-01"))
    a.add(make_article("w3", [("Quill", ALTERED, None), ("Ivo Pell", HOSTILE, None)],
                       url="https://tidewater.example/w3", publisher="Tidewater", published="2025-05-07"))
    a.close()
    return url


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[TestClient]:
    with TestClient(create_app(url)) as c:
        yield c


def _quote_id(client: TestClient, words: str) -> int:
    hits = client.get("/api/search", params={"q": words}).json()["items"]
    return hits[0]["quote_id"]


def test_quote_page_and_api(client: TestClient) -> None:
    qid = _quote_id(client, "midnight summer")
    data = client.get(f"/api/quotes/{qid}/cluster").json()
    assert data["text"] == FULL and (data["articles"], data["outlets"], data["first_seen"]) == (3, 3, "2025-05-01")
    assert data["kinds"] == {"verbatim": 1, "shortened": 1, "altered": 1}
    assert data["variants"][0]["first"] and data["variants"][0]["outlet_name"] == "Harbour Daily"
    html = client.get(f"/quotes/{qid}").text
    assert "First appearance" in html and "<del title=\"was\">midnight</del> <ins title=\"now\">eleven</ins>" in html
    assert html.count("<circle") == 3 and "Tidewater" in html
    r = client.get("/quotes/999999")
    assert r.status_code == 404 and "in no cluster" in r.text
    assert client.get("/api/quotes/999999/cluster").json()["detail"].startswith("quote 999999")


def test_search_hits_show_outlets_and_first_seen(client: TestClient) -> None:
    html = client.get("/search", params={"q": "night market"}).text
    assert "in 3 outlets (3 articles), first seen 2025-05-01" in html


def test_speaker_page_lists_most_repeated(client: TestClient) -> None:
    sid = client.get("/api/search", params={"q": "midnight"}).json()["items"][0]["speaker_id"]
    html = client.get(f"/speakers/{sid}").text
    assert "Most repeated quotes" in html and "3 articles, 3 outlets" in html
    rep = client.get(f"/api/speakers/{sid}/repeated").json()
    assert [c["text"] for c in rep] == [FULL]


@pytest.mark.parametrize("q, speaker, verdict", [
    (FULL, "Rosa Quill", "verbatim"),
    ("the night market on the old quay every Friday", "Rosa Quill", "shortened"),
    (FULL.replace("summer", "winter"), "Rosa Quill", "altered"),
    (FULL, "Ivo Pell", "other"),
    ("A sentence about tides that nobody here has ever said to anyone", None, "not_found"),
])
def test_check_api_and_page(client: TestClient, q: str, speaker: str | None, verdict: str) -> None:
    params = {"q": q} | ({"speaker": speaker} if speaker else {})
    data = client.get("/api/check", params=params).json()
    assert data["verdict"] == verdict
    html = client.get("/check", params=params).text
    assert f'verdict-{verdict}"' in html
    if verdict == "not_found":
        assert "does not mean the words were never said" in html and data["matches"] == []
    else:
        assert f'/articles/{data["matches"][0]["closest"]["article_id"]}#q-' in html


def test_check_without_text(client: TestClient) -> None:
    r = client.get("/api/check")
    assert r.status_code == 400 and r.json()["param"] == "q"
    assert client.get("/check").status_code == 200  # the empty form


def test_hostile_quote_text_is_escaped(client: TestClient) -> None:
    qid = _quote_id(client, "quay market fail")
    html = client.get(f"/quotes/{qid}").text
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "<img src=x" not in html
    html = client.get("/check", params={"q": HOSTILE}).text
    assert "<script>alert" not in html and "onerror=alert(2)>" not in html


@pytest.mark.browser
def test_check_page_in_chromium(url: str) -> None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{chromium} is required in CI")
        pytest.skip(f"{chromium} not installed")
    import uvicorn
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
            page = b.new_page()
            hosts: set[str] = set()
            page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(base + "/check")
            page.fill("#cq", FULL.replace("summer", "winter"))
            page.fill("#cs", "Rosa Quill")
            page.click("button[type=submit]")
            page.wait_for_selector(".verdict")
            assert page.inner_text(".verdict") == "altered"
            page.click("text=every appearance")
            page.wait_for_selector(".cluster-timeline")
            assert page.locator(".variants li").count() == 3
            page.goto(base + "/check?q=" + HOSTILE)
            b.close()
        assert hosts == {f"127.0.0.1:{port}"} and not dialogs
    finally:
        server.should_exit = True
        thread.join(timeout=10)
