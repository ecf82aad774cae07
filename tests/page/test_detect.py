"""Input form detection: HTML, a browser text dump, or a clean body."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotewire.errors import ConfigError
from quotewire.page import read_page
from quotewire.page.detect import check_form, default_doc_id, detect_form
from quotewire.records import RawDocument

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "quotewire" / "samples"

BODY = ("The harbour authority said on Monday that it would dredge the eastern channel this summer.\n\n"
        "\u201cThe ships are getting bigger, and the channel is not,\u201d said its director, Maren Holt.\n\n"
        "Work is expected to last eight weeks and will close the marina for part of that time.\n")
DUMP = ("Home\nNews\nSport\nLog in\n\nHarbour to dredge eastern channel\nPublished 3 May\n\n" + BODY +
        "\nShare\nRead more\n")


def test_html_by_markup() -> None:
    assert detect_form("<!DOCTYPE html><html><body><p>Hi</p></body></html>", None, "x") == "html"
    assert detect_form("<div class='a'><p>One</p><p>Two</p></div>", None, "<stdin>") == "html"


def test_html_by_content_type_or_suffix() -> None:
    assert detect_form(BODY, "text/html; charset=utf-8", "https://x.example/a") == "html"
    assert detect_form("<p>one</p>", None, "story.html") == "html"


def test_text_plain_content_type_is_not_html() -> None:
    assert detect_form("A story about the <p> tag and <div> layouts.\n", "text/plain", "x") != "html"


def test_clean_body() -> None:
    assert detect_form(BODY, None, "body.txt") == "body"


def test_text_dump() -> None:
    assert detect_form(DUMP, None, "dump.txt") == "text"


@pytest.mark.parametrize("name", ["ferry-timetable.txt", "school-meals.txt"])
def test_sample_dumps_are_text(name: str) -> None:
    assert detect_form((SAMPLES / name).read_text(encoding="utf-8"), None, name) == "text"


def test_forced_form_wins() -> None:
    raw = RawDocument(data=DUMP.encode(), origin="dump.txt", form="body")
    assert read_page(raw).text == DUMP
    html = RawDocument(data=b"<html><body><p>x</p></body></html>", origin="a.html", form="body")
    assert read_page(html).text.startswith("<html>")


def test_check_form() -> None:
    assert check_form(None) == "auto" and check_form("HTML") == "html"
    with pytest.raises(ConfigError):
        check_form("pdf")


@pytest.mark.parametrize("origin,expected", [
    ("dir/story.html.gz", "story"), ("a/b/dump.txt", "dump"), ("https://x.example/news/item-42?x=1", "item-42"),
    ("https://x.example/", "x.example"), ("<stdin>", "<stdin>"),
])
def test_default_doc_id(origin: str, expected: str) -> None:
    assert default_doc_id(origin) == expected
