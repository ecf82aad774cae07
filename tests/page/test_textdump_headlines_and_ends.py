"""Headlines as layouts print them (standfirst under the headline, a breadcrumb glued to it, a
full stop at its end, a quoted claim above it) and the article's end (a footer's legal text
after the article, a comment counter at its top). Pages written for these tests: fictional
outlets and people."""
from __future__ import annotations

from quotewire.page.textdump import read_text_dump

P1 = ("The Dunmore ferry company said on Friday that it would add two evening crossings from June, "
      "after a winter in which passengers waited for up to an hour on the pier at the end of each day.")
P2 = ("Operations manager Ilse Marwood said the company had counted the queues every evening since "
      "January and that two more boats an evening was what the numbers told it to run.")
P3 = ("The extra crossings will run on weekdays only, and fares will not change before the autumn "
      "timetable is published at the end of August, the company said in a statement.")
P4 = ("Passenger groups on both sides of the sound welcomed the news but asked the company to publish "
      "the figures behind its decision, which were left out of the statement issued on Friday.")
ARTICLE = [P1, "", P2, "", P3, "", P4]


def test_headline_above_its_standfirst_and_byline() -> None:
    # the standfirst shares more words with the story than the headline does; the headline comes first
    dump = "\n".join(["Home", "News", "Ferry adds evening boats after a winter of queues",
                      "The ferry company will add two evening crossings from June after a winter of queues",
                      "By Tam Arlow", "7 March 2025", "", *ARTICLE])
    a = read_text_dump(dump, "dek")
    assert a.title == "Ferry adds evening boats after a winter of queues"
    assert "two evening crossings from June, after a winter" in a.text


def test_breadcrumb_glued_to_the_headline() -> None:
    # innerText runs the breadcrumb into the headline's line; the layout prints it again in capitals
    dump = "\n".join(["Dunmore Courier", "Home Travel Ferries Ferry adds two evening crossings",
                      "FERRY ADDS TWO EVENING CROSSINGS", "By Tam Arlow", "7 March 2025", "", *ARTICLE])
    a = read_text_dump(dump, "crumb")
    assert a.title == "Ferry adds two evening crossings"


def test_headline_with_a_full_stop_right_above_its_byline() -> None:
    dump = "\n".join(["Home", "Business", "Ferry fares stay frozen. Here is why that matters.",
                      "By Tam Arlow", "7 March 2025", "", *ARTICLE])
    assert read_text_dump(dump, "stop").title == "Ferry fares stay frozen. Here is why that matters."


def test_a_quoted_claim_and_its_attribution_are_not_the_headline() -> None:
    dump = "\n".join(["Fact check", "\u201cThe ferry company counted the queues every evening since January.\u201d",
                      "\u2014 Ilse Marwood on Friday, March 7th, 2025 in a statement to passengers",
                      "", "Did the ferry company count the evening queues?", "",
                      "By Tam Arlow", "7 March 2025", "", *ARTICLE])
    assert read_text_dump(dump, "claim").title == "Did the ferry company count the evening queues?"


def test_a_comment_counter_at_the_top_does_not_end_the_article() -> None:
    # packed lines of a promotion rail above the story (more than 80 words), then the story's
    # comment counter: the paragraphs below are the article, not readers' comments
    promo = [f"Our partners may pay us when you book a crossing through the links on this page, offer {n} "
             f"of the season, which does not change what our reporters write about them." for n in range(4)]
    dump = "\n".join(["Dunmore Courier", *promo, "", "Ferry adds two evening crossings", "Comments: 12",
                      "", *ARTICLE])
    a = read_text_dump(dump, "counter")
    assert "add two evening crossings from June" in a.text
    assert "published at the end of August" in a.text
    assert "Our partners may pay us" not in a.text


def test_legal_text_after_an_end_of_article_header_is_not_the_article() -> None:
    # crossing the header costs a share of the article above it: 19 words of legal text do not pay for it
    legal = ("This page is general information, not advice; fares may change without notice and the "
             "publisher accepts no liability.")
    dump = "\n".join(["Home", "Ferry adds two evening crossings", "By Tam Arlow", "7 March 2025", "",
                      *ARTICLE, "", P1.replace("Friday", "Thursday"), "", P2.replace("January", "December"), "",
                      P4.replace("Friday", "Monday"), "", P3.replace("August", "July"), "",
                      "Related stories", "", legal, "", "Privacy policy"])
    a = read_text_dump(dump, "legal")
    assert "published at the end of July" in a.text
    assert "accepts no liability" not in a.text
