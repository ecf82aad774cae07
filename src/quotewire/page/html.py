"""Reader for HTML pages: trafilatura finds the main content; we keep its structure and the chrome.

Trafilatura's XML tree (``head``, ``p``, ``quote``, ``list``, ``table``) becomes the record's
blocks. Where trafilatura falls short on news pages we post-process, each step measured by
benchmarks/bench_extraction.py (see docs/reading-pages.md):

* a body that trafilatura returns as one run of text -> cut back into the page's blocks
  (``resplit.py``);
* the headline repeated as the first body block -> ``duplicate_title`` boilerplate;
* figure captions and credits left in the body -> ``images`` and ``caption`` boilerplate;
* pull quotes with a speaker card -> a ``quote`` block without the card, plus
  ``speaker_cards``;
* bylines at the start or end of the body -> ``authors`` and ``byline`` boilerplate;
* an author box at the end of the body (a name line over a bio that opens with the name)
  -> ``byline`` boilerplate;
* cookie banners and newsletter prompts -> ``boilerplate`` (and never in ``text``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from rapidfuzz import fuzz
from trafilatura.metadata import extract_sitename, extract_title
from trafilatura.utils import load_html

from quotewire.errors import TruncatedInput, UnsupportedInput
from quotewire.page import lines
from quotewire.page.assemble import PageParts, assemble
from quotewire.page.html_extras import PullQuote, node_text, read_figures, read_pull_quotes, squash
from quotewire.page.html_meta import cut_site_name, host_name, iso_date, read_markup_meta, split_authors, unescape
from quotewire.page.resplit import resplit
from quotewire.records import Article, BlockKind, Boilerplate

_CLOSED = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_OPENED = re.compile(r"<\s*(?:html|body)[\s>]", re.I)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|von|par|por)\s+(?=\S)", re.I)
_CHROME = [
    # a consent platform's box ("cmpbox", "qc-cmp2-container", "cmp-banner"), not any "cmp-" class:
    # Adobe Experience Manager names every component so ("cmp-title", "cmp-text")
    ("cookie_notice", re.compile(r"cookie|consent|gdpr|cmpbox|cmpwrapper|qc-cmp|cmp-?(?:banner|popup|dialog)|onetrust|"
                                 r"privacy-banner", re.I)),
    ("newsletter", re.compile(r"newsletter|subscribe|signup|sign-up|optin", re.I)),
    ("language_prompt", re.compile(r"language-(?:prompt|switch|banner)|lang-(?:prompt|banner)", re.I)),
]
_ANY_CHROME = re.compile("|".join(p.pattern for _, p in _CHROME), re.I)
# a literal of every pattern above: a cheap test before the regular expressions (most class names fail it)
_CHROME_LITERALS = re.compile("cookie|consent|gdpr|cmp|onetrust|privacy-banner|newsletter|subscribe|signup|sign-up|"
                              "optin|lang", re.I)
_NORM = re.compile(r"\W+")


@dataclass(frozen=True)
class HtmlOptions:
    """Our post-processing steps, each switchable so that the benchmark can measure it."""

    dedupe_title: bool = True
    drop_captions: bool = True
    pull_quotes: bool = True
    bylines: bool = True
    chrome: bool = True
    chrome_lexicon: bool = True
    standfirst: bool = True
    trailing_headings: bool = True
    author_box: bool = True
    resplit: bool = True  # one long run of text cut back into the page's blocks (page/resplit.py)
    include_images: bool = False
    # trafilatura's fast mode first (no readability/jusText comparison), the full mode only when
    # the fast one finds little. Off: it scored the same on the 61 dev pages but 0.005 lower on
    # the 300 extraction-more pages (pages reduced to their navigation tables, list sections
    # lost; the fast mode alone scores 0.022 lower there)
    fast_first: bool = False


DEFAULT_OPTIONS = HtmlOptions()


def _key(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _flat(el: etree._Element, out: list[str]) -> None:
    if el.tag == "lb":
        out.append("\n")
    elif el.tag != "graphic":
        out.append(el.text or "")
        for child in el:
            _flat(child, out)
    out.append(el.tail or "")


def _text(el: etree._Element) -> str:
    """An element's text: line breaks kept, other whitespace squashed, no tail."""
    out: list[str] = [el.text or ""]
    for child in el:
        _flat(child, out)
    lines = (squash(line) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _items(el: etree._Element) -> list[str]:
    """Lines of a list (nested lists flattened)."""
    lines: list[str] = []
    for item in el.iter("item"):
        own = [item.text or ""]
        for child in item:
            if child.tag != "list":
                _flat(child, own)
            else:
                own.append(child.tail or "")
        line = squash("".join(own))
        if line:
            lines.append(line)
    return lines


def _table(el: etree._Element) -> str:
    rows = []
    for row in el.iter("row"):
        cells = [squash(" ".join(c.itertext())) for c in row if c.tag == "cell"]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


_BLOCK_TAGS = {"head", "p", "quote", "list", "table", "graphic", "div", "code"}


def body_blocks(body: etree._Element) -> list[tuple[BlockKind, str]]:
    """Trafilatura's XML body as (kind, text) blocks in page order.

    Text can also sit loose in the body (``body.text``, an element's tail, inline ``hi`` or
    ``ref``): it becomes paragraphs, one per line break.
    """
    blocks: list[tuple[BlockKind, str]] = []
    loose: list[str] = [body.text or ""]

    def flush() -> None:
        for line in "".join(loose).split("\n"):
            if squash(line):
                blocks.append(("paragraph", squash(line)))
        loose.clear()

    for el in body:
        tag = el.tag
        if tag not in _BLOCK_TAGS:
            _flat(el, loose)  # inline element: its text and tail stay in the running paragraph
            continue
        flush()
        if tag == "head":
            blocks.append(("heading", _text(el)))
        elif tag == "quote":
            inner = [c for c in el if c.tag in ("p", "list", "head", "quote")]
            if inner:
                parts = [el.text or ""] + ["\n".join(_items(c)) if c.tag == "list" else _text(c) for c in inner]
                parts += [c.tail or "" for c in inner]
                blocks.append(("quote", "\n".join(squash(p) for p in parts if p.strip())))
            else:
                blocks.append(("quote", _text(el)))
        elif tag == "list":
            blocks.append(("list", "\n".join(_items(el))))
        elif tag == "table":
            blocks.append(("table", _table(el)))
        elif tag != "graphic":
            blocks.append(("paragraph", _text(el)))
        loose.append(el.tail or "")
    flush()
    return [(k, t) for k, t in blocks if t.strip()]


def _chrome(tree: HtmlElement) -> list[Boilerplate]:
    """Cookie banners, newsletter prompts and language prompts, outermost element only."""
    found: list[Boilerplate] = []
    seen: list[str] = []
    for el in tree.iter("div", "section", "aside", "form", "dialog"):  # not <p>: too many to walk
        ident = f"{el.get('class') or ''} {el.get('id') or ''}"
        if len(ident) < 4 or not _CHROME_LITERALS.search(ident) or not _ANY_CHROME.search(ident):
            continue
        kind = next((k for k, pattern in _CHROME if pattern.search(ident)), "other")
        text = squash(" ".join(el.itertext()))
        if 10 <= len(text) <= 600 and not any(text in s for s in seen):
            seen.append(text)
            found.append(Boilerplate(kind=kind, text=text))
    return found


_CONTAINERS = ("div", "section", "article", "main", "table", "ul", "ol")
_OPEN_TAG = {t: re.compile(rf"<{t}[\s>]", re.I) for t in _CONTAINERS}
_CLOSE_TAG = {t: re.compile(rf"</{t}\s*>", re.I) for t in _CONTAINERS}
# the page went past its content: the article or main region closed, or the footer began
_PAST_CONTENT = re.compile(r"</(?:article|main)\s*>|<footer[\s>]|<(?:div|section)[^>]*\b(?:id|class)=[\"']?[^\"'>]*footer", re.I)


def looks_complete(html: str) -> bool:
    """A page without ``</body>``/``</html>`` whose content is complete all the same: it ends on a
    tag (not inside text, a tag, a script, a style or a comment), past its content (``</article>``
    or ``</main>`` seen, or the footer begun) and with its containers closed (at most two
    ``div``/``section``/``article``/... left open). Many templates never close the body; a
    download cut short stops in the middle of its content."""
    tail = html.rstrip()
    if not tail.endswith(">"):
        return False
    low = tail[-262144:].lower()
    for opening, closing in (("<script", "</script"), ("<style", "</style"), ("<!--", "-->")):
        if low.rfind(opening) > low.rfind(closing):
            return False
    if not _PAST_CONTENT.search(html):
        return False
    unclosed = sum(max(0, len(_OPEN_TAG[t].findall(html)) - len(_CLOSE_TAG[t].findall(html))) for t in _CONTAINERS)
    return unclosed <= 2


SHORT_BODY_CHARS = 500  # a fast extraction shorter than this is redone with the fallbacks


def _main_content(tree: HtmlElement, url: str | None, options: HtmlOptions) -> list[tuple[BlockKind, str]]:
    blocks: list[tuple[BlockKind, str]] = []
    for fast in ((True, False) if options.fast_first else (False,)):
        doc = trafilatura.bare_extraction(
            tree, url=url, output_format="xml", include_comments=False, include_tables=True,
            include_images=options.include_images, include_formatting=False, with_metadata=False, fast=fast)
        blocks = body_blocks(doc.body) if doc is not None and doc.body is not None else []
        if sum(len(t) for _, t in blocks) >= SHORT_BODY_CHARS:
            break
    return blocks


def _page_title(tree: HtmlElement, site_names: list[str]) -> str | None:
    """The <title> with the site's name cut off when it names the site; else trafilatura's pick."""
    el = tree.find(".//title")
    raw = unescape(node_text(el)) if el is not None else None
    cut = cut_site_name(raw, site_names)
    if cut and cut != raw:
        return cut
    return cut_site_name(unescape(extract_title(tree)), site_names)


def _headline(tree: HtmlElement, candidates: list[str | None], site_names: list[str]) -> str | None:
    """The visible <h1> when it agrees with the metadata title or the page's first <h1> rewords
    it, else the metadata title; an <h1> that is only the site's name (a logo) is never the
    headline."""
    title = next((squash(c) for c in candidates if c and squash(c)), None)
    sites = {_key(n).replace(" ", "") for n in site_names}
    h1s = [t for t in (node_text(h1) for h1 in tree.iter("h1"))
           if t and len(t) <= 300 and _key(t).replace(" ", "") not in sites]
    for text in h1s:
        if title is None or _key(text) in _key(title) or _key(title) in _key(text):
            return text
    if title is not None and H1_REWORDED:
        # the visible headline reworded for sharing ("Ferry adds boats" for "Dunmore ferry: two
        # more boats"): what the reader sees is the headline
        for text in h1s[:1]:   # the first: later <h1>s are at times the article's subheadings
            if rewords(text, title):
                return text
    return title


H1_REWORDED = True
REWORD_SHARE = 0.4   # share of the shorter title's content words the other uses


def _stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in lines.WORD.findall(text) if len(w) >= 3 or not w.isascii()}


