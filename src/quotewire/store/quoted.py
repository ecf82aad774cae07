"""The words a quote actually quotes, as the archive stores, indexes, shows and exports them.

A quote that a cue interrupts (``"We will," she said, "win."``) is one span with ``parts``;
its ``text`` runs from the first part to the last, cue words included. Readers of the archive
want the quoted words only, so the archive keeps the parts joined with ``SEP`` and the raw
offsets and parts beside them, unchanged.
"""
from __future__ import annotations

from quotewire.records import Span

SEP = " … "


def valid_parts(span: Span, text: str) -> list[tuple[int, int]] | None:
    """The span's parts that index ``text`` (in order); None when it has no usable parts."""
    if not span.parts:
        return None
    n = len(text)
    parts = sorted((int(s), int(e)) for s, e in span.parts if 0 <= int(s) < int(e) <= n)
    return parts or None


def quoted_words(span: Span, text: str) -> str:
    """The quoted words of ``span`` in the article ``text``: its parts joined with ``SEP``.

    A span without parts (or with none that fit the text) is its own ``text``, as extracted.
    """
    parts = valid_parts(span, text)
    if parts is None:
        return span.text
    pieces = [text[s:e].strip() for s, e in parts]
    return SEP.join(p for p in pieces if p) or span.text


OPEN_MARKS = "\"“”„«»‘’‚'‹›「『"
REPORTING = {"statement": "said", "belief": "believes", "other": "reported"}


def reads_as(kind: str, words: str, who: str | None = None, act: str = "statement") -> str:
    """A quote as a reader should read it: quotation marks only around words the speaker is quoted as
    saying. Direct: the words in quotation marks; mixed: the reported clause as written (only its own
    inner marks); indirect: reported speech, no marks (``Name said that …``)."""
    words = " ".join(words.split())
    if kind == "direct":
        if words[:1] in OPEN_MARKS:
            return words  # the span holds its own marks (an interrupted or shortened one too)
        return f"“{words}”"
    if kind == "mixed":
        return words
    if words.lower().startswith("that "):
        words = words[5:]
    lead = f"{who or 'Someone'} {REPORTING.get(act, 'said')} that"
    return f"{lead} {words}"
