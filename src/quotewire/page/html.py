"""Reader for HTML pages (placeholder: trafilatura's text, one paragraph a line)."""
from __future__ import annotations

import trafilatura

from quotewire.page.assemble import PageParts, assemble
from quotewire.records import Article


def read_html(html: str, doc_id: str, url: str | None = None, origin: str = "") -> Article:
    body = trafilatura.extract(html, url=url) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    parts = PageParts(title=meta.title if meta else None,
                      blocks=[("paragraph", ln) for ln in body.split("\n") if ln.strip()])
    return assemble(doc_id, parts, "html")
