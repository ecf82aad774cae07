"""`quotewire show QUOTE_ID`: one archived quote in the paragraph it comes from, as plain text."""
from __future__ import annotations

import re

from quotewire.records import QuoteHit, StoredArticle

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # page text never drives the terminal (ANSI escapes)

OPEN, CLOSE = "»", "«"  # around the quoted words in the paragraph (visible without colour)


def paragraph_of(stored: StoredArticle, quote_id: int) -> tuple[str, str]:
    """(the paragraph(s) holding the quote, the same with its quoted words between » and «)."""
    article = stored.article
    text = article.text
    try:
        quote = article.quotes[stored.quote_ids.index(quote_id)]
    except (ValueError, IndexError):
        return "", ""
    pieces = sorted((max(0, s), min(len(text), e)) for s, e in (quote.content.parts or
                                                                [(quote.content.start, quote.content.end)]))
    lo, hi = pieces[0][0], pieces[-1][1]
    blocks = [b for b in article.blocks if b.kind != "title" and b.start < hi and b.end > lo]
    if blocks:
        start, end = min([b.start for b in blocks] + [lo]), max([b.end for b in blocks] + [hi])
    else:  # a record without blocks: the paragraph is what blank lines enclose
        cut = text.rfind("\n\n", 0, lo)
        start = 0 if cut < 0 else cut + 2
        end = text.find("\n\n", hi)
        end = len(text) if end < 0 else end
    out, pos = [], start
    for s, e in pieces:
        if s < pos:
            continue
        out.append(text[pos:s] + OPEN + text[s:e] + CLOSE)
        pos = e
    out.append(text[pos:end])
    return text[start:end].strip(), "".join(out).strip()


def render_quote(hit: QuoteHit, paragraph: str, marked: str) -> str:
    who = hit.speaker_mention if hit.speaker_kind == "unnamed" else hit.speaker_name
    lines = [f"quote {hit.quote_id} · {hit.kind}" + ("" if hit.act == "statement" else f" ({hit.act})")
             + f" · confidence {hit.confidence:.2f}",
             "speaker: " + (who or "unknown") + (f", {hit.speaker_role}" if hit.speaker_role else "")
             + (" (unnamed source)" if hit.speaker_kind == "unnamed" else ""),
             "cue: " + (hit.cue or "-"),
             "article: " + (hit.article_title or "Untitled article"),
             "outlet: " + " · ".join(x for x in (hit.outlet_name or "unknown outlet",
                                                  hit.published[:10] if hit.published else "undated") if x),
             "link: " + (hit.article_url or "-"),
             f"page: /articles/{hit.article_id}#q-{hit.quote_id} (quotewire serve)",
             "",
             marked or hit.content]
    return CONTROL.sub("", "\n".join(" ".join(line.split()) if i < 7 else line
                                     for i, line in enumerate(lines))) + "\n"
