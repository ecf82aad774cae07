"""The layer of French, Spanish, Italian, Polish, Russian and Ukrainian: the shared segmentation of
nlp/languages.py plus dash dialogue, and, for Russian and Ukrainian, pymorphy3's word analysis.

Dash dialogue (``— Мы победим, — заявил он.``, ``– Wygramy – powiedział.``, ``—Ganaremos —dijo el
ministro—.``): a line that opens with a dash alternates speech and narration at its dashes; a
narration piece holds a speech verb of the language (its data file) in its first words. Each run of
speech becomes a quotation span like a pair of marks: it starts at its dash and ends at the dash
that closes it, or at the end of the line (one past the last character, so ``inner`` is the rest of
the line). A dash line without narration is speech only beside a line with narration or after a
line ending in a colon.

Nothing here imports a model at import time: ``load()`` does, for the languages that have one.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

from quotewire.errors import ModelError
from quotewire.nlp.languages import Parsed, QuoteMarks, data, find_quotes, sentences, tokenize
from quotewire.page.normalize import plain_spaces

_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@lru_cache(maxsize=None)
def _cue_words(lang: str) -> frozenset[str]:
    d = data(lang)
    words = {f.lower() for v in d["speech_verbs"] for f in v["forms"]}
    return frozenset(words)


def _is_splitter(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not (before.isalnum() and after.isalnum())


def _narration(lang: str, piece: str) -> bool:
    words = _WORD.findall(piece)[:5]
    cues = _cue_words(lang)
    for w in words:
        lw = w.lower()
        base = re.sub(r"(?:-t)?-(?:il|elle|ils|elles|on)$", "", lw)
        if lw in cues or base in cues:
            return True
    return False


def dash_quotes(lang: str, text: str) -> list[QuoteMarks]:
    """Quotation spans of dash dialogue lines (see the module's note)."""
    dashes = set(data(lang).get("dashes", ()))
    if not dashes:
        return []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    found: dict[int, list[QuoteMarks]] = {}
    narrated: set[int] = set()
    for li, (off, line) in enumerate(lines):
        lead = len(line) - len(line.lstrip())
        if not line[lead:lead + 1] or line[lead] not in dashes:
            continue
        cuts = [i for i in range(lead, len(line)) if line[i] in dashes and _is_splitter(line, i)]
        pieces = [(c, cuts[k + 1] if k + 1 < len(cuts) else None) for k, c in enumerate(cuts)]
        runs: list[list[int | None]] = []  # [start dash, end dash or None]
        prev_speech = False
        for k, (c, nxt) in enumerate(pieces):
            body = line[c + 1:nxt if nxt is not None else len(line)]
            if k > 0 and prev_speech and _narration(lang, body):
                narrated.add(li)
                runs[-1][1] = c
                prev_speech = False
                continue
            if prev_speech:
                continue  # a dash inside speech: the run goes on
            if not body.strip(" .,;:!?"):
                continue
            runs.append([c, None])
            prev_speech = True
        marks = []
        for a, b in runs:
            assert a is not None
            end = off + (b + 1 if b is not None else len(line.rstrip()) + 1)
            marks.append(QuoteMarks(off + a, end))
        if marks:
            found[li] = marks
    out: list[QuoteMarks] = []
    keys = sorted(found)
    for li in keys:
        near = [j for j in keys if j != li and abs(j - li) <= 2 and j in narrated]
        prev = next((lines[j][1] for j in range(li - 1, -1, -1) if lines[j][1].strip()), "")
        first = lines[li][1].lstrip(" " + "".join(dashes))[:1]
        if li in narrated or (near or prev.rstrip().endswith(":")) and first.isupper():
            out.extend(found[li])  # speech opens with a capital; a list item (``— дороги;``) mostly not
    return out


def segment(lang: str, text: str, analyze: Callable[[str], tuple[str, str]] | None = None) -> Parsed:
    """Tokens, quotation spans (marks and dash dialogue) and sentences of ``text``."""
    d = data(lang)
    plain = plain_spaces(text)
    toks = tokenize(plain)
    dq = dash_quotes(lang, plain)
    marks = [q for q in find_quotes(plain, d["quote_pairs"])
             if not any(a.start <= q.start < a.end for a in dq)]
    quotes = sorted(marks + dq + _open_paragraphs(plain, d["quote_pairs"], marks + dq), key=lambda q: q.start)
    abbr = frozenset(d.get("abbreviations", ()))
    sents = _join_openers(sentences(plain, toks, quotes, abbr), toks, quotes)
    return Parsed(lang, text, toks, sents, quotes, analyze or (lambda w: (w, "")))


def _open_paragraphs(text: str, pairs: list[list[str]], found: list[QuoteMarks]) -> list[QuoteMarks]:
    """A quotation over several paragraphs (``« …`` with no closing mark, the next paragraph opening
    with the same mark, as French and Spanish print them): each open paragraph is a quotation span
    to its end (one past its last character, so ``inner`` is the rest of the paragraph)."""
    opens = {o: c for o, c in pairs if o != c}
    starts = {q.start for q in found}
    paras: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paras.append((pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())))
        pos += len(line) + 1
    out = []
    for (a, b), nxt in zip(paras, paras[1:]):
        mark = text[a]
        if mark in opens and a not in starts and opens[mark] not in text[a + 1:b] and text[nxt[0]] == mark \
                and not any(q.start < a < q.end for q in found):
            out.append(QuoteMarks(a, b + 1))
    return out


