"""The language layer: per language, a tokenizer, a sentencizer and whatever tagger exists.

English is not here: it keeps its spaCy pipeline (nlp/model.py), unchanged. Every other
language with attribution rules has a module named in ``LAYERS``; it is imported, and its
models loaded, only when the first text of that language arrives, once per process. A
process that only ever sees English never imports any of them.
"""
from __future__ import annotations

import importlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quotewire.page.normalize import plain_spaces

DATA = Path(__file__).resolve().parent.parent / "data" / "languages"
# language code -> module with ``parse(text) -> Parsed`` (and ``name()`` for the tagger it uses)
LAYERS = {"de": "quotewire.nlp.german", "fr": "quotewire.nlp.french", "es": "quotewire.nlp.spanish",
          "it": "quotewire.nlp.italian", "pl": "quotewire.nlp.polish", "ru": "quotewire.nlp.russian",
          "uk": "quotewire.nlp.ukrainian"}

_lock = threading.Lock()
_loaded: dict[str, object] = {}


def supported() -> frozenset[str]:
    """Languages with a layer (besides English)."""
    return frozenset(LAYERS)


def loaded() -> frozenset[str]:
    """Languages whose layer this process has loaded so far."""
    return frozenset(_loaded)


@lru_cache(maxsize=None)
def data(lang: str) -> dict:  # type: ignore[type-arg]
    """The language's data file (src/quotewire/data/languages/LANG.json), read once."""
    return json.loads((DATA / f"{lang}.json").read_text(encoding="utf-8"))


def layer(lang: str):  # type: ignore[no-untyped-def]
    """The module of ``lang``'s layer, imported (and its models loaded) on first use."""
    mod = _loaded.get(lang)
    if mod is None:
        with _lock:
            mod = _loaded.get(lang)
            if mod is None:
                mod = importlib.import_module(LAYERS[lang])
                mod.load()  # type: ignore[attr-defined]
                _loaded[lang] = mod
    return mod


def parse(lang: str, text: str) -> "Parsed":
    return layer(lang).parse(text)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- shared segmentation


@dataclass
class Token:
    start: int
    end: int
    text: str


@dataclass
class QuoteMarks:
    start: int  # offset of the opening mark
    end: int    # offset just past the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@dataclass
class Parsed:
    """One text as the language layer gives it: tokens, sentences (token ranges, never cut
    inside a quotation), quotation spans, and a word analyser (lemma, tag) when one exists."""
    language: str
    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    quotes: list[QuoteMarks]
    analyze: Callable[[str], tuple[str, str]] = field(default=lambda w: (w, ""))


_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[-\u2010'\u2019]\w+)*\.?(?<=\w)|\S")


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def find_quotes(text: str, pairs: list[list[str]], limit: int = 3000) -> list[QuoteMarks]:
    """Quotation spans for the language's mark pairs, first pair first; never over a blank line."""
    out: list[QuoteMarks] = []
    taken: list[tuple[int, int]] = []
    guillemets = [c for c in text if c in "\u00ab\u00bb"][:1]
    for open_, close in pairs:
        if open_ in "\u00ab\u00bb" and guillemets and guillemets[0] != open_:
            continue  # »…« or «…»: the text's first guillemet says which way round it writes them
        i = 0
        while (a := text.find(open_, i)) >= 0:
            i = a + 1
            if any(s <= a < e for s, e in taken):
                continue
            b = text.find(close, a + 1, a + limit)
            if b < 0:
                continue
            if "\n\n" in text[a:b] or any(a < s < b for s, _ in taken):
                continue
            out.append(QuoteMarks(a, b + 1))
            taken.append((a, b + 1))
            i = b + 1
    out.sort(key=lambda q: q.start)
    return out


_ENDS = {".", "!", "?"}
_CLOSERS = set("\u201c\u201d\u00ab\u00bb\"')]")


def sentences(text: str, tokens: list[Token], quotes: list[QuoteMarks], abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence token ranges: a line break always ends one; ``. ! ?`` end one before a capital,
    a digit or an opening mark, unless after an abbreviation, an initial or a day number, or
    inside a quotation (a quote of several sentences stays in one)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)

    def inside(pos: int) -> bool:
        return any(q.start < pos < q.end - 1 for q in quotes)

    for k in range(n):
        tok = tokens[k]
        nxt = tokens[k + 1] if k + 1 < n else None
        if nxt is None:
            break
        gap = text[tok.end:nxt.start]
        if "\n" in gap:
            out.append((start, k + 1))
            start = k + 1
            continue
        if tok.text not in _ENDS and not (tok.text in _CLOSERS and k > 0 and tokens[k - 1].text in _ENDS):
            if not tok.text.endswith(".") or len(tok.text) < 2:
                continue
        if tok.text in _CLOSERS:
            if inside(tok.start):
                continue
        elif inside(tok.end - 1):
            continue
        if nxt.text in _CLOSERS and nxt.start == tok.end:  # the mark closes after the stop
            continue
        if not gap:
            continue
        if tok.text == ".":
            prev = tokens[k - 1].text if k > 0 else ""
            if prev in abbreviations or (len(prev) == 1 and prev.isalpha()) or (
                    prev.isdigit() and len(prev) <= 2 and nxt.text not in ("\u201e", "\u00bb", "\u00ab", "\"")):
                continue  # ``am 3. Mai``, but ``in Halle 4. „Wir …“`` ends the sentence
        elif tok.text.endswith(".") and tok.text not in _ENDS:
            continue  # a word with its own stop ("Dr.") from the tokenizer: an abbreviation
        first = nxt.text[0]
        if not (first.isupper() or first.isdigit() or nxt.text in ("\u201e", "\u00bb", "\u00ab", "\"", "\u201c", "(", "\u2013", "\u2014")):
            continue
        out.append((start, k + 1))
        start = k + 1
    if start < n:
        out.append((start, n))
    return out


def segment(lang: str, text: str, analyze: Callable[[str], tuple[str, str]] | None = None) -> Parsed:
    """Tokens, quotation spans and sentences of ``text`` with the language's data; Unicode
    spaces become plain ones, one character for one, so offsets stay offsets into ``text``."""
    d = data(lang)
    plain = plain_spaces(text)
    toks = tokenize(plain)
    quotes = find_quotes(plain, d["quote_pairs"])
    sents = sentences(plain, toks, quotes, frozenset(d.get("abbreviations", ())))
    return Parsed(lang, text, toks, sents, quotes, analyze or (lambda w: (w, "")))
