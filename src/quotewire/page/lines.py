"""Line features and chrome lexicons for the text-dump reader.

A browser text dump is a sequence of lines; whether a line is article or chrome is
decided from cheap features (length, punctuation, case, neighbours) and from the
lexicons of common page furniture in ``quotewire/data/chrome`` (loaded once).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

WORD = re.compile(r"\w+")
_LEAD = re.compile(r"^[^\w]+")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
# What a lexicon match ignores around a line: punctuation, counters, arrows, bullets.
_EDGE = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENT_END = re.compile(r"""[.!?…:;。！？]["'”’»)\]]*$|[.!?…]["'”’»)\]]*\s*\(\w[^)]{0,40}\)$""")
_BULLET = re.compile(r"^(?:[•·▪◦‣∙●○■□➤►▶→✓✔\-–—*+]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)")

PREFIX_LABELLED = 30  # words of a line a 'Read also:' prefix can still label as chrome
CONTAINS_SHORT_WORDS = 15  # a topic word ('newsletter', 'GDPR') marks a notice only on a line this short
NOTICE_WORDS = 200  # a disclaimer's phrase ('for informational purposes only') marks a line up to this long
CHROME_DIR = Path(__file__).resolve().parent.parent / "data" / "chrome"
CHROME_KINDS = ("cookie_notice", "language_prompt", "newsletter", "subscribe", "comments", "related",
                "share", "advertisement", "footer", "navigation")


@dataclass
class Lexicon:
    """All chrome phrases of every kind, compiled for one lookup per line."""

    exact: dict[str, str]              # key -> kind
    prefix: tuple[tuple[str, str], ...]  # (phrase, kind), longest first
    prefix_any: tuple[str, ...]
    contains: re.Pattern[str] | None
    contains_kind: dict[str, str]
    anchors: frozenset[str]            # the longest word of each contains phrase: a cheap pre-filter
    patterns: re.Pattern[str] | None = None  # header shapes ('more ... stories'), one group per kind
    # topic words a notice uses that an article may use too ('newsletter', 'GDPR'): short lines only
    contains_short: re.Pattern[str] | None = None
    contains_short_kind: dict[str, str] | None = None
    # phrases of legal notices and disclaimers, which run long: lines of up to NOTICE_WORDS words
    notice: re.Pattern[str] | None = None
    notice_kind: dict[str, str] | None = None


def _load(name: str) -> dict[str, Any]:
    return json.loads((CHROME_DIR / name).read_text(encoding="utf-8"))


def _flat(by_lang: dict[str, list[str]] | None) -> list[str]:
    return [p.casefold() for phrases in (by_lang or {}).values() for p in phrases]


@lru_cache(maxsize=1)
def lexicons() -> Lexicon:
    exact: dict[str, str] = {}
    prefix: dict[str, str] = {}
    contains: dict[str, str] = {}
    short: dict[str, str] = {}
    notice: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for kind in CHROME_KINDS:  # earlier kinds win a phrase listed twice
        data = _load(f"{kind}.json")
        for p in _flat(data.get("exact")):
            exact.setdefault(key(p), kind)
        for p in _flat(data.get("prefix")):
            prefix.setdefault(p, kind)
        for p in _flat(data.get("contains")):
            contains.setdefault(p, kind)
        for p in _flat(data.get("contains_short")):
            short.setdefault(p, kind)
        for p in _flat(data.get("notice")):
            notice.setdefault(p, kind)
        patterns.extend((re.compile(p), kind) for p in _flat(data.get("patterns")))
    pattern = re.compile("|".join(re.escape(p) for p in sorted(contains, key=len, reverse=True))) \
        if contains else None
    ordered = tuple(sorted(prefix.items(), key=lambda kv: len(kv[0]), reverse=True))
    anchors = frozenset(max(WORD.findall(p) or [p], key=len) for p in contains)
    return Lexicon(exact=exact, prefix=ordered, prefix_any=tuple(p for p, _ in ordered),
                   contains=pattern, contains_kind=contains, anchors=anchors,
                   patterns=re.compile("|".join(f"(?P<{k}>{p.pattern})" for p, k in _by_kind(patterns)))
                   if patterns else None,
                   contains_short=re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(short, key=len, reverse=True))
                                             + r")\b") if short else None,
                   contains_short_kind=short,
                   notice=re.compile("|".join(re.escape(p) for p in sorted(notice, key=len, reverse=True)))
                   if notice else None, notice_kind=notice)


def _by_kind(patterns: list[tuple[re.Pattern[str], str]]) -> list[tuple[re.Pattern[str], str]]:
    """One alternation per kind, so each kind is one named group."""
    kinds: dict[str, list[str]] = {}
    for p, k in patterns:
        kinds.setdefault(k, []).append(f"(?:{p.pattern})")
    return [(re.compile("|".join(ps)), k) for k, ps in kinds.items()]


