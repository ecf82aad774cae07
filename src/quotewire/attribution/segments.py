"""One quote per pair of quotation marks, as a reader counts them (the last stage of attribution).

Attribution finds runs of speech: ``"A," she said. "B."`` and a quote that goes on in the next
paragraph are one attribution with one cue (as PolNeAR annotates them). A reader, and the
archive, count one quote per pair of quotation marks, and one per paragraph; only a cue that
cuts one sentence (``"We will," she said, "win."``) leaves one quote in parts. ``split_runs``
cuts each run at its sentence and paragraph ends and gives the pieces one ``group``, so
``Article.joined()`` gives the runs back.
"""
from __future__ import annotations

from quotewire.attribution.quotes import QUOTE_CHARS
from quotewire.records import Article, Quote, Span


def _marked(text: str, a: int, b: int) -> bool:
    """Quoted from mark to mark, or from a mark to the end of its paragraph (a long quotation
    left open there because the next paragraph goes on with it)."""
    piece = text[a:b].strip()
    if len(piece) < 2 or not (piece[0] in QUOTE_CHARS or piece.startswith(("\u2018\u2018", "''"))):
        return False
    return piece[-1] in QUOTE_CHARS or piece.endswith(("\u2019\u2019", "''")) or (piece[-1] in ".!?" and text[b:].lstrip(" \t")[:1] in ("\n", ""))


def _cuts_sentence(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """The words between two quotations are a cue inside one sentence: ``"A," she said, "b."``."""
    gap = text[left[1]:right[0]]
    return "\n" not in gap and gap.rstrip().endswith(",")


def split_runs(article: Article) -> None:
    text = article.text
    out: list[Quote] = []
    group = 0
    for q in article.quotes:
        parts = q.content.parts
        if not parts or len(parts) < 2 or q.kind == "indirect":
            out.append(q)
            continue
        pieces: list[list[tuple[int, int]]] = [[parts[0]]]
        for prev, part in zip(parts, parts[1:]):
            joint = _cuts_sentence(text, prev, part) or not (_marked(text, *prev) and _marked(text, *part))
            if joint and "\n" not in text[prev[1]:part[0]]:
                pieces[-1].append(part)
            else:
                pieces.append([part])
        if len(pieces) == 1:
            out.append(q)
            continue
        group += 1
        for piece in pieces:
            a, b = piece[0][0], piece[-1][1]
            kind = "direct" if all(_marked(text, x, y) for x, y in piece) else q.kind
            out.append(q.model_copy(update={
                "kind": kind, "group": group,
                "content": Span(start=a, end=b, text=text[a:b], parts=piece if len(piece) > 1 else None)}, deep=True))
    article.quotes = out
