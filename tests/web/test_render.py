"""The HTML pieces built in Python: escaping, highlighting, colours, the chart."""
from __future__ import annotations

import re

from quotewire.web import render
from tests.web.conftest import XSS, built_articles
from tests.web.htmlcheck import problems


def test_safe_url_keeps_only_http() -> None:
    assert render.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert render.safe_url("http://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
                "//evil.example/x", "/relative", "vbscript:x", "", None, "https://exa mple.org"):
        assert render.safe_url(bad) is None, bad


def test_snippet_marks_hits_and_escapes_the_rest() -> None:
    html = str(render.snippet_html(f"a [[ferry]] {XSS} [[b", "fallback"))
    assert '<mark class="hit">ferry</mark>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "[[" not in html
    assert str(render.snippet_html(None, "<b>x</b>")) == "&lt;b&gt;x&lt;/b&gt;"


def test_colours_are_stable_and_per_speaker() -> None:
    assert render.colour_class(7, "A") == render.colour_class(7, "B")  # the id decides
    assert render.colour_class(None, "Marta  Kellerman") == render.colour_class(None, "marta kellerman")
    assert render.colour_class(None, None) == "sp-cx"
    classes = {render.colour_class(i) for i in range(200)}
    assert len(classes) == render.PALETTE_SIZE


def test_highlighted_body_marks_quotes_and_cues() -> None:
    article = built_articles()[0]
    views = render.quote_views(article, {"Marta Kellerman": 3, "Oskar Brandt": 4}, [11, 12])
    html = str(render.highlighted_body(article, views))
    marks = re.findall(r'<mark class="quote (?:direct|mixed|indirect) (sp-c\w+)" id="(q-\d+)"[^>]*>(.*?)</mark>', html)
    assert [(m[1], m[2]) for m in marks] == [("q-11", "Fares stay where they are until the new boats arrive"),
                                             ("q-12", "the promise was welcome but late")]
    assert marks[0][0] == render.colour_class(3)
    assert 'title="Marta Kellerman, the council&#39;s transport chair"' in html
    assert html.count('<span class="cue') == 2
    assert article.title not in html  # the headline is shown once, by the template
    # nothing of the text is lost: with the tags removed and entities undone it reads as the blocks
    plain = re.sub(r"<[^>]+>", "", html).replace("&#34;", '"').replace("&#39;", "'")
    for block in article.blocks[1:]:
        assert block.text in plain


def test_highlighted_body_escapes_hostile_text() -> None:
    article = built_articles()[1]
    views = render.quote_views(article, {}, [])
    html = str(render.highlighted_body(article, views))
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert problems(html) == []
    assert "&lt;script&gt;" in html
    assert problems('<p><img src=x onerror="alert(1)"><a href=" javascript:x">') != []  # the checker works


def test_quote_pieces_share_one_anchor() -> None:
    article = built_articles()[0].model_copy(deep=True)
    q = article.quotes[0]
    s, e = q.content.start, q.content.end
    q.content.parts = [(s, s + 10), (s + 20, e)]
    html = str(render.highlighted_body(article, render.quote_views(article, {}, [5, 6])))
    assert html.count('id="q-5"') == 1
    assert html.count('class="quote') == 3


def test_weekly_chart_fills_empty_weeks() -> None:
    chart = render.weekly_chart([("2025-02-10", 2), ("2025-03-05", 1), ("bad", 9)], min_weeks=1)
    assert chart.first == "2025-02-10" and chart.last == "2025-03-03"
    assert [b.count for b in chart.bars] == [2, 0, 0, 1]
    padded = render.weekly_chart([("2025-03-03", 1)])
    assert len(padded.bars) == 12 and padded.last == "2025-03-03" and padded.bars[-1].count == 1
    long = render.weekly_chart([("2020-01-06", 1), ("2025-03-03", 1)])
    assert len(long.bars) == 104 and long.bars[0].count == 0
    assert chart.max_count == 2
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.count == 2 and tallest.height > 0
    assert render.weekly_chart([]).bars == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span  # noqa: E402

_ALPHABET = st.sampled_from(list("ab <>&\"'=/\n") + ["<script>", "onerror=", "javascript:", "é"])


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    text = "".join(draw(st.lists(_ALPHABET, min_size=1, max_size=60)))
    n = len(text)
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=4))) | {0, n})
    blocks = [Block(kind="paragraph", start=a, end=b, text=text[a:b]) for a, b in zip(cuts, cuts[1:]) if a < b]
    quotes = []
    for _ in range(draw(st.integers(0, 4))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        cue = None
        if draw(st.booleans()):
            c = draw(st.integers(0, n))
            d = draw(st.integers(c, n))
            cue = Span(start=c, end=d, text=text[c:d])
        quotes.append(Quote(kind="direct", content=Span(start=a, end=b, text=text[a:b]), cue=cue,
                            speaker=QuoteSpeaker(name=draw(st.sampled_from([None, "<b onclick=x>Ann</b>", "Bo"])))))
    return Article(doc_id="h", text=text, blocks=blocks, quotes=quotes)


@settings(max_examples=150, deadline=None)
@given(_articles())
def test_highlighting_never_loses_text_or_emits_markup(article: Article) -> None:
    import html as htmllib

    out = str(render.highlighted_body(article, render.quote_views(article, {"Bo": 1}, [])))
    assert problems(out) == []
    shown = htmllib.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", out)))
    assert shown.replace("\n", "") == "".join(b.text for b in article.blocks).replace("\n", "")


def test_quote_views_find_a_speaker_named_with_stray_whitespace() -> None:
    """The archive keys speaker names with whitespace collapsed; a quote's raw name still links."""
    article = built_articles()[0]
    q = article.quotes[0]
    spaced = q.model_copy(update={"speaker": q.speaker.model_copy(update={"name": "Marta\n Kellerman"})})
    article = article.model_copy(update={"quotes": [spaced]})
    view = render.quote_views(article, {"Marta Kellerman": 3}, [11])[0]
    assert view.speaker_id == 3 and view.colour == render.colour_class(3)
    assert view.words == q.content.text and view.cue_words == "said"
