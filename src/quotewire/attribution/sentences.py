"""Where sentences end in plain text, for the steps that work on characters, not on the parse.

The parser's own sentence breaks fall after a closing quotation mark too often to use there.
A period after an abbreviation (``data/attribution/abbreviations.txt``, titles and honorifics)
or an initial (``U.S.``) ends no sentence.
"""
from __future__ import annotations

import re

from quotewire.attribution.lexicon import abbreviations

_SENT_END = re.compile(r"(\S*)[.!?][\"\u201d\u2019)]?(?=\s|$)")


def _ends(match: re.Match[str]) -> bool:
    word = match.group(0).lstrip("(\"\u201c").rstrip("\"\u201d\u2019)")
    return not (word.lower() in abbreviations() or re.fullmatch(r"(?:[A-Z]\.)+", word))


def sentence_ends(text: str) -> int:
    """How many sentences end in ``text``."""
    return sum(1 for m in _SENT_END.finditer(text) if _ends(m))


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding char ``at`` ends (never past a line break), final punctuation left out."""
    nl = text.find("\n", at)
    end = len(text) if nl < 0 else nl
    m = next((m for m in _SENT_END.finditer(text, at, end) if _ends(m)), None)
    if m is not None:
        end = m.end()
    while end > at and (text[end - 1].isspace() or text[end - 1] in ".!?;:,\"\u201d\u2019)"):
        end -= 1
    return end
