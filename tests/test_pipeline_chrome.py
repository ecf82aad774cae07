"""Chrome is never a quote: every quote lies in the article's blocks, chrome gives none (pages written here)."""
from __future__ import annotations

from pathlib import Path

from quotewire.pipeline import keep_body_quotes, process
from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker

PAGE = Path(__file__).parent / "page" / "fixtures" / "text" / "chrome_quotes_en.txt"
CHROME = ("We will not back down", "end of the world", "No deal without", "this team can win",
          "the budget is on track", "Stop the closures", "We need more officers", "the old town deserves better",
          "contributed to this report")


def test_teasers_related_headlines_and_contributor_lines_give_no_quotes() -> None:
    result = process(PAGE, form="text")
    assert result.ok and result.article is not None
    a = result.article
    assert a.quotes, "the article's own quotes are found"
    body = [(b.start, b.end) for b in a.blocks if b.kind != "title"]
    for q in a.quotes:
        assert any(s <= q.content.start and q.content.end <= e for s, e in body) or q.content.parts
        for chrome in CHROME:
            assert chrome not in q.content.text
        assert q.speaker.name != "Northwire Agency"
    names = {q.speaker.name for q in a.quotes}
    assert "Oskar Brenning" in names
    assert all(s.name != "Northwire Agency" for s in a.speakers)


def _article() -> Article:
    title = "Ana Lima: the line opens in May"
    para = '"It will be on time," said Ana Lima.'
    text = title + "\n\n" + para
    p0 = len(title) + 2
    stray = Quote(kind="direct", content=Span(start=len(title), end=p0 + 3, text=text[len(title):p0 + 3]),
                  speaker=QuoteSpeaker(name="Northwire Agency"))   # runs out of its block: no block holds it
    return Article(doc_id="t", title=title, text=text,
                   blocks=[Block(kind="title", start=0, end=len(title), text=title),
                           Block(kind="paragraph", start=p0, end=len(text), text=para)],
                   quotes=[Quote(kind="direct", content=Span(start=10, end=len(title), text=text[10:len(title)]),
                                 speaker=QuoteSpeaker(name="Ana Lima")),
                           stray,
                           Quote(kind="direct", content=Span(start=p0 + 1, end=p0 + 19, text=text[p0 + 1:p0 + 19]),
                                 speaker=QuoteSpeaker(name="Ana Lima"))],
                   speakers=[Speaker(name="Ana Lima"), Speaker(name="Northwire Agency")])


def test_keep_body_quotes_keeps_the_article_blocks_quotes_and_drops_the_rest() -> None:
    a = keep_body_quotes(_article())
    assert [q.content.text for q in a.quotes] == ["the line opens in May", "It will be on time"]
    assert [s.name for s in a.speakers] == ["Ana Lima"]
