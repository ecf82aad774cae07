"""Metadata in a text dump: label/value lines, bylines, printed dates, image credits.

Dates are read, never invented: a label with no value, or a value that is not a
recognisable date, leaves the field null.
"""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache

from quotewire.page.lines import CHROME_DIR, WORD, byline_words, credit_lexicon, key, labels, months

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_DMY_NUM = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2})[:.h](\d{2})(?:\s*([ap])\.?m\.?)?", re.I)
_WORDS = re.compile(r"[^\W\d_]+\.?|\d{1,4}(?:st|nd|rd|th)?\b|\d{1,2}(?=[.:h])", re.I)
_NAME_START = re.compile(r"^[^\W\d_]")
_SEGMENTS = re.compile(r"\s+[|•·—–-]\s+|\s{2,}|\t")
_PARTS = re.compile(r"\s*/\s*|\s+via\s+|\s*\|\s*")
_PAREN_TAIL = re.compile(r"\(([^()]{2,50})\)\s*$")
_DIGITS = re.compile(r"\D")


@lru_cache(maxsize=1)
def _byline_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Compiled from data/chrome/byline.json: lead ('By'), joiners ('and'), stop words ('on')."""
    w = byline_words()
    alt = lambda ws: "|".join(re.escape(x) for x in ws)  # noqa: E731
    lead = re.compile(r"^(?:" + alt(w["lead"]) + r")\s*:?\s+(.+)$", re.I)
    split = re.compile(r"\s*(?:,|(?<!\w)(?:" + alt(w["join"]) + r")(?!\w))\s*", re.I)
    stop = re.compile(r"(?<!\w)(?:" + alt(w["stop"]) + r")(?!\w).*$", re.I)
    return lead, split, stop, w["particles"]


@lru_cache(maxsize=1)
def _credit_tail() -> re.Pattern[str]:
    """'... (Photo: Jane Roe/AFP)', '... Foto: Max Muster': a credit label (from credit.json) at a line's end."""
    prefixes, _ = credit_lexicon()
    labels_ = sorted({p.rstrip(": ").strip() for p in prefixes if p.endswith(":") and p[0].isalpha()},
                     key=len, reverse=True)
    return re.compile(r"[(\[]?(?<!\w)(?:" + "|".join(re.escape(x) for x in labels_) + r")\s*:\s*"
                      r"([^()\[\]]{2,60})[)\]]?\s*$", re.I)


def _name_word(w: str, particles: frozenset[str]) -> bool:
    return bool(_NAME_START.match(w)) and (w[0].isupper() or w.casefold() in particles or len(w) <= 3)


def parse_date(text: str) -> str | None:
    """ISO 8601 date (or date-time when a time is printed) from a printed date, or None."""
    if not _YEAR.search(text):
        return None  # every form read here prints a four-digit year
    m = _ISO.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _valid(y, mo, d):
            return None
        if m.group(4):
            out = f"{y:04d}-{mo:02d}-{d:02d}T{m.group(4)}:{m.group(5)}:{m.group(6) or '00'}"
            return out + (m.group(7) or "")
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _DMY_NUM.search(text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
    return _named_month(text)


def _valid(y: int, mo: int, d: int) -> bool:
    if not (1990 <= y <= 2100):
        return False
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _named_month(text: str) -> str | None:
    """'12 March 2024', 'March 12, 2024', 'Jan. 7, 2021 4:15 pm', '12. März 2024', '12 de marzo de 2024'."""
    names = months()
    tokens = [t.rstrip(".").casefold() for t in _WORDS.findall(text)]
    month = None
    for i, t in enumerate(tokens):
        if t in names and (month is None):
            month = (i, names[t])
    if month is None:
        return None
    i, mo = month
    nums = [(j, int(_DIGITS.sub("", t))) for j, t in enumerate(tokens) if t[:1].isdigit()]
    years = [(j, n) for j, n in nums if 1990 <= n <= 2100]
    days = [(j, n) for j, n in nums if 1 <= n <= 31 and abs(j - i) <= 3]
    if not years or not days:
        return None
    y = min(years, key=lambda jn: abs(jn[0] - i))[1]
    d = min(days, key=lambda jn: abs(jn[0] - i))[1]
    if not _valid(y, mo, d):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    tm = _TIME.search(text)
    if tm:
        h, mi = int(tm.group(1)), int(tm.group(2))
        ap = (tm.group(3) or "").lower()
        if ap == "p" and h < 12:
            h += 12
        elif ap == "a" and h == 12:
            h = 0
        if h < 24 and mi < 60:
            out += f"T{h:02d}:{mi:02d}:00"
    return out


def label_of(text: str) -> tuple[str, str | None] | None:
    """(field, inline value or None) when the line is a metadata label, alone or as 'Label: value'."""
    table = labels()
    k = key(text)
    if k in table and len(text) <= 40 and WORD.findall(text):
        return table[k], None
    head, sep, value = text.partition(":")
    if sep and value.strip():
        hk = key(head)
        if hk in table and len(head) <= 30:
            return table[hk], value.strip()
    # 'Updated 12 March 2024', 'Published on 2024-03-12'
    if len(text) <= 80:
        m = _date_label().match(text.casefold())
        if m:
            rest = text[m.end():].strip(" :")
            if parse_date(rest):
                return table[m.group(1)], rest
    return None


@lru_cache(maxsize=1)
def _date_label() -> re.Pattern[str]:
    phrases = sorted((p for p, f in labels().items() if f in ("published", "updated")), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(p) for p in phrases) + r")[ :]")


