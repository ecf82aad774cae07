"""HTML pieces built in Python: highlighted article bodies, search snippets, the weekly chart.

Article content is hostile input. Every piece of it goes through ``escape`` before it is
joined with our own markup, and only the joined result is ``Markup``; nothing from the
archive is ever marked safe on its own. Links are kept only when they are http(s).
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from quotewire.records import Article, Quote
from quotewire.store.quoted import OPEN_MARKS, quoted_words, reads_as

# Light backgrounds that keep dark text (#1a1a1a) above WCAG AA contrast (>= 7:1 for all).
# The matching classes (sp-c0 ... sp-c11) live in static/style.css: no inline styles, so the
# Content-Security-Policy can forbid them.
PALETTE_SIZE = 12


def speaker_colour(speaker_id: int | None, name: str | None = None) -> int:
    """A stable palette index: the same speaker gets the same colour on every page."""
    if speaker_id is not None:
        key = f"id:{speaker_id}"
    elif name:
        key = "name:" + " ".join(name.lower().split())
    else:
        return PALETTE_SIZE  # "unknown speaker": the grey class sp-cx
    return zlib.crc32(key.encode("utf-8")) % PALETTE_SIZE


def colour_class(speaker_id: int | None, name: str | None = None) -> str:
    idx = speaker_colour(speaker_id, name)
    return "sp-cx" if idx >= PALETTE_SIZE else f"sp-c{idx}"


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None: no javascript:, data: or relative tricks."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 33 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def snippet_html(snippet: str | None, fallback: str) -> Markup:
    """A search snippet with the store's [[ ]] match markers turned into <mark>, all else escaped."""
    text = snippet if snippet else fallback
    out: list[str] = []
    rest = text
    while rest:
        start = rest.find("[[")
        end = rest.find("]]", start + 2) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(str(escape(rest.replace("[[", "").replace("]]", ""))))
            break
        out.append(str(escape(rest[:start])))
        out.append(f'<mark class="hit">{escape(rest[start + 2:end])}</mark>')
        rest = rest[end + 2:]
    return Markup("".join(out))


def quote_html(kind: str, snippet: str | None, content: str, who: str | None = None, act: str = "statement",
               colour: str = "sp-cx") -> Markup:
    """A quote as a reader should read it (``store.quoted.reads_as``): quotation marks only around the
    words the speaker is quoted as saying. Direct: in a blockquote, in quotation marks; mixed: the
    reported clause as written (only its own inner marks); indirect: reported speech, no marks."""
    body = snippet_html(snippet, content)
    if kind == "direct":
        words = content.strip()
        marked = words[:1] in OPEN_MARKS and words[-1:] in OPEN_MARKS
        inner = body if marked else Markup("“") + body + Markup("”")
        return Markup(f'<blockquote class="quote-text direct {escape(colour)}"><p>{inner}</p></blockquote>')
    if kind == "mixed":
        return Markup(f'<div class="quote-text mixed {escape(colour)}"><p>{body}</p></div>')
    lead = reads_as(kind, "", who, act).strip()  # "Name said that"
    return Markup(f'<div class="quote-text reported {escape(colour)}"><p><span class="reported-lead">'
                  f'{escape(lead)}</span> {body}</p></div>')


def source_label(name: str | None, kind: str | None, mention: str | None) -> str:
    """Who a quote is given to, as the page shows it: an unnamed source is its description, never a name."""
    if name and kind != "unnamed":
        return name
    if mention:
        return f"{mention} (unnamed source)" if kind == "unnamed" or not name else mention
    return "Unknown speaker"


@dataclass
class QuoteView:
    """What the article page shows for one quote: its speaker link, colour and tooltip."""

    index: int
    quote: Quote
    speaker_id: int | None
    colour: str
    label: str  # "Name, role" or "Unknown speaker"
    anchor: str  # element id of the highlight: search hits link to it
    words: str  # the quoted words (an interrupted quote's parts joined), as search shows them
    cue_words: str | None
    who: str = "Unknown speaker"  # the name, or an unnamed source's description
    reads: str = ""  # the quote as a reader reads it, shortened: quotation marks only around quoted words
    shown: bool = True  # its act is one the page shows (statements unless asked)


