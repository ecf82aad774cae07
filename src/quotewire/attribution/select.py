"""From scored candidates to the article's quotes: one attribution per stretch of text.

PolNeAR-style attribution is univocal (a token belongs to at most one attribution), so the
best-scoring candidate wins and any candidate whose content overlaps an accepted one is
dropped (``choose``); candidates that share one cue merge, and a quotation that goes on in the
next paragraph joins its run. The select stage makes the kept candidates the article's
``Quote`` records; their speakers are the next stage's (speakers.py).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution.acts import act_of
from quotewire.attribution.candidates import Candidate
from quotewire.attribution.model import calibrate
from quotewire.attribution.quotes import QUOTE_CHARS, QuoteSpan, title_like
from quotewire.attribution.registry import STAGES, State
from quotewire.attribution.sentences import sentence_ends
from quotewire.records import Quote, QuoteSpeaker, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"\w")
def _without_titles(text: str, a: int, b: int, quotes: list[QuoteSpan]) -> str:
    """text[a:b] with the names of works (title-like quotations) blanked and unmarked."""
    out, at = [], a
    for q in quotes:
        if a <= q.start and q.end <= b and title_like(text, q):
            blank = re.sub(r"\w", "x", text[q.start:q.end])
            out += [text[at:q.start], "".join(ch for ch in blank if ch not in QUOTE_CHARS)]
            at = q.end
    out.append(text[at:b])
    return "".join(out)


_ASIDE = re.compile(r",\s+(?:who|which|whose|where)\b")


def _without_aside(text: str, a: int, b: int) -> tuple[int, int]:
    """A speaker's words without the aside after a comma ("the laboratory of Jane Doe, who was then
    at ...", "one user on the forum, which is ..."): the mention is who, not what else is said of them."""
    m = _ASIDE.search(text, a, b)
    return (a, m.start()) if m and m.start() > a else (a, b)


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


def merge_shared_cues(kept: list[Candidate]) -> list[Candidate]:
    """Finishing, like continue_quotes (it extends the kept candidates in place, so it runs once,
    after choose): one cue, one speaker, one attribution. Kept readings that hang on the same cue verb and
    name the same speaker are one quote in parts, the best-scoring reading taking the others.

    ``"A," she said, "B."``: the parse may hang B on the verb while the word-order reading joins
    A and B; B alone then wins on score and A is left over as a second quote of the same cue.
    A report and a quotation of one cue (``said that A, adding "B"`` read as two) are kept
    apart from each other: only reported readings join reported ones, quoted join quoted.
    """
    groups: dict[tuple[int, bool], list[Candidate]] = {}
    for c in kept:
        if c.cue_head >= 0:
            groups.setdefault((c.cue_head, c.quoted == "none"), []).append(c)
    drop: set[int] = set()
    for group in groups.values():
        if len(group) < 2 or len({c.source_head for c in group}) > 1:
            continue
        best = max(group, key=lambda c: c.score)
        best.content = sorted(p for c in group for p in c.content)
        if any(c.quoted != "full" for c in group):
            best.quoted = "part"
        drop.update(id(c) for c in group if c is not best)
    return [c for c in kept if id(c) not in drop]


def _para_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _ends_sentence(text: str, q: QuoteSpan, para_end: int) -> bool:
    """The quotation is a whole sentence: it closes on . ! ? and the paragraph or a new sentence follows."""
    if text[q.end - 2:q.end - 1] not in (".", "!", "?"):
        return False
    rest = text[q.end:para_end]
    return not rest.strip() or re.match(r"\s+[A-Z\"\u201c]", rest) is not None


