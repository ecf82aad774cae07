"""Token-range helpers shared by the candidate generators (candidates.py, surface.py).

Ranges are ``[start, end)`` token indices into one spaCy Doc; ``char_ranges`` turns them into
the character offsets that records carry.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotewire.attribution.quotes import QUOTE_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOMINAL = ("PROPN", "PRON", "NOUN")


def subtree_range(tok: "Token") -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def trim_range(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, conjunctions and spaces at the edges of a token range (keep quote marks)."""
    while start < end and (doc[start].is_space or (doc[start].is_punct and doc[start].text not in QUOTE_CHARS)
                           or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_CHARS)):
        end -= 1
    return start, end


def cut_hyphen_tail(doc: "Doc", start: int, end: int) -> int:
    """The end of a noun phrase without a hyphenated adverb the parser took for its head ("The
    company flat-out denied": "The company")."""
    head = end - 1
    if end - start >= 4 and doc[end - 2].tag_ == "HYPH" and doc[end - 3].pos_ in ("ADV", "ADJ") \
            and doc[end - 4].dep_ == "compound" and doc[end - 4].head.i == head and doc[end - 4].pos_ == "NOUN" \
            and any(c.dep_ == "det" for c in doc[end - 4].children):
        return end - 3
    return end


def token_runs(doc: "Doc", idx: list[int]) -> list[tuple[int, int]]:
    """Token indices -> contiguous token ranges, bridging gaps made only of punctuation."""
    if not idx:
        return []
    idx = sorted(set(idx))
    runs: list[list[int]] = [[idx[0], idx[0] + 1]]
    for i in idx[1:]:
        gap = range(runs[-1][1], i)
        if all(doc[j].is_punct or doc[j].is_space for j in gap):
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    out = []
    for s, e in runs:
        s, e = trim_range(doc, s, e)
        if e > s:
            out.append((s, e))
    return out


def char_ranges(doc: "Doc", runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in runs]


def cue_range(doc: "Doc", v: "Token") -> tuple[int, int]:
    """The cue verb with its auxiliaries, negation and particles (``has not said``, ``pointed out``)."""
    idx = [v.i]
    for c in v.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt") and abs(c.i - v.i) <= 3:
            idx.append(c.i)
    lo, hi = min(idx), max(idx) + 1
    # only a contiguous stretch
    return (lo, hi) if all(j in idx or doc[j].pos_ == "ADV" for j in range(lo, hi)) else (v.i, v.i + 1)
