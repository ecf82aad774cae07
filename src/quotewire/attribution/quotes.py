"""Quotation-mark spans: every common style paired, quotes that run over paragraphs joined.

Works on characters, not tokens, so that a quote the tokenizer splits oddly still pairs. A
span includes its marks; ``inner`` excludes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# opener -> closers it accepts. Straight quotes toggle; the rest are directional.
_PAIRS: dict[str, str] = {
    "\u201c": "\u201d\u201c",  # “…” (and the German „…“ closer doubles as an English opener)
    "\u201e": "\u201c\u201d",  # „…“ / „…”
    "\u00ab": "\u00bb",  # «…»
    "\u00bb": "\u00ab",  # »…« (Danish/German)
    '"': '"',
}
_CLOSE_ONLY = "\u201d\u00bb"
_PARA_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w+")
QUOTE_CHARS = "\"\u201c\u201d\u00ab\u00bb\u201e"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # at the opening mark
    end: int  # after the closing mark
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1

    def words(self, text: str) -> int:
        return len(_WORD.findall(text, self.start, self.end))


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight quote opens when a word follows it and no word sticks to its left."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or after in ",.;:!?)":
        return False
    return before.isspace() or before in "([{-\u2014\u2013:/" or i == 0


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in _PARA_BREAK.finditer(text):
        starts.append(m.end())
    return starts


def find_quotes(text: str, start: int = 0, end: int | None = None, single: bool = False) -> list[QuoteSpan]:
    """Balanced quotation spans in ``text[start:end]``.

    A paragraph that opens a quote and ends without closing it continues when the next
    paragraph opens with a mark again (the newspaper convention for long quotes); an
    unbalanced mark otherwise is dropped. ``single`` also pairs ‘…’ (headlines use them).
    """
    end = len(text) if end is None else end
    out: list[QuoteSpan] = []
    opener: str | None = None
    open_at = -1
    paras = 1
    i = start
    while i < end:
        ch = text[i]
        if ch == "\n" and opener is not None:
            m = _PARA_BREAK.match(text, i)
            if m:
                j = m.end()
                if j < end and text[j] in _PAIRS and (text[j] != '"' or _is_opening_straight(text, j)):
                    paras += 1
                    i = j + 1
                    continue
                opener = None  # unclosed at paragraph end, no continuation: not a quote
                i = m.end()
                continue
        if opener is None:
            if ch in _PAIRS and ch not in _CLOSE_ONLY and (ch != '"' or _is_opening_straight(text, i)):
                opener, open_at, paras = ch, i, 1
            elif ch == "\u00bb" and i + 1 < end and text[i + 1].isalnum() and "\u00ab" in text[i:i + 2000]:
                opener, open_at, paras = ch, i, 1
        else:
            if ch in _PAIRS[opener]:
                if ch == "\u201c" and opener == "\u201c":
                    # a second opener before a closer: the first was stray, restart here
                    open_at, paras = i, 1
                else:
                    out.append(QuoteSpan(open_at, i + 1, paras))
                    opener = None
        i += 1
    if single:
        out.extend(_single_quotes(text, start, end))
        out.sort(key=lambda q: q.start)
    return out


_SINGLE = re.compile(r"(?<![\w])[\u2018'](?=\w)([^\u2018\u2019'\n]{2,300}?)(?<=[\w.!?,])[\u2019'](?!\w)")


def _single_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    return [QuoteSpan(m.start(), m.end()) for m in _SINGLE.finditer(text, start, end)]


def inside(quotes: list[QuoteSpan], pos: int) -> QuoteSpan | None:
    """The quote holding character ``pos``, if any."""
    for q in quotes:
        if q.start <= pos < q.end:
            return q
        if q.start > pos:
            break
    return None
