"""The one path from raw input to result: page -> language -> spaCy parse -> attribution.

The CLI, the archive, the local runner and the Ray runner all call ``process`` or
``process_many``; nothing else runs the stages. ``process_many`` batches the parse through
``nlp.pipe`` and parses each text exactly once.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from quotewire import attribution, nlp
from quotewire.attribution import languages as other_languages
from quotewire.errors import QuotewireError
from quotewire.nlp import languages
from quotewire.page import read_page
from quotewire.records import Article, InputForm, RawDocument, Result, Skipped

ATTRIBUTED_LANGUAGES = {"en"}  # the pipeline's spaCy model is English
# Other languages go through their own layer (nlp/languages.py) and rules (attribution/languages/),
# loaded on the first text of the language: an English-only process never loads them.
# A one-word string naming a page file ("page.html", "dumps/a.txt"): a missing file, not text.
_PATHLIKE = re.compile(r"^\S+\.(?:html?|xhtml|txt|text|md|gz)$", re.I)


def as_raw(item: RawDocument | str | bytes | os.PathLike[str], *, form: InputForm = "auto",
           doc_id: str | None = None) -> RawDocument:
    """A path, raw bytes or a page's text as a RawDocument."""
    if isinstance(item, RawDocument):
        raw = item
    elif isinstance(item, bytes):
        raw = RawDocument(data=item, origin=doc_id or "<bytes>")
    elif isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item and len(item) < 4096
                                           and (Path(item).exists() or _PATHLIKE.match(item))):
        from quotewire.sources import read_path

        raw = read_path(item)
    else:
        raw = RawDocument(data=str(item).encode("utf-8"), origin=doc_id or "<text>", encoding="utf-8")
    updates: dict[str, object] = {}
    if form != "auto":
        updates["form"] = form
    if doc_id:
        updates["doc_id"] = doc_id
    return raw.model_copy(update=updates) if updates else raw


def _read(raw: RawDocument) -> Result:
    try:
        article = read_page(raw)
    except QuotewireError as exc:
        return Result(origin=raw.origin, skipped=Skipped(origin=raw.origin, reason=exc.reason, message=exc.message))
    if not article.text.strip():
        return Result(origin=raw.origin, skipped=Skipped(origin=raw.origin, reason="no_content",
                                                         message="no article text found"))
    article.language = nlp.detect_language(article.text)
    return Result(origin=raw.origin, article=article)


def process_many(raws: Iterable[RawDocument], *, batch_size: int = 32, attribute: bool = True) -> Iterator[Result]:
    """Results in input order; a bad input becomes a Skipped result and never stops the rest."""
    it = iter(raws)
    while chunk := list(islice(it, batch_size)):
        results = [_read(raw) for raw in chunk]
        if attribute:
            todo: list[Article] = [r.article for r in results
                                   if r.article is not None and r.article.language in ATTRIBUTED_LANGUAGES]
            for article, doc in zip(todo, nlp.parse_many((a.text for a in todo), batch_size=batch_size)):
                attribution.attribute(article, doc)
                keep_body_quotes(article)
            for article in (r.article for r in results if r.article is not None
                            and r.article.language in languages.supported()):
                other_languages.attribute(article, languages.parse(article.language, article.text))
                keep_body_quotes(article)
        yield from results


def keep_body_quotes(article: Article) -> Article:
    """Drop quotes that do not lie in the article's blocks (the headline and the body; page chrome is
    in ``boilerplate``, outside ``text``), and the speakers only they named. A headline in a
    reporting form ("Mayor says ...") is a quote; attribution decides which headlines are."""
    spans = [(b.start, b.end) for b in article.blocks]

    def inside(a: int, b: int) -> bool:  # starts and ends in body blocks (a quote may run over paragraphs)
        return any(s <= a < e for s, e in spans) and any(s < b <= e for s, e in spans)

    quotes = [q for q in article.quotes
              if all(inside(a, b) for a, b in (q.content.parts or [(q.content.start, q.content.end)]))]
    if len(quotes) != len(article.quotes):
        names = {q.speaker.name for q in quotes if q.speaker.name}
        dropped = {q.speaker.name for q in article.quotes if q.speaker.name} - names
        article.quotes = quotes
        article.speakers = [sp for sp in article.speakers if sp.name not in dropped]
    return article


def process(raw: RawDocument | str | bytes | os.PathLike[str], *, form: InputForm = "auto",
            doc_id: str | None = None, attribute: bool = True) -> Result:
    """One input to one Result (an Article, or Skipped with its reason)."""
    try:
        item = as_raw(raw, form=form, doc_id=doc_id)
    except QuotewireError as exc:
        return Result(origin=exc.origin, skipped=Skipped(origin=exc.origin, reason=exc.reason, message=exc.message))
    return next(process_many([item], batch_size=1, attribute=attribute))


def read(path_or_text: str | bytes | os.PathLike[str], *, form: InputForm = "auto",
         doc_id: str | None = None) -> Article:
    """The short Python API: an Article, or the input's error raised (see errors.py)."""
    result = process(path_or_text, form=form, doc_id=doc_id)
    if result.article is None:
        assert result.skipped is not None
        from quotewire.errors import REASONS, QuotewireError as Base

        cls = REASONS.get(result.skipped.reason, Base)
        raise cls(result.skipped.origin, result.skipped.message, reason=result.skipped.reason)
    return result.article
