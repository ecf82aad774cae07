"""Competing content extents: a trailing comment cut off, a parenthetical cue's second half added,
a complement the parser split in two joined."""
from __future__ import annotations

from quotewire import nlp
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.core import candidates_for
from quotewire.attribution.extents import parenthetical_extensions, split_merges, trailing_cuts


def _parse(text: str):
    return next(iter(nlp.parse_many([text])))


def test_a_trailing_comment_clause_is_a_competing_variant() -> None:
    text = "Ada Pell said the ferry will run all winter, which surprised the council."
    cand = Candidate(kind="ccomp", cue=(2, 3), content=[(14, len(text) - 1)], source=(0, 2), source_head=1,
                     cue_head=2, cue_char=9)
    cut = trailing_cuts(_parse(text), [cand], [])
    assert len(cut) == 1 and cut[0].cut == "rel"
    assert text[slice(*cut[0].content[-1])] == "the ferry will run all winter"


def test_the_half_after_a_parenthetical_cue_is_a_second_part() -> None:
    text = "The new timetable will be delayed, Ada Pell said, by the storms of last week. The port reopened."
    doc = _parse(text)
    head = text.index("The new")
    cand = Candidate(kind="ccomp_pre", cue=(9, 10), content=[(head, text.index(","))], source=(7, 9),
                     source_head=8, cue_head=9, cue_char=text.index("said"))
    assert doc[9].text == "said" and doc[7].text == "Ada"
    [var] = parenthetical_extensions(doc, [cand], [])
    assert var.ext == "paren"
    assert [text[a:b] for a, b in var.content] == ["The new timetable will be delayed", "by the storms of last week"]


def test_no_variant_when_the_cue_is_not_parenthetical() -> None:
    text = "The new timetable will be delayed, Ada Pell said on Monday at the harbour office, by the storms."
    doc = _parse(text)
    cand = Candidate(kind="ccomp_pre", cue=(9, 10), content=[(0, text.index(","))], source=(7, 9),
                     source_head=8, cue_head=9, cue_char=text.index("said"))
    assert parenthetical_extensions(doc, [cand], []) == []


def test_parenthetical_variants_reach_the_scorer() -> None:
    text = "The new timetable will be delayed, Ada Pell said, by the storms of last week."
    cands = candidates_for(_parse(text))
    paren = [c for c in cands if c.ext == "paren"]
    assert paren and all("ext=paren" in c.feats for c in paren)


def test_an_apposition_cut_never_takes_the_clause_itself() -> None:
    text = "Ada Pell noted that because of the long winter storms, the ferry was late all week."
    doc = _parse(text)
    start = text.index("that")
    cand = Candidate(kind="ccomp", cue=(2, 3), content=[(start, len(text) - 1)], source=(0, 2), source_head=1,
                     cue_head=2, cue_char=text.index("noted"))
    assert doc[2].text == "noted"
    assert trailing_cuts(doc, [cand], []) == []
    text = "Ada Pell said the ferry will run all winter on the northern route, a promise that pleased the council."
    cand = Candidate(kind="ccomp", cue=(2, 3), content=[(14, len(text) - 1)], source=(0, 2), source_head=1,
                     cue_head=2, cue_char=9)
    [cut] = trailing_cuts(_parse(text), [cand], [])
    assert cut.cut == "app" and text[slice(*cut.content[-1])] == "the ferry will run all winter on the northern route"


def test_a_complement_the_parser_split_in_two_is_joined_as_a_variant() -> None:
    text = ("He said that the harbour board's decision, which some have argued was meant to lure voters, "
            "was an insult to the young sailors of the town.")
    first = Candidate(kind="ccomp", cue=(1, 2), content=[(8, text.index(", was"))], source=(0, 1), source_head=0,
                      cue_head=1, cue_char=3)
    second = Candidate(kind="ccomp", cue=(1, 2), content=[(text.index("was an"), len(text) - 1)], source=(0, 1),
                       source_head=0, cue_head=1, cue_char=3)
    [var] = split_merges(text, [first, second], [])
    assert var.ext == "merge" and text[slice(*var.content[0])].startswith("that the harbour")
    assert text[slice(*var.content[0])].endswith("sailors of the town")
    other = Candidate(kind="ccomp", cue=(1, 2), content=[(text.index("was an"), len(text) - 1)], source=None,
                      cue_head=1, cue_char=3)
    assert split_merges(text, [first, other], []) == []  # another speaker's reading is not the same cue's


def test_split_complements_reach_the_scorer_as_one_reading() -> None:
    text = ("He said that the harbour board's decision, which some have argued was meant to lure voters, "
            "was an insult to the young sailors of the town.")
    cands = candidates_for(_parse(text))
    merged = [c for c in cands if c.ext == "merge"]
    assert merged and all("ext=merge" in c.feats for c in merged)
