"""What every language's rules share: a found attribution, speaker names resolved to the
fullest form the article gives, and the records (Quote, Speaker) the English path writes."""
from __future__ import annotations

from dataclasses import dataclass, field

from quotewire.nlp.languages import Parsed
from quotewire.records import Article, Quote, QuoteSpeaker, Span, Speaker


@dataclass
class Found:
    """One attribution: content pieces (char ranges), cue and speaker mention (char ranges)."""
    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None
    mention: tuple[int, int] | None
    name: str | None = None
    kind: str = "indirect"            # direct / mixed / indirect
    speaker_kind: str = "unknown"     # person / organization / unnamed / unknown
    act: str = "statement"
    confidence: float = 0.5
    role: str | None = None
    sentence: int = -1
    group: int | None = None
    aliases: list[str] = field(default_factory=list)


def quote_index(parsed: Parsed) -> list[int]:
    """Per token, the quotation (index into ``parsed.quotes``) it lies inside, or -1; the marks
    themselves are outside."""
    out = [-1] * len(parsed.tokens)
    qi = 0
    for k, t in enumerate(parsed.tokens):
        while qi < len(parsed.quotes) and parsed.quotes[qi].end <= t.start:
            qi += 1
        if qi < len(parsed.quotes) and parsed.quotes[qi].start < t.start < parsed.quotes[qi].end - 1:
            out[k] = qi
    return out


def paragraph_index(parsed: Parsed) -> list[int]:
    """Per sentence, the number of its paragraph (a line break between two sentences starts one)."""
    out, p = [], 0
    toks, text = parsed.tokens, parsed.text
    for k, (s, _) in enumerate(parsed.sentences):
        if k and "\n" in text[toks[s - 1].end:toks[s].start]:
            p += 1
        out.append(p)
    return out


class Paragraphs:
    """What every language's rules ask of one article's layout: the paragraph of a sentence."""
    p: Parsed

    def paragraph_of(self, i: int) -> int:
        if not hasattr(self, "_paras"):
            self._paras = paragraph_index(self.p)
        return self._paras[i]


def trim(text: str, a: int, b: int, strip: str = " \t\n,;:.!?-\u2013\u2014") -> tuple[int, int]:
    """The range without surrounding spaces and punctuation (quotation marks stay)."""
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def kind_of(parsed: Parsed, parts: list[tuple[int, int]]) -> str:
    """direct when every piece is the inside of quotation marks, mixed when a piece holds a
    quotation with other words, indirect otherwise."""
    inners = [q.inner for q in parsed.quotes]
    if all(any(qa <= a and b <= qb for qa, qb in inners) for a, b in parts):
        return "direct"
    if any(any(a <= qa and qb <= b for qa, qb in inners) for a, b in parts):
        return "mixed"
    return "indirect"


def write_records(article: Article, parsed: Parsed, found: list[Found]) -> Article:
    """Quote and Speaker records from the attributions, in text order, without overlaps."""
    text = parsed.text
    found = sorted(found, key=lambda f: f.parts[0][0])
    kept: list[Found] = []
    for f in found:
        if not f.parts or any(a >= b for a, b in f.parts):
            continue
        if any(a < kb and ka < b for k in kept for ka, kb in k.parts for a, b in f.parts):
            continue
        kept.append(f)
    quotes: list[Quote] = []
    speakers: dict[str, Speaker] = {}
    for f in kept:
        parts = sorted(f.parts)
        a, b = parts[0][0], parts[-1][1]
        content = Span(start=a, end=b, text=text[a:b], parts=parts if len(parts) > 1 else None)
        cue = Span(start=f.cue[0], end=f.cue[1], text=text[f.cue[0]:f.cue[1]]) if f.cue else None
        mention = Span(start=f.mention[0], end=f.mention[1], text=text[f.mention[0]:f.mention[1]]) if f.mention else None
        speaker = QuoteSpeaker(name=f.name, role=f.role, mention=mention, kind=f.speaker_kind)  # type: ignore[arg-type]
        quotes.append(Quote(kind=f.kind, content=content, cue=cue, speaker=speaker,  # type: ignore[arg-type]
                            confidence=round(f.confidence, 3), group=f.group, act=f.act))  # type: ignore[arg-type]
        if f.name:
            sp = speakers.get(f.name)
            if sp is None:
                sp = speakers[f.name] = Speaker(name=f.name, kind=f.speaker_kind)  # type: ignore[arg-type]
            if f.role and f.role not in sp.roles:
                sp.roles.append(f.role)
            for al in f.aliases:
                if al != f.name and al not in sp.aliases:
                    sp.aliases.append(al)
    article.quotes = quotes
    article.speakers = list(speakers.values())
    return article
