"""Page metadata read from the markup itself: JSON-LD, Open Graph / article meta tags, <time>.

Trafilatura's metadata gives a date only as YYYY-MM-DD and sometimes guesses; news pages
almost always state their dates and section in JSON-LD or meta tags, with the time and
zone, so those win. A date is only ever taken from the page's own markup: never from the
clock, the file or free text.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lxml.html import HtmlElement

_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "webpage",
                  "livblogposting", "liveblogposting", "report", "socialmediaposting"}
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                   "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                   "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime")
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "last-modified")
_SECTION_META = ("article:section", "og:article:section", "section", "parsely-section", "category")
_TAG_META = ("article:tag", "news_keywords", "keywords")
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
_SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
_BY = re.compile(r"^\s*by\s+", re.I)
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|\band\b|&|\|)\s*|\s*,\s*(?=[A-Z])")


@dataclass
class MarkupMeta:
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    url: str | None = None


def iso_date(value: Any) -> str | None:
    """ISO 8601 for a machine-readable date string, keeping the time and zone when given; else None."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:\.\d+)?)?\s*"
                 r"(Z|[+-]\d{2}:?\d{2})?)?", s)
    if not m:
        return None
    y, mo, d, hh, mm, ss, tz = m.groups()
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if not 1990 <= day.year <= 2100:
        return None
    if hh is None:
        return day.isoformat()
    try:
        moment = datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0))
    except ValueError:
        return day.isoformat()
    out = moment.isoformat()
    if tz:
        out += "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return out


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)
_SITE_SEP = re.compile(r"\s+(?:[-|–—:·•»]|::)\s+")
_NON_ALNUM = re.compile(r"[\W_]+")


def unescape(value: str | None) -> str | None:
    """HTML entities decoded (twice at most: JSON-LD and meta values are often escaped twice,
    ``&amp;quot;``) and whitespace squashed; None stays None."""
    if value is None:
        return None
    for _ in range(2):
        if not _ENTITY.search(value):
            break
        value = html.unescape(value)
    return " ".join(value.split())


def _site_key(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower())


def cut_site_name(title: str | None, site_names: list[str]) -> str | None:
    """``"Headline - La Stampa"``, ``"Site | Headline"`` -> ``"Headline"`` when the cut part is
    the site's name (``og:site_name``, the publisher, or the host, as in ``lastampa.it``). A
    title with no part that names the site is kept whole."""
    if not title:
        return title
    keys = {k for k in (_site_key(n) for n in site_names if n) if len(k) >= 3}
    if not keys:
        return title
    # the title's parts as (start, end) spans between separators
    spans, pos = [], 0
    for m in _SITE_SEP.finditer(title):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(title)))

    def is_site(span: tuple[int, int]) -> bool:
        k = _site_key(title[span[0]:span[1]])
        return bool(k) and any(k == key or (len(k) >= 4 and (k in key or key in k)) for key in keys)

    while len(spans) > 1 and is_site(spans[-1]):
        spans.pop()
    while len(spans) > 1 and is_site(spans[0]):
        spans.pop(0)
    return title[spans[0][0]:spans[-1][1]].strip() or title


def host_name(url: str | None) -> str | None:
    """``https://www.lastampa.it/x`` -> ``lastampa``: the registrable name, for site-name cuts."""
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url or "", re.I)
    if not m:
        return None
    labels = [x for x in m.group(1).lower().split(".") if x not in ("www", "m", "amp", "edition")]
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # example.co.uk
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else None)


def _names(value: Any) -> list[str]:
    """Author or publisher names from a JSON-LD value (str, dict or list of them)."""
    if isinstance(value, str):
        return [unescape(value) or ""]
    if isinstance(value, dict):
        name = value.get("name")
        return [unescape(name) or ""] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def split_authors(values: list[str]) -> list[str]:
    """Clean, split and de-duplicate author strings ("By A and B" -> [A, B]); URLs are dropped."""
    out: list[str] = []
    for value in values:
        value = _BY.sub("", " ".join(value.split()))
        if not value or "://" in value or value.startswith("@"):
            continue
        for name in _SPLIT_AUTHORS.split(value):
            name = name.strip(" ,.")
            if 2 <= len(name) <= 80 and not any(name.lower() == o.lower() for o in out):
                out.append(name)
    return out


def _jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, list):
            for o in obj:
                walk(o)
        elif isinstance(obj, dict):
            if "@graph" in obj:
                walk(obj["@graph"])
            found.append(obj)

    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            walk(json.loads(script.text))
        except ValueError:
            continue
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    return {x.lower() for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)}


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = m.get("content")
        if key and value and value.strip():
            tags.setdefault(key, []).append(value.strip())
    return tags


def _first(tags: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        if k in tags:
            return tags[k][0]
    return None


def read_markup_meta(tree: HtmlElement) -> MarkupMeta:
    meta = MarkupMeta()
    article = next((o for o in _jsonld_objects(tree) if _types(o) & _ARTICLE_TYPES and
                    ("headline" in o or "datePublished" in o)), None)
    tags = _meta_tags(tree)
    if article:
        meta.title = article.get("headline") if isinstance(article.get("headline"), str) else None
        meta.published = iso_date(article.get("datePublished"))
        meta.updated = iso_date(article.get("dateModified"))
        meta.authors = split_authors(_names(article.get("author")))
        pub = _names(article.get("publisher"))
        meta.publisher = pub[0] if pub else None
        section = article.get("articleSection")
        if isinstance(section, list):
            section = next((s for s in section if isinstance(s, str)), None)
        meta.section = section if isinstance(section, str) else None
        kw = article.get("keywords")
        if isinstance(kw, str):
            kw = kw.split(",")
        if isinstance(kw, list):
            meta.tags = [k.strip() for k in kw if isinstance(k, str) and k.strip()]
        meta.url = article.get("url") if isinstance(article.get("url"), str) else None
    meta.published = meta.published or iso_date(_first(tags, _PUBLISHED_META))
    if not meta.published:
        for t in tree.iter("time"):
            if t.get("datetime") and (t.get("itemprop") or "").lower() == "datepublished" or "pubdate" in t.attrib:
                meta.published = iso_date(t.get("datetime"))
                break
    meta.updated = meta.updated or iso_date(_first(tags, _UPDATED_META))
    if not meta.authors:
        meta.authors = split_authors([a for k in _AUTHOR_META for a in tags.get(k, [])])
    meta.publisher = meta.publisher or _first(tags, _SITE_META)
    meta.section = meta.section or _first(tags, _SECTION_META)
    if not meta.tags:
        for k in _TAG_META:
            if k in tags:
                meta.tags = [t.strip() for v in tags[k] for t in v.split(",") if t.strip()]
                break
    meta.title = meta.title or _first(tags, ("og:title", "twitter:title", "dc.title", "headline"))
    meta.title = unescape(meta.title)
    meta.publisher = unescape(meta.publisher)
    meta.section = unescape(meta.section)
    meta.tags = [t for t in (unescape(x) for x in meta.tags) if t]
    meta.url = meta.url or _first(tags, ("og:url",))
    if not meta.url:
        canon = tree.find(".//link[@rel='canonical']")
        meta.url = canon.get("href") if canon is not None else None
    return meta