def continue_quotes(text: str, kept: list[Candidate], quotes: list[QuoteSpan]) -> None:
    """A paragraph that is only a quotation, with no cue, continues the quote just before it.

    ``"A," Jane Doe said.`` then a paragraph ``"B. C."``: the newspaper convention gives B and C
    to the same speaker, as one attribution in parts.
    """
    for q in quotes:
        if title_like(text, q) or any(a < q.end and q.start < b for c in kept for a, b in c.content):
            continue
        pa, pb = _para_bounds(text, q.start)
        same = [c for c in kept if c.quoted == "full" and pa <= c.content[-1][1] <= q.start
                and c.content[-1][1] <= c.cue_char < q.start]
        if same:
            c = max(same, key=lambda c: c.content[-1][1])
            gap = _without_titles(text, c.content[-1][1], q.start, quotes)
            ends = sentence_ends(gap)
            if not any(ch in gap for ch in QUOTE_CHARS) and ends == 1 \
                    and (not text[q.end:pb].strip(" \t.,;:!?\u2019'\"") or _ends_sentence(text, q, pb)):
                c.content = c.content + [(q.start, q.end)]
            continue
        after = [c for c in kept if c.quoted != "full" and pa <= c.content[-1][1] <= q.start
                 and not _WORD.search(text, c.content[-1][1], q.start) and _ends_sentence(text, q, pb)]
        if after:
            # ``X said that A. "B."``: a quoted sentence with no cue of its own right after a
            # report goes on with it (PolNeAR annotates the pair as one attribution)
            c = max(after, key=lambda c: c.content[-1][1])
            c.content = c.content + [(q.start, q.end)]
            c.quoted = "part"
            continue
        if text[pa:q.start].strip() or text[q.end:pb].strip(" \t.,;:!?\u2019'\""):
            continue  # the paragraph holds more than the quotation
        prev_end = pa - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end <= 0:
            continue
        ppa, _ = _para_bounds(text, prev_end - 1)
        owners = [c for c in kept if c.quoted != "none" and ppa <= c.content[-1][1] <= prev_end]
        if not owners:
            continue
        c = max(owners, key=lambda c: c.content[-1][1])
        if text[c.content[-1][1]:prev_end].count("\u201c") + text[c.content[-1][1]:prev_end].count('"') > 0:
            continue  # another quotation sits between them
        c.content = c.content + [(q.start, q.end)]


def _span(text: str, a: int, b: int, parts: list[tuple[int, int]] | None = None) -> Span:
    return Span(start=a, end=b, text=text[a:b], parts=parts if parts and len(parts) > 1 else None)


def kind_of(text: str, c: Candidate) -> str:
    if c.quoted == "full":
        return "direct"
    if c.quoted == "part":
        return "mixed"
    return "indirect"


@STAGES.register("select")
def select(state: State) -> None:
    """The kept candidates (``state.kept``) and the article's quotes made of them, speakers unresolved."""
    assert state.article is not None and state.model is not None, "select runs on an article, after score"
    doc, text, calib = state.doc, state.article.text, state.model.calibration
    kept = merge_shared_cues(choose(state.cands, state.model.threshold))
    continue_quotes(text, kept, state.quotes)
    heads = [(b.start, b.end) for b in state.article.blocks if b.kind in ("title", "heading")]
    out: list[Quote] = []
    chosen = []
    for c in kept:
        a, b = c.content_range()
        act = act_of(doc, c)
        if act != "statement" and c.kind != "headline" and any(hs <= a and b <= he for hs, he in heads):
            continue  # a headline is a quote only in a reporting form ("Council approves tram line" is none;
            # "Name: words" stays, as "other" unless the words are quoted)
        chosen.append(c)
        cue = None
        if c.cue[1] > c.cue[0]:
            ca, cb = doc[c.cue[0]].idx, doc[c.cue[1] - 1].idx + len(doc[c.cue[1] - 1].text)
            cue = _span(text, ca, cb)
        mention = _span(text, *_without_aside(text, *c.char_source)) if c.char_source else None
        out.append(Quote(kind=kind_of(text, c), content=_span(text, a, b, c.content), cue=cue,  # type: ignore[arg-type]
                         speaker=QuoteSpeaker(mention=mention), act=act,  # type: ignore[arg-type]
                         confidence=round(min(max(calibrate(c.score, calib or []), 0.0), 1.0), 3)))
    state.article.quotes = out
    state.kept = chosen