@lru_cache(maxsize=1)
def comments_tail() -> re.Pattern[str]:
    """A short line ending in a comments word, maybe with a count: '12 Kommentare', '[ 40 comments ]'."""
    words = sorted(set(_flat(_load("comments.json").get("tail"))), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\W*(?:\(\d+\)|\d+)?\W*$")


@lru_cache(maxsize=1)
def poster_words() -> tuple[str, ...]:
    """Words that end a commenter's line ('Jane Roe says:') when a printed date follows it."""
    return tuple(sorted(set(_flat(_load("comments.json").get("poster"))), key=len, reverse=True))


@lru_cache(maxsize=1)
def byline_words() -> dict[str, Any]:
    """Byline lead words, name joiners, words that end the names, lower-case name particles."""
    data = _load("byline.json")
    return {"lead": sorted(set(_flat(data["lead"])), key=len, reverse=True),
            "bio": sorted(set(_flat(data.get("bio"))), key=len, reverse=True),
            "self": sorted(set(_flat(data.get("self"))), key=len, reverse=True),
            "join": sorted(set(_flat(data["join"])), key=len, reverse=True),
            "stop": sorted(set(_flat(data["stop"])), key=len, reverse=True),
            "particles": frozenset(p.casefold() for p in data["particles"])}


def box_names(text: str) -> set[str]:
    """The first and family name of an author box's head line ('Jane Roe', 'About Jane Roe',
    'Written by Jane Roe'): a name of two to five capitalised words, or of one after a lead word
    ('About Jane'); empty for anything else (a one-word product heading, a sentence)."""
    text = text.strip(" :")
    folded = text.casefold()
    led = False
    for lead in byline_words()["bio"]:
        if folded == lead.strip(" :") and len(lead.split()) >= 3:
            return {"*"}   # 'About the author' over the bio: any name
        if folded.startswith(lead + " ") or (lead.endswith(":") and folded.startswith(lead)):
            text, led = text[len(lead):].strip(" :"), True
            break
    toks = [t.strip(",.()") for t in text.split()]
    if not (1 if led else 2) <= len(toks) <= 5 or not all(t[:1].isupper() for t in toks if t):
        return set()
    return {t for t in (toks[0], toks[-1]) if len(t) >= 2}


_NAME_END = re.compile(r"[\s,’'(]")


def starts_with_name(text: str, names: set[str]) -> bool:
    """Whether a paragraph opens with one of these names ('Jane Roe is a writer ...', 'Jane's ...');
    any paragraph for ``{"*"}`` (the bio under 'About the author')."""
    return "*" in names or _NAME_END.split(text, maxsplit=1)[0] in names


def opens_with_name(text: str, names: set[str], self_intro: bool = True) -> bool:
    """``starts_with_name`` for the text reader, which also takes a bio in the first person
    ('I'm Jane, a writer ...', 'Hi, I'm Jane ...'): the words of ``byline.json`` ``self``."""
    if starts_with_name(text, names):
        return True
    if not self_intro:
        return False
    folded = text.casefold().replace("’", "'")
    for lead in byline_words()["self"]:
        if folded.startswith(lead + " "):
            return starts_with_name(text[len(lead) + 1:].lstrip(), names)
    return False


_GLUED_LEAD = re.compile(r"^(\w+(?: \w+)?)(?<=[a-z])(?=[A-Z][a-z])")


def unglue_lead(text: str) -> str:
    """A name line whose lead word innerText ran into the name ('Written byJane Roe'), set apart."""
    m = _GLUED_LEAD.match(text)
    if m and m.group(1).casefold() in byline_words()["bio"]:
        return text[:m.end()] + " " + text[m.end():]
    return text


@lru_cache(maxsize=1)
def language_words() -> tuple[frozenset[str], frozenset[str]]:
    """Language names and the words that, with one of them, make a 'switch language' prompt."""
    data = _load("language_prompt.json")
    return frozenset(_flat(data.get("languages"))), frozenset(_flat(data.get("cues")))


def is_language_prompt(tokens: list[str]) -> bool:
    """A short line naming a language with two cue words: 'Prefer the Polish version of this site?'"""
    if not 4 <= len(tokens) <= 40:
        return False
    names, cues = language_words()
    return not names.isdisjoint(tokens) and len(cues.intersection(tokens)) >= 2


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Label phrase (case-folded) -> record field."""
    data = _load("label.json")
    return {p.casefold(): field for field, by_lang in data.items() if field != "about"
            for p in _flat(by_lang)}


@lru_cache(maxsize=1)
def credit_lexicon() -> tuple[tuple[str, ...], frozenset[str]]:
    data = _load("credit.json")
    prefixes = tuple(sorted(set(_flat(data["prefix"])), key=len, reverse=True))
    return prefixes, frozenset(a.casefold() for a in data["agencies"])


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    data = _load("months.json")
    return {name: i + 1 for lang, names in data.items() if lang != "about"
            for i, forms in enumerate(names) for name in forms}


def key(text: str) -> str:
    """A line as the exact-match lexicons see it."""
    return " ".join(_EDGE.sub("", text.casefold()).split())


def chrome_kind(text: str, words: int, tokens: list[str] | None = None, k: str | None = None) -> str | None:  # noqa: C901
    """The boilerplate kind a lexicon gives this line, or None.

    Exact and prefix matches only apply to short lines (menus, buttons, prompts);
    ``contains`` phrases are specific enough to mark a notice, but an article
    paragraph of more than 80 words that merely mentions cookies stays.
    """
    lex = lexicons()
    folded = text.casefold()
    if words <= 5 and comments_tail().search(folded):
        return "comments"
    if words <= 8:
        hit = lex.exact.get(key(text) if k is None else k)
        if hit:
            return hit
    if words <= 25 and lex.patterns is not None and not text.endswith((".", "!")):
        m = lex.patterns.search(_LEAD.sub("", folded))
        # a header ending in '?' only as a comment counter ('6 thoughts on Is it worth it?'):
        # the title after the count is the post's, often a question
        if m and m.lastgroup and (m.lastgroup == "comments" or not text.endswith("?")):
            return m.lastgroup
    if words <= PREFIX_LABELLED and folded.startswith(lex.prefix_any):
        for phrase, kind in lex.prefix:
            # a phrase ending in a colon labels the headline after it ('Read also: ...'), however long
            if folded.startswith(phrase) and (words <= 12 or phrase.endswith(":")):
                return kind
    if words <= 80 and lex.contains is not None:
        tokens = WORD.findall(folded) if tokens is None else tokens
        m = None if lex.anchors.isdisjoint(tokens) else lex.contains.search(folded)
        if m:
            return lex.contains_kind[m.group(0)]
    if words <= NOTICE_WORDS and lex.notice is not None and lex.notice_kind:
        m = lex.notice.search(folded)
        if m:
            return lex.notice_kind[m.group(0)]
    if words <= CONTAINS_SHORT_WORDS and lex.contains_short is not None and lex.contains_short_kind:
        m = lex.contains_short.search(folded)
        if m:
            return lex.contains_short_kind[m.group(0)]
    if tokens is not None and is_language_prompt(tokens):
        return "language_prompt"
    return None


@dataclass(slots=True)
class Line:
    """One non-empty line of a dump with the features the classifier uses."""

    n: int                 # line number in the dump
    text: str
    words: int
    chars: int
    sentence_end: bool     # ends like a sentence
    bullet: bool
    tabs: bool             # table row (innerText puts tabs between cells)
    lower_start: bool
    upper_ratio: float     # share of letters in upper case
    blank_before: bool
    blank_after: bool
    chrome: str | None = None
    prose: bool = False    # running text (see is_prose)


def is_prose(line: Line) -> bool:
    """A line of running text: long, or a full sentence of some length."""
    if line.tabs or line.upper_ratio > 0.6:
        return False
    if line.words >= 20:
        return True
    if line.words >= 12 and (line.sentence_end or line.chars >= 90):
        return True
    return line.words >= 6 and line.sentence_end and line.text.count(" ") >= 5 and not line.lower_start


def make_line(n: int, text: str, blank_before: bool, blank_after: bool) -> Line:
    # short lines (menus, footers, labels) repeat across pages and are cached; paragraphs rarely do
    feats = line_features(text) if len(text) < 300 else features(text)
    words, sentence_end, bullet, upper, lower_start, chrome = feats
    line = Line(n=n, text=text, words=words, chars=len(text), sentence_end=sentence_end, bullet=bullet,
                tabs="\t" in text, lower_start=lower_start, upper_ratio=upper, blank_before=blank_before,
                blank_after=blank_after, chrome=chrome)
    line.prose = is_prose(line)
    return line


def features(text: str) -> tuple[int, bool, bool, float, bool, str | None]:
    """What a line's text alone says: words, sentence end, bullet, upper-case share, lower start, chrome."""
    tokens = WORD.findall(text.casefold())
    words = len(tokens)
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    if cjk:  # scripts without spaces: about two characters a word
        words = sum(1 for t in tokens if not _CJK.search(t)) + cjk // 2
    sample = text[:200]  # the case of a line shows in its start; long paragraphs need no full scan
    upper_n = sum(map(str.isupper, sample))
    cased = upper_n + sum(map(str.islower, sample))
    m = _FIRST_LETTER.search(text)
    return (words, bool(_SENT_END.search(text[-60:])), bool(_BULLET.match(text)),
            upper_n / cased if cased else 0.0, bool(m and m.group(0).islower()), chrome_kind(text, words, tokens))


line_features = lru_cache(maxsize=16384)(features)


def ends_like_sentence(text: str) -> bool:
    """The line ends as a sentence does (a full stop, question or exclamation mark, colon, maybe
    closing marks after it): ``Line.sentence_end``."""
    return bool(_SENT_END.search(text.rstrip()[-60:]))


def blocks(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """(first, last) index of each block of lines: lines with no blank line between."""
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and not lines[j].blank_after:
            j += 1
        yield i, j
        i = j + 1


def dense_blocks(lines: list[Line], min_lines: int, share: float) -> set[int]:
    """The lines of blocks of packed sentences: ``min_lines``+ lines, at least ``share`` of them prose
    ending like a sentence (a recipe's steps, a list of thanks); a teaser rail mixes headlines with
    its summaries."""
    out: set[int] = set()
    for i, j in blocks(lines):
        n = j - i + 1
        if n >= min_lines and sum(1 for ln in lines[i:j + 1] if ln.prose and ln.sentence_end) >= share * n:
            out.update(range(i, j + 1))
    return out


# a line of program code: ends in a brace or semicolon, opens a comment or a tag, calls, assigns
_CODE = re.compile(r"[{};]\s*$|^\s*(?://|#|/\*|\*/|<[/a-z])|\w\([^()]*\)|\s=\s|=>|\)\s*[{;]")
CODE_LINES = 3     # a listing is a block of this many lines at least ...
CODE_SHARE = 1 / 3  # ... this share of them code-like


def code_lines(lines: list[Line]) -> set[int]:
    """The lines of program listings: blocks of CODE_LINES+ lines, CODE_SHARE of them code-like."""
    out: set[int] = set()
    for i, j in blocks(lines):
        n = j - i + 1
        if n >= CODE_LINES and sum(1 for k in range(i, j + 1)
                                   if not lines[k].prose and _CODE.search(lines[k].text)) >= CODE_SHARE * n:
            out.update(range(i, j + 1))
    return out


def card_summaries(lines: list[Line], min_count: int, max_words: int) -> set[int]:
    """Summaries of teaser cards: prose lines of up to ``max_words`` words right above or below a
    short link label that is no lexicon chrome and that the page prints ``min_count``+ times
    ('Read now', 'See the analysis', 'Learn more'): a rail of cards, not an article's paragraphs."""
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.words <= 4 and not ln.prose:
            counts[ln.text.casefold()] = counts.get(ln.text.casefold(), 0) + 1
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if 1 <= ln.words <= 4 and not ln.prose and ln.chrome is None and counts[ln.text.casefold()] >= min_count:
            out.update(j for j in (i - 2, i - 1, i + 1)
                       if 0 <= j < len(lines) and lines[j].prose and lines[j].words <= max_words)
    return out


SUMMARY_LINES = 8   # a summary box holds at most this many prose lines


@lru_cache(maxsize=1)
def summary_header() -> re.Pattern[str]:
    """A summary box's header ('Key takeaways', 'TL;DR', 'Key takeaways: ...'): a phrase of
    ``summary.json`` ``header`` opening the case-folded line, alone or before a colon or a space."""
    phrases = sorted(set(_flat(_load("summary.json").get("header"))), key=len, reverse=True)
    return re.compile(r"^[\s*#•·:\-–—]*(?:" + "|".join(re.escape(p) for p in phrases) + r")(?:$|[:\s])")


def _summary_header(ln: Line) -> bool:
    return not ln.prose and ln.words <= 12 and not ln.chrome \
        and bool(summary_header().match(ln.text.casefold().replace("’", "'")))


def summary_boxes(lines: list[Line]) -> set[int]:
    """The prose lines of summary boxes: the lines packed under a summary header ('Key takeaways'
    over three sentences), or the block right after a header set apart. They are the article's own
    points, not a teaser list, although they are packed."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.prose or ln.words > 12 or not _summary_header(ln) or i + 1 >= len(lines):
            continue
        j, found = i + 1, []
        while j < len(lines) and len(found) < SUMMARY_LINES and not lines[j].chrome:
            if lines[j].prose:
                found.append(j)
            if lines[j].blank_after:
                break
            j += 1
        out.update(found)
    return out
