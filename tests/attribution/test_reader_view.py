"""Who said what as a reader sees it: names that are names, speech apart from belief, one
quote per pair of quotation marks. Every text here is written for the test."""
from __future__ import annotations

import json
import subprocess

import pytest

from quotewire import pipeline
from quotewire.attribution.speakers import valid_name
from quotewire.records import Article
from tests.conftest import ROOT


def _read(text: str) -> Article:
    result = pipeline.process(text, form="body", doc_id="t")
    assert result.article is not None
    return result.article


def _holding(article: Article, words: str):
    found = [q for q in article.quotes if words in q.content.text]
    assert found, f"no quote holding {words!r}: {[q.content.text for q in article.quotes]}"
    return found[0]


# --- speech apart from belief


def test_statement_belief_and_other_acts() -> None:
    art = _read("Mayor Jane Roe said on Monday that the bridge would reopen in May.\n\n"
                "Council member Tom Reyes believes that the repairs will cost more than planned.\n\n"
                "The contractor denied the allegations.\n\n"
                "Officials urged residents to avoid the river path until the work is done.")
    assert _holding(art, "bridge would reopen").act == "statement"
    assert _holding(art, "repairs will cost").act == "belief"
    for q in art.quotes:
        if "allegations" in q.content.text or "avoid the river path" in q.content.text:
            assert q.act == "other", q
    shown = art.with_acts(frozenset({"statement"}))
    assert [q.act for q in shown.quotes] == ["statement"] * len(shown.quotes)
    assert all("repairs" not in q.content.text for q in shown.quotes)


def test_headline_is_a_quote_only_in_a_reporting_form() -> None:
    from quotewire.records import Block

    text = "Harbour chief: ferries return to the island in May\n\nThe ferry service stopped in January."
    result = pipeline.process(text, form="body", doc_id="h")
    art = result.article
    assert art is not None
    art.blocks = [Block(kind="title", start=0, end=50, text=text[:50])] + [b for b in art.blocks if b.start > 50]
    from quotewire.nlp import model
    from quotewire.attribution import attribute

    doc = model.load()(art.text)
    attribute(art, doc)
    labels = [q for q in art.quotes if "ferries return" in q.content.text]
    assert all(q.act != "statement" for q in labels), labels


