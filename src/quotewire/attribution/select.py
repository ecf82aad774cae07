"""From scored candidates to the article's quotes: one attribution per stretch of text.

PolNeAR-style attribution is univocal (a token belongs to at most one attribution), so the
best-scoring candidate wins and any candidate whose content overlaps an accepted one is
dropped. Speakers are resolved afterwards (speakers.py).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.quotes import QuoteSpan
from quotewire.records import Article, Quote, QuoteSpeaker, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"\w")


def choose(cands: list[Candidate], threshold: float) -> list[Candidate]:
    """Greedy by score: keep a candidate when its content overlaps no kept content or source."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: -c.score):
        if c.score < threshold:
            break
        if any(a < e and s < b for a, b in c.content for s, e in taken):
            continue
        kept.append(c)
        taken.extend(c.content)
    kept.sort(key=lambda c: c.content[0][0])
    return kept


def _span(text: str, a: int, b: int, parts: list[tuple[int, int]] | None = None) -> Span:
    return Span(start=a, end=b, text=text[a:b], parts=parts if parts and len(parts) > 1 else None)


def kind_of(text: str, c: Candidate) -> str:
    if c.quoted == "full":
        return "direct"
    if c.quoted == "part":
        return "mixed"
    return "indirect"


def build_quotes(article: Article, doc: "Doc", cands: list[Candidate], quotes: list[QuoteSpan],
                 threshold: float, calib: list[tuple[float, float]] | None = None) -> None:
    from quotewire.attribution.model import calibrate

    from quotewire.attribution.speakers import resolve

    text = article.text
    kept = choose(cands, threshold)
    out: list[Quote] = []
    for c in kept:
        a, b = c.content_range()
        cue = None
        if c.cue[1] > c.cue[0]:
            ca, cb = doc[c.cue[0]].idx, doc[c.cue[1] - 1].idx + len(doc[c.cue[1] - 1].text)
            cue = _span(text, ca, cb)
        mention = _span(text, *c.char_source) if c.char_source else None
        out.append(Quote(kind=kind_of(text, c), content=_span(text, a, b, c.content), cue=cue,  # type: ignore[arg-type]
                         speaker=QuoteSpeaker(mention=mention), confidence=round(min(max(calibrate(c.score, calib or []), 0.0), 1.0), 3)))
    article.quotes = out
    resolve(article, doc, kept)
