"""Orchestration: quotes -> candidates -> scores -> non-overlapping attributions -> speakers.

``attribute(article, doc)`` fills ``article.quotes`` and ``article.speakers``. The parse is
the pipeline's (made once); nothing here parses again.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution import model as scorer
from quotewire.attribution.candidates import Candidate, generate, headline_candidates, quote_candidates
from quotewire.attribution.extents import parenthetical_extensions, split_merges, trailing_cuts
from quotewire.attribution.features import extend_with_quotes, featurize
from quotewire.attribution.quotes import QUOTE_CHARS, QuoteSpan, find_quotes, title_like, text_of
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


def candidates_for(doc: "Doc", article: Article | None = None,
                   quotes: list[QuoteSpan] | None = None) -> list[Candidate]:
    """All candidates of a parsed text, with quote extension, source char ranges and features."""
    text = text_of(doc)
    quotes = doc_quotes(doc, article) if quotes is None else quotes
    cands = generate(doc, quotes) + surface_candidates(doc, quotes) + signature_candidates(doc, quotes)
    for c in cands:
        extend_with_quotes(c, quotes, text)
    _chain_quotes(doc, cands, quotes)
    _verbatim_paragraphs(doc, cands)
    # a content whose cue sits inside the quotation is quoted speech, not a claim on the quote
    taken = [r for c in cands for r in c.content if not any(q.start <= c.cue_char < q.end for q in quotes)]
    extra = quote_candidates(doc, quotes, taken)
    for c in extra:
        extend_with_quotes(c, quotes, text)
    cands += extra
    if article is not None:
        heads = [(b.start, b.end) for b in article.blocks if b.kind in ("title", "heading")]
        cands += headline_candidates(doc, heads)
    cands += split_merges(text, cands, quotes)
    cands += trailing_cuts(doc, cands, quotes) + parenthetical_extensions(doc, cands, quotes)
    titles = [q for q in quotes if title_like(text, q)]
    cands = [c for c in cands if c.kind == "surface" or not (c.quoted == "full" and all(
        any(q.start <= a and b <= q.end for q in titles) for a, b in c.content))]  # a show's name alone is no quote
    for c in cands:
        if c.source is not None:
            c.source = _clean_source(doc, c.source, c.cue_head)
            if c.source_head is not None and not c.source[0] <= c.source_head < c.source[1]:
                c.source_head = c.source[1] - 1
            s, e = c.source
            c.char_source = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
        c.feats = featurize(doc, c, quotes)
    return cands


_DASHES = ("\u2014", "\u2013", "--", "-")


def _clean_source(doc: "Doc", rng: tuple[int, int], cue: int) -> tuple[int, int]:
    """A speaker never runs over a line break (a headline or a label line is not part of it) and
    never starts with a dateline (``CITY — ``, ``CITY, May 2 (Agency) — ``)."""
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


def attribute(article: Article, doc: "Doc") -> Article:
    from quotewire.attribution.select import build_quotes

    quotes = doc_quotes(doc, article)
    cands = candidates_for(doc, article, quotes)
    model = scorer.load()
    scorer.score_all(cands, text_of(doc), model)
    build_quotes(article, doc, cands, quotes, model.threshold, model.calibration)
    return article
