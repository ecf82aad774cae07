"""Every page, /docs included, renders with nothing but 127.0.0.1: a real Chromium whose
routing refuses every other host, and the test fails on any request that tried to leave."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.web.conftest import article_id
from tests.web.test_browser import browser, live_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def _guarded_page(browser):  # type: ignore[no-untyped-def]  # noqa: F811
    """A page whose every request to a host other than 127.0.0.1 is aborted and recorded."""
    context = browser.new_context(service_workers="block")
    outside: list[str] = []
    problems: list[str] = []

    def route(r) -> None:  # type: ignore[no-untyped-def]
        url = r.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda req: outside.append(req.url) if urlsplit(req.url).hostname != "127.0.0.1"
            and urlsplit(req.url).scheme not in ("data", "blob") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    return context, page, outside, problems


def test_docs_render_from_this_server_only(browser, live_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context, page, outside, problems = _guarded_page(browser)
    seen: list[str] = []
    page.on("request", lambda req: seen.append(req.url))
    page.goto(live_url + "/docs")
    ops = page.locator(".opblock-summary-path")
    ops.first.wait_for(state="visible", timeout=20_000)  # Swagger UI ran and read /openapi.json
    paths = {t.strip() for t in ops.all_inner_texts()}
    assert {"/api/search", "/api/export", "/api/outlets"} <= {p.replace("\u200b", "") for p in paths}
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/static/docs/swagger-ui-bundle.js") for u in seen)
    assert any(u.endswith("/static/docs/swagger-ui.css") for u in seen)
    assert outside == [], outside
    assert problems == [], problems
    context.close()


def test_every_ui_page_stays_on_this_server(browser, live_url: str, client) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    aid = article_id(client, "built-fares")
    sid = client.get("/api/speakers", params={"q": "Marta Kellerman"}).json()["items"][0]["speaker_id"]
    oid = client.get("/api/outlets").json()["items"][0]["outlet_id"]
    paths = ["/", "/search?q=ferry", "/search?q=boats&kind=direct", "/articles", f"/articles/{aid}",
             f"/articles/{article_id(client, 'hostile')}", f"/articles/{article_id(client, 'built-hostile')}",
             "/speakers", f"/speakers/{sid}", "/outlets", f"/outlets/{oid}", "/nowhere", "/search?kind=loud"]
    context, page, outside, problems = _guarded_page(browser)
    for path in paths:
        page.goto(live_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("main h1").count() >= 1, path
    # 404 and 400 pages log their status as a console error; nothing else may
    problems = [p for p in problems if "status of 404" not in p and "status of 400" not in p]
    assert outside == [], outside
    assert problems == [], problems
    context.close()
