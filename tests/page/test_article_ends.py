"""Where an article ends (issue 15): an author box after it, readers' comments under
'Name says:' lines, a comment counter whose post title is a question, and related-link
headers ('You may also enjoy', 'Related resources'); in text dumps and, for the author box,
in HTML. Pages written for these tests: fictional outlets and people."""
from __future__ import annotations

from quotewire.page.assemble import PageParts
from quotewire.page.html import HtmlOptions, _author_box, read_html
from quotewire.page.lines import box_names, chrome_kind, starts_with_name
from quotewire.page.textdump import read_text_dump
from tests.page.test_textdump_headlines_and_ends import ARTICLE, P1, P2, P3, P4  # noqa: F401 - one ferry story for both files

HEAD = ["Dunmore Courier", "Home", "News", "", "Ferry adds two evening crossings", "By Tam Arlow",
        "7 March 2025", ""]
BIO = ("Tam Arlow is a transport reporter who has covered the ferries, buses and trains of the sound "
       "for the Courier since the spring of 2016, and before that wrote about the harbour for ten years.")


def test_author_box_after_the_article_is_a_byline_not_the_body() -> None:
    for head in ("Tam Arlow", "About Tam Arlow", "About the author:"):
        dump = "\n".join([*HEAD, *ARTICLE, "", head, "", BIO, "", "Privacy policy"])
        a = read_text_dump(dump, "box")
        assert "figures behind its decision" in a.text, head
        assert "transport reporter" not in a.text, head
        assert any("transport reporter" in b.text for b in a.boilerplate), head


def test_a_subheading_over_a_paragraph_that_names_it_stays() -> None:
    # a one-word product heading over a paragraph starting with it is a section, not an author box
    section = ("Harbourline is the smaller of the two operators and runs its boats from the north "
               "pier, where the queues were shortest all winter according to the company's count.")
    dump = "\n".join([*HEAD, *ARTICLE, "", "Harbourline", "", section, "", "Privacy policy"])
    assert "smaller of the two operators" in read_text_dump(dump, "section").text


def test_box_names() -> None:
    assert box_names("About Tam Arlow") == {"Tam", "Arlow"}
    assert box_names("Written by Tam Arlow") == {"Tam", "Arlow"}
    assert box_names("About Tam") == {"Tam"}
    assert box_names("About the author") == {"*"}
    assert box_names("Harbourline") == set()          # one word needs a lead ('About ...')
    assert box_names("Why you should trust us") == set()
    assert starts_with_name("Tam's reporting began ...", {"Tam"})
    assert not starts_with_name("Tamsin Arlow wrote ...", {"Tam"})


def test_readers_comments_under_name_says_lines_are_not_the_article() -> None:
    comment = ("I have taken that ferry every evening for six years and the queue has never been as long "
               "as it was this winter, so two more boats will make a real difference to all of us.")
    dump = "\n".join([*HEAD, *ARTICLE, "", "Rona Quill says:", "March 8, 2025 at 7:41 am", "", comment,
                      "", "Ewan Dale says:", "March 8, 2025 at 9:02 am", "", comment.replace("six", "ten")])
    a = read_text_dump(dump, "says")
    assert "figures behind its decision" in a.text
    assert "every evening for six years" not in a.text
    assert any(b.kind == "comments" and "Rona Quill says:" in b.text for b in a.boilerplate)


def test_a_line_saying_says_without_a_date_is_not_chrome() -> None:
    dump = "\n".join([*HEAD, P1, "", "The notice on the pier says:", "", P2, "", P3, "", P4])
    assert "The notice on the pier says:" in read_text_dump(dump, "notice").text


def test_comment_counter_with_a_question_title_and_related_headers() -> None:
    assert chrome_kind("6 thoughts on Is the evening ferry worth it?", 9) == "comments"
    assert chrome_kind("Is the evening ferry worth it?", 6) is None
    for header in ("You May Also Enjoy", "Related Resources", "Explore more related articles",
                   "See more reviews", "Recent posts"):
        assert chrome_kind(header, len(header.split())) == "related", header
    assert chrome_kind("About the Author", 3) == "footer"
    assert chrome_kind("Other boats on the sound", 5) is None


def _html(tail: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4))
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry adds boats</title>"
            f"<meta name=\"author\" content=\"Tam Arlow\"></head><body><main><article><h1>Ferry adds boats</h1>"
            f"{body}{tail}</article></main><footer><p>Contact</p></footer></body></html>")


def test_html_author_box_goes_to_boilerplate() -> None:
    for tail in (f"<h3>About Tam Arlow</h3><p>{BIO}</p>", f"<p>{BIO}</p>"):
        a = read_html(_html(tail), "box")
        assert "figures behind its decision" in a.text
        assert "transport reporter" not in a.text, tail
        assert any(b.kind == "byline" and "transport reporter" in b.text for b in a.boilerplate)
        off = read_html(_html(tail), "box", options=HtmlOptions(author_box=False))
        assert "transport reporter" in off.text


def test_html_author_box_leaves_a_long_tail_alone() -> None:
    # a name heading followed by more than a bio's worth of paragraphs is a section of the article
    blocks = [("paragraph", P1), ("paragraph", P2), ("paragraph", P3), ("heading", "Ilse Marwood"),
              ("paragraph", "Ilse Marwood " + P4), ("paragraph", P1), ("paragraph", P2), ("paragraph", P3)]
    parts = PageParts()
    assert _author_box(list(blocks), parts) == blocks
    cut = _author_box(blocks[:5], parts)
    assert cut == blocks[:3] and [b.kind for b in parts.boilerplate] == ["byline", "byline"]


