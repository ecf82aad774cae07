"""Dispatch: detect the input form and hand the decoded page to the right reader."""
from __future__ import annotations

import re

from quotewire.errors import EmptyInput
from quotewire.page import body, detect, html, textdump
from quotewire.page.decode import decode
from quotewire.records import Article, RawDocument

_WORD = re.compile(r"\w+")
MIN_DUMP_WORDS = 3  # a dump with fewer words than this (a page that rendered to nothing) is refused


def read_page(raw: RawDocument) -> Article:
    """Raises an ``InputError`` (see errors.py) naming ``raw.origin`` when the page is unusable."""
    text = decode(raw)
    form = raw.form if raw.form != "auto" else detect.detect_form(text, raw.content_type, raw.origin)
    doc_id = raw.doc_id or detect.default_doc_id(raw.origin)
    if raw.form == "auto" and form == "text" and len(_WORD.findall(text)) < MIN_DUMP_WORDS:
        raise EmptyInput(raw.origin, f"no article text (a near-empty text dump: {len(_WORD.findall(text))} word(s))")
    if form == "html":
        article = html.read_html(text, doc_id=doc_id, url=raw.url, origin=raw.origin)
    elif form == "text":
        article = textdump.read_text_dump(text, doc_id=doc_id)
    else:
        article = body.read_body(text, doc_id=doc_id)
    if raw.url and not article.url:
        article.url = raw.url
    if raw.date and not article.published:
        article.published = raw.date
    return article
