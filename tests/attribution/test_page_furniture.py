"""Speakers on pages with furniture that a text dump prints as plain lines (session 13).

A caption, credit or heading line that a text dump gives as a paragraph is no body that a
later "it" points at; a source made of symbols alone (an emoji before an imperative) is no
one; a list number glued to a word is no part of a name.
"""
from __future__ import annotations

import pytest

from quotewire.attribution.speakers import is_label
from tests.attribution.test_reader_view import _holding, _read


@pytest.mark.parametrize("text,label", [
    ("Lanterns over the Riverton Lantern Company hall in April", True),  # a caption
    ("Mara Quist, founder of the studio Paperkite and award-winning designer", True),  # a credit
    ("Common questions about Harbourline ferries", True),  # a heading a dump prints as a line
    ("The guild said the lanterns were made by hand.", False),
    ("Who pays for the new bridge?", False),
    ("Why Choose Quillfeather in 2026?", True),  # a heading's question, in title case
    ("Is It Safe?", True),
    ("\u201cWe will open in May,\u201d the guild said.", False),
])
def test_a_label_line_is_a_short_paragraph_that_ends_like_no_sentence(text: str, label: bool) -> None:
    assert is_label(text) is label


def test_it_is_never_a_body_named_only_in_a_caption_line() -> None:
    caption = _read("The lanterns of the valley are older than most of its houses, and every spring the "
                    "villages hang them out along the river.\n\n"
                    "Lanterns over the Riverton Lantern Company hall in April\n\n"
                    "It says that each lantern takes a week of work and lasts for thirty years.")
    q = _holding(caption, "takes a week")
    assert q.speaker.name is None or "Riverton" not in q.speaker.name, q.speaker
    prose = _read("The lanterns of the valley are older than most of its houses.\n\n"
                  "The Riverton Lantern Company opened its hall to visitors in April.\n\n"
                  "It says that each lantern takes a week of work and lasts for thirty years.")
    assert "Riverton" in (_holding(prose, "takes a week").speaker.name or ""), "the rule must not hide a body named in prose"


def test_a_source_of_symbols_alone_is_no_speaker() -> None:
    # a price box's line "<laptop emoji> Read our review ...": the parser makes the emoji the
    # subject of "Read"; the link stage leaves such a candidate without a source
    from quotewire.attribution.candidates import Candidate
    from quotewire.attribution.link import link
    from quotewire.attribution.registry import State
    from quotewire.nlp.model import load

    text = "\U0001F4BB Read our Quillfeather review for more information. \u2b50 Jane Roe said it works."
    doc = load()(text)
    emoji = Candidate(kind="dobj", cue=(1, 2), content=[(7, 50)], source=(0, 1), source_head=0, cue_head=1)
    named = Candidate(kind="ccomp", cue=(12, 13), content=[(70, 78)], source=(9, 12), source_head=11, cue_head=12)
    state = State(doc=doc, text=text, cands=[emoji, named])
    link(state)
    assert emoji.source is None and emoji.char_source is None
    assert named.char_source is not None and text[named.char_source[0]:named.char_source[1]] == "Jane Roe"
    # the line above ends in "Yes": the source the parser gives runs over the line break to the emoji
    text = "Recipe import: Yes\n\U0001F4BB Read our Quillfeather review for more information."
    doc = load()(text)
    start = next(t.i for t in doc if t.text == "Yes")
    read = next(t.i for t in doc if t.text == "Read")
    boxed = Candidate(kind="pred", cue=(read, read + 1), content=[(text.index("our"), len(text) - 1)],
                      source=(start, read), source_head=read - 1, cue_head=read)
    link(State(doc=doc, text=text, cands=[boxed]))
    assert boxed.source is None, doc[boxed.source[0]:boxed.source[1]].text


def test_a_rating_or_a_line_of_code_is_no_speaker() -> None:
    from quotewire.attribution.candidates import Candidate
    from quotewire.attribution.link import link
    from quotewire.attribution.registry import State
    from quotewire.nlp.model import load

    text = "5 Read the review. The button onChange={e => setValue(e) says hello."
    doc = load()(text)
    rating = Candidate(kind="dobj", cue=(1, 2), content=[(7, 17)], source=(0, 1), source_head=0, cue_head=1)
    code = Candidate(kind="ccomp", cue=(doc[-3].i, doc[-2].i), content=[(62, 67)], source=(6, doc[-3].i),
                     source_head=6, cue_head=doc[-3].i)
    link(State(doc=doc, text=text, cands=[rating, code]))
    assert rating.source is None and code.source is None


def test_a_list_number_glued_to_a_word_is_no_part_of_a_name() -> None:
    art = _read("Frequently asked questions\n\n"
                "01.Can Quillfeather export my recipes?\n\n"
                "Yes. Quillfeather said in a statement that every recipe can be exported as a file, "
                "and that the export is free for every plan.")
    q = _holding(art, "exported as a file")
    assert q.speaker.name == "Quillfeather", q.speaker


def test_a_verb_with_a_headings_capital_is_no_first_name() -> None:
    # "Why Use Vale in 2026?": the heading's "Use" is the verb the text writes in lower case,
    # not the first name of the Vale that the paragraphs quote
    from tests.attribution.test_reader_view import _page, _read_html

    art = _read_html(_page("The best website builders", (
        "<p>Websites for small shops are cheap to build now, and you can use any of these tools to start.</p>"
        "<h2>Why Use Vale in 2026?</h2>"
        "<p>Vale said the builder is the easiest she has tested, and that its templates suit most shops.</p>"
        "<p>\u201cYou can have a shop online in an afternoon,\u201d Vale said.</p>")))
    assert [q.speaker.name for q in art.quotes if "afternoon" in q.content.text] == ["Vale"]
    assert not any(s.name.startswith("Use") for s in art.speakers)


def test_a_label_line_over_a_quote_names_the_person_it_opens_with() -> None:
    # a roundup: "Name, role at Body:" over each contributor's quotation; the quote is the
    # person's, not the body's whose name stands right before the colon
    art = _read("Six gardeners told us what keeps them going through the winter.\n\n"
                "Mara Quist, director of horticulture at Hollow Creek Botanic Garden:\n\n"
                "\u201cWinter is when I plan the beds and read the seed catalogues by the fire.\u201d\n\n"
                "Tomas Brell, Riverton Seed Library:\n\n"
                "\u201cWe swap seeds every January, and it keeps the library alive.\u201d")
    first = _holding(art, "plan the beds")
    assert (first.speaker.name, first.speaker.role) == (
        "Mara Quist", "director of horticulture at Hollow Creek Botanic Garden")
    assert _holding(art, "swap seeds").speaker.name == "Tomas Brell"