def _join_openers(sents: list[tuple[int, int]], toks: list, quotes: list[QuoteMarks]) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """``… lundi. « La situation »``: a French opening guillemet followed by a space is no closing
    mark after the stop; the sentence it was cut into joins the next one."""
    opens = {q.start for q in quotes}
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for s, e in sents:
        if carry is not None:
            s, carry = carry, None
        if toks[e - 1].start in opens and e - 1 >= s:
            if e - 1 > s:
                out.append((s, e - 1))
            carry = e - 1
            continue
        out.append((s, e))
    if carry is not None:
        out.append((carry, len(toks)))
    return out


# --------------------------------------------------------------------------- pymorphy3 (ru, uk)

_lock = threading.Lock()
_morph: dict[str, object] = {}
_cache: dict[tuple[str, str], tuple[str, str]] = {}
_PERSON = ("Name", "Surn", "Patr")


# the dictionaries that are optional: Ukrainian's (GPLv3 by its metadata) is the ``uk`` extra,
# ``pip install 'quotewire[uk]'``; without it Ukrainian runs on the rules and name endings alone
OPTIONAL_DICTS = {"uk": "pymorphy3_dicts_uk"}


def has_morph(lang: str) -> bool:
    """Whether this language's dictionary is installed (always true for a required one)."""
    if lang not in OPTIONAL_DICTS:
        return True
    import importlib.util
    try:
        return importlib.util.find_spec(OPTIONAL_DICTS[lang]) is not None
    except (ImportError, ValueError):
        return False


def load_morph(lang: str) -> None:
    if lang not in _morph:
        with _lock:
            if lang not in _morph:
                try:
                    import pymorphy3
                except ImportError as exc:  # pragma: no cover - a broken install
                    raise ModelError("pymorphy3", f"{lang} needs pymorphy3 (pip install pymorphy3==2.0.6 "
                                     f"pymorphy3-dicts-{lang}): {exc}") from None
                _morph[lang] = pymorphy3.MorphAnalyzer(lang=lang)


def analyze_morph(lang: str, word: str) -> tuple[str, str]:
    """(lemma, flags) of one word: flags name what the analyser says, ``person`` (a parse with
    Name/Surn/Patr), ``nomn`` (that parse is nominative), ``known`` (in the dictionary)."""
    key = (lang, word)
    hit = _cache.get(key)
    if hit is None:
        load_morph(lang)
        m = _morph[lang]
        try:
            parses = m.parse(word)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - odd characters: the word is unknown
            parses = []
        flags = []
        lemma = word
        person = [p for p in parses if any(g in p.tag for g in _PERSON)]
        if person:
            flags.append("person")
            lemma = person[0].normal_form
            nomn = sum(p.score for p in person if "nomn" in p.tag)
            oblique = [p for p in person if "nomn" not in p.tag and "plur" not in p.tag]
            if nomn >= 0.3:
                flags.append("nomn")
            elif sum(p.score for p in oblique) >= 0.5:
                nom = oblique[0].inflect({"nomn"})  # ``Путина`` -> ``путин``, ``Захаровой`` -> ``захарова``
                if nom is not None:
                    lemma = nom.word
                    flags.append("oblique")
        elif parses:
            lemma = parses[0].normal_form
        if parses and parses[0].is_known:
            flags.append("known")
        if parses and parses[0].tag.number == "plur":
            flags.append("plur")
        gender = (person[0].tag.gender if person else parses[0].tag.gender) if parses else None
        if gender in ("masc", "femn"):
            flags.append(gender)
        if any("nomn" in p.tag and "plur" not in p.tag for p in parses):
            flags.append("nom")  # can be a nominative singular (``Володимир``; ``України`` cannot)
        hit = (str(lemma), " ".join(flags))
        if len(_cache) < 500_000:
            _cache[key] = hit
    return hit


def module(lang: str, morph: bool) -> tuple[Callable[[], None], Callable[[], str], Callable[[str], Parsed],
                                            Callable[[str], tuple[str, str]]]:
    """``load, name, parse, analyze`` of one language's layer module."""
    morph = morph and has_morph(lang)

    def load() -> None:
        if morph:
            load_morph(lang)

    def name() -> str:
        if morph:
            return f"pymorphy3 ({lang})"
        return f"rules (no dictionary: pip install 'quotewire[{lang}]')" if lang in OPTIONAL_DICTS else "rules (no model)"

    def analyze(word: str) -> tuple[str, str]:
        return analyze_morph(lang, word) if morph else (word, "")

    def parse(text: str) -> Parsed:
        return segment(lang, text, analyze if morph else None)

    return load, name, parse, analyze
