"""The link stage: each candidate's source as a clean token range and a char range.

The proposers find a source with its cue (the cue's subject, ``according to``'s object, the
name after ``said``); here it is trimmed to what a reader would call the speaker: it never runs
over a line break (a headline or a label line is not part of it) and never starts with a
dateline (``CITY — ``, ``CITY, May 2 (Agency) — ``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotewire.attribution.quotes import text_of
from quotewire.attribution.registry import STAGES, State

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DASHES = ("\u2014", "\u2013", "--", "-")


def clean_source(doc: "Doc", rng: tuple[int, int], cue: int) -> tuple[int, int]:
    """The source range without line breaks or a leading dateline (see the module docstring)."""
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
    return (s, e) if e > s else rng


@STAGES.register("link")
def link(state: State) -> None:
    doc = state.doc
    for c in state.cands:
        if c.source is not None:
            c.source = clean_source(doc, c.source, c.cue_head)
            if c.source_head is not None and not c.source[0] <= c.source_head < c.source[1]:
                c.source_head = c.source[1] - 1
            s, e = c.source
            c.char_source = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
