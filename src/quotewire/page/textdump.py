"""Reader for plain-text dumps of rendered pages (placeholder: every non-empty line a paragraph)."""
from __future__ import annotations

from quotewire.page.assemble import PageParts, assemble
from quotewire.records import Article


def read_text_dump(text: str, doc_id: str) -> Article:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    parts = PageParts(title=lines[0] if lines else None, blocks=[("paragraph", ln) for ln in lines[1:]])
    return assemble(doc_id, parts, "text")
