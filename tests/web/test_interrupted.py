"""An interrupted quote on every page and in every twin: the quoted words only, parts joined with
' … '; the reader view highlights each part on its own and underlines the cue between them."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest

from quotewire.store.quoted import SEP
from tests.store.test_quoted import FIRST, JOINED, SECOND, interrupted_article
from tests.web.htmlcheck import tags


@pytest.fixture(scope="module")
def pier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:  # type: ignore[type-arg]
    """A client over an archive holding the one interrupted quote, and that quote's ids."""
    from fastapi.testclient import TestClient

    from quotewire.store import Archive
    from quotewire.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('pier') / 'pier.db'}"
    with Archive.open(url) as archive:
        archive.add(interrupted_article())
        hit = archive.search().items[0]
    with TestClient(create_app(url)) as client:
        yield client, hit.article_id, hit.quote_id, hit.speaker_id


def test_api_twins_give_the_quoted_words_and_keep_the_raw_span(pier) -> None:  # type: ignore[no-untyped-def]
    client, aid, _, sid = pier
    raw = interrupted_article().quotes[0].content
    hit = client.get("/api/search", params={"q": "ferries"}).json()["items"][0]
    assert hit["content"] == JOINED
    assert hit["content_parts"] == [list(p) for p in raw.parts]
    assert (hit["content_start"], hit["content_end"]) == (raw.start, raw.end)
    assert client.get(f"/api/speakers/{sid}").json()["quotes"]["items"][0]["content"] == JOINED
    stored = client.get(f"/api/articles/{aid}").json()["article"]["quotes"][0]["content"]
    assert stored == raw.model_dump(mode="json")  # the record as extracted, unchanged


def test_export_download_has_the_quoted_words(pier) -> None:  # type: ignore[no-untyped-def]
    client, *_ = pier
    r = client.get("/api/export", params={"q": "pier", "format": "csv"})
    row = next(csv.DictReader(io.StringIO(r.text, newline="")))
    assert row["content"] == JOINED and len(json.loads(row["content_parts"])) == 2


@pytest.mark.parametrize("path", ["/search?q=ferries", "/speakers/{sid}"])
def test_quote_lists_show_the_quoted_words(pier, path: str) -> None:  # type: ignore[no-untyped-def]
    client, _, _, sid = pier
    html = client.get(path.format(sid=sid)).text
    quote = html.split('<blockquote class="quote-text', 1)[1].split("</blockquote>", 1)[0]
    assert SEP.strip() in quote and "Marquardt" not in quote and "council" not in quote


def test_reader_highlights_each_part_and_lists_the_quoted_words(pier) -> None:  # type: ignore[no-untyped-def]
    client, aid, qid, sid = pier
    html = client.get(f"/articles/{aid}").text
    body = html.split('<div class="body">', 1)[1].split("</div>", 1)[0]
    marks = [a for t, a in tags(body) if t == "mark"]
    assert len(marks) == 2  # one highlight per part
    assert marks[0].get("id") == f"q-{qid}" and "id" not in marks[1]  # search hits link to the first
    assert all(m["title"] == "Ilse Marquardt, harbour master" for m in marks)
    first = body.index(FIRST)
    second = body.index(SECOND)
    between = body[first + len(FIRST):second]
    assert between.count("</mark>") == 1 and between.count("<mark") == 1  # the cue words are not highlighted
    assert '<span class="cue' in between and ">told</span>" in between
    who = html.split('<section class="who"', 1)[1]
    assert f"<dd>{JOINED}</dd>" in who.replace("&#34;", '"')
    assert f'href="/speakers/{sid}"' in who
