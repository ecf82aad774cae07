"""Canonical form of quoted words: case, punctuation, quotation marks, ellipses and Unicode
variants folded, so that two copies of the same words compare equal word for word.

``words(text)`` keeps two parallel lists: the words as printed (for diffs people read) and
their canonical forms (for matching), plus where an ellipsis cut the quote.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# quotation marks, apostrophes and dashes that outlets use interchangeably
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u0060": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
ELLIPSIS = re.compile(r"\u2026|\.\s*\.\s*\.|\[\s*(?:\.\s*)+\]")
# a word: letters or digits, with inner apostrophes, hyphens, dots or commas of numbers ("don't", "3.5")
WORD = re.compile(r"[^\W_]+(?:['\-.,][^\W_]+)*")
GAP = "\u2026"


@dataclass(frozen=True)
class Words:
    shown: tuple[str, ...]            # the words as printed
    canon: tuple[str, ...]            # their canonical forms (same length)
    gaps: frozenset[int] = field(default_factory=frozenset)  # word indexes an ellipsis precedes
    punct: str = ""                   # the folded text with words removed: tells re-punctuation apart

    def __len__(self) -> int:
        return len(self.canon)


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    # ASCII needs no accent stripping, and its casefold is lower(): the common case, fast
    w = word.lower() if word.isascii() else _strip_marks(word).casefold()
    if w.isalpha():
        return w
    w = w.replace("'", "")
    if any(ch.isdigit() for ch in w):
        return w.replace(",", "")
    return w.replace(".", "").replace("-", "")


def normalize(text: str) -> str:
    """NFKC, folded quotation marks and dashes, ellipses as one character, spaces collapsed."""
    t = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    t = ELLIPSIS.sub(f" {GAP} ", t)
    return " ".join(t.split())


_SPLIT = re.compile(f"({WORD.pattern})")  # words at the odd indexes, what lies between them at the even


def words(text: str) -> Words:
    t = normalize(text)
    parts = _SPLIT.split(t)
    shown = tuple(parts[1::2])
    between = parts[0::2]  # one more than the words: before each, then after the last
    gaps = frozenset(i for i in range(1, len(shown)) if GAP in between[i]) if GAP in t else frozenset()
    # normalize() left single spaces: the punctuation between words, or one space where there is none
    punct = "".join([b.replace(" ", "") or " " for b in between[:-1]]) + between[-1].replace(" ", "")
    canon = tuple(map(fold_word, shown))
    # leading/trailing quotation marks and a final full stop or comma are the outlet's, not the speaker's
    tail = punct.strip("\"' ")
    return Words(shown=shown, canon=canon, gaps=gaps, punct=tail.rstrip(".,;:").strip("\"' "))


def canonical(text: str) -> str:
    """The canonical form as one string: folded words separated by single spaces."""
    return " ".join(words(text).canon)
