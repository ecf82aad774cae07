"""The propose stage: every (source, cue, content) candidate that some proposer finds.

The proposers run in the order of ``State.proposers`` (``registry.PROPOSER_ORDER`` by default),
each registered here under its name:

* ``constructions``: the dependency parse's reporting constructions (candidates.py: ``X said
  (that) ...``, ``..., X warned``, ``according to X``, ``X plans to ...``, a noun's that-clause,
  a cue ending in a colon, ...);
* ``surface``: the fixed word orders around a quotation (``"...," said X``; surface.py);
* ``signatures``: a quotation signed on its own line (signatures.py);
* ``quote_chains``: ``"A," she said. "B."``: the next quotation joins the content before it;
* ``verbatim_paragraphs``: first-person sentences before ``..., Y warned`` in one paragraph;
* ``quote_marks``: quotation spans no construction covers (candidates.quote_candidates);
* ``tagged_spans``: contents the span tagger reads (tagger.py) that no candidate above covers,
  with the cue and source it tags beside them;
* ``headlines``: ``Name: words`` in a title or heading (when the article's blocks are known);
* ``split_merges``, ``extents``: variants of the candidates above (a run of quotes split at a
  new speaker, a content cut before its trailing clause or run on past a parenthetical cue;
  extents.py);
* ``no_titles_alone``: drops a content that is nothing but quoted titles (a show's name);
* ``no_idioms``: drops a candidate whose cue lies in a connective or hedge of idioms.txt ("That
  said, ...", "Let's say ...", "It goes without saying that ...").

A proposer returns the candidates it adds; the first four also give each quotation mark pair
that touches a content to it (``features.extend_with_quotes``). Which candidates are real is
the score stage's decision, not a proposer's.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution import tagger
from quotewire.attribution.candidates import Candidate, generate, headline_candidates, quote_candidates
from quotewire.attribution.extents import parenthetical_extensions, split_merges, trailing_cuts
from quotewire.attribution.features import extend_with_quotes
from quotewire.attribution.lexicon import idioms
from quotewire.attribution.quotes import QUOTE_CHARS, QuoteSpan, find_quotes, text_of, title_like
from quotewire.attribution.registry import PROPOSERS, STAGES, State
from quotewire.attribution.signatures import signature_candidates
from quotewire.attribution.surface import surface_candidates
from quotewire.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


def doc_quotes(doc: "Doc", article: Article | None = None) -> list[QuoteSpan]:
    """Quotation spans; headline blocks also pair single quotes."""
    text = text_of(doc)
    quotes = find_quotes(text)
    if article is not None:
        for b in article.blocks:
            if b.kind in ("title", "heading"):
                extra = [q for q in find_quotes(text, b.start, b.end, single=True)
                         if not any(o.start < q.end and q.start < o.end for o in quotes)]
                quotes.extend(extra)
        quotes.sort(key=lambda q: q.start)
    return quotes


def _extended(state: State, cands: list[Candidate]) -> list[Candidate]:
    for c in cands:
        extend_with_quotes(c, state.quotes, state.text)
    return cands


@PROPOSERS.register("constructions")
def constructions(state: State) -> list[Candidate]:
    return _extended(state, generate(state.doc, state.quotes))


@PROPOSERS.register("surface")
def surface(state: State) -> list[Candidate]:
    return _extended(state, surface_candidates(state.doc, state.quotes))


@PROPOSERS.register("signatures")
def signatures(state: State) -> list[Candidate]:
    return _extended(state, signature_candidates(state.doc, state.quotes))


@PROPOSERS.register("quote_chains")
def quote_chains(state: State) -> list[Candidate]:
    _chain_quotes(state.doc, state.cands, state.quotes)
    return []


@PROPOSERS.register("verbatim_paragraphs")
def verbatim_paragraphs(state: State) -> list[Candidate]:
    _verbatim_paragraphs(state.doc, state.cands)
    return []


@PROPOSERS.register("quote_marks")
def quote_marks(state: State) -> list[Candidate]:
    # a content whose cue sits inside the quotation is quoted speech, not a claim on the quote
    quotes = state.quotes
    taken = [r for c in state.cands for r in c.content if not any(q.start <= c.cue_char < q.end for q in quotes)]
    return _extended(state, quote_candidates(state.doc, quotes, taken))


@PROPOSERS.register("tagged_spans")
def tagged_spans(state: State) -> list[Candidate]:
    got = tagger.proposals(state.doc, tagger.probabilities(state.doc), [r for c in state.cands for r in c.content])
    if state.article is not None:  # a title or heading is a quote only in a reporting form: the headlines proposer's
        heads = [(b.start, b.end) for b in state.article.blocks if b.kind in ("title", "heading")]
        got = [c for c in got if not any(a < he and hs < b for a, b in c.content for hs, he in heads)]
    return _extended(state, got)


@PROPOSERS.register("headlines")
def headlines(state: State) -> list[Candidate]:
    if state.article is None:
        return []
    heads = [(b.start, b.end) for b in state.article.blocks if b.kind in ("title", "heading")]
    return headline_candidates(state.doc, heads)


@PROPOSERS.register("split_merges")
def merges_split(state: State) -> list[Candidate]:
    return split_merges(state.text, state.cands, state.quotes)


@PROPOSERS.register("extents")
def extents(state: State) -> list[Candidate]:
    # both over the same candidates: a cut is not run on past a parenthetical, nor the reverse
    return trailing_cuts(state.doc, state.cands, state.quotes) + \
        parenthetical_extensions(state.doc, state.cands, state.quotes)


@PROPOSERS.register("no_titles_alone")
def no_titles_alone(state: State) -> list[Candidate]:
    titles = [q for q in state.quotes if title_like(state.text, q)]
    state.cands[:] = [c for c in state.cands if c.kind == "surface" or not (c.quoted == "full" and all(
        any(q.start <= a and b <= q.end for q in titles) for a, b in c.content))]  # a show's name alone is no quote
    return []


_CLAUSE_START = re.compile(r"(?:^|[.!?:;\n\u2014\u2013(\"\u201c\u2018]|\s-)\s*$")


def idiom_spans(text: str) -> list[tuple[int, int]]:
    """Where the text holds a phrase of idioms.txt ("That said,", "let's say"), in characters."""
    out = []
    for pattern, at_start in idioms():
        for m in pattern.finditer(text):
            if not at_start or _CLAUSE_START.search(text, max(0, m.start() - 3), m.start()):
                out.append((m.start(), m.end()))
    return out


@PROPOSERS.register("no_idioms")
def no_idioms(state: State) -> list[Candidate]:
    """Drops the candidates whose cue word lies in a connective or hedge: "That said, the plan is
    sound" and "Let's say you want ..." report no one's words."""
    spans = idiom_spans(state.text)
    if spans:
        state.cands[:] = [c for c in state.cands if not any(a <= c.cue_char < b for a, b in spans)]
    return []


@STAGES.register("propose")
def propose(state: State) -> None:
    if not state.quotes:
        state.quotes = doc_quotes(state.doc, state.article)
    for name in state.proposers:
        state.cands += PROPOSERS.get(name)(state)


def _chain_quotes(doc: "Doc", cands: list[Candidate], quotes: list[QuoteSpan]) -> None:
    """``"A," she said. "B."``: a quote next to a quoted content, with its cue between, joins it."""
    text = text_of(doc)
    for k, q in enumerate(quotes):
        if title_like(text, q):
            continue
        if any(a < q.end and q.start < b for c in cands for a, b in c.content
               if not q.start <= c.cue_char < q.end):
            continue
        for nb in (quotes[k - 1] if k > 0 else None, quotes[k + 1] if k + 1 < len(quotes) else None):
            if nb is None:
                continue
            lo, hi = (nb.end, q.start) if nb.start < q.start else (q.end, nb.start)
            if hi - lo > 120 or "\n\n" in text[lo:hi]:
                continue
            owner = [c for c in cands if c.quoted != "none" and c.kind != "signature"  # a signature ends its quote
                     and any(a <= nb.start and nb.end <= b for a, b in c.content)
                     and lo <= doc[c.cue_head].idx < hi]
            if owner:
                c = owner[0]
                c.content = sorted(c.content + [(q.start, q.end)])
                break


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


def _verbatim_paragraphs(doc: "Doc", cands: list[Candidate]) -> None:
    """``A. B. C, Y warned.`` with no marks: first-person sentences before it in the paragraph are Y's too."""
    text = text_of(doc)
    for c in cands:
        if c.kind not in ("ccomp_pre", "parataxis") or c.quoted != "none":
            continue
        s0 = c.content[0][0]
        para = max(text.rfind("\n\n", 0, s0), text.rfind("\n", 0, s0))
        para = para + 1 if para >= 0 else 0
        lead = text[para:s0]
        if not lead.strip() or any(ch in lead for ch in QUOTE_CHARS) or not _FIRST_PERSON.search(lead):
            continue
        start = para + len(lead) - len(lead.lstrip())
        c.content = [(start, c.content[0][1])] + c.content[1:]
