"""Packed lines that are the article's own (a summary box's points) and
buttons and contents headers inside it (issue 15, sixth pass). Pages written for these tests:
fictional outlets, people and places."""
from __future__ import annotations

import pytest

from quotewire.page import lines, textdump
from quotewire.page.textdump import read_text_dump

P1 = ("The Dunmore harbour board said on Friday that it would rebuild the old fish market by the "
      "quay next spring, after two winters in which storms flooded the ground floor of the hall.")
P2 = ("Board chair Ilse Marwood said the new hall would stand on raised stone footings and that the "
      "traders who sold there before the floods would be offered their old stalls at the same rent.")
P3 = ("Work is due to start in March and to take about eight months, the board said, and the Saturday "
      "market will move to the car park by the ferry terminal while the builders are on site.")
P4 = ("Traders welcomed the plan but asked the board to publish the cost of the footings, which was "
      "left out of the statement it issued to the town council on Friday afternoon.")
ARTICLE = [P1, "", P2, "", P3, "", P4]
HEAD = ["Dunmore Courier", "Home", "News", "Harbour board to rebuild the old fish market",
        "By Tam Arlow", "7 March 2025"]
POINTS = ["The harbour board will rebuild the flooded fish market on raised footings next spring.",
          "Traders who sold in the old hall will be offered their stalls back at the same rent.",
          "The Saturday market moves to the ferry terminal car park while the builders work."]


def body(dump: str, doc_id: str) -> str:
    a = read_text_dump(dump, doc_id)
    return "\n".join(b.text for b in a.blocks if b.kind != "title")


def removed(dump: str, kind: str) -> str:
    return "\n".join(b.text for b in read_text_dump(dump, "x").boilerplate if b.kind == kind)


@pytest.mark.parametrize("header", ["Key takeaways", "Key Takeaways:", "TL;DR"])
def test_the_points_packed_under_a_summary_header_are_article(header: str) -> None:
    # on a page of blank-separated paragraphs, packed prose is a teaser list, unless a summary
    # header ('Key takeaways', data/chrome/summary.json) leads it; here the box is packed with the
    # page's header lines above it
    dump = "\n".join([*HEAD, header, *POINTS, "", *ARTICLE, "", "Privacy policy"])
    text = body(dump, "points")
    assert "offered their stalls back at the same rent" in text
    assert "rebuild the old fish market by the quay" in text


def test_summary_box_rule_switched_off_drops_the_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textdump, "SUMMARY_BOX", False)
    dump = "\n".join([*HEAD, "Key takeaways", *POINTS, "", *ARTICLE])
    assert "offered their stalls back at the same rent" not in body(dump, "off")


def test_the_same_packed_lines_without_a_summary_header_stay_a_teaser_list() -> None:
    dump = "\n".join([*HEAD, "More from the harbour", *POINTS, "", *ARTICLE])
    text = body(dump, "rail")
    assert "offered their stalls back at the same rent" not in text
    assert "rebuild the old fish market by the quay" in text


def test_a_contents_header_inside_the_article_is_navigation() -> None:
    dump = "\n".join([*HEAD, "", P1, "", "Table of contents", "", P2, "", P3, "", P4])
    text = body(dump, "toc")
    assert "Table of contents" not in text
    assert "Table of contents" in removed(dump, "navigation")
    assert "offered their old stalls" in text


@pytest.mark.parametrize("button", ["Check price at Shopmart", "See deal", "Buy on Amazon"])
def test_shop_buttons_between_the_paragraphs_are_advertisement(button: str) -> None:
    dump = "\n".join([*HEAD, "", P1, "", button, "", P2, "", P3, "", button, "", P4])
    assert button not in body(dump, "shop")
    assert button in removed(dump, "advertisement")
