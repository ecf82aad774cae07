"""An article record as Markdown, for reading in a terminal or a notebook (`extract --format md`).

Page text is hostile input: every piece of it goes through ``md_escape``, so a Markdown renderer
shows ``<script>``, ``<img onerror=...>``, ``[links](javascript:...)`` or ``**`` from a page as
the characters they are, never as HTML or markup. Only the structure we add is Markdown.
"""
from __future__ import annotations

import re

from quotewire.records import Article, Quote
from quotewire.store.quoted import REPORTING, quoted_words, reads_as

# Characters Markdown (CommonMark and GitHub's) acts on anywhere in a line: HTML tags and
# entities (< > &), emphasis, code, links and images, tables, strikethrough, and the escape itself.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# What a line may start with to become a heading, list item, thematic break or setext underline.
_LINE_START = re.compile(r"^( {0,3})([#+=-]|\d{1,9}(?=[.)]))", re.M)


def md_escape(text: str) -> str:
    """Page text as Markdown that renders as exactly that text: HTML-significant and
    Markdown-active characters are backslash-escaped (CommonMark escapes any ASCII punctuation)."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                   else "\\" + m.group(2)), text)


def _quote_lines(text: str) -> str:
    return "> " + md_escape(text).replace("\n", "\n> ")


def article_markdown(a: Article) -> str:
    out: list[str] = []
    cards = {c.block: c for c in a.speaker_cards}
    for i, b in enumerate(a.blocks):
        if b.kind == "title":
            out.append(f"# {md_escape(b.text)}")
            meta = [x for x in (a.category, a.published, a.publisher, ", ".join(a.authors)) if x]
            if meta:
                out.append("*" + " · ".join(md_escape(x) for x in meta) + "*")
        elif b.kind == "heading":
            out.append(f"## {md_escape(b.text)}")
        elif b.kind == "quote":
            card = cards.get(i)
            who = (f"\n>\n> — {md_escape(card.name)}{', ' + md_escape(card.role) if card.role else ''}"
                   if card else "")
            out.append(_quote_lines(b.text) + who)
        elif b.kind == "list":
            out.append("\n".join(f"- {md_escape(line)}" for line in b.text.split("\n")))
        else:
            out.append(md_escape(b.text))
    for im in a.images:
        parts = [md_escape(p) for p in (im.caption, f"({im.credit})" if im.credit else None) if p]
        out.append("*Image: " + " ".join(parts) + "*")
    if a.quotes:
        out.append("## Who said what")
        for q in a.quotes:
            out.append(quote_line(q, a.text))
    return "\n\n".join(out)


def quote_line(q: Quote, text: str) -> str:
    """One quote as a list item, with quotation marks only around the words the speaker is quoted as
    saying: direct in marks, mixed as written (its own inner marks), indirect as reported speech."""
    if q.speaker.kind == "unnamed" or not q.speaker.name:
        mention = q.speaker.mention.text if q.speaker.mention else None
        who = (md_escape(mention) + " (unnamed source)" if q.speaker.kind == "unnamed" and mention
               else "unknown")
    else:
        who = md_escape(q.speaker.name)
    cue = f", cue: {md_escape(q.cue.text)}" if q.cue else ""
    act = "" if q.act == "statement" else f", {q.act}"
    meta = f"\\[{q.kind}{act}{cue}, {q.confidence:.2f}\\]"
    words = quoted_words(q.content, text)
    if q.kind == "indirect":  # "Name said that …": reported speech, no quotation marks
        words = " ".join(words.split())
        words = words[5:] if words.lower().startswith("that ") else words
        return f"- **{who}** {REPORTING.get(q.act, 'said')} that {md_escape(words)} {meta}"
    return f"- **{who}** {meta}: {md_escape(reads_as(q.kind, words))}"