def test_title_cased_headline_above_a_photo_credit_is_the_headline() -> None:
    # the headline sits right above the lead photo's credit; a caption would be a sentence
    # a menu of column names above it, one of which shares words with the story
    dump = "\n".join(["Dunmore Courier", "Home", "Opinion", "Sound Check", "Queues on the Pier", "Harbour Talk",
                      "", "Evening Ferries Are Not Enough",
                      "\u00a9 Harbour Photo Agency", "Columnists", "by Tam Arlow", "Subscribe", "", *ARTICLE])
    a = read_text_dump(dump, "credit")
    assert a.title == "Evening Ferries Are Not Enough"
    caption = "\n".join(["Dunmore Courier", "Home", "", "Ferry adds two evening crossings", "By Tam Arlow",
                         "7 March 2025", "", "The evening boat leaves the north pier on Friday",
                         "\u00a9 Harbour Photo Agency", "", *ARTICLE])
    assert read_text_dump(caption, "caption").title == "Ferry adds two evening crossings"


SKIPPERS = [("Ilse Marwood", "Ilse Marwood has skippered the evening boat since 2011 and knows every rock "
                             "of the sound, which is why the company asked her to plan the new crossings."),
            ("Tam Okafor", "Tam Okafor runs the north pier's ticket office and counted the queues every "
                           "evening since January, the figures the company's decision rests on."),
            ("Rona Quill", "Rona Quill took over the harbour workshop last spring and will keep the two "
                           "extra boats running through the winter, when the weather is hardest on them."),
            ("Ewan Dale", "Ewan Dale is the newest of the skippers and will take the last crossing of the "
                          "evening, the one the passenger groups asked for most often in their letters.")]


def test_the_last_entry_of_a_list_of_people_is_not_an_author_box() -> None:
    entries = [x for name, para in SKIPPERS for x in ("", name, "", para)]
    dump = "\n".join([*HEAD, P1, "", P2, *entries, "", "Privacy policy"])
    a = read_text_dump(dump, "list")
    assert "newest of the skippers" in a.text
    blocks = [("paragraph", P1), ("paragraph", P2)] + [b for name, para in SKIPPERS
                                                       for b in (("heading", name), ("paragraph", para))]
    assert _author_box(list(blocks), PageParts()) == blocks


DISCLAIMER = ("The timetables and fares on this site are published for general information only and may change "
              "without notice. They do not form part of any contract of carriage, and the company accepts no "
              "liability for losses arising from their use. Passengers with particular needs, heavy luggage, "
              "bicycles or vehicles should confirm the details of their crossing with the ticket office before "
              "they travel, and anyone planning a journey on a public holiday should check the notices at the "
              "pier, since the holiday timetable is set each year by the harbour board and not by the company, "
              "and may differ from what is printed on this page.")


def test_a_long_disclaimer_is_footer_chrome_not_the_article() -> None:
    # a notice of 100+ words (longer than the 80 words the 'contains' phrases look at) below a short
    # article: it reads like prose and would outweigh the article, but its phrase marks it as footer
    assert len(DISCLAIMER.split()) > 80
    assert chrome_kind(DISCLAIMER, len(DISCLAIMER.split())) == "footer"
    short = ["Summer timetable", "", P1, "", "What changes:", "Two evening crossings on weekdays",
             "A later last boat on Fridays", "No change to fares"]
    dump = "\n".join([*HEAD, *short, "", "Contact", "Privacy policy", "", DISCLAIMER, "", "Terms of use"])
    a = read_text_dump(dump, "notice")
    assert "winter in which passengers waited" in a.text
    assert "for general information only" not in a.text
    assert any(b.kind == "footer" and "general information only" in b.text for b in a.boilerplate)
    # an article paragraph that merely mentions information stays
    plain = "The company said the figures were collected for its own information only, not for the board."
    assert chrome_kind(plain, len(plain.split())) is None


def test_a_form_honeypot_line_is_chrome() -> None:
    assert chrome_kind("This field is for validation purposes and should be left unchanged.", 11) == "newsletter"


def test_a_guide_runs_on_through_the_sections_its_contents_name() -> None:
    # a checklist guide: its contents name the sections, whose bodies are long runs of short lines
    # that would not outweigh the intro on their own
    sections = {"Before the crossing": ["Check the evening timetable at the pier", "Buy a return ticket online",
                                        "Pack a warm coat for the deck", "Leave the car at the north car park",
                                        "Print the booking reference", "Charge your phone before you leave"],
                "On the boat": ["Keep bicycles on the lower deck", "Stay clear of the ramp while it moves",
                                "Ask the crew before you open a window", "Keep dogs on a short lead",
                                "Find the life jackets under the benches", "Listen for the safety notice"],
                "At the other side": ["Wait for the ramp to settle", "Walk off on the left of the ramp",
                                      "Show your return ticket at the gate", "Catch the shuttle bus to town",
                                      "Report lost property at the kiosk", "Check the last boat home"]}
    for items in sections.values():
        items += [f"{x} again" for x in items]   # each section twice as long
    intro = [P1, "", P2, "", "In this guide", *sections, "", P3, "", P4, ""]
    body = [x for head, items in sections.items() for x in (head, "", *items, "")]
    dump = "\n".join([*HEAD, *intro, *body, "Contact", "Privacy policy"])
    a = read_text_dump(dump, "toc")
    assert "Check the last boat home" in a.text
    assert "Walk off on the left of the ramp" in a.text
    assert "Privacy policy" not in a.text
