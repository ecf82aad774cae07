"""Which form a page arrived in: HTML, a browser text dump, or a clean article body."""
from __future__ import annotations

import re
from pathlib import PurePath

_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def detect_form(text: str, content_type: str | None, origin: str) -> str:
    if content_type and "html" in content_type.lower():
        return "html"
    head = text[:4096]
    if _HTML.search(head) or origin.lower().endswith((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")):
        if _HTML.search(text[:65536]):
            return "html"
    # A text dump has short label/menu lines around the article; a body is paragraphs only.
    return "text"


def default_doc_id(origin: str) -> str:
    name = PurePath(origin.split("?")[0].rstrip("/")).name or "doc"
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name or "doc"