def rewords(h1: str, title: str) -> bool:
    """Whether an <h1> of 3+ words says what the metadata title says, in other words."""
    a, b = _stems(h1), _stems(title)
    if len(h1.split()) < 3 or not a or not b or (h1.isupper() and not title.isupper()):  # a banner
        return False
    return len(a & b) / min(len(a), len(b)) >= REWORD_SHARE


def read_html(html: str, doc_id: str, url: str | None = None, origin: str = "",
              options: HtmlOptions = DEFAULT_OPTIONS) -> Article:
    """Raises TruncatedInput for a page cut off before its end, UnsupportedInput for non-HTML."""
    if _OPENED.search(html[:65536]) and not _CLOSED.search(html, max(0, len(html) - 262144)) \
            and not looks_complete(html):
        raise TruncatedInput(origin, "HTML ends before </body> or </html> (truncated download?)")
    tree = load_html(html)
    if tree is None:
        raise UnsupportedInput(origin, "not parseable as HTML")
    markup = read_markup_meta(tree)
    pull = read_pull_quotes(tree) if options.pull_quotes else []
    images = read_figures(tree)
    chrome = _chrome(tree) if options.chrome else []
    blocks = _main_content(tree, url, options)
    if options.resplit:
        blocks = resplit(blocks, tree)
    # Trafilatura's full metadata pass (author and category searches, a TLD list) costs a
    # fifth of the reading time: only the cheap parts run, and only for what the markup lacks.
    parts = PageParts(images=images)
    guessed = unescape(extract_sitename(tree)) or None  # trafilatura's guess: at times a title part
    publisher = markup.publisher or guessed
    site_names = [n for n in (markup.publisher, host_name(url or markup.url)) if n]
    if guessed and len(guessed.split()) <= 4:
        site_names.append(guessed)
    parts.title = _headline(tree, [cut_site_name(markup.title, site_names) or _page_title(tree, site_names)],
                            site_names)
    parts.published = markup.published or iso_date(find_date(
        tree, extensive_search=False, original_date=True, url=url, max_date=date.today().isoformat()))
    parts.updated = markup.updated if markup.updated != parts.published else None
    parts.authors = markup.authors
    parts.publisher = publisher
    parts.category = markup.section
    parts.tags = markup.tags
    parts.url = url or markup.url
    parts.boilerplate.extend(chrome)
    blocks = _post_process(blocks, parts, pull, options)
    parts.blocks = blocks
    return assemble(doc_id, parts, "html")


