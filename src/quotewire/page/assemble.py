"""Turns what a reader found (blocks, metadata, chrome) into an Article with exact offsets.

Every reader (text dump, HTML, plain body) fills a ``PageParts``; only this module lays
out ``text``, so the contract's rule holds everywhere: the title first, then the body
blocks, separated by one blank line, and ``text[b.start:b.end] == b.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from quotewire.records import Article, Block, BlockKind, Boilerplate, Image, SpeakerCard

SEPARATOR = "\n\n"


@dataclass
class PageParts:
    title: str | None = None
    blocks: list[tuple[BlockKind, str]] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    category: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    # speaker cards beside pull quotes: (index into `blocks` of the quote block, name, role or None)
    speaker_cards: list[tuple[int, str, str | None]] = field(default_factory=list)


def assemble(doc_id: str, parts: PageParts, source_form: str) -> Article:
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0

    def add(kind: BlockKind, text: str) -> None:
        nonlocal pos
        text = text.strip()
        if not text:
            return
        if pieces:
            pieces.append(SEPARATOR)
            pos += len(SEPARATOR)
        pieces.append(text)
        blocks.append(Block(kind=kind, start=pos, end=pos + len(text), text=text))
        pos += len(text)

    if parts.title:
        add("title", parts.title)
    index_of: dict[int, int] = {}
    for i, (kind, text) in enumerate(parts.blocks):
        add(kind, text)
        index_of[i] = len(blocks) - 1
    cards = [SpeakerCard(block=index_of[i], name=name, role=role)
             for i, name, role in parts.speaker_cards if i in index_of]
    return Article(
        doc_id=doc_id, title=parts.title, category=parts.category, published=parts.published,
        images=parts.images, text="".join(pieces), blocks=blocks, boilerplate=parts.boilerplate,
        authors=parts.authors, publisher=parts.publisher, url=parts.url, updated=parts.updated,
        tags=parts.tags, speaker_cards=cards, source_form=source_form,  # type: ignore[arg-type]
    )