def quote_views(article: Article, speaker_ids: dict[str, int], quote_ids: list[int] | None = None,
                acts: frozenset[str] | set[str] | None = None) -> list[QuoteView]:
    """One view per quote, in order; ``acts`` (None: every act) says which are shown and highlighted."""
    views = []
    quote_ids = quote_ids or []
    for i, q in enumerate(article.quotes):
        name = q.speaker.name if q.speaker.kind != "unnamed" else None
        # the archive keys names with runs of whitespace collapsed, as it stores them
        sid = (speaker_ids.get(name) or speaker_ids.get(" ".join(name.split()))) if name else None
        label = source_label(name, q.speaker.kind, q.speaker.mention.text if q.speaker.mention else None)
        if q.speaker.role:
            label += f", {q.speaker.role}"
        anchor = f"q-{quote_ids[i]}" if i < len(quote_ids) else f"q{i}"
        words = quoted_words(q.content, article.text)
        who = source_label(name, q.speaker.kind, q.speaker.mention.text if q.speaker.mention else None)
        short = words if len(words) <= 90 else words[:87].rsplit(" ", 1)[0] + " …"
        views.append(QuoteView(index=i, quote=q, speaker_id=sid, colour=colour_class(sid, name), label=label,
                               anchor=anchor, words=words,
                               cue_words=quoted_words(q.cue, article.text) if q.cue else None, who=who,
                               # indirect: "said that …" after the name the list already shows
                               reads=reads_as(q.kind, short, who, q.act)[len(who) + 1:] if q.kind == "indirect"
                               else reads_as(q.kind, short, who, q.act),
                               shown=acts is None or q.act in acts))
    distinct_colours(views)
    return views


def distinct_colours(views: list[QuoteView]) -> None:
    """No two speakers of one article share a colour: each keeps its own (stable) colour unless an
    earlier speaker of the article has it, and then takes the next free one. Only past
    ``PALETTE_SIZE`` speakers do colours repeat. Unknown speakers stay grey."""
    given: dict[tuple[int | None, str | None], str] = {}
    used: set[int] = set()
    for v in views:
        name = v.quote.speaker.name if v.quote.speaker.kind != "unnamed" else None
        idx = speaker_colour(v.speaker_id, name)
        if idx >= PALETTE_SIZE:
            continue
        key = (v.speaker_id, None) if v.speaker_id is not None else (None, " ".join((name or "").lower().split()))
        if key not in given:
            if len(used) < PALETTE_SIZE:
                while idx in used:
                    idx = (idx + 1) % PALETTE_SIZE
            used.add(idx)
            given[key] = f"sp-c{idx}"
        v.colour = given[key]


_BLOCK_TAG = {"heading": "h2", "quote": "blockquote", "list": "p", "table": "p", "paragraph": "p"}


def highlighted_body(article: Article, views: list[QuoteView]) -> Markup:
    """The article's blocks (title left out) as HTML, each quote a coloured <mark>, each cue underlined."""
    text = article.text
    n = len(text)
    # Per-character owner: which quote's content covers it, and which quote's cue.
    spans: list[tuple[int, int, int, str]] = []  # (start, end, quote index, "q" | "c")
    for v in views:
        if not v.shown:
            continue
        q = v.quote
        pieces = q.content.parts or [(q.content.start, q.content.end)]
        for s, e in pieces:
            spans.append((max(0, s), min(n, e), v.index, "q"))
        if q.cue is not None:
            for s, e in (q.cue.parts or [(q.cue.start, q.cue.end)]):
                spans.append((max(0, s), min(n, e), v.index, "c"))
    out: list[str] = []
    anchored: set[int] = set()  # a quote split over pieces gets its id on the first piece only
    for block in article.blocks:
        if block.kind == "title":
            continue
        tag = _BLOCK_TAG.get(block.kind, "p")
        out.append(f"<{tag}>{_render_range(text, block.start, block.end, spans, views, anchored)}</{tag}>")
    return Markup("\n".join(out))


