"""Plain article text given as the body: ``text`` is the input unchanged, so offsets index it."""
from __future__ import annotations

import re

from quotewire.records import Article, Block

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def read_body(text: str, doc_id: str) -> Article:
    blocks = []
    for m in _PARA.finditer(text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail <= lead:
            continue
        start, end = m.start() + lead, m.start() + trail
        blocks.append(Block(kind="paragraph", start=start, end=end, text=text[start:end]))
    return Article(doc_id=doc_id, text=text, blocks=blocks, source_form="body")
