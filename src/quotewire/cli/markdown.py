"""An article record as Markdown, for reading in a terminal or a notebook (`extract --format md`)."""
from __future__ import annotations

from quotewire.records import Article


def _quote_lines(text: str) -> str:
    return "> " + text.replace("\n", "\n> ")


def article_markdown(a: Article) -> str:
    out: list[str] = []
    cards = {c.block: c for c in a.speaker_cards}
    for i, b in enumerate(a.blocks):
        if b.kind == "title":
            out.append(f"# {b.text}")
            meta = [x for x in (a.category, a.published, a.publisher, ", ".join(a.authors)) if x]
            if meta:
                out.append("*" + " · ".join(meta) + "*")
        elif b.kind == "heading":
            out.append(f"## {b.text}")
        elif b.kind == "quote":
            card = cards.get(i)
            who = f"\n>\n> — {card.name}{', ' + card.role if card.role else ''}" if card else ""
            out.append(_quote_lines(b.text) + who)
        elif b.kind == "list":
            out.append("\n".join(f"- {line}" for line in b.text.split("\n")))
        else:
            out.append(b.text)
    for im in a.images:
        parts = [p for p in (im.caption, f"({im.credit})" if im.credit else None) if p]
        out.append("*Image: " + " ".join(parts) + "*")
    if a.quotes:
        out.append("## Who said what")
        for q in a.quotes:
            who = q.speaker.name or "unknown"
            cue = f" ({q.cue.text})" if q.cue else ""
            out.append(f"- **{who}**{cue} [{q.kind}, {q.confidence:.2f}]: {q.content.text}")
    return "\n\n".join(out)
