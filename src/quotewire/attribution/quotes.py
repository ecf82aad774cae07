"""Quotation-mark spans: every common style paired, quotes that run over paragraphs joined.

Works on characters, not tokens, so that a quote the tokenizer splits oddly still pairs. A
span includes its marks; ``inner`` excludes them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

def text_of(doc: "Doc") -> str:
    """The parsed text, built once per Doc: spaCy's ``doc.text`` joins every token on each call,
    which made feature extraction quadratic in the article's length."""
    text = doc.user_data.get("quotewire_text")
    if text is None:
        text = doc.user_data["quotewire_text"] = doc.text
    return text


# opener -> closers it accepts. Straight quotes toggle; the rest are directional.
_PAIRS: dict[str, str] = {
    "\u201c": "\u201d\u201c\"",  # “…” (the German „…“ closer doubles as an English opener; “…" mixed)
    "\u201e": "\u201c\u201d",  # „…“ / „…”
    "\u00ab": "\u00bb",  # «…»
    "\u00bb": "\u00ab",  # »…« (Danish/German)
    '"': '"\u201d',  # "…" and the mixed "…” of hand-edited copy
    "\u201d": "\u201d\u201c\"",  # ”…”: a right mark typed as the opener (opens only where _reversed_opener says)
}
_GLUE = "\u2063"  # stands in for the second apostrophe of a '' mark
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
    if text.startswith(("...", ". . .", "\u2026"), i + 1):
        return before.isspace() or i == 0  # a quotation that opens on an ellipsis
    if text.startswith(".@", i + 1):
        return before.isspace() or i == 0  # ".@name …": a post that opens with a mention
    if after.isspace() or after in ",.;:!?)":
        return False
    return before.isspace() or before in "([{-\u2014\u2013:/" or i == 0


def _is_closing_straight(text: str, i: int) -> bool:
    """A straight quote closes when it sticks to the word or punctuation before it."""
    before = text[i - 1] if i > 0 else " "
    return not before.isspace() and not _is_opening_straight(text, i)


_SENT_BEFORE = re.compile(r"(?:^|[.!?:][\"\u201d\u2019]?\s+)$")


def _edge(ch: str) -> bool:
    """Whitespace or an invisible format character (bidi marks pasted from social posts)."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def _reversed_opener(text: str, i: int) -> bool:
    """``”Sorry`` / ``” … if``: a right mark at a word's start, typed where a left one belongs."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1:i + 3]
    return _edge(before) and (after[:1].isalnum() or after in (" \u2026", " .") or after[:1] == "\u2026")


def _sticky_close(text: str, i: int) -> bool:
    """``“review“``: a left mark stuck to the end of a word, typed where a right one belongs."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _edge(before) and (_edge(after) or after in ",.;:!?)")


def _closes_at_paragraph_end(text: str, open_at: int, para_end: int) -> bool:
    """An opening mark left unclosed by a missing closer: a whole sentence or more that opens
    at a paragraph or sentence start and runs to the paragraph's end."""
    line_start = text.rfind("\n", 0, open_at) + 1
    if not _SENT_BEFORE.search(text[line_start:open_at]):
        return False
    body = text[open_at + 1:para_end].rstrip()
    return len(_WORD.findall(body)) >= 4 and body[-1:] in ".!?" and not any(ch in body for ch in QUOTE_CHARS)


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
    Two apostrophes (``''…''``, as wire and archive copy print quotes) count as one mark, and so
    do two typographic single marks (``‘‘…’’``, and a ``“…’’`` whose closer was typed that way).
    """
    end = len(text) if end is None else end
    if "''" in text or "\u2018\u2018" in text or "\u2019\u2019" in text:
        shadow = text.replace("''", '"' + _GLUE).replace("\u2018\u2018", "\u201c" + _GLUE) \
            .replace("\u2019\u2019", "\u201d" + _GLUE)
        return [QuoteSpan(q.start, q.end + 1 if shadow.startswith(_GLUE, q.end) else q.end, q.paragraphs)
                for q in find_quotes(shadow, start, end, single)]
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
                    if text[text.rfind("\n", 0, open_at) + 1:open_at].strip() and paras == 1:
                        # opened mid-paragraph (``"A," she said. "B`` / ``She said: "B``): B is
                        # that cue's, and the next paragraph's quotation starts afresh (it may
                        # have a cue of its own; continue_quotes joins it when it has none)
                        if _WORD.search(text, open_at, i) and not any(
                                ch in text[open_at + 1:i] for ch in QUOTE_CHARS):
                            out.append(QuoteSpan(open_at, i, paras))
                        opener = None
                        i = j
                        continue
                    paras += 1
                    i = j + 1
                    continue
                if _closes_at_paragraph_end(text, open_at, i):
                    out.append(QuoteSpan(open_at, i, paras))
                opener = None  # unclosed at paragraph end, no continuation: not a quote
                i = m.end()
                continue
        if opener is None:
            if ch in _PAIRS and ch not in _CLOSE_ONLY and (ch != '"' or _is_opening_straight(text, i)):
                opener, open_at, paras = ch, i, 1
            elif ch == "\u201d" and _reversed_opener(text, i):
                opener, open_at, paras = ch, i, 1
            elif ch == "\u00bb" and i + 1 < end and text[i + 1].isalnum() and "\u00ab" in text[i:i + 2000]:
                opener, open_at, paras = ch, i, 1
        else:
            if ch in _PAIRS[opener] and (ch != '"' or opener == '"' or _is_closing_straight(text, i)) \
                    and not (opener == '"' and ch == "\u201d" and "\u201c" in text[open_at:i]):
                if ch == "\u201c" and opener == "\u201c" and not _sticky_close(text, i):
                    # a second opener before a closer: the first was stray, restart here
                    open_at, paras = i, 1
                else:
                    out.append(QuoteSpan(open_at, i + 1, paras))
                    opener = None
        i += 1
    if opener is not None and _closes_at_paragraph_end(text, open_at, end):
        out.append(QuoteSpan(open_at, end, paras))
    if single:
        out.extend(_single_quotes(text, start, end))
        out.sort(key=lambda q: q.start)
    return out


_SINGLE = re.compile(r"(?<![\w])[\u2018'](?=\w)([^\u2018\u2019'\n]{2,300}?)(?<=[\w.!?,])[\u2019'](?!\w)")


def _single_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    return [QuoteSpan(m.start(), m.end()) for m in _SINGLE.finditer(text, start, end)]


_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "de", "la"}


_SPEAKING = {"i", "we", "you", "my", "our", "me", "us", "will", "must", "should", "can", "not", "never"}


def title_like(text: str, q: QuoteSpan) -> bool:
    """A short quotation in title case ("Evening Desk", "The Long Road") names a work or a
    show: it is never speech continuing a quote."""
    words = _WORD.findall(text, q.start, q.end)
    if not 1 <= len(words) <= 7:
        return False
    inner = text[q.start + 1:q.end - 1].rstrip(" ,.")
    if any(ch in inner for ch in "!?") or not words[0][:1].isupper():
        return False
    if any(w.lower() in _SPEAKING for w in words):
        return False  # "We Will Rebuild" in a title-case headline is speech
    return all(w[:1].isupper() or w.lower() in _SMALL or w.isdigit() for w in words)


def inside(quotes: list[QuoteSpan], pos: int) -> QuoteSpan | None:
    """The quote holding character ``pos``, if any."""
    for q in quotes:
        if q.start <= pos < q.end:
            return q
        if q.start > pos:
            break
    return None