def _post_process(blocks: list[tuple[BlockKind, str]], parts: PageParts, pull: list[PullQuote],
                  options: HtmlOptions) -> list[tuple[BlockKind, str]]:
    out: list[tuple[BlockKind, str]] = []
    title_key = _key(parts.title) if parts.title else None
    caption_keys: set[str] = set()
    if options.drop_captions:
        for im in parts.images:
            pieces = [p for p in (im.caption, im.credit) if p]
            caption_keys.update(_key(p) for p in pieces)
            caption_keys.add(_key(" ".join(pieces)))
        caption_keys.discard("")
    chrome_keys = [_key(b.text) for b in parts.boilerplate]
    label_keys = {_key(x) for x in (parts.category, parts.publisher) if x}
    n = len(blocks)
    for i, (kind, text) in enumerate(blocks):
        key = _key(text)
        if options.dedupe_title and title_key and i <= 2 and len(out) <= 1 and \
                (key == title_key or fuzz.ratio(key, title_key) >= 90):
            parts.boilerplate.append(Boilerplate(kind="duplicate_title", text=text))
            continue
        if i <= 2 and kind != "quote" and key in label_keys:
            parts.boilerplate.append(Boilerplate(kind="label", text=text))
            continue
        if key in caption_keys and kind != "quote":
            parts.boilerplate.append(Boilerplate(kind="caption", text=text))
            continue
        if options.chrome and kind == "paragraph" and len(key) >= 10 and any(key in c for c in chrome_keys):
            kinds = [b.kind for b in parts.boilerplate if _key(b.text) and key in _key(b.text)]
            parts.boilerplate.append(Boilerplate(kind=kinds[0] if kinds else "other", text=text))
            continue
        if options.bylines and (i < 3 or i >= n - 2) and kind == "paragraph" and _BYLINE.match(text) \
                and len(text.split()) <= 12:
            parts.boilerplate.append(Boilerplate(kind="byline", text=text))
            if not parts.authors:
                parts.authors = split_authors([_BYLINE.sub("", text)])
            continue
        if options.chrome_lexicon and kind != "quote":
            chrome_kind = lines.chrome_kind(text, len(text.split()))
            if chrome_kind:
                parts.boilerplate.append(Boilerplate(kind=chrome_kind, text=text))
                continue
        if options.standfirst and not out and kind == "heading" and len(text.split()) >= 8:
            parts.boilerplate.append(Boilerplate(kind="standfirst", text=text))
            continue
        out.append((kind, text))
    if options.author_box:
        out = _author_box(out, parts)
    while options.trailing_headings and out and out[-1][0] == "heading":
        parts.boilerplate.append(Boilerplate(kind="related", text=out.pop()[1]))
    if pull:
        out = _attach_cards(out, parts, pull)
    return out


