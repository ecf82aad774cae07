"""A body that trafilatura returns as one run of text is cut back into the page's own blocks.

On some templates trafilatura's recovery of "wild" text gives the whole article as a single
paragraph: headings, list items and paragraphs run together ("... feel more cared for. Keep
Less Than You Think Jane Roe says ..."). The text is right, the structure is lost, and with it
what the rest of the pipeline reads from the structure: a heading glued to the next sentence
becomes part of a speaker's name, a quote can run over a heading, the UI shows one block.

The page itself still has the structure: the run of text is its block elements' texts in page
order. ``resplit`` finds those texts in the long paragraph, one after the other, and cuts there:
a heading's text becomes a heading, list items a list, the rest paragraphs. The text is not
changed, only where blocks begin; a piece of the page that cannot be found in order is skipped,
so at worst the paragraph stays as it was. Short pieces (under ``LOOSE_CHARS``) must follow the
previous cut directly, so that a word such as "Share" is never cut out of a sentence; longer ones
found once in the text anchor the cuts, in the longest run whose places rise with the page order,
so that a menu item the article happens to repeat near its end does not swallow what is before it.
"""
from __future__ import annotations

from bisect import bisect_left

from lxml.html import HtmlElement

from quotewire.page.html_extras import squash
from quotewire.records import BlockKind

LONG_CHARS = 1500  # a paragraph this long is checked against the page's blocks
LOOSE_CHARS = 25   # a piece shorter than this is only taken right at the previous cut
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LEAVES = _HEADINGS | {"p", "li", "blockquote", "dt", "dd", "figcaption", "pre"}
_SKIP = {"script", "style", "noscript", "template", "svg"}  # not nav: broken markup can nest a whole page in a menu


def _pieces(tree: HtmlElement) -> list[tuple[BlockKind, str]]:
    """The page's innermost block elements (heading, paragraph, list item ...) with their text."""
    out: list[tuple[BlockKind, str]] = []
    for el in tree.iter(*_LEAVES):
        if any(d.tag in _LEAVES for d in el.iterdescendants()) or any(
                a.tag in _SKIP for a in el.iterancestors()):
            continue
        text = squash(" ".join(el.itertext()))
        if text:
            kind: BlockKind = "heading" if el.tag in _HEADINGS else "list" if el.tag == "li" else "paragraph"
            out.append((kind, text))
    return out


def _at(text: str, piece: str, pos: int) -> bool:
    """``piece`` found at ``pos`` starts and ends on word boundaries (pieces may be glued: "nature.As")."""
    end = pos + len(piece)
    return not ((pos > 0 and text[pos - 1].isalnum() and piece[0].isalnum())
                or (end < len(text) and text[end].isalnum() and piece[-1].isalnum()))


def _anchors(text: str, pieces: list[tuple[BlockKind, str]]) -> dict[int, int]:
    """Piece index -> position for the long pieces found exactly once, in page order: the longest
    run of them whose positions rise with their order (a menu item that the text repeats near its
    end is found once too, out of order, and left out)."""
    found: list[tuple[int, int]] = []
    for i, (_, piece) in enumerate(pieces):
        if len(piece) < LOOSE_CHARS:
            continue
        pos = text.find(piece)
        if pos >= 0 and text.find(piece, pos + 1) < 0 and _at(text, piece, pos):
            found.append((i, pos))
    # the longest run whose positions rise (patience sorting; i already rises)
    tails: list[int] = []  # tails[n]: index in found of the smallest last position of a run of n + 1
    back = [-1] * len(found)
    for k, (_, pos) in enumerate(found):
        n = bisect_left(tails, pos, key=lambda t: found[t][1])
        back[k] = tails[n - 1] if n else -1
        tails[n:n + 1] = [k]
    keep: dict[int, int] = {}
    k = tails[-1] if tails else -1
    while k >= 0:
        keep[found[k][0]] = found[k][1]
        k = back[k]
    return keep


def _cuts(text: str, pieces: list[tuple[BlockKind, str]]) -> list[tuple[int, BlockKind]]:
    """Where each found piece begins in ``text``, with its kind, in order."""
    anchors = _anchors(text, pieces)
    later = sorted(anchors.items())
    cuts: list[tuple[int, BlockKind]] = []
    cursor, nxt = 0, 0
    for i, (kind, piece) in enumerate(pieces):
        while nxt < len(later) and later[nxt][0] < i:
            nxt += 1
        limit = later[nxt][1] if nxt < len(later) else len(text)  # the next anchor's place
        if i in anchors:
            pos = anchors[i]
        else:
            pos = text.find(piece, cursor, limit)
            if pos < 0 or pos + len(piece) > limit or not _at(text, piece, pos) or (
                    len(piece) < LOOSE_CHARS and pos > cursor + 1):
                continue  # a short piece is trusted only where the previous one ended
        if pos < cursor:
            continue
        end = pos + len(piece)
        cuts.append((pos, kind))
        if end < len(text):
            cuts.append((end + (text[end] == " "), "paragraph"))  # what follows it is text of its own
        cursor = end
    return cuts


def _split(text: str, pieces: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    cuts = sorted({pos: kind for pos, kind in _cuts(text, pieces)}.items())  # a piece's own kind wins
    if len(cuts) < 2:
        return [("paragraph", text)]
    if cuts[0][0] != 0:
        cuts.insert(0, (0, "paragraph"))
    out: list[tuple[BlockKind, str]] = []
    for (start, kind), nxt in zip(cuts, cuts[1:] + [(len(text) + 1, "paragraph")]):
        part = text[start:nxt[0]].strip()
        if not part:
            continue
        if kind == "list" and out and out[-1][0] == "list":
            out[-1] = ("list", out[-1][1] + "\n" + part)  # the items of one list stay one block
        else:
            out.append((kind, part))
    return out


def resplit(blocks: list[tuple[BlockKind, str]], tree: HtmlElement) -> list[tuple[BlockKind, str]]:
    """``blocks`` with every paragraph of ``LONG_CHARS`` or more cut at the page's own blocks."""
    if not any(kind == "paragraph" and len(text) >= LONG_CHARS for kind, text in blocks):
        return blocks
    pieces = _pieces(tree)
    out: list[tuple[BlockKind, str]] = []
    for kind, text in blocks:
        if kind == "paragraph" and len(text) >= LONG_CHARS:
            out.extend(_split(text, pieces))
        else:
            out.append((kind, text))
    return out
