"""Article structure that looks like chrome to a line model, and chrome that looks like article
(issue 15, fourth pass): program listings in guides, entries led by a term and a colon, packed
steps, author boxes in the first person or with no name line, and captions printed again and again.
Pages written for these tests: fictional outlets, people and products."""
from __future__ import annotations

from quotewire.page import textdump
from quotewire.page.lines import card_summaries, code_lines, opens_with_name, unglue_lead
from quotewire.page.textdump import read_text_dump, split_lines

HEAD = ["Harbour Dev Notes", "Home", "Guides", "", "Storing ferry timetables in a small database",
        "By Mira Tolland", "7 March 2025", ""]
P1 = ("Ferry timetables change every season, and a small database is the easiest way to keep the crossings "
      "of each pier in one place without copying spreadsheets from one office to the next every spring.")
P2 = ("Each crossing belongs to a route, and each route has a pier at either end, so the schema needs three "
      "kinds of record and a handful of fields that the booking office already fills in by hand today.")
P3 = ("Once the records are in place, the timetable page only has to ask for the crossings of one day, sorted "
      "by their departure time, and the staff on the pier can print it before the first boat leaves.")
P4 = ("The same query also feeds the departure boards, which read the next three crossings of their pier "
      "every minute and show a delay as soon as a skipper reports one from the bridge of the boat.")
FOOT = ["", "Privacy policy", "Terms of use", "Contact"]


def page(*parts: str) -> str:
    return "\n".join([*HEAD, *parts, *FOOT])


def test_a_program_listing_does_not_cut_the_guide() -> None:
    listing = ["# one crossing of the timetable", "type Crossing {", "id: ID!", "route: Route!", "departs: Time!",
               "comments: [Comment!]!", "seats: Int!", "}", "# a pier at either end of a route", "type Pier {",
               "name: String!", "town: String!", "}"]
    dump = page(P1, "", P2, "", P3, "", *listing, "", P4)
    assert code_lines(split_lines(dump))          # the block is recognised as a listing
    a = read_text_dump(dump, "code")
    assert "departure boards" in a.text     # no comments header: readers' comments do not start here


def test_entries_led_by_a_term_and_steps_at_the_end_stay() -> None:
    entries = [f"{term}: keep them in a drawer by the ticket window so that the crew can find them before "
               f"the morning crossing, even when the office is closed" for term in
               ("Spare tickets", "Printed timetables", "Pier keys", "Radio batteries", "First aid kits")]
    a = read_text_dump(page(P1, "", P2, "", P3, "", "What goes where", *entries), "terms")
    assert "Radio batteries: keep them" in a.text
    steps = [f"Step {n}: open the booking sheet, copy the crossings of pier {n} into the table and check "
             f"the departure times against the printed board." for n in range(1, 7)]
    plain = [s.split(": ", 1)[1].capitalize() for s in steps]  # sentences with no term before a colon
    a = read_text_dump(page(P1, "", P2, "", P3, "", "How to load the data", *plain), "steps")
    assert a.text.count("pen the booking sheet") == 6


def test_author_boxes_in_the_first_person_or_without_a_name_line() -> None:
    selfbio = ("I'm Mira, a developer who has built booking systems for three ferry companies and writes "
               "about the small tools that keep them running.")
    a = read_text_dump(page(P1, "", P2, "", P3, "", P4, "", "Mira Tolland", "", selfbio), "self")
    assert "booking systems for three ferry companies" not in a.text and "departure boards" in a.text
    bio = ("Mira Tolland is a developer who has built booking systems for three ferry companies and writes "
           "about the small tools that keep them running.")
    a = read_text_dump(page(P1, "", P2, "", P3, "", P4, "", bio), "nohead")   # the byline names her
    assert "booking systems for three ferry companies" not in a.text and "departure boards" in a.text
    assert any("booking systems" in b.text for b in a.boilerplate if b.kind == "byline")
    assert unglue_lead("Written byMira Tolland") == "Written by Mira Tolland"
    assert unglue_lead("McAllister Road") == "McAllister Road"
    assert opens_with_name("I’m Mira, a developer", {"Mira"}) and not opens_with_name("I'm Miranda", {"Mira"})


def test_a_caption_printed_again_and_again_is_kept_once() -> None:
    caption = "The harbour office at dawn, where the booking staff start work before the first boat"
    dump = page(P1, "", caption, "", P2, "", caption, "", P3, "", caption, "", P4)
    a = read_text_dump(dump, "caption")
    assert a.text.count("harbour office at dawn") == 1
    assert "departure boards" in a.text


def test_an_interview_asking_each_guest_the_same_questions_keeps_them() -> None:
    questions = [f"Question {n} that we put to every skipper we met on the pier this spring?" for n in range(4)]
    answers = [f"Skipper {k} answered question {n} at length and with some feeling about the winter queues."
               for k in range(3) for n in range(4)]
    parts: list[str] = [P1, ""]
    for k in range(3):
        for n in range(4):
            parts += [questions[n], "", answers[4 * k + n], ""]
    a = read_text_dump(page(*parts, P4), "interview")
    assert a.text.count("that we put to every skipper") == 12
    assert textdump.REPEAT_KINDS < 4


def test_a_rail_of_teaser_cards_after_the_article_is_not_the_article() -> None:
    cards: list[str] = []
    for topic in ("winter fares", "bicycle racks", "night boats", "pier parking"):
        cards += [f"New rules on {topic}", "",
                  f"Our guide to {topic} on the sound, with the changes that start in the spring.", "",
                  "Open the guide", ""]
    a = read_text_dump(page(P1, "", P2, "", P3, "", P4, "", *cards), "cards")
    assert "departure boards" in a.text
    assert a.text.count("Our guide to") <= 1      # at most the first card's summary, worth its headline
    dump = page(P1, "", P2, "", P3, "", P4, "", *cards)
    summary = next(i for i, ln in enumerate(split_lines(dump)) if ln.text.startswith("Our guide to"))
    assert summary in card_summaries(split_lines(dump), textdump.CARD_MIN, textdump.CARD_WORDS)