def _render_range(text: str, start: int, end: int, spans: list[tuple[int, int, int, str]],
                  views: list[QuoteView], anchored: set[int]) -> str:
    local = [(max(s, start), min(e, end), i, k) for s, e, i, k in spans if s < end and e > start and s < e]
    cuts = sorted({start, end, *(s for s, _, _, _ in local), *(e for _, e, _, _ in local)})
    # Elementary segments, each with (quote covering it or None, cue owner or None).
    segs: list[tuple[int, int, int | None, int | None]] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        # The innermost quote wins, so a quote nested inside another keeps its own highlight.
        covering = [(e - s, i) for s, e, i, k in local if k == "q" and s <= a and b <= e]
        qi = min(covering)[1] if covering else None
        ci = next((i for s, e, i, k in local if k == "c" and s <= a and b <= e), None)
        segs.append((a, b, qi, ci))
    html: list[str] = []
    open_q: int | None = None
    for a, b, qi, ci in segs:
        if qi != open_q:
            if open_q is not None:
                html.append("</mark>")
            if qi is not None:
                v = views[qi]
                ident = "" if qi in anchored else f' id="{escape(v.anchor)}"'
                anchored.add(qi)
                html.append(f'<mark class="quote {v.quote.kind} {v.colour}"{ident} tabindex="0" '
                            f'title="{escape(v.label)}" data-who="{escape(v.label)}">')
            open_q = qi
        piece = str(escape(text[a:b])).replace("\n", "<br>")
        if ci is not None:
            cv = views[ci]
            piece = f'<span class="cue {cv.colour}" title="{escape("cue: " + cv.label)}">{piece}</span>'
        html.append(piece)
    if open_q is not None:
        html.append("</mark>")
    return "".join(html)


# --- the weekly timeline, as inline SVG with a table twin


@dataclass
class Bar:
    week: str
    count: int
    x: float
    y: float
    height: float


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    bar_width: float
    max_count: int
    first: str | None
    last: str | None
    ticks: list[tuple[float, str]]  # (y, label) for the value axis


def weekly_chart(weekly: list[tuple[str, int]], *, width: int = 640, height: int = 180,
                 max_weeks: int = 104, min_weeks: int = 12) -> Chart:
    """Bars for every week from the first to the last quote, empty weeks included.

    At most two years (the latest), and at least ``min_weeks`` so that one busy week reads as a
    bar among quiet ones rather than as a wall.
    """
    counts: dict[date, int] = {}
    for week, count in weekly:
        try:
            d = date.fromisoformat(week[:10])
        except ValueError:
            continue
        d -= timedelta(days=d.weekday())
        counts[d] = counts.get(d, 0) + int(count)
    if not counts:
        return Chart(width, height, [], 0, 0, None, None, [])
    last = max(counts)
    first = max(min(counts), last - timedelta(weeks=max_weeks - 1))
    first = min(first, last - timedelta(weeks=min_weeks - 1))
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    top = max(counts.get(w, 0) for w in weeks) or 1
    pad_left, pad_bottom, pad_top = 36.0, 24.0, 10.0
    plot_w, plot_h = width - pad_left - 4, height - pad_bottom - pad_top
    slot = plot_w / len(weeks)
    bw = max(1.0, slot * 0.8)
    bars = []
    for i, w in enumerate(weeks):
        c = counts.get(w, 0)
        h = plot_h * c / top
        bars.append(Bar(week=w.isoformat(), count=c, x=round(pad_left + i * slot + (slot - bw) / 2, 2),
                        y=round(pad_top + plot_h - h, 2), height=round(h, 2)))
    ticks = [(round(pad_top + plot_h - plot_h * v / top, 2), str(v)) for v in sorted({0, top // 2, top})]
    return Chart(width, height, bars, round(bw, 2), top, weeks[0].isoformat(), weeks[-1].isoformat(), ticks)