def byline_authors(text: str) -> list[str] | None:
    """Names from a byline ('By Jane Doe and John Roe'), or None when the line is not one."""
    if len(text) > 120:
        return None
    lead, split, stop, particles = _byline_res()
    m = lead.match(text)
    if not m:
        return None
    rest = _SEGMENTS.split(m.group(1))[0]
    rest = stop.sub("", rest).strip(" ,;:")
    agencies = credit_lexicon()[1]
    names = [n.strip(" ,;:") for n in split.split(rest) if n.strip(" ,;:")]
    names = [n for n in names if n.casefold() not in agencies]
    good = [n for n in names if 1 <= len(n.split()) <= 5 and all(_name_word(w, particles) for w in n.split())
            and any(c.isupper() for c in n)]
    return good if good and len(good) == len(names) else None


def is_date_line(text: str) -> bool:
    """A short line that is only a printed date (and maybe a time or a zone)."""
    if len(text) > 60 or not parse_date(text):
        return False
    rest = WORD.findall(text)
    nonnum = [w for w in rest if not w[0].isdigit() and w.casefold() not in months()]
    return len(nonnum) <= 5


def credit_of(text: str) -> tuple[str, str | None] | None:
    """(credit, caption part or None) when the line is an image credit, or ends with one."""
    prefixes, agencies = credit_lexicon()
    low = text.casefold()
    if low.startswith(("(", "[")) and low.endswith((")", "]")):
        low, text = low[1:-1].strip(), text[1:-1].strip()  # '(Image: © Agency)'
        if low.startswith(("image credit", "photo credit")):
            low, text = low[12:].lstrip(), text[12:].lstrip()
            return (text.strip(" :-–—") or text), None
    words = len(WORD.findall(text))
    if words <= 20 and low.startswith(prefixes):
        for p in prefixes:
            if low.startswith(p):
                return text[len(p):].strip(" :-–—"), None  # '' when the value is on the next line
    if words <= 8 and _names_agency(text, agencies):
        return text.strip("()[] "), None
    # caption with the credit at its end: '... (Photo: Jane Doe/AFP)', '... Photo: X'
    m = _credit_tail().search(text)
    if m and m.start() > 10:
        return m.group(1).strip(), text[:m.start()].strip(" |-–—")
    # '... on Tuesday. (AP)', '... (Jane Doe/Reuters)'
    m = _PAREN_TAIL.search(text)
    if m and m.start() > 10 and words <= 60 and _names_agency(m.group(1), agencies):
        return m.group(1).strip(), text[:m.start()].strip()
    return None


def _names_agency(text: str, agencies: frozenset[str]) -> bool:
    """'Getty Images', 'Jane Doe/Getty Images', 'AP Photo/Jane Doe', 'X via Getty Images'.

    Short agency names (AP, EPA, PA) count only in capitals: 'ePA' or 'pa' are words.
    """
    parts = [p.strip(" .,;:()[]") for p in _PARTS.split(text.strip(" ()[]"))]
    if not parts or not all(1 <= len(p.split()) <= 4 for p in parts):
        return False
    for p in parts:
        low = p.casefold()
        if low in agencies and (len(p) > 4 or p.isupper()):
            return True
        if low.endswith(" photo") and low[:-6] in agencies and p[:-6].isupper():
            return True
    return False


