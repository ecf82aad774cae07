"""Helpers for the tests of German, French, Spanish, Italian, Polish, Russian and Ukrainian (sentences written for them)."""
from __future__ import annotations

from quotewire import pipeline
from quotewire.records import Article, Quote


def read(text: str, lang: str) -> Article:
    result = pipeline.process(text.encode("utf-8"), form="body")
    assert result.article is not None, result.skipped
    assert result.article.language == lang, (result.article.language, text)
    for q in result.article.quotes:  # spans index the text
        assert result.article.text[q.content.start:q.content.end] == q.content.text
        if q.speaker.mention is not None:
            assert result.article.text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.mention.text
    return result.article


def said(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    """(kind, content, speaker name) of each quote; a content in parts gives its parts joined by `` | ``."""
    a = read(text, lang)
    out = []
    for q in a.quotes:
        content = " | ".join(a.text[s:e] for s, e in q.content.parts) if q.content.parts else q.content.text
        out.append((q.kind, content, q.speaker.name))
    return out


def one(text: str, lang: str) -> Quote:
    a = read(text, lang)
    assert len(a.quotes) == 1, [(q.kind, q.content.text) for q in a.quotes]
    return a.quotes[0]


def mention(q: Quote) -> str | None:
    return q.speaker.mention.text if q.speaker.mention is not None else None