def test_extract_shows_statements_by_default(tmp_path) -> None:
    page = tmp_path / "body.txt"
    page.write_text("The mayor said that the market will open on Friday.\n\n"
                    "Shop owners think that the rent is too high.\n", encoding="utf-8")
    exe = str(ROOT / ".venv" / "bin" / "quotewire")
    out = subprocess.run([exe, "extract", str(page), "--as-body"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    acts = {q["act"] for q in json.loads(out.stdout)["quotes"]}
    assert acts == {"statement"}
    out = subprocess.run([exe, "extract", str(page), "--as-body", "--act", "all"], capture_output=True,
                         text=True, timeout=300)
    assert "belief" in {q["act"] for q in json.loads(out.stdout)["quotes"]}
    bad = subprocess.run([exe, "extract", str(page), "--act", "rumour"], capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0 and "rumour" in bad.stderr and "Traceback" not in bad.stderr


# --- names that are names


def test_unnamed_source_is_never_given_to_a_nearby_person() -> None:
    art = _read("Senator Maria Lopez signed the bill on Tuesday.\n\n"
                "Analysts say the law will raise prices for small farms.\n\n"
                "A judge ruled that the old permits remain valid until June.")
    for words in ("raise prices", "permits remain valid"):
        q = _holding(art, words)
        assert q.speaker.name is None, q.speaker
        assert q.speaker.kind == "unnamed"
        assert q.speaker.mention is not None


def test_head_of_the_noun_phrase_not_its_modifiers() -> None:
    art = _read("Then-Riverton mayoral candidate Jane Roe said the city budget was hiding a deficit.\n\n"
                "The Riverton police department said that the road would stay closed.")
    assert _holding(art, "hiding a deficit").speaker.name == "Jane Roe"
    police = _holding(art, "stay closed").speaker
    assert police.name != "Riverton"


def test_relative_pronoun_is_its_antecedent() -> None:
    art = _read("The harbour reopened on Monday. Tom Reyes, who runs the ferry company, said that "
                "bookings had doubled since the spring.")
    assert _holding(art, "bookings had doubled").speaker.name == "Tom Reyes"


def test_surname_takes_the_fullest_name_one_speaker() -> None:
    art = _read("Tom Reyes runs the ferry company on the island.\n\n"
                "\u201cWe have never been this busy,\u201d Reyes said on Friday.\n\n"
                "Reyes said that a second boat would arrive in June.")
    names = {q.speaker.name for q in art.quotes}
    assert names == {"Tom Reyes"}, names
    assert [s.name for s in art.speakers] == ["Tom Reyes"]


def test_writer_and_reader_voice_is_no_quote() -> None:
    art = _read("You might think that the island is quiet in winter.\n\n"
                "I think the ferry timetable is the best guide to the season.\n\n"
                "The ferry operator said that winter sailings would continue.")
    assert all(q.speaker.name not in ("You", "I") for q in art.quotes)
    assert not [q for q in art.quotes if "quiet in winter" in q.content.text]
    assert _holding(art, "winter sailings").act == "statement"


def test_acronym_takes_the_name_the_article_spells_out() -> None:
    art = _read("The Harbour Safety Board (HSB) inspected the ferry last week.\n\n"
                "The HSB said that the ferry had passed every test.")
    assert _holding(art, "passed every test").speaker.name == "Harbour Safety Board"


def test_conjoined_speakers_are_both_named() -> None:
    art = _read("Maria Lopez and Tom Reyes run the ferry company. Lopez and Reyes said on Friday that "
                "the company would hire ten more sailors.")
    assert _holding(art, "hire ten more").speaker.name == "Maria Lopez and Tom Reyes"


@pytest.mark.parametrize("name,ok", [("Jane Roe", True), ("you", False), ("Q", False), ("who", False),
                                     ("The doctor", False), ("Many analysts", False), ("agency", False),
                                     ("European Space Agency", True), ("Submit button", False),
                                     ("Ludwig van Beethoven", True), ("Norway's foreign ministry", True)])
def test_valid_name(name: str, ok: bool) -> None:
    assert valid_name(name) is ok


def test_interview_answers_belong_to_the_interviewee() -> None:
    text = ("Meet Dana Whitfield, the new head of the ferry company\n\n"
            "We sat down with Dana Whitfield to talk about the season ahead.\n\n"
            "Q: What surprised you most in your first month?\n\n"
            "A: How many people still travel in winter. The morning boats are full every day.\n\n"
            "Q: What comes next for the company?\n\n"
            "A: A second boat and a new timetable. We will announce both in the spring.\n\n"
            "Q: Favourite place on the island?\n\n"
            "A: The lighthouse at dawn.")
    art = _read(text)
    answers = [q for q in art.quotes if q.kind == "direct"]
    assert len(answers) == 3, [q.content.text for q in art.quotes]
    assert {q.speaker.name for q in answers} == {"Dana Whitfield"}
    assert not any(q.content.text.startswith("What") for q in art.quotes)
    assert all(q.speaker.name != "Q" for q in art.quotes)


def test_name_reached_through_a_pronoun_is_less_certain() -> None:
    # the same quote, its speaker named at the cue or reached through "she"
    lead = "\u201cThe boats are full,\u201d Jane Roe said on Monday.\n\n"
    named = _holding(_read(lead + "\u201cWe will add a second one,\u201d Jane Roe said on Tuesday."), "second one")
    through = _holding(_read(lead + "\u201cWe will add a second one,\u201d she said on Tuesday."), "second one")
    assert through.speaker.name == named.speaker.name == "Jane Roe"
    assert through.confidence < named.confidence


# --- one quote per pair of quotation marks


def test_two_sentences_of_one_speaker_are_two_quotes_of_one_run() -> None:
    art = _read("\u201cThe boats are full,\u201d Jane Roe said. \u201cWe will add a second one.\u201d")
    a, b = _holding(art, "boats are full"), _holding(art, "second one")
    assert a is not b and a.group is not None and a.group == b.group
    assert a.kind == b.kind == "direct"
    joined = art.joined()
    run = _holding(joined, "boats are full")
    assert run.content.parts and len(run.content.parts) == 2 and "second one" in run.content.text


def test_a_cue_inside_one_sentence_keeps_one_quote_in_parts() -> None:
    art = _read("\u201cThe boats are full,\u201d Jane Roe said, \u201cand we will add a second one.\u201d")
    q = _holding(art, "boats are full")
    assert q.content.parts and len(q.content.parts) == 2
    assert "second one" in q.content.text


def test_questions_nobody_is_named_to_answer_are_no_interview() -> None:
    text = ("Moving House Made Simple\n\n"
            "Moving costs vary, and Harbour Moving Company prices differ from those of other movers. "
            "Here are some quick answers about Harbour Moving Company services.\n\n"
            "Q: How long does a local move take?\n\n"
            "Most local moves take one day, depending on the size of the home and the distance.\n\n"
            "Q: Do movers pack for you?\n\n"
            "Many movers offer packing for an added fee, and some include boxes in the price.")
    art = _read(text)
    assert not any("local moves take one day" in q.content.text for q in art.quotes), art.quotes
    assert all(q.speaker.name is None or "Company" not in q.speaker.name for q in art.quotes)


def _read_html(html: str) -> Article:
    result = pipeline.process(html.encode(), form="html", doc_id="t")
    assert result.article is not None
    return result.article


def _page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def test_a_headline_in_title_case_names_no_interviewee() -> None:
    # the tagger takes "Handyman" in the headline for a person; the text says "a handyman": a
    # guide's questions, no one's interview
    art = _read_html(_page(
        "Garden Fencing Contractor vs. Handyman: Which Is Right for Your Home?",
        "<p>A new fence is a big job, and many homeowners wonder whether to hire a fencing contractor or a "
        "handyman for it.</p><p>A handyman can fix a loose panel in an afternoon, while a contractor plans the "
        "whole line of the fence with you.</p><h2>Questions homeowners ask</h2>"
        "<p>Q: How long does a new fence take to build?</p><p>Most garden fences take two or three days, "
        "depending on the ground and the length of the line.</p><p>Q: Can a handyman build a whole fence?</p>"
        "<p>Yes. Many can build a short fence, but a long or tall one usually needs posts set in concrete by a "
        "crew.</p>"))
    assert not any(q.speaker.name == "Handyman" for q in art.quotes), [(q.speaker.name, q.content.text) for q in art.quotes]
    assert not any("two or three days" in q.content.text for q in art.quotes)


def test_it_and_they_are_never_a_table_or_heading_phrase() -> None:
    # "Total Cost to Upgrade Home Wiring Systems" in a table is tagged as a body; the paragraph's
    # "They" are the electricians, not that phrase
    art = _read_html(_page(
        "What new wiring costs",
        "<p>Prices for new wiring differ from town to town, and the size of the house matters too.</p>"
        "<table><tr><td>Labour, 2 hours</td><td>$398</td></tr><tr><td>Total Cost to Upgrade Home Wiring Systems"
        "</td><td>$794</td></tr></table><p>Many electricians add a travel charge when a house lies outside their "
        "usual area. They say that even a small job needs a safety test afterwards.</p>"))
    q = _holding(art, "safety test")
    assert q.speaker.name is None or "Wiring" not in q.speaker.name, q.speaker
    assert not any("Wiring" in s.name for s in art.speakers)


def test_the_statement_is_the_one_the_text_cites_not_one_a_speaker_mentions() -> None:
    art = _read("Harbour Lines issued a statement on Monday after the strike was called off.\n\n"
                "\u201cAt no time did we sign a joint statement with the union,\u201d a spokesman for the port "
                "authority told reporters.\n\n"
                "\u201cOur fares will stay the same this winter,\u201d the statement said.")
    assert _holding(art, "fares will stay").speaker.name == "Harbour Lines"


@pytest.mark.parametrize("name,common", [
    ("Users", True),     # capitalised only where a line or sentence starts, "users" elsewhere
    ("Coconut", True),
    ("Harbourline", False),  # never written in lower case
    ("Tern", False),         # capitalised inside a sentence ("said Tern"): a name, though "tern" is a word
    ("Jane Roe", False),     # two words: names only
])
def test_a_capitalised_common_noun_is_no_name(name: str, common: bool) -> None:
    from quotewire.attribution.speakers import common_noun

    text = ("Which ferry app is right for you?\n\nUsers who only need the timetable want a fast app.\n"
            "Coconut oil keeps the deck clean. The coconut smell stays.\nMost users open it twice a day, "
            "said Tern, the app's maker. Harbourline runs the boats. A tern sat on the mast. Jane Roe agreed.")
    assert common_noun(text, name) is common


def test_a_capitalised_word_the_tagger_took_for_a_noun_stays_in_the_name() -> None:
    # "Consumer" is tagged a common noun compounded with the proper noun "Notes": one name
    art = _read("Consumer Notes found that many thermostats are set wrong. Consumer Notes said that owners "
                "should check them.")
    q = _holding(art, "owners should check")
    assert q.speaker.name == "Consumer Notes", q.speaker


def test_a_role_never_ends_inside_an_open_bracket() -> None:
    art = _read("Tom Reyes, a ferry specialist on the Harbour Safety Council (HSC), said that the boats were safe.")
    q = _holding(art, "boats were safe")
    assert q.speaker.name == "Tom Reyes"
    assert q.speaker.role and q.speaker.role.count("(") == q.speaker.role.count(")"), q.speaker.role
    assert q.speaker.role.startswith("ferry specialist on the Harbour Safety Council")


def test_the_writer_who_names_themself_is_the_i_of_a_first_person_page() -> None:
    body = ("If we have not met yet, my name is Dana Whitfield, and I have run a ferry blog since 2012.\n\n"
            "The first winter was hard. I told myself, \u201cThis boat will sail again in spring.\u201d")
    q = _holding(_read(body), "boat will sail")
    assert q.speaker.name == "Dana Whitfield", q.speaker
    quoted = ("The first winter was hard. \u201cHello, my name is Dana Whitfield,\u201d a stranger said.\n\n"
              "I told myself, \u201cThis boat will sail again in spring.\u201d")
    q = _holding(_read(quoted), "boat will sail")
    assert q.speaker.name != "Dana Whitfield", q.speaker


def test_a_role_is_the_persons_not_the_description_of_their_company() -> None:
    art = _read("\u201cWe need more ferries,\u201d said Tom Reyes, CEO of Tidewise, a Lisbon-based mapping startup. "
                "\u201cThe boats are full.\u201d")
    q = _holding(art, "more ferries")
    assert q.speaker.name == "Tom Reyes" and q.speaker.role == "CEO of Tidewise", q.speaker
