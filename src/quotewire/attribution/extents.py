"""Competing extents of one candidate's content: cut shorter, run on past a parenthetical cue, or
joined with its other half.

Where a report stops is the parse's guess, and the parser is least sure at the edges: it
hangs the writer's own comment on the reported clause (``said that A, which …``), leaves
out the half of a sentence that follows a parenthetical cue (``A, she said, B``), and splits
a complement whose subject carries a long modifier in two. Each variant is a
candidate of its own whose features say what was cut or added; the scorer, trained on
PolNeAR's extents, picks the better one and the other overlaps it and is dropped.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.features import extend_with_quotes
from quotewire.attribution.lexicon import cue_verbs
from quotewire.attribution.quotes import QuoteSpan, text_of
from quotewire.attribution.sentences import sentence_end
from quotewire.attribution.tokens import char_ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TRAILING = re.compile(r",\s+(?:(which|who|whom|whose|where)|(while|despite|although|though)|(\w+ing)|(an?|the))\s")
_CUT_KINDS = ("rel", "adv", "ing", "app")
_WORD = re.compile(r"\w+")
MAX_REST = 60  # words; a longer run-on is a new thought, not the end of this one


def trailing_cuts(doc: "Doc", cands: list[Candidate], quotes: list[QuoteSpan]) -> list[Candidate]:
    """The same candidate without the clause its content trails off into.

    ``said that A, which …`` / ``, sparking …`` / ``, an admission that …``: the parser hangs the
    writer's own comment on the reported clause (feature ``cut=``). An apposition cut never
    takes the content's own head verb: in ``said that after A, the army was B``, ``, the army
    was B`` is the clause itself, not a comment on it.
    """
    text = text_of(doc)
    out: list[Candidate] = []
    for c in cands:
        if c.kind in ("colon", "quote", "headline", "surface", "signature"):
            continue
        a, b = c.content[-1]
        at = None
        for m in _TRAILING.finditer(text, a, b):
            if m.start() - c.content[0][0] > 20 and not any(q.start < m.start() < q.end for q in quotes):
                at = m
        if at is None:
            continue
        kind = _CUT_KINDS[next(i for i in range(4) if at.group(i + 1))]
        if kind == "app":
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and len(span) and span.root.idx >= at.start():
                continue  # ``, the army was …`` holds the content's own head: the clause, not an apposition
        cut = Candidate(kind=c.kind, cue=c.cue, content=c.content[:-1] + [(a, at.start())], source=c.source,
                        source_head=c.source_head, cue_head=c.cue_head, cue_char=c.cue_char, cut=kind)
        extend_with_quotes(cut, quotes, text)
        out.append(cut)
    return out


def parenthetical_extensions(doc: "Doc", cands: list[Candidate], quotes: list[QuoteSpan]) -> list[Candidate]:
    """``A, Jane Doe said, B.``: the same candidate with the rest of the sentence after the cue.

    The parse often makes the cue the sentence's root and A its only clause, so B is lost;
    the variant adds B as a second part (feature ``ext=paren``). Running other contents on to
    the sentence's end (``said A, and B``) was tried the same way and made cross-validated
    scores worse: the parse's own extent is right more often than not.
    """
    text = text_of(doc)
    cues = cue_verbs()
    out: list[Candidate] = []
    for c in cands:
        if c.kind in ("headline", "colon", "signature") or c.cut or c.cue[1] <= c.cue[0]:
            continue
        b = c.content[-1][1]
        ca, hi = char_ranges(doc, [c.cue])[0]
        if ca < b:
            continue
        words = len(_WORD.findall(text, ca, hi))
        if c.source is not None:
            sa, sb = char_ranges(doc, [c.source])[0]
            if sa < b:
                continue
            hi, words = max(hi, sb), words + len(_WORD.findall(text, sa, sb))
        gap = text[b:hi]
        if not gap.lstrip().startswith(",") or len(_WORD.findall(gap)) > words + 1:
            continue  # only the speaker, the cue and perhaps an adverb sit between the halves
        m = re.match(r"\s*,\s*", text[hi:])
        if m is None:
            continue
        start = hi + m.end()
        end = sentence_end(text, start)
        if end <= start or any(q.start < end < q.end for q in quotes):
            continue
        n_words = len(_WORD.findall(text, start, end))
        if n_words < 2 or n_words > MAX_REST:
            continue
        var = Candidate(kind=c.kind, cue=c.cue, content=c.content + [(start, end)], source=c.source,
                        source_head=c.source_head, cue_head=c.cue_head, cue_char=c.cue_char, ext="paren")
        span = doc.char_span(start, end, alignment_mode="expand")
        var.ext_flags = ["short" if n_words <= 5 else "mid" if n_words <= 15 else "long"]
        if span is not None and any(t.lemma_.lower() in cues and t.pos_ == "VERB" for t in span):
            var.ext_flags.append("cue")
        extend_with_quotes(var, quotes, text)
        out.append(var)
    return out


_JOINT = re.compile(r"[\s,;\u2014\u2013-]*(?:and\s+|but\s+)?")


def split_merges(text: str, cands: list[Candidate], quotes: list[QuoteSpan]) -> list[Candidate]:
    """``said that A, which …, was B``: one cue with two clausal complements side by side.

    The parser splits a complement whose subject carries a long modifier in two (``that A, which
    …`` and ``was B``), each a candidate of the cue; the variant joins them into one content
    (feature ``ext=merge``).
    """
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    by_cue: dict[tuple[int, tuple[int, int] | None], list[Candidate]] = {}
    for c in cands:
        if c.kind == "ccomp" and not c.cut and not c.ext and len(c.content) == 1:
            by_cue.setdefault((c.cue_head, c.source), []).append(c)
    for group in by_cue.values():
        group.sort(key=lambda c: c.content[0][0])
        for first, second in zip(group, group[1:]):
            a, b = first.content[0]
            s, e = second.content[0]
            if b > s or _JOINT.fullmatch(text, b, s) is None or (a, e) in seen:
                continue
            seen.add((a, e))
            var = Candidate(kind="ccomp", cue=first.cue, content=[(a, e)], source=first.source,
                            source_head=first.source_head, cue_head=first.cue_head, cue_char=first.cue_char,
                            ext="merge")
            extend_with_quotes(var, quotes, text)
            out.append(var)
    return out