AUTHOR_BOX_BLOCKS = 4   # an author box is among the body's last blocks ...
AUTHOR_BOX_PROSE = 3    # ... holds at most this many paragraphs (co-authors' bios) ...
AUTHOR_BOX_WORDS = 150  # ... and a bio paragraph opening with the author's full name this many words at most
AUTHOR_BOX_LISTED = 3   # a name line over its bio, when the body has fewer of that shape (more: a list)


def _author_box(blocks: list[tuple[BlockKind, str]], parts: PageParts) -> list[tuple[BlockKind, str]]:
    """The author box at the article's end -> ``byline`` boilerplate: a name line ('Jane Roe',
    'About Jane Roe', 'Written by Jane Roe') over a paragraph that opens with that name, or a short
    paragraph opening with a byline author's full name ('Jane Roe is a reporter who ...')."""
    full = [a for a in parts.authors or [] if len(a.split()) >= 2]
    n = len(blocks)

    def boxed(i: int) -> bool:
        kind, text = blocks[i]
        head = lines.box_names(text) if kind in ("heading", "paragraph") and len(text.split()) <= 7 else set()
        return bool(head) and i + 1 < n and blocks[i + 1][0] == "paragraph" \
            and lines.starts_with_name(blocks[i + 1][1], head)

    words = 0
    for i, (kind, text) in enumerate(blocks):
        if i >= n - AUTHOR_BOX_BLOCKS and words >= 80:
            bio = kind == "paragraph" and len(text.split()) <= AUTHOR_BOX_WORDS \
                and any(text.startswith(a + " ") for a in full)
            # a list of people or products ('Jane Roe' over 'Jane Roe runs ...', entry after entry):
            # its last entry is no author box
            if (boxed(i) and sum(map(boxed, range(n))) < AUTHOR_BOX_LISTED) or bio:
                if sum(1 for k, _ in blocks[i:] if k == "paragraph") > AUTHOR_BOX_PROSE:
                    return blocks
                parts.boilerplate.extend(Boilerplate(kind="byline", text=t) for _, t in blocks[i:])
                return blocks[:i]
        words += len(text.split())
    return blocks


