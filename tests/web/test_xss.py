"""Hostile article content (script tags, on*= handlers, javascript: links) renders as inert text."""
from __future__ import annotations

import pytest

from tests.web.conftest import article_id
from tests.web.htmlcheck import problems, tags

HOSTILE_DOCS = ["hostile", "hostile-dump", "built-hostile"]


def every_page(client) -> list[str]:  # type: ignore[no-untyped-def]
    paths = ["/", "/articles", "/speakers", "/outlets"]
    paths += [f"/search?q={w}" for w in ("script", "alert", "onerror", "Somebody", "javascript", "img")]
    for doc in HOSTILE_DOCS:
        paths.append(f"/articles/{article_id(client, doc)}")
    speakers = client.get("/api/speakers", params={"per_page": 100}).json()["items"]
    paths += [f"/speakers/{s['speaker_id']}" for s in speakers]
    paths += [f"/outlets/{o['outlet_id']}" for o in client.get("/api/outlets").json()["items"]]
    return paths


def test_hostile_pages_were_ingested_with_their_payloads(client) -> None:  # type: ignore[no-untyped-def]
    """The test means something only if the archive really holds the payloads."""
    texts = []
    for doc in HOSTILE_DOCS:
        a = client.get(f"/api/articles/{article_id(client, doc)}").json()["article"]
        texts.append(" ".join(str(v) for v in (a["title"], a["text"], a["images"], a["quotes"], a["url"])))
    joined = " ".join(texts)
    assert "<script>" in joined and "onerror=" in joined and "javascript:" in joined
    assert "<script>" in texts[0] and "<script>" in texts[1]  # through the pipeline, not only built


def test_no_page_carries_executable_content(client) -> None:  # type: ignore[no-untyped-def]
    paths = every_page(client)
    assert len(paths) > 12
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200, path
        assert problems(r.text) == [], path
        assert "<script" not in r.text.lower(), path


def test_hostile_text_is_shown_as_text(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get(f"/articles/{article_id(client, 'built-hostile')}").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#39;q&#39;)&gt;" in html
    assert "&lt;svg onload=alert(&#39;cat&#39;)&gt;" in html  # the category
    assert "&lt;img src=x onerror=alert(&#39;cap&#39;)&gt;" in html  # the caption
    # the hostile quote is still highlighted, and its speaker (a hostile name) still linked
    marks = [a for t, a in tags(html) if t == "mark"]
    assert len(marks) == 1 and "onclick" in marks[0]["title"]  # as text in a quoted attribute
    hrefs = [a.get("href", "") for t, a in tags(html) if t == "a"]
    assert not any("alert" in h for h in hrefs)


@pytest.mark.parametrize("path", ["/", "/api/search?q=script", "/static/style.css"])
def test_headers_forbid_sniffing_and_inline_script(client, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]
