"""What a kept attribution reports: a statement, a belief (mental state, intention, plan), or neither.

``act_of(doc, cand)`` reads the act off the cue and the shape of the content:

- the cue's class in the language data (``cue_verbs.txt``, ``act_verbs.txt``, ``cue_nouns.txt``):
  ``speech`` gives a statement, ``cognition`` a belief, anything else (a finding, a stance, a
  verb that reports nothing: "shelved", "offers") ``other``;
- constructions that are statements by their form: quotation marks with a cue of layout (a colon,
  a signature dash, a pull quote), ``according to``, a reporting headline;
- a content that is no statement, whatever the verb: a speech verb whose object is only a noun
  phrase ("denied the allegations", "announced the deal") or an infinitive without quoted words
  ("urged them to", "agreed to", "declined to comment"): a directive, a plan or an action.

PolNeAR annotates every act; the archive, the UI and the exports show statements by default.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.lexicon import act_verbs, cue_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STATEMENT, BELIEF, OTHER = "statement", "belief", "other"
_BY_CLASS = {"speech": STATEMENT, "cognition": BELIEF}
# constructions whose form is a report of words: layout cues and fixed phrases
_LAYOUT = ("quote", "colon", "signature", "surface", "according")
# constructions where what is said of an object is the content ("called it a ...", "accused X of ...")
_PREDICATIONS = ("pred",)
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def content_tokens(doc: "Doc", cand: Candidate) -> list["Token"]:
    out = []
    for a, b in cand.content:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_space)
    return out


def content_shape(doc: "Doc", cand: Candidate) -> str:
    """``clause`` (a finite verb heads it), ``infinitive`` ("to leave ..."), or ``phrase`` (a noun
    phrase heads it, even one with a relative clause: "the letters that it had received")."""
    toks = [t for t in content_tokens(doc, cand) if not t.is_punct]
    if not toks:
        return "phrase"
    if toks[0].lower_ == "to" and len(toks) > 1 and toks[1].tag_ == "VB":
        return "infinitive"
    if cand.content[-1][1] <= cand.cue_char and any(t.tag_ in _FINITE for t in toks):
        return "clause"  # "..., she said": an object never comes before its verb
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if toks[0].tag_ in ("WDT", "WP", "WRB", "IN") and any(t.pos_ in ("VERB", "AUX") for t in toks):
        return "clause"  # "explained how to ...", "asked whether ...", "said that ..."
    for h in heads:
        if h.pos_ in ("VERB", "AUX") and (h.tag_ in _FINITE or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in h.children)):
            return "clause"
    if any(h.pos_ in ("VERB", "AUX") for h in heads) and any(t.tag_ in _FINITE for t in toks):
        return "clause"
    return "phrase"


def cue_class(doc: "Doc", cand: Candidate) -> str | None:
    if cand.cue_head < 0 or cand.cue_head >= len(doc):
        return None
    head = doc[cand.cue_head]
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" or cand.kind in ("noun", "noun_poss"):
        return cue_nouns().get(lemma)
    return act_verbs().get(lemma)


def act_of(doc: "Doc", cand: Candidate) -> str:
    cls = cue_class(doc, cand)
    if cand.kind == "headline":
        # "Name: words" is a report only when the words are quoted ("Name: 'words'"); a label,
        # a list entry or a related story's headline otherwise
        return STATEMENT if cand.quoted != "none" else OTHER
    if cand.kind in _LAYOUT:
        # a quotation or a fixed reporting form: a statement unless its verb says a thought
        return BELIEF if cls == "cognition" else STATEMENT
    act = _BY_CLASS.get(cls or "", OTHER)
    if act == OTHER and cand.quoted == "full":
        return STATEMENT  # '"...," she laughed': the words are given as hers
    if act != STATEMENT or cand.quoted == "full" or cand.kind in _PREDICATIONS:
        return act
    shape = content_shape(doc, cand)
    if shape == "phrase" and cand.quoted == "none":
        return OTHER  # "denied the allegations": the object is a thing, not a statement
    if shape == "infinitive" and cand.quoted == "none":
        return OTHER  # "urged them to ...", "agreed to ...": a directive or a plan, not words
    return STATEMENT
