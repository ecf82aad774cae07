"""An article record as Markdown, for reading in a terminal or a notebook."""
from __future__ import annotations

from quotewire.records import Article


def article_markdown(a: Article) -> str:
    out: list[str] = []
    for b in a.blocks:
        if b.kind == "title":
            out.append(f"# {b.text}")
            meta = [x for x in (a.category, a.published, a.publisher, ", ".join(a.authors)) if x]
            if meta:
                out.append("*" + " · ".join(meta) + "*")
        elif b.kind == "heading":
            out.append(f"## {b.text}")
        elif b.kind == "quote":
            out.append("> " + b.text.replace("\n", "\n> "))
        else:
            out.append(b.text)
    if a.quotes:
        out.append("## Who said what")
        for q in a.quotes:
            who = q.speaker.name or "unknown"
            cue = f" ({q.cue.text})" if q.cue else ""
            out.append(f"- **{who}**{cue} [{q.kind}, {q.confidence:.2f}]: {q.content.text}")
    return "\n\n".join(out)
