"""Titles from every source with entities decoded and the site's name cut; pages without
``</body>``; text dumps that mention markup; near-empty dumps. Pages written for these tests
(fictional outlets and people)."""
from __future__ import annotations

import pytest

from quotewire.errors import EmptyInput, TruncatedInput
from quotewire.page import read_page
from quotewire.page.detect import detect_form
from quotewire.page.html import looks_complete, read_html
from quotewire.page.html_meta import cut_site_name, host_name, unescape
from quotewire.records import RawDocument

PARAS = "".join(f"<p>{p}</p>" for p in [
    "The Dunmore ferry company said on Friday that it would add two evening crossings from June, after "
    "a winter in which passengers waited for up to an hour on the pier at the end of each working day.",
    "\u201cWe heard the complaints and we counted the queues,\u201d said operations manager Ilse Marwood. "
    "\u201cTwo more boats an evening is what the numbers tell us to run.\u201d",
    "The extra crossings will run on weekdays only, and the company said that fares would not change "
    "before the autumn timetable is published at the end of August.",
])


def page(head: str, body: str = PARAS, h1: str = "", close: bool = True) -> str:
    html = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head>\n<body>"
            f"<header><a href=\"/\">Home</a></header><main><article>{h1}{body}</article></main>\n"
            f"<footer><p>About us</p><p>Contact</p></footer>\n")
    return html + ("</body></html>\n" if close else "<script>window.x = 1;</script>\n")


def test_jsonld_headline_entities_are_decoded() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"Ferry adds &quot;two evening crossings&quot; &#8220;from June&#8221; &amp;amp; more", '
            '"datePublished": "2025-03-07"}</script>')
    a = read_html(page(head), "t")
    assert a.title == "Ferry adds \"two evening crossings\" \u201cfrom June\u201d & more"
    assert "&quot;" not in a.text and "&#8220;" not in a.text


def test_og_title_entities_and_site_name_cut() -> None:
    head = ('<meta property="og:title" content="Ferry adds evening crossings &#8211; with fares frozen - '
            'Dunmore Courier"><meta property="og:site_name" content="Dunmore Courier">')
    a = read_html(page(head), "t")
    assert a.title == "Ferry adds evening crossings \u2013 with fares frozen"
    assert a.publisher == "Dunmore Courier"


def test_site_name_before_the_headline_and_from_the_host() -> None:
    head = "<title>Dunmore Courier | Ferry adds two evening crossings</title>"
    a = read_html(page(head), "t", url="https://www.dunmorecourier.example/news/ferry")
    assert a.title == "Ferry adds two evening crossings"
    assert cut_site_name("Ferry adds two evening crossings - La Gazzetta",
                         [host_name("https://www.lagazzetta.example/x")]) == "Ferry adds two evening crossings"


def test_title_without_a_site_name_is_kept_whole() -> None:
    assert cut_site_name("Review - a quiet triumph", ["Dunmore Courier"]) == "Review - a quiet triumph"
    assert cut_site_name("Ferry: what changes | and what does not", []) == "Ferry: what changes | and what does not"
    head = ('<meta property="og:title" content="Ferries - a winter of queues">'
            '<meta property="og:site_name" content="Dunmore Courier">')
    assert read_html(page(head), "t").title == "Ferries - a winter of queues"


def test_logo_h1_is_not_the_headline() -> None:
    head = ('<title>Ferry adds two evening crossings - Dunmore Courier</title>'
            '<meta property="og:site_name" content="Dunmore Courier">')
    html = page(head).replace("<header><a href=\"/\">Home</a></header>",
                              "<header><h1>Dunmore Courier</h1></header>")
    assert read_html(html, "t").title == "Ferry adds two evening crossings"


def test_visible_h1_still_wins_when_it_agrees() -> None:
    head = "<title>Ferry adds two evening crossings | Dunmore Courier</title>"
    a = read_html(page(head, h1="<h1>Ferry adds two evening crossings</h1>"), "t")
    assert a.title == "Ferry adds two evening crossings"


def test_visible_h1_wins_over_a_reworded_sharing_title() -> None:
    # og:title rewords the headline for sharing; the reader sees the <h1>
    head = '<meta property="og:title" content="Dunmore ferry: two more evening boats from June">'
    a = read_html(page(head, h1="<h1>Two more evening ferries for Dunmore from June</h1>"), "t")
    assert a.title == "Two more evening ferries for Dunmore from June"