@lru_cache(maxsize=1)
def _copyright() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """From data/chrome/copyright.json: the marks, the rights phrases, words that name no owner."""
    data = json.loads((CHROME_DIR / "copyright.json").read_text(encoding="utf-8"))
    alt = lambda ws: "|".join(re.escape(x) for x in sorted(set(ws), key=len, reverse=True))  # noqa: E731
    # a word mark must end its word: 'copyrighted' is no mark
    marks = re.compile(r"(?<!\w)(?:(?:" + alt(m.casefold() for m in data["marks"])
                       + r")(?:(?<=\W)|(?![^\W\d_]))\s*)+", re.I)
    rights = re.compile(r"(?:" + alt(p.casefold() for ps in data["rights"].values() for p in ps) + r")", re.I)
    return marks, rights, frozenset(w.casefold() for ws in data["not_owner"].values() for w in ws)


_YEARS = re.compile(r"(?<!\w)(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?(?!\w)")
_OWNER_END = re.compile(r"\.\s|\.(?=[A-Z][a-z])|\s[|–—-]\s|[|(\"“]|\s-$|\.$|,\s*(?=(?i:a|contact)\b)")


def copyright_owner(text: str, in_footer: bool) -> str | None:
    """The owner a copyright line names ('© 2019 Name Ltd. All rights reserved.' -> 'Name Ltd'), or None.

    Inside the article a line opening with '©' is usually a photo credit, so there a line
    counts only with a year or a rights phrase; a line about copyright ('Copyright policy',
    'Image copyright Agency') names no owner.
    """
    if len(text) > 300:
        return None
    marks, rights, not_owner = _copyright()
    m = marks.search(text)
    if m is None:
        return None
    has_year = _YEARS.search(text) is not None
    has_rights = rights.search(text) is not None
    if not in_footer and not (has_year or has_rights):
        return None
    before = WORD.findall(text[:m.start()])
    if text[m.end():].startswith((".", ",", ";")) or \
            (before and len(before) <= 2 and before[-1].casefold() in not_owner):
        return None  # 'subject to copyright.', 'Image copyright EPA'
    rest = rights.sub(" ", text[m.end():]).strip()
    while True:   # leading years and punctuation: '2004-2019 ', ', '
        y = _YEARS.match(rest) or marks.match(rest)
        stripped = (rest[y.end():] if y else rest).lstrip(" ,.:;-–—©·•|")
        if stripped == rest:
            break
        rest = stripped
    y = _YEARS.search(rest)
    if y:
        rest = rest[:y.start()]
    end = _OWNER_END.search(rest)
    name = (rest[:end.start()] if end else rest).strip(" ,.:;-–—©")
    name = re.sub(r"\s*,\s*$", "", name)
    return name if _owner_like(name, not_owner) else None


def _owner_like(name: str, not_owner: frozenset[str]) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 7 or len(name) > 70 or not any(c.isalpha() for c in name):
        return False
    if words[0].casefold() in not_owner or not name[0].isalnum():
        return False
    return any(c.isupper() for c in name) or len(words) <= 3


def publisher_of(texts: list[str], end: int) -> str | None:
    """The publisher a dump shows, or None (never guessed).

    The owner named by its last copyright line (the footer's); else a site name: one of
    the dump's first three lines, a short capitalised name that the page prints again
    inside another line ('Photograph: Riverside Times', 'About Riverside Times').
    """
    for i in range(len(texts) - 1, -1, -1):
        owner = copyright_owner(texts[i], in_footer=i > end)
        if owner:
            return owner
    for i, t in enumerate(texts[:3]):
        words = t.split()
        if not 1 <= len(words) <= 4 or len(t) > 40 or not all(w[:1].isupper() for w in words) \
                or t.endswith((".", ":", "?", "!")) or parse_date(t) or label_of(t) or key(t) in _NOT_SITE:
            continue
        pat = re.compile(r"(?<!\w)" + re.escape(t) + r"(?!\w)")
        if any(pat.search(o) for j, o in enumerate(texts) if j != i and o != t):
            return t
    return None


_NOT_SITE = frozenset({"home", "menu", "search", "skip to content", "skip to main content", "news"})


__all__ = ["parse_date", "label_of", "byline_authors", "is_date_line", "credit_of", "copyright_owner",
           "publisher_of"]
