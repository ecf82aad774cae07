"""One tokeniser for full-text search, the same on SQLite and PostgreSQL.

Left to themselves the two backends disagree (FTS5's ``porter unicode61`` and PostgreSQL's
``english`` configuration split, fold, stem and drop stop words differently: ``don't`` or
``U.S.`` found different quotes). So the archive never lets them analyse text: quotewire turns
indexed text and query words into the same *terms* here, stores them (``quotes.terms``,
``articles.title_terms`` / ``text_terms``), and both backends index those terms verbatim
(FTS5 ``unicode61`` on already folded words; PostgreSQL's ``simple`` configuration, which only
lower-cases). The rules, in order, for each word of the text:

* a word is a run of letters and digits; an apostrophe between letters belongs to the word
  and is dropped (``don't`` -> ``dont``, ``O'Neill`` -> ``oneill``, ``people's`` -> ``peoples``);
* compatibility forms and accents are folded (NFKD, combining marks removed: ``café`` ->
  ``cafe``, ``ﬁ`` -> ``fi``), then case (``casefold``: ``Straße`` -> ``strasse``);
* a dotted abbreviation is its letters in sequence (``U.S.`` -> ``u s``, found by ``U.S.``
  and ``U. S.`` but not by the word ``us``);
* every word is stemmed with the Snowball stemmer of the text's language (``troops`` ->
  ``troop``, ``Brücken`` -> ``bruck``, ``présidents`` -> ``president``; ``LANGUAGE_STEMMERS``):
  English, and any language without an entry there, as before; for the other languages the
  word is stemmed *before* its accents are folded (the stemmers know ``ä``, ``é``, ``й``) and
  folded after; Ukrainian (no Snowball stemmer) is folded only. No stop word is dropped.

A query does not know its language, so ``store.search`` looks each query word up under every
language the archive holds (an OR of the distinct terms), or only under the language filter.

Snippets are marked here too (``mark``), from the same terms, so both backends mark alike.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

import snowballstemmer

APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4\u2032"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CHAR = rf"(?:[^\W_]|[{_MARKS}])"
TOKEN = re.compile(rf"{_CHAR}+(?:[{APOSTROPHES}]{_CHAR}+)*")
# the same tokens where the text has no combining mark (nearly always): about twice as fast
PLAIN_TOKEN = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
HAS_MARK = re.compile(f"[{_MARKS}]")
WORD = re.compile(r"[^\W_]+")
_local = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


# language code -> Snowball algorithm; None: fold only. A code not here is stemmed as English
# (what every row had before migration 0007), so "und" and unknown codes keep their terms.
LANGUAGE_STEMMERS: dict[str, str | None] = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian", "pl": "polish",
    "ru": "russian", "pt": "portuguese", "nl": "dutch", "uk": None,
}


def _stemmer(algorithm: str = "english") -> "snowballstemmer.stemmer":
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    st = cache.get(algorithm)
    if st is None:
        st = cache[algorithm] = snowballstemmer.stemmer(algorithm)
    return st


def algorithm(language: str | None) -> str | None:
    """The Snowball algorithm of a language code (None: fold only); English for unknown codes."""
    code = (language or "en").strip().lower()[:2] if language else "en"
    return LANGUAGE_STEMMERS.get(code, "english")


def own_stemming(language: str | None) -> bool:
    """Does text of this language get terms other than the English ones?"""
    return algorithm(language) != "english"


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def fold(token: str) -> tuple[str, ...]:
    """One token of text as folded words (usually one; ``½`` or ``1²`` may give more)."""
    s = _strip_marks(_strip_marks(token).casefold())  # casefold can bring back a mark (İ -> i̇)
    for a in APOSTROPHES:
        s = s.replace(a, "")
    return tuple(WORD.findall(s))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def tokens(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, folded words) of every token of ``text``, offsets into ``text`` itself."""
    text = text or ""
    for m in (TOKEN if HAS_MARK.search(text) else PLAIN_TOKEN).finditer(text):
        words = fold(m.group())
        if words:
            yield m.start(), m.end(), words


