"""Issue 13 in the web UI, the API, exports and Markdown: quotation marks only around the words a
speaker is quoted as saying (direct in marks, mixed as written, indirect as reported speech), an
unnamed source shown as its description (never a name, never a speaker page), and statements by
default with a filter for beliefs and the rest. The record is written here; names are invented."""
from __future__ import annotations

import csv
import html as htmllib
import io
import re
from collections.abc import Iterator

import pytest

from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker

PARAS = [
    '"The pier reopens in May," said Marta Kellerman, the harbour master.',
    'Kellerman called the delay "a small price" for safety.',
    "Oskar Brandt said the fares were too high.",
    "Analysts said the ferry would lose money.",
    "Brandt believes the boats will be late.",
]
TITLE = "Pier to reopen in May"


def _span(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(start=start, end=start + len(piece), text=piece)


def record() -> Article:
    text = "\n\n".join([TITLE, *PARAS])
    p = [text.index(x) for x in PARAS]

    def q(kind: str, para: int, words: str, cue: str, name: str | None, mention: str, act: str = "statement",
          skind: str = "person", role: str | None = None) -> Quote:
        return Quote(kind=kind, content=_span(text, words, p[para]), cue=_span(text, cue, p[para]), act=act,
                     confidence=0.9, speaker=QuoteSpeaker(name=name, role=role, kind=skind,
                                                          mention=_span(text, mention, p[para])))

    return Article(
        doc_id="speech-display", title=TITLE, published="2025-05-02", language="en", text=text,
        url="https://harbour-herald.example/pier", publisher="Harbour Herald",
        blocks=[Block(kind="title", start=0, end=len(TITLE), text=TITLE)]
        + [Block(kind="paragraph", start=i, end=i + len(x), text=x) for i, x in zip(p, PARAS)],
        speakers=[Speaker(name="Marta Kellerman", kind="person", aliases=["Kellerman"], roles=["the harbour master"]),
                  Speaker(name="Oskar Brandt", kind="person", aliases=["Brandt"])],
        quotes=[q("direct", 0, "The pier reopens in May", "said", "Marta Kellerman", "Marta Kellerman",
                  role="the harbour master"),
                q("mixed", 1, 'the delay "a small price" for safety', "called", "Marta Kellerman", "Kellerman"),
                q("indirect", 2, "the fares were too high", "said", "Oskar Brandt", "Oskar Brandt"),
                q("indirect", 3, "the ferry would lose money", "said", None, "Analysts", skind="unnamed"),
                q("indirect", 4, "the boats will be late", "believes", "Oskar Brandt", "Brandt", act="belief")],
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator["TestClient"]:  # noqa: F821
    from fastapi.testclient import TestClient

    from quotewire.store import Archive
    from quotewire.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('speech') / 'speech.db'}"
    archive = Archive.open(url)
    archive.add(record())
    archive.close()
    with TestClient(create_app(url)) as c:
        yield c


def visible(page: str) -> str:
    """The page's text as a reader sees it (tags off, entities decoded, spaces collapsed)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r" ([,:])", r"\1", " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split()))


def hits_html(page: str) -> list[str]:
    return [visible(h) for h in re.findall(r'<li class="hit">(.*?)</li>', page, flags=re.S)]


def test_search_results_quote_only_quoted_words(client) -> None:  # type: ignore[no-untyped-def]
    hits = hits_html(client.get("/search").text)
    assert len(hits) == 4  # the belief stays out by default
    text = " | ".join(hits)
    assert "“The pier reopens in May”" in text
    assert 'the delay "a small price" for safety' in text and "“the delay" not in text
    assert "Oskar Brandt said that the fares were too high" in text
    assert "“the fares were too high" not in text and '"the fares were too high' not in text
    assert "Analysts said that the ferry would lose money" in text and "Analysts (unnamed source)" in text
    assert "the boats will be late" not in text


def test_unnamed_sources_are_descriptions_not_speakers(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/search").text
    assert not re.search(r'<a class="speaker"[^>]*>\s*Analysts', page)
    assert re.search(r'<span class="speaker unnamed">Analysts \(unnamed source\)</span>', page)
    speakers = client.get("/api/speakers").json()["items"]
    assert sorted(s["name"] for s in speakers) == ["Marta Kellerman", "Oskar Brandt"]
    hit = next(h for h in client.get("/api/search").json()["items"] if h["speaker_mention"] == "Analysts")
    assert hit["speaker_id"] is None and hit["speaker_name"] is None and hit["speaker_kind"] == "unnamed"


def test_act_filter_on_search_api_and_export(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/search").json()["total"] == 4
    beliefs = client.get("/api/search", params={"act": "belief"}).json()
    assert beliefs["total"] == 1 and beliefs["items"][0]["act"] == "belief"
    assert client.get("/api/search", params={"act": "all"}).json()["total"] == 5
    bad = client.get("/api/search", params={"act": "rumour"})
    assert bad.status_code == 400 and bad.json()["param"] == "act"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv"}).text)))
    assert len(rows) == 4 and {"act", "speaker_kind", "speaker_mention", "reads_as"} <= set(rows[0])
    reads = {r["kind"] + ":" + r["reads_as"] for r in rows}
    assert "direct:“The pier reopens in May”" in reads
    assert "indirect:Oskar Brandt said that the fares were too high" in reads
    every = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv", "act": "all"}).text)))
    assert len(every) == 5
    page = client.get("/search", params={"act": "all"}).text
    assert len(hits_html(page)) == 5 and "Brandt believes that the boats will be late" in visible(page)
    assert re.search(r'<option value="all" selected>', page)


def test_article_page_marks_paraphrase_as_paraphrase(client) -> None:  # type: ignore[no-untyped-def]
    aid = client.get("/api/articles").json()["items"][0]["article_id"]
    page = client.get(f"/articles/{aid}").text
    who = visible(page.split('id="who-h"', 1)[1])
    assert "Marta Kellerman, the harbour master: “The pier reopens in May”" in who
    assert 'Marta Kellerman: the delay "a small price" for safety' in who
    assert "Oskar Brandt said that the fares were too high" in who
    assert "Analysts (unnamed source) said that the ferry would lose money" in who
    assert "“the fares" not in who and "“the ferry" not in who
    assert "1 more reported as beliefs" in who and "the boats will be late" not in who
    marks = re.findall(r'<mark class="quote (\w+) ', page)
    assert marks == ["direct", "mixed", "indirect", "indirect"]  # the belief is not highlighted by default
    every = client.get(f"/articles/{aid}", params={"act": "all"}).text
    assert re.findall(r'<mark class="quote (\w+) ', every) == ["direct", "mixed", "indirect", "indirect", "indirect"]
    assert "Oskar Brandt believes that the boats will be late" in visible(every)


def test_speaker_page_shows_variants_and_roles_over_time(client) -> None:  # type: ignore[no-untyped-def]
    sid = next(s["speaker_id"] for s in client.get("/api/speakers").json()["items"] if s["name"] == "Marta Kellerman")
    page = client.get(f"/speakers/{sid}").text
    text = visible(page)
    assert "Also named: Kellerman" in text
    assert "the harbour master 2025-05-02 2025-05-02" in text
    api = client.get(f"/api/speakers/{sid}").json()
    assert api["speaker"]["role_history"] == [["the harbour master", "2025-05-02", "2025-05-02"]]
    assert "“The pier reopens in May”" in " ".join(hits_html(page))


def test_markdown_quotes_only_quoted_words() -> None:
    from quotewire.cli.markdown import article_markdown

    md = article_markdown(record())
    lines = [ln for ln in md.splitlines() if ln.startswith("- **")]
    assert len(lines) == 5
    assert lines[0].startswith("- **Marta Kellerman** \\[direct") and lines[0].endswith(": “The pier reopens in May”")
    assert lines[1].endswith(': the delay "a small price" for safety')
    assert lines[2].startswith("- **Oskar Brandt** said that the fares were too high \\[indirect")
    assert lines[3].startswith("- **Analysts (unnamed source)** said that the ferry would lose money")
    assert lines[4].startswith("- **Oskar Brandt** believes that the boats will be late \\[indirect, belief")
    assert "“the" not in md
