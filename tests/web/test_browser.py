"""The UI in real headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser).

Screenshots go to the pytest tmp folder and are copied to ./screenshots/ (gitignored) so a
person can look at them.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web.conftest import article_id

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_url(sqlite_url: str) -> Iterator[str]:
    """uvicorn serving the test archive on a free 127.0.0.1 port, in a thread."""
    import uvicorn

    from quotewire.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(sqlite_url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator["Browser"]:  # noqa: F821
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{CHROMIUM} is required in CI (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    keep = ROOT / "screenshots"
    keep.mkdir(exist_ok=True)
    for f in folder.glob("*.png"):
        shutil.copy2(f, keep / f.name)


def _no_dialogs(page) -> list[str]:  # type: ignore[no-untyped-def]
    fired: list[str] = []

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        fired.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return fired


def test_search_article_speaker_flow(browser, live_url: str, client, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fired = _no_dialogs(page)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(live_url + "/")
    assert page.title().startswith("Search quotes")
    page.get_by_label("Words in the quote").fill("boats")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?**")
    hits = page.locator("li.hit")
    assert hits.count() >= 1
    assert page.locator("mark.hit").first.inner_text().lower() == "boats"
    page.screenshot(path=str(shots / "search-desktop.png"), full_page=True)

    # open the article of the first hit; the link points at the quote's highlight
    hits.first.locator("p.links a").first.click()
    page.wait_for_url("**/articles/**")
    quotes = page.locator("mark.quote")
    assert quotes.count() >= 1
    first = quotes.first
    cls = first.get_attribute("class") or ""
    assert "sp-c" in cls
    bg = first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)")
    # keyboard focus shows who said it (CSS tooltip from data-who)
    page.keyboard.press("Tab")
    first.focus()
    tip = first.evaluate("e => getComputedStyle(e, '::after').content")
    assert "Marta Kellerman" in tip or "Oskar Brandt" in tip
    outline = first.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    cue = page.locator("span.cue").first
    assert "underline" in cue.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.screenshot(path=str(shots / "article-desktop.png"), full_page=True)

    # follow a speaker link from "Who said what"
    page.locator("section.who summary a[href^='/speakers/']").first.click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("svg.timeline rect.bar").count() >= 1
    heights = page.locator("svg.timeline rect.bar").evaluate_all("rs => rs.map(r => r.getBBox().height)")
    assert max(heights) > 10
    page.get_by_text("Show as a table").click()
    assert page.locator("table.weekly").is_visible()
    page.screenshot(path=str(shots / "speaker-desktop.png"), full_page=True)
    assert fired == [] and errors == []
    page.close()


def test_phone_width(browser, live_url: str, client, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    fired = _no_dialogs(page)
    aid = article_id(client, "built-fares")
    sid = client.get("/api/speakers", params={"q": "Marta Kellerman"}).json()["items"][0]["speaker_id"]
    for name, path in [("search", "/search?q=ferry"), ("article", f"/articles/{aid}"), ("speaker", f"/speakers/{sid}")]:
        page.goto(live_url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
        page.screenshot(path=str(shots / f"{name}-phone.png"), full_page=True)
    assert page.locator("svg.timeline rect.bar").count() >= 1
    assert fired == []
    page.close()


def test_hostile_pages_fire_no_dialog(browser, live_url: str, client, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    fired = _no_dialogs(page)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    paths = [f"/articles/{article_id(client, d)}" for d in ("hostile", "hostile-dump", "built-hostile")]
    paths += ["/search?q=script", "/search?q=alert", "/speakers", "/outlets", "/articles"]
    for path in paths:
        page.goto(live_url + path)
        page.wait_for_load_state("load")
        for mark in page.locator("mark.quote").all():  # hover and focus every highlight
            mark.hover()
            mark.focus()
        for link in page.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith("javascript:"), (path, href)
    page.goto(live_url + f"/articles/{article_id(client, 'built-hostile')}")
    page.screenshot(path=str(shots / "hostile-article.png"), full_page=True)
    assert page.locator("script").count() == 0
    assert fired == [], fired
    assert violations == [], violations  # nothing even tried to run
    page.close()
