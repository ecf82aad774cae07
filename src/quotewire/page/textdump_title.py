"""The headline of a text dump (``textdump.read_text_dump``, step 4).

Of the title-like lines above the article region and among its first lines (before its
first long paragraph), the one that shares most words with the paragraphs below it, with a
byline or date right under it, printed twice near the article, and close to it; see
docs/text-dumps.md. Moved out of ``textdump`` unchanged.
"""
from __future__ import annotations

import re

from quotewire.page.lines import WORD, Line
from quotewire.page.textdump_meta import credit_of

_MAX_TITLE_WORDS = 30
TITLE_WINDOW = 40


_SAID = re.compile(r"^[—–―]\s|\.[\"”’»']+$")  # an attribution line ('— Name, on ...'), a quoted sentence


_ALPHA_WORD = re.compile(r"(?<!\w)[^\W\d_]{2,}(?!\w)")


def _wordy(text: str) -> bool:
    """Five or more words of letters: a headline, not a time stamp or a counter glued to a label."""
    return len(_ALPHA_WORD.findall(text)) >= 5


def _title_like(ln: Line, period: bool = False) -> bool:
    return (2 <= ln.words <= _MAX_TITLE_WORDS and ln.chrome is None and not ln.tabs and not ln.bullet
            and not ln.text.endswith((",", ";", ":") if period else (".", ",", ";", ":")) and ln.chars <= 250
            and not (ln.lower_start and ln.text[:1].isalpha())   # '16-inch MacBook ...' starts fine
            and not (TITLE_SAID and _SAID.search(ln.text)))


def title_line(lines: list[Line], start: int, end: int, meta: set[int]) -> tuple[int | None, list[int], str | None]:
    """The headline line, its later copies and its text.

    Candidates are the title-like lines above the article and its first lines (up to
    its first long paragraph); each is scored by how many of its words the paragraphs
    below it use (the candidate's own line left out), its length, whether the page
    prints it twice (headline and breadcrumb, or the layout's copy) and its distance
    from the article. Section names, prompts and teaser headlines share few words with
    the story. A breadcrumb printed on the headline's line ('Home Travel Ferry adds two
    crossings' near 'FERRY ADDS TWO CROSSINGS') gives the headline as the line's end.
    """
    best, best_score = None, 0.0
    lo = max(0, start - TITLE_WINDOW)
    counts: dict[str, int] = {}
    for ln in lines[lo: min(end, start + 3) + 1]:   # printed twice near the article, not in a far menu
        counts[ln.text.casefold()] = counts.get(ln.text.casefold(), 0) + 1
    hi = start
    while hi < end and hi - start < TITLE_INSIDE and not (lines[hi].prose and lines[hi].words >= 20):
        hi += 1
    glued = _glued(lines, lo, hi) if TITLE_GLUED else {}
    for g in glued.values():
        counts[g.casefold()] = counts.get(g.casefold(), 0) + 1
    vocab: set[str] = set()
    vocab_from = -1
    scores: dict[int, tuple[float, float]] = {}   # candidate -> (score, share of its words in the story)
    for i in range(lo, hi + 1):
        ln = lines[i]
        near_meta = any(j in meta for j in range(i + 1, i + 1 + META_REACH))
        # right above its byline or date, a headline may end with a full stop
        if i in meta or not _title_like(ln, TITLE_PERIOD and i + 1 in meta and ln.words <= 20) \
                or ln.upper_ratio > 0.7 \
                or ln.words < (2 if TITLE_TWO and i + 1 in meta else 3) \
                or credit_of(ln.text) is not None or (i == start and start == end):
            continue
        if i >= start and vocab_from != i + 1:
            vocab, vocab_from = _vocab(lines, i + 1, end), i + 1   # the paragraphs below this line
        elif i < start and vocab_from != start:
            vocab, vocab_from = _vocab(lines, start, end), start
        text = glued.get(i, ln.text)
        words = {w.casefold() for w in WORD.findall(text) if len(w) >= 4 or not w.isascii()}
        overlap = len(words & vocab) / len(words) if words else 0.0
        repeated = counts.get(text.casefold(), 0) >= 2
        score = TITLE_OVERLAP * overlap * min(1.0, len(words) / TITLE_CONTENT) \
            + (0.5 if 5 <= ln.words <= TITLE_LONG else 0.0) \
            + (1.0 if repeated else 0.0) \
            - TITLE_DISTANCE * abs(start - i) - (0.5 if ln.text.endswith("?") else 0.0) \
            + (TITLE_META if near_meta else 0.0) \
            - (TITLE_CAPTION if _above_credit(lines, i) and not (CAPTION_TITLED and _title_cased(ln.text)) else 0.0)
        if overlap >= 0.15 or repeated or (TITLE_GATE and near_meta and _wordy(ln.text)):
            scores[i] = (score, overlap)
    for i, (score, overlap) in scores.items():
        # headline, standfirst, byline: of two candidates in one run of lines right above the
        # byline or date, the first is the headline and the second its standfirst (a breadcrumb
        # or a menu label above the headline shares few of the story's words, or holds the headline)
        if TITLE_DEK and i + 1 in scores and not lines[i].blank_after and overlap >= DEK_OVERLAP \
                and lines[i].words >= 5 and lines[i + 1].text.casefold() not in lines[i].text.casefold() \
                and any(j in meta for j in range(i + 2, i + 4)):
            score += TITLE_DEK
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None, [], None
    title = glued.get(best, lines[best].text)
    k = title.casefold()
    return best, [j for j in range(0, end + 1) if j != best and lines[j].text.casefold() == k], title