def _attach_cards(blocks: list[tuple[BlockKind, str]], parts: PageParts,
                  pull: list[PullQuote]) -> list[tuple[BlockKind, str]]:
    """Strip each pull quote's speaker card from the body and record it beside the quote block."""
    out = list(blocks)
    drop: set[int] = set()
    for pq in pull:
        qkey = _key(pq.text)
        if not qkey:
            continue
        # the quote block itself, or a block that is the quote plus its card; never a paragraph
        # that merely repeats the pulled words
        idx = next((i for i, (k, t) in enumerate(out) if i not in drop and k == "quote" and qkey in _key(t)),
                   None)
        if idx is None:
            idx = next((i for i, (_, t) in enumerate(out) if i not in drop and _key(t).startswith(qkey) and
                        len(_key(t)) <= len(qkey) + len(_key(pq.card_text)) + 2), None)
        if idx is None:
            continue
        kind, text = out[idx]
        card_pieces = [p for p in (pq.card_text, pq.name, pq.role) if p]
        stripped = text
        for piece in card_pieces:
            pos = stripped.rfind(piece)
            if pos > 0 and pos >= len(stripped) - len(piece) - 3:
                stripped = stripped[:pos].rstrip(" \n—–-―,")
        out[idx] = ("quote", stripped.strip() or text)
        for j in (idx + 1, idx + 2):
            if j < len(out) and j not in drop and _key(out[j][1]) in {_key(p) for p in card_pieces}:
                drop.add(j)
                parts.boilerplate.append(Boilerplate(kind="speaker_card", text=out[j][1]))
        if stripped != text:
            parts.boilerplate.append(Boilerplate(kind="speaker_card", text=pq.card_text))
        parts.speaker_cards.append((idx, pq.name, pq.role))
    kept: list[tuple[BlockKind, str]] = []
    remap: dict[int, int] = {}
    for i, b in enumerate(out):
        if i not in drop:
            remap[i] = len(kept)
            kept.append(b)
    parts.speaker_cards = [(remap[i], n, r) for i, n, r in parts.speaker_cards if i in remap]
    return kept
