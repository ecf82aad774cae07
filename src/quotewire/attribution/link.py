"""The link stage: each candidate's source as a clean token range and a char range.

The proposers find a source with its cue (the cue's subject, ``according to``'s object, the
name after ``said``); here it is trimmed to what a reader would call the speaker: it never runs
over a line break (a headline or a label line is not part of it), never starts with a
dateline (``CITY — ``, ``CITY, May 2 (Agency) — ``) or a symbol, and a source of symbols alone
(an emoji before an imperative, a rating's digit) or holding code (``onChange={e =>``) is no
source.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotewire.attribution.quotes import text_of
from quotewire.attribution.registry import STAGES, State

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DASHES = ("\u2014", "\u2013", "--", "-")


def clean_source(doc: "Doc", rng: tuple[int, int], cue: int) -> tuple[int, int]:
    """The source range without line breaks or a leading dateline (see the module docstring); an
    empty range when what is left is symbols only."""
    s, e = rng
    breaks = [k for k in range(s, e) if "\n" in doc[k].text]
    if breaks:
        s, e = (breaks[-1] + 1, e) if cue >= e else (s, breaks[0])
    dash = next((k for k in range(s, min(e, s + 10)) if doc[k].text in _DASHES), None)
    at_para = s == 0 or "\n" in doc[s - 1].text or text_of(doc)[doc[s].idx - 1:doc[s].idx] == "\n"
    if dash is not None and dash + 1 < e and at_para:
        lead = [t for t in doc[s:dash] if t.is_alpha]
        if lead and lead[0].is_upper and len(lead[0].text) > 1:
            s = dash + 1
    while s < e and (doc[s].is_space or doc[s].is_punct):
        s += 1
    if e <= s:
        return rng
    while s < e and not any(ch.isalnum() for ch in doc[s].text):
        s += 1  # nor with a symbol or an emoji ("\U0001f4bb Read our review"): empty when that is all
    return s, e


_CODE = set("{}=;|\\")  # never in a name or a description: a source holding them is code ("onChange={e =>")


def _no_one(doc: "Doc", rng: tuple[int, int]) -> bool:
    """A source with no letter in it (a symbol, an emoji, a rating's "5") or with code in it."""
    text = doc[rng[0]:rng[1]].text
    return not any(ch.isalpha() for ch in text) or not _CODE.isdisjoint(text)


@STAGES.register("link")
def link(state: State) -> None:
    doc = state.doc
    for c in state.cands:
        if c.source is not None:
            c.source = clean_source(doc, c.source, c.cue_head)
            if c.source[0] >= c.source[1] or _no_one(doc, c.source):
                c.source = c.source_head = None  # symbols, digits or code name no one
                continue
            if c.source_head is not None and not c.source[0] <= c.source_head < c.source[1]:
                c.source_head = c.source[1] - 1
            s, e = c.source
            c.char_source = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
