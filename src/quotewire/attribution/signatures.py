"""Signed quotations: a quotation, then a dash and the speaker's name on a line of its own.

``"…" ― Jane Doe`` closes reader round-ups, fact-check lists and epigraphs, and a pull
quote's speaker card reads the same once a page is flattened to text: the dash is the cue,
the name the speaker. The name may follow on the quotation's line or open the next
paragraph (``"…"`` / ``- Jane Doe.``), and may carry a short comma tail (``- Jane Doe,
Springfield``). Only a line that holds nothing but the quotations and the signature
counts: a dash inside running prose (``"…" - voters said …``) is punctuation, not a card.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.lexicon import name_particles
from quotewire.attribution.quotes import QuoteSpan, text_of, title_like

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SPACES = " \t\u00a0\u2009\u202f"  # inside a line: plain, tab, no-break, thin, narrow no-break
_SPACE = f"[{_SPACES}]"
# after the closing mark: a stray comma or stop, at most one blank line, the dash
_LEAD = re.compile(f"{_SPACE}*[.,]?{_SPACE}*(?:\\n{_SPACE}*\\n?{_SPACE}*)?(?P<dash>\u2015|\u2014|\u2013|--|-)"
                   f"{_SPACE}*")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*|@\w+")
_GAP = re.compile(f"{_SPACE}+")
_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.$")
MAX_NAME_WORDS = 6
MAX_TAIL = 80  # characters of ``, place / affiliation`` after the name


def _name_end(text: str, at: int) -> int | None:
    """End of the name that starts at ``at`` (capitalised words, initials, particles), when the
    rest of the line is empty, a full stop, or a short comma tail; else None."""
    particles = name_particles()
    end, words, pos = at, 0, at
    while words < MAX_NAME_WORDS:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m.group(0)
        if not (word[0].isupper() or word[0] == "@" or (words and word.lower() in particles)):
            break
        end, words = m.end(), words + 1
        gap = _GAP.match(text, end)
        if gap is None:
            break
        pos = gap.end()
    if words == 0:
        return None
    if text[end - 1] == "." and not _INITIAL.search(text, at, end):
        end -= 1  # the line's full stop, not an initial's
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end].strip(_SPACES)
    if rest in ("", ".") or (rest.startswith(",") and len(rest) <= MAX_TAIL):
        return end
    return None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def signature_candidates(doc: "Doc", quotes: list[QuoteSpan]) -> list[Candidate]:
    """A candidate per quotation signed by a dash and a name (kind ``signature``)."""
    text = text_of(doc)
    out: list[Candidate] = []
    for k, q in enumerate(quotes):
        if title_like(text, q):
            continue
        m = _LEAD.match(text, q.end)
        if m is None or not m.end() < len(text):
            continue
        end = _name_end(text, m.end())
        if end is None:
            continue
        # the quotation line holds only quotations: take them all, from the line's first
        first, ls = k, _line_start(text, q.start)
        while first > 0 and quotes[first - 1].start >= ls and not text[quotes[first - 1].end:quotes[first].start].strip():
            first -= 1
        if text[ls:quotes[first].start].strip():
            continue  # prose before the quotation: the dash is the writer's punctuation
        dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
        name = doc.char_span(m.end(), end, alignment_mode="expand")
        if dash is None or name is None or not len(name):
            continue
        src = (name.start, name.end)
        out.append(Candidate(kind="signature", cue=(dash.start, dash.end),
                             content=[(quotes[first].start, q.end)], source=src,
                             source_head=name.end - 1, cue_head=dash.start,
                             cue_char=doc[dash.start].idx, quoted="full"))
    return out
