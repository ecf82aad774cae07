"""Signed quotations (``"…" ― Name``) and readings of one cue merged into one quote."""
from __future__ import annotations

import pytest

from quotewire import nlp, pipeline
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.quotes import find_quotes
from quotewire.attribution.select import merge_shared_cues
from quotewire.attribution.signatures import signature_candidates
from quotewire.records import Article


def _read(text: str) -> Article:
    result = pipeline.process(text, form="body", doc_id="t")
    assert result.article is not None
    return result.article


def _signed(text: str) -> list[tuple[str, str, str]]:
    """(content, speaker, cue) of each signature candidate of a text."""
    doc = next(nlp.parse_many([text]))
    out = []
    for c in signature_candidates(doc, find_quotes(text)):
        s, e = c.content_range()
        out.append((text[s:e], doc[c.source[0]:c.source[1]].text, doc[c.cue[0]:c.cue[1]].text))
    return out


ROUNDUP = ("Readers Tell Us What The Ferry Strike Means To Them.\n\n"
           "\u201cI have crossed the bay every morning for eleven years. Now I leave at five.\u201d \u2015 Marta Quell\n"
           "\u201cThe union is right to hold out, even if it costs me.\u201d\u2015 Tobias van Herde.\n"
           "\u201cNobody asked the islanders.\u201d \u2015 R. J. Osei\n\n"
           "The strike enters its third week on Monday.")


def test_roundup_signatures_are_each_speakers_quote() -> None:
    art = _read(ROUNDUP)
    want = {"crossed the bay": "Marta Quell", "hold out": "Tobias van Herde", "Nobody asked": "R. J. Osei"}
    for words, name in want.items():
        found = [q for q in art.quotes if words in q.content.text]
        assert len(found) == 1, (words, [q.content.text for q in art.quotes])
        q = found[0]
        assert q.kind == "direct"
        assert q.speaker.mention is not None and q.speaker.mention.text == name
        assert q.cue is not None and q.cue.text == "\u2015"
        assert q.speaker.name == name
    assert {s.name for s in art.speakers} >= set(want.values())


def test_signature_on_the_next_paragraph_with_a_place() -> None:
    text = ("Claims we checked this week.\n\n"
            "\"Every school in the county has a new roof.\"\n\n"
            "- Governor Hal Brenner, Ashford.\n\n"
            "Eleven of the county's forty schools have had their roofs replaced since 2019.")
    got = _signed(text)
    assert got == [("\"Every school in the county has a new roof.\"", "Governor Hal Brenner", "-")]


@pytest.mark.parametrize("text", [
    # a dash in running prose is punctuation, not a speaker card
    "The plan was called \u201ca fresh start\u201d \u2014 Councillors voted for it on Tuesday evening.",
    "\u201cNo more delays\u201d - residents of Dunmore Street wrote on their banner last week.",
    # the quotation sits inside a sentence of the writer's
    "She wrote that the plan was \u201ctoo late\u201d \u2014 Anna Krell",
    # a dash followed by words that are no name
    "\u201cWe stay open.\u201d \u2014 for now, at least.",
])
def test_no_signature_in_prose(text: str) -> None:
    assert _signed(text) == []


def _cand(kind: str, content: list[tuple[int, int]], cue: int, src: int | None, score: float,
          quoted: str = "full") -> Candidate:
    return Candidate(kind=kind, cue=(cue, cue + 1), content=content, source_head=src, cue_head=cue,
                     score=score, quoted=quoted)


def test_readings_of_one_cue_and_speaker_merge() -> None:
    a = _cand("ccomp_pre", [(0, 10)], cue=5, src=4, score=0.6)
    b = _cand("ccomp", [(30, 50)], cue=5, src=4, score=0.9)
    other = _cand("ccomp", [(60, 70)], cue=9, src=8, score=0.8)
    kept = merge_shared_cues([a, b, other])
    assert kept == [b, other]
    assert b.content == [(0, 10), (30, 50)] and b.quoted == "full"


def test_readings_of_one_cue_stay_apart_across_speakers_or_kinds() -> None:
    a = _cand("ccomp_pre", [(0, 10)], cue=5, src=4, score=0.6)
    b = _cand("ccomp", [(30, 50)], cue=5, src=7, score=0.9)  # another speaker
    assert merge_shared_cues([a, b]) == [a, b]
    c = _cand("ccomp", [(30, 50)], cue=5, src=4, score=0.9, quoted="none")  # a report, not a quotation
    assert merge_shared_cues([a, c]) == [a, c]
    assert a.content == [(0, 10)]