def words(text: str) -> list[str]:
    """The folded, unstemmed words of a piece of query text."""
    return [w for _, _, ws in tokens(text) for w in ws]


@lru_cache(maxsize=200_000)
def _token_terms(token: str) -> str:
    return " ".join(stem(w) for w in fold(token))


@lru_cache(maxsize=200_000)
def _token_stems(token: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in fold(token))


@lru_cache(maxsize=200_000)
def _lang_stems(token: str, algo: str | None) -> tuple[str, ...]:
    """A token's terms in a language of its own: case-folded, stemmed with its accents, then folded."""
    s = unicodedata.normalize("NFKC", token).casefold()
    for a in APOSTROPHES:
        s = s.replace(a, "")
    out: list[str] = []
    for w in WORD.findall(s):
        out.extend(fold(_stemmer(algo).stemWord(w) if algo else w))
    return tuple(out)


def terms(text: str | None, language: str | None = None) -> str:
    """What the backends index for ``text``: its stemmed words, separated by single spaces."""
    text = text or ""
    found = (TOKEN if HAS_MARK.search(text) else PLAIN_TOKEN).findall(text)
    if not own_stemming(language):
        return " ".join(filter(None, map(_token_terms, found)))
    algo = algorithm(language)
    return " ".join(w for tok in found for w in _lang_stems(tok, algo))


def token_stems(token: str, language: str | None = None) -> tuple[str, ...]:
    """The terms of one token of text, as ``terms`` gives them for that language."""
    return _token_stems(token) if not own_stemming(language) else _lang_stems(token, algorithm(language))


def query_terms(text: str, language: str | None = None) -> list[str]:
    """The terms of a piece of query text under one language (as that language's text is indexed)."""
    return terms(text, language).split()


def prefix_forms(word: str, language: str | None = None) -> list[str]:
    """Index prefixes for a ``word*`` query: the (folded) word, and its stem when that differs
    (``cities*``), in the language given (English by default)."""
    st = stem(word) if not own_stemming(language) else " ".join(query_terms(word, language))
    return [word] if st == word or not st or " " in st else [word, st]


def mark(text: str, wanted: Sequence[tuple[str, str]], language: str | None = None) -> str:
    """``text`` with every token that a query term matches wrapped in ``[[ ]]``.

    ``wanted`` is (kind, term text) for each term of the query that must or may match, as
    ``store.search`` builds them: kind ``word`` / ``phrase`` (stemmed words) or ``prefix``.
    """
    toks = [(m.start(), m.end(), st) for m in (TOKEN if HAS_MARK.search(text or "") else PLAIN_TOKEN).finditer(
        text or "") if (st := token_stems(m.group(), language))]  # = tokens(text), each token's words stemmed
    flat: list[tuple[str, int]] = [(s, i) for i, (_, _, sts) in enumerate(toks) for s in sts]
    stems = [s for s, _ in flat]
    single = {term for kind, term in wanted if kind == "word" and term and " " not in term}
    hit: set[int] = {i for s, i in flat if s in single} if single else set()
    for kind, term in wanted:
        seq = term.split()
        if not seq or (kind == "word" and term in single):
            continue
        if kind == "prefix":
            forms = prefix_forms(seq[0], language)
            hit.update(i for s, i in flat if any(s.startswith(f) for f in forms))
            continue
        n = len(seq)
        for j in range(len(stems) - n + 1):
            if stems[j:j + n] == seq:
                hit.update(i for _, i in flat[j:j + n])
    if not hit:
        return text
    out: list[str] = []
    pos = 0
    for i, (start, end, _) in enumerate(toks):
        if i in hit:
            out.append(text[pos:start] + "[[" + text[start:end] + "]]")
            pos = end
    out.append(text[pos:])
    return "".join(out)