def test_h1_that_says_something_else_or_shouts_a_banner_is_not_the_headline() -> None:
    head = '<meta property="og:title" content="Ferry adds two evening crossings from June">'
    assert read_html(page(head, h1="<h1>Our readers write</h1>"), "t").title == \
        "Ferry adds two evening crossings from June"
    assert read_html(page(head, h1="<h1>DUNMORE FERRY NEWS: JUNE CROSSINGS</h1>"), "t").title == \
        "Ferry adds two evening crossings from June"
    # only the first <h1> may reword the title: later ones are at times the article's subheadings
    later = "<h1>Dunmore news</h1><h1>Two evening crossings from June, the ferry adds</h1>"
    assert read_html(page(head, h1=later), "t").title == "Ferry adds two evening crossings from June"


def test_unescape() -> None:
    assert unescape("A &amp;quot;b&amp;quot;") == 'A "b"'
    assert unescape("  plain   text ") == "plain text"
    assert unescape(None) is None


def test_page_without_body_end_is_read_when_complete() -> None:
    html = page("<title>Ferry adds two evening crossings</title>", close=False)
    assert "</body>" not in html and looks_complete(html)
    a = read_html(html, "t", origin="open.html")
    assert "two evening crossings from June" not in a.title
    assert "Ilse Marwood" in a.text


@pytest.mark.parametrize("cut", [0.35, 0.5, 0.62])
def test_page_cut_short_is_still_refused(cut: float) -> None:
    html = page("<title>Ferry adds two evening crossings</title>")
    part = html[: int(len(html) * cut)]
    assert not looks_complete(part)
    with pytest.raises(TruncatedInput) as exc:
        read_html(part, "t", origin="cut.html")
    assert exc.value.origin == "cut.html"


def test_page_cut_on_a_tag_inside_the_article_is_refused() -> None:
    html = page("<title>Ferry</title>")
    part = html[: html.index("</p>") + 4]  # ends on a tag, but the article never closes
    with pytest.raises(TruncatedInput):
        read_html(part, "t", origin="cut.html")


def test_unclosed_script_at_the_end_is_truncated() -> None:
    html = page("<title>Ferry</title>", close=False).replace("window.x = 1;</script>", "window.x = '<b>'")
    assert not looks_complete(html + ">")


DUMP_ABOUT_CODE = (
    "Dunmore Dev Notes\nHome\nArticles\nAbout\n\n"
    "How to build a timetable widget\n\n"
    "Our ferry timetable widget is a small component that renders the next three departures for the pier "
    "that a passenger picks, and it fits in a few lines of code.\n"
    "<div className=\"timetable\">\n<h2>Next departures</h2>\n<ul>{rows}</ul>\n</div>\n"
    "The component reads the timetable once a minute and never blocks the page while it waits.\n"
    "\u00a9 2025 Dunmore Dev Notes\n")


def test_text_dump_that_shows_markup_is_text() -> None:
    assert detect_form(DUMP_ABOUT_CODE, None, "notes.txt") == "text"
    conflict = "Notes on merging\n" + "Some prose about merging branches in a team.\n" * 3 + \
        "<<<<<<< HEAD\ndef login(user): ...\n=======\n>>>>>>> feature\n<file>\n<name>\n<branch>\n"
    assert detect_form(conflict, None, "merge.txt") == "text"
    article = read_page(RawDocument(data=DUMP_ABOUT_CODE.encode(), origin="notes.txt"))
    assert article.source_form == "text"


def test_markup_still_detected() -> None:
    assert detect_form("<div class='a'><p>One</p><p>Two</p></div>", None, "<stdin>") == "html"
    assert detect_form("\n\n  <section><h2>x</h2><p>One</p></section>", None, "<stdin>") == "html"
    assert detect_form("junk before the page\n<html><head></head><body><p>One</p><p>Two</p></body></html>",
                       None, "<stdin>") == "html"


def test_near_empty_dump_is_refused_naming_it() -> None:
    with pytest.raises(EmptyInput) as exc:
        read_page(RawDocument(data=b"x\n", origin="blank.txt"))
    assert exc.value.origin == "blank.txt" and exc.value.reason == "empty"
    assert "near-empty" in str(exc.value)
    # a short input given explicitly as a body is still read
    assert read_page(RawDocument(data=b"Yes.\n", origin="short.txt", form="body")).text == "Yes.\n"
