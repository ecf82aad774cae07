"""Which form a page arrived in: HTML, a browser text dump, or a clean article body.

* ``html``: markup (a declared HTML content type, or tags near the start);
* ``body``: nothing but prose paragraphs, taken as is (``text`` is the input unchanged);
* ``text``: anything else, i.e. a text dump with menus, labels and prompts around the article.

Wrongly calling a dump a body would leave page chrome in ``text``, so ``body`` needs every
line to read as prose; ``--form``/``--as-body`` override the guess.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from quotewire.errors import ConfigError

FORMS = ("html", "text", "body")
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title|section|main|span|br|h[1-6])\b"
                   r"[^>]*>", re.I)
_TAGS = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*(?:\s[^<>]*)?>")
_SENT_END = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
_WORD = re.compile(r"\w+")


def check_form(form: str | None) -> str:
    """A user-given form name, validated ("auto" when None)."""
    form = (form or "auto").strip().lower()
    if form not in ("auto", *FORMS):
        raise ConfigError("--form", f"unknown form {form!r}: choose html, text or body")
    return form


_PAGE_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.I)
_MARKUP_START = re.compile(r"<(?:!--|!doctype|\?xml|/?[a-zA-Z][\w:-]*[\s/>])", re.I)


def looks_like_html(text: str) -> bool:
    """Markup from the start; a page whose first character is prose is HTML only when it has the
    page's own tags (``<html>``, ``<head>``, ``<body>``): a text dump of an article about code
    shows tags inside its prose (``<div className=...>``, ``<branch>``) and stays text."""
    head = text[:65536].lstrip("\ufeff \t\r\n")
    if head[:15].lower().startswith(("<!doctype html", "<html", "<?xml")) and _HTML.search(head):
        return True
    tags = _TAGS.findall(head)
    if len(tags) < 3 or not _HTML.search(head):
        return False
    return bool(_MARKUP_START.match(head)) or bool(_PAGE_TAG.search(head))


def looks_like_body(text: str) -> bool:
    """Only prose paragraphs: every line a sentence-like run of words, no page furniture."""
    from quotewire.page.lines import chrome_kind

    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    for ln in lines:
        words = len(_WORD.findall(ln))
        if "\t" in ln or words < 4:
            return False
        if words < 12 and not _SENT_END.search(ln):
            return False
        if chrome_kind(ln, words):
            return False
    return True


def detect_form(text: str, content_type: str | None, origin: str) -> str:
    ctype = (content_type or "").lower()
    if "html" in ctype or "xml" in ctype:
        return "html"
    name = origin.lower()
    if name.endswith((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml", ".shtml")) and _HTML.search(text[:65536]):
        return "html"
    if not ctype.startswith("text/plain") and looks_like_html(text):
        return "html"
    return "body" if looks_like_body(text) else "text"


def default_doc_id(origin: str) -> str:
    name = PurePath(origin.split("?")[0].split("#")[0].rstrip("/")).name or "doc"
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name or "doc"
