"""Keys that make the same speaker, outlet or article one archive record across articles.

Names are compared by a normalised full name: accents folded, case folded, punctuation
dropped, leading honorifics and titles removed (the language data lives in
src/quotewire/data/attribution/). Near-duplicates are merged only when the spelling differs
by a hair (rapidfuzz), never on a surname alone.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DATA = Path(__file__).resolve().parent.parent / "data" / "attribution"
FUZZY_MIN = 94.0  # rapidfuzz ratio over the whole normalised name


def _lines(name: str) -> list[str]:
    path = DATA / name
    if not path.is_file():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[str, ...], ...]:
    """Honorifics and titles as token tuples, longest first."""
    words = {fold(w) for w in _lines("honorifics.txt") + _lines("titles.txt")}
    return tuple(sorted({tuple(w.split()) for w in words if w}, key=len, reverse=True))


def fold(text: str) -> str:
    """Accent- and case-folded, punctuation to spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’`]s\b", "", text)  # possessive
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def norm_name(name: str) -> str:
    """The key a speaker is resolved by: "Dr. Ana Lima" and "ana lima" give "ana lima"."""
    tokens = fold(name).split()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for pre in _prefixes():
            if len(tokens) > len(pre) and tuple(tokens[:len(pre)]) == pre:
                tokens = tokens[len(pre):]
                changed = True
                break
    return " ".join(tokens)


@lru_cache(maxsize=1)
def _modifiers() -> frozenset[str]:
    """Words before a title that say when it held ("former", "then"): dropped with the title."""
    return frozenset(fold(w) for w in _lines("title_modifiers.txt") if fold(w))


@lru_cache(maxsize=1)
def _name_titles() -> frozenset[str]:
    """Titles that are part of a name before a single given name ("Prince Andrew", "Pope Francis")."""
    return frozenset(fold(w) for w in _lines("name_titles.txt") if fold(w))


def _strip_front(folded: list[str]) -> int:
    """How many leading tokens are honorifics, titles or their modifiers ("former President"); a
    name title before a single given name stays ("Prince Andrew" is that name, not "Andrew")."""
    i = 0
    changed = True
    while changed and len(folded) - i > 1:
        changed = False
        if len(folded) - i == 2 and folded[i] in _name_titles():
            break
        if folded[i] in _modifiers():
            i += 1
            changed = True
            continue
        for pre in _prefixes():
            if len(folded) - i > len(pre) and tuple(folded[i:i + len(pre)]) == pre:
                i += len(pre)
                changed = True
                break
    return i


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key one person's name variants share: norm_name with leading modifiers ("former") and
    middle initials dropped: "President Donald J. Trump" and "Donald Trump" give "donald trump"."""
    tokens = fold(name).split()
    tokens = tokens[_strip_front(tokens):]
    if len(tokens) > 2:
        inner = [t for t in tokens[1:-1] if len(t) > 1]
        tokens = [tokens[0], *inner, tokens[-1]]
    return " ".join(tokens)


@lru_cache(maxsize=65536)
def display_form(name: str) -> str:
    """The name as written, leading honorifics and titles off: "President Donald Trump" -> "Donald Trump"."""
    words = name.split()
    drop = _strip_front(fold(name).split())
    i = 0
    while i < len(words) and drop > 0:
        drop -= len(fold(words[i]).split())
        i += 1
    return " ".join(words[i:]) if 0 < i < len(words) and drop == 0 else " ".join(words)


def near_duplicate(a: str, b: str) -> bool:
    """Conservative: same number of tokens, same initials, and a tiny edit distance overall."""
    from rapidfuzz import fuzz

    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(ta) != len(tb) or any(x[0] != y[0] for x, y in zip(ta, tb)):
        return False
    if min(len(a), len(b)) < 8:
        return False
    return fuzz.ratio(a, b) >= FUZZY_MIN


def outlet_key(name: str | None, url: str | None) -> tuple[str, str, str | None] | None:
    """(key, display name, domain) for an article's outlet, or None when nothing names one."""
    domain = None
    if url:
        host = (urlsplit(url).hostname or "").lower()
        domain = host[4:] if host.startswith("www.") else host or None
    if domain:
        return domain, (name or domain).strip()[:300], domain
    if name and fold(name):
        return "name:" + fold(name)[:290], name.strip()[:300], None
    return None


TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


def norm_url(url: str) -> str:
    """Same page, same key: fragment and tracking parameters dropped, host lowercased."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_identity(url: str | None, text: str) -> str:
    if url and urlsplit(url.strip()).netloc:
        return "url:" + norm_url(url)[:590]
    return "sha256:" + sha256(text)


def like_prefix(key: str, n: int = 2) -> str:
    """A LIKE pattern for names starting like ``key`` (near-duplicate candidates)."""
    head = key[:n].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return head + "%"
