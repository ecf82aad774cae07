"""Candidates read off the word order around a quotation, not off the parse.

``"…," she said`` / ``"…," said Jane Doe, a teacher`` / ``"…!" the crowd shouted back``: news
prints a quotation's speaker and cue right after its closing mark in a handful of fixed
orders. The small parser often hangs such a cue on a word inside the quotation or takes the
speaker for an object, so candidates.py finds no speaker for it; these patterns need only
part-of-speech tags, which the tagger gets right far more often. They compete with the parse's
candidates in the scorer like any other (kind ``surface``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.lexicon import cue_nouns, cue_verbs, is_document
from quotewire.attribution.quotes import QUOTE_CHARS, QuoteSpan, text_of
from quotewire.attribution.tokens import NOMINAL, cue_range, trim_range

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NP_POS = ("PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM", "PART")  # PART: the possessive 's
_STOP = ",;:.!?()[]\u2014\u2013"
_INTERRUPTED = re.compile(r"(?:\s+\w+){0,3}\s*,\s*")  # "…," she said (on Monday), "…"
MAX_SOURCE = 8  # tokens; a longer stretch before the cue is a clause, not a speaker


def _is_cue(t: "Token", cues: dict[str, str]) -> bool:
    return t.lemma_.lower() in cues and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and t.text not in QUOTE_CHARS


def _noun_phrase(doc: "Doc", i: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at token i: tagged words up to a comma or any other word."""
    j = i
    while j < limit and j - i < MAX_SOURCE and not doc[j].is_space and doc[j].text not in _STOP \
            and (doc[j].pos_ in _NP_POS or (doc[j].lower_ == "of" and j > i)):
        j += 1
    if j == i or not any(doc[k].pos_ in NOMINAL for k in range(i, j)):
        return None
    return trim_range(doc, i, j)


def _head(doc: "Doc", rng: tuple[int, int]) -> int:
    """The phrase's head: a token whose parent lies outside it, else its last nominal."""
    outside = [k for k in range(*rng) if not rng[0] <= doc[k].head.i < rng[1] or doc[k].head.i == k]
    nominal = [k for k in outside if doc[k].pos_ in NOMINAL]
    if nominal:
        return nominal[0]
    return max((k for k in range(*rng) if doc[k].pos_ in NOMINAL), default=rng[1] - 1)


def _after(doc: "Doc", start: int, cues: dict[str, str]) -> tuple["Token", tuple[int, int]] | None:
    """Cue and speaker right after a quotation's closing mark, in either order."""
    n = len(doc)
    i = start
    if i >= n:
        return None
    while i < n and doc[i].text in (",", "\u2014", "\u2013", "-") and not doc[i].is_space:
        i += 1
    if i >= n or doc[i].is_space:
        return None
    if _is_cue(doc[i], cues):  # "…," said Jane Doe
        v = doc[i]
        k = i + 1
        while k < n and k - i <= 2 and (doc[k].pos_ == "ADV" or doc[k].dep_ == "prt"):
            k += 1  # "said again", "shot back"
        rng = _noun_phrase(doc, k, min(n, k + MAX_SOURCE))
        return (v, rng) if rng is not None else None
    # "…," Jane Doe (, a teacher,) (later) said
    stop = min(n, i + 20)
    k = i
    while k < stop and not _is_cue(doc[k], cues):
        t = doc[k]
        if t.is_space or t.text in ".!?;:" or t.text in QUOTE_CHARS:
            return None
        k += 1
    if k >= stop or k == i:
        return None
    rng = _noun_phrase(doc, i, k)
    if rng is None:
        return None
    between = [t for t in doc[rng[1]:k] if t.pos_ not in ("ADV", "AUX", "PART")]
    if between and not (between[0].text == "," and between[-1].text == ","):
        return None  # "Jane Doe (later) said" or "Jane Doe, a teacher, said"; anything else is a clause
    return doc[k], rng


def _says_words(noun: "Token") -> bool:
    """A noun of words said or written: "statement", "letter", "warning" (document_nouns.txt, cue_nouns.txt)."""
    return is_document(noun) or noun.lemma_.lower() in cue_nouns()


def _before(doc: "Doc", start: int, cues: dict[str, str]) -> tuple["Token", tuple[int, int]] | None:
    """Speaker and cue right before a quotation's opening mark: ``Jane Doe replied, "…"``,
    ``As Jane Doe put it: "…"``."""
    i = start - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i < 1 or doc[i].text not in (",", ":"):
        return None
    i -= 1
    if doc[i].lower_ == "it" and i > 0:  # "as she put it"
        i -= 1
    while i > 0 and doc[i].pos_ == "ADV":
        i -= 1
    if doc[i].pos_ == "NOUN" and doc[i].dep_ in ("dobj", "attr") and (_says_words(doc[i]) or _is_cue(doc[i].head, cues)) \
            and doc[i].head.i < i and any(c.dep_ == "nsubj" for c in doc[i].head.children):
        # "She issued a statement, "…"", "he urged voters, "…"": the quotation is the statement, or
        # the cue's words; its subject speaks ("who chairs the council, "…"" is neither)
        v = doc[i].head
        subj = next(c for c in v.children if c.dep_ == "nsubj")
        rng = trim_range(doc, subj.left_edge.i, subj.i + 1)
        if rng[1] > rng[0] and rng[1] - rng[0] <= MAX_SOURCE:
            return v, rng
        return None
    if not _is_cue(doc[i], cues):
        return None
    v = doc[i]
    k = i - 1
    while k >= 0 and doc[k].pos_ in ("ADV", "AUX", "PART"):
        k -= 1
    lo = k
    while lo >= 0 and k - lo < MAX_SOURCE and not doc[lo].is_space and doc[lo].text not in _STOP \
            and (doc[lo].pos_ in _NP_POS or doc[lo].lower_ == "of"):
        lo -= 1
    if lo == k:
        return None
    rng = trim_range(doc, lo + 1, k + 1)
    if rng[1] <= rng[0] or doc[rng[0]].lower_ == "of" or not any(doc[j].pos_ in NOMINAL for j in range(*rng)):
        return None
    return v, rng


def surface_candidates(doc: "Doc", quotes: list[QuoteSpan]) -> list[Candidate]:
    """One candidate per quotation with a cue and a speaker next to it in the orders above."""
    cues = cue_verbs()
    out: list[Candidate] = []
    text = text_of(doc)
    for k, q in enumerate(quotes):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        found = _after(doc, span.end, cues) or _before(doc, span.start, cues)
        if found is None:
            continue
        v, rng = found
        head = _head(doc, rng)
        content = [(q.start, q.end)]
        nxt = quotes[k + 1] if k + 1 < len(quotes) else None
        last = doc[max(v.i, rng[1] - 1)]
        if nxt is not None and v.idx > q.start and _INTERRUPTED.fullmatch(text, last.idx + len(last.text), nxt.start):
            content.append((nxt.start, nxt.end))  # "We will," she said, "win."
        out.append(Candidate(kind="surface", cue=cue_range(doc, v), content=content, source=rng,
                             source_head=head, cue_head=v.i, cue_char=v.idx))
    return out