TITLE_GLUED = True


def _glued(lines: list[Line], lo: int, hi: int) -> dict[int, str]:
    """Lines that end with a headline printed again on a line close by (3+ words): line -> the end."""
    out: dict[int, str] = {}
    for i in range(lo, hi + 1):
        t = lines[i].text
        for j in range(max(lo, i - 3), min(hi, i + 3) + 1):
            u = lines[j].text
            if j != i and len(t) > len(u) + 2 and len(u.split()) >= 3 and t[-len(u):].casefold() == u.casefold():
                out[i] = t[-len(u):]
                break
    return out


CAPTION_TITLED = True   # a title-cased line above a credit is the headline over the lead photo, not its caption


def _title_cased(text: str) -> bool:
    """Every word of four letters or more capitalised, two at least: a headline's case ('Evening
    Ferries Are Not Enough'); captions are sentences ('The mayor at the pier on Friday')."""
    long = [w for w in _ALPHA_WORD.findall(text) if len(w) >= 4]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _above_credit(lines: list[Line], i: int) -> bool:
    """A line right above a credit line ('Photograph: Agency') is most often an image caption."""
    return i + 1 < len(lines) and not lines[i].blank_after and credit_of(lines[i + 1].text) is not None


TITLE_CAPTION = 1.0
TITLE_SAID = True       # attribution lines and quoted sentences are no headlines
TITLE_TWO = True        # a two-word headline right above its byline or date
TITLE_GATE = True       # a line of 5+ words right above the byline or date is a candidate, whatever its words
TITLE_DEK = 1.0         # the first of headline and standfirst
DEK_OVERLAP = 0.4
TITLE_PERIOD = True     # a line right above its byline or date may end with a full stop
TITLE_LONG = 25         # headlines of 5 to this many words score for their length
META_REACH = 3          # a byline or date this many lines below a headline candidate
TITLE_INSIDE = 6        # the headline may be among the article's first lines, before its first long paragraph
TITLE_OVERLAP = 2.0
TITLE_CONTENT = 4       # ... in full for lines of this many content words (fewer: 'Show all results' shares them easily)
TITLE_DISTANCE = 0.01
TITLE_META = 1.0       # a byline or a date within three lines below: the headline's own


def _vocab(lines: list[Line], start: int, end: int, limit: int = 400) -> set[str]:
    """Content words (4+ letters) of the article's first paragraphs."""
    out: set[str] = set()
    seen = 0
    for ln in lines[start:end + 1]:
        if not ln.prose:
            continue
        toks = WORD.findall(ln.text)
        out.update(t.casefold() for t in toks if len(t) >= 4 or not t.isascii())
        seen += len(toks)
        if seen >= limit:
            break
    return out


__all__ = ["title_line"]
