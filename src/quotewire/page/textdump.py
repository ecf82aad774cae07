"""Reader for plain-text dumps of rendered pages (select-all / ``innerText``).

A dump is the whole page as lines: menus, labels, the article, captions, pull quotes,
cookie banners, related links and footers. The reader

1. cleans the lines (Unicode spaces) and computes cheap features (``lines.py``);
2. reads metadata from label/value lines, bylines and printed dates (``textdump_meta``);
3. finds the article region: the stretch of lines with the highest sum of a per-line
   score (long prose lines count for, short lines and lexicon chrome against, chrome
   the more the longer the article above it), a maximum-subarray search, so a menu of
   fifty links never outweighs the article;
4. finds the headline: of the title-like lines above the region, the one that shares
   most words with the first paragraphs, printed twice, close to the article;
5. decides line by line inside the region: paragraph, heading (a short title-like
   line followed by prose), list, table, pull quote with its speaker card, image
   caption with its credit, or chrome.

Every line that is not in ``text`` is reported in ``boilerplate`` with its kind, so
nothing disappears silently. All phrases live in ``data/chrome``; nothing is tuned to
a particular site.
"""
from __future__ import annotations

import re

from quotewire.page.assemble import PageParts, assemble
from quotewire.page.lines import Line, box_names, byline_words, card_summaries, code_lines, dense_blocks, \
    make_line, opens_with_name, poster_words, summary_boxes, unglue_lead
from quotewire.page.normalize import normalize_spaces, squeeze
from quotewire.page.textdump_meta import byline_authors, credit_of, is_date_line, label_of, parse_date, publisher_of
from quotewire.page.textdump_title import title_line
from quotewire.records import Article, BlockKind, Boilerplate, Image

# Chrome that opens a section of links or comments: the run of lines under it goes too.
_SECTION_HEADERS = frozenset({"related", "comments", "newsletter", "share", "navigation", "footer"})
# Chrome that ends an article when met after it: the region search pays dearly to cross it.
_BARRIERS = frozenset({"related", "comments", "newsletter", "footer"})
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-]*\.?$")
_QUOTED = re.compile(r"""^\W{0,2}["“”„«»‘’‚'‹›「『]|["“”»«’'›」』]\W{0,2}$""")


def read_text_dump(text: str, doc_id: str) -> Article:
    """Read a browser text dump into an article; never raises on odd text."""
    lines = split_lines(text)
    parts = PageParts()
    if not lines:
        return assemble(doc_id, parts, "text")
    n = len(lines)
    kind: list[str | None] = [None] * n   # boilerplate kind of a dropped line
    meta = _metadata(lines, parts, kind)
    if COMMENT_POSTERS:
        _posters(lines, meta)
    code = _code_lines(lines)  # also clears the chrome label of listing lines
    start, end = _region(lines, meta, code)
    if AUTHOR_BOX:
        end = _before_author_box(lines, start, end, kind, parts.authors)
    title_at, dups, title = title_line(lines, start, end, meta)
    if title_at is not None:
        parts.title = title
        kind[title_at] = "title"
        for d in dups:
            kind[d] = "duplicate_title"
        if start <= title_at <= end:
            start = title_at + 1
    head = title_at + 1 if title_at is not None and title_at < start else max(0, start - 8)
    _head_images(lines, head, start, kind, parts)
    if REPEAT_WORDS:
        _repeats(lines, start, end, kind)
    _body(lines, start, end, kind, parts)
    _boilerplate(lines, kind, parts)
    parts.publisher = publisher_of([ln.text for ln in lines], end)
    return assemble(doc_id, parts, "text")


def split_lines(text: str) -> list[Line]:
    """Non-empty cleaned lines, each knowing whether a blank line precedes or follows it."""
    raw = normalize_spaces(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = [squeeze(r) for r in raw]
    out: list[Line] = []
    blank = True
    for i, t in enumerate(cleaned):
        if not t:
            blank = True
            continue
        after = i + 1 >= len(cleaned) or not cleaned[i + 1]
        out.append(make_line(i, t, blank, after))
        blank = False
    return out


# --- metadata -------------------------------------------------------------------------------


def _metadata(lines: list[Line], parts: PageParts, kind: list[str | None]) -> set[int]:
    """Label/value pairs, bylines and date lines: consumed, so they count neither as article nor title."""
    used: set[int] = set()
    for i, ln in enumerate(lines):
        if i in used or ln.words > 20:
            continue
        lab = None if ln.prose else label_of(ln.text)  # a long byline can read like prose
        if lab is not None:
            fld, value = lab
            if value is None:
                # value on the next line, unless a blank line says the value is empty
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                if nxt is not None and not ln.blank_after and not nxt.prose and nxt.words <= 12 \
                        and label_of(nxt.text) is None:
                    value = nxt.text
                    used.add(i + 1)
                    kind[i + 1] = "byline" if fld == "author" else "label"
                elif fld == "author":
                    continue  # a lone 'By' is not a label
            used.add(i)
            kind[i] = "byline" if fld == "author" else "label"
            _set_field(parts, fld, value)
            continue
        authors = byline_authors(ln.text)
        if authors:
            used.add(i)
            kind[i] = "byline"
            if not parts.authors:
                parts.authors = authors
            continue
        if not ln.prose and is_date_line(ln.text):
            used.add(i)
            kind[i] = "label"
            if parts.published is None:
                parts.published = parse_date(ln.text)
    return used


COMMENT_POSTERS = True  # 'Jane Roe says:' over a printed date opens a reader's comment


def _posters(lines: list[Line], meta: set[int]) -> None:
    """A short line ending in 'says:' right above a date line is a commenter's name: comments
    chrome, so that the readers' comments below an article do not join it."""
    cues = poster_words()
    for i, ln in enumerate(lines[:-1]):
        if ln.chrome is None and ln.words <= 6 and i + 1 in meta and ln.text.casefold().endswith(cues):
            ln.chrome = "comments"


def _set_field(parts: PageParts, fld: str, value: str | None) -> None:
    if value is None or not value.strip():
        return
    value = value.strip()
    if fld == "category" and parts.category is None:
        parts.category = value
    elif fld == "published" and parts.published is None:
        parts.published = parse_date(value)
    elif fld == "updated" and parts.updated is None:
        parts.updated = parse_date(value)
    elif fld == "author" and not parts.authors:
        parts.authors = byline_authors("By " + value) or [value]
    elif fld == "tags" and not parts.tags:
        parts.tags = [t.strip() for t in re.split(r"[,;|]", value) if t.strip()]


# --- the article region ----------------------------------------------------------------------


ADJ_WEIGHT = 0.1
RUN_WEIGHT = 0.0  # prose in a block of LONG_RUN+ lines on a blank-separated page: a teaser list
LONG_RUN = 5
SEP_MIN = 3
MID_WORDS = 10
MID_SCORE = 1.0
SEP_SHARE = 0.5
END_WEIGHT = {"comments": 0.0}
END_FULL = True  # only prose set apart counts towards END_MIN (a teaser rail's packed lines do not)
END_MIN = 80  # words of article prose above a comments header before it ends the article
SHORT_SCORE = -1.5
SHORT_ALONE = -1.5
CHROME_SCORE = -6.0
BARRIER_SCORE = -15.0
BARRIER_SHARE = 0.1   # crossing an end-of-article header costs at least this share of the run's score
CHROME_SHARE = 0.05   # ... and crossing any other chrome line this share
BARRIER_WORDS = 6     # headers and buttons: chrome lines of up to this many words


def _separated(lines: list[Line]) -> bool:
    """Whether this page sets its paragraphs apart with blank lines (most pages do)."""
    prose = [ln for ln in lines if ln.prose and ln.words >= 15]
    iso = sum(1 for ln in prose if ln.blank_before and ln.blank_after)
    return bool(prose) and (iso >= SEP_MIN or iso >= SEP_SHARE * len(prose))


def _runs(lines: list[Line]) -> list[int]:
    """For each line, how many lines its block (lines with no blank line between) has."""
    sizes = [0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and not lines[j].blank_after:
            j += 1
        for k in range(i, j + 1):
            sizes[k] = j - i + 1
        i = j + 1
    return sizes


STEPS = True       # a block of packed sentences inside an article (steps, acknowledgements) is no teaser list
STEP_WEIGHT = 0.5  # ... its prose counts this share
STEP_SHARE = 0.8   # ... when this share of its LONG_RUN+ lines are prose ending like sentences
CODE_SCORE: float | None = 1.0   # a line of a program listing scores as a short sentence (None: as any line)


def _code_lines(lines: list[Line]) -> set[int]:
    """The lines of program listings (``lines.code_lines``): neither menu nor chrome, so that a field
    named 'comments' in a guide's listing is no comments header."""
    out = code_lines(lines) if CODE_SCORE is not None else set()
    for k in out:
        if not lines[k].prose:
            lines[k].chrome = None
    return out


CARD_WEIGHT: float | None = 0.1   # a teaser card's summary counts this share of its words (None: in full)
CARD_MIN = 3      # ... next to a short link label the page prints this many times ('Read now') ...
CARD_WORDS = 25   # ... when it has at most this many words


def _score(ln: Line, meta: set[int], i: int, separated: bool, run: int = 1, lone: bool = False,
           code: bool = False, dense: bool = False) -> float:
    if code and CODE_SCORE is not None and not ln.prose:
        return CODE_SCORE   # a line of a program listing: a guide's, not a menu
    if i in meta:
        return -2.0
    if ln.chrome:
        return BARRIER_SCORE if ln.chrome in _BARRIERS else CHROME_SCORE
    if ln.prose:
        w = float(min(ln.words, 60))
        # on a page of blank-separated paragraphs, prose packed in a run of lines is a teaser list
        if not separated or (ln.blank_before and ln.blank_after) or (LEAD_ALONE and lone):
            return w
        if STEPS and dense:
            return w * STEP_WEIGHT   # packed sentences inside an article: its steps
        if ITEM_WEIGHT and _ITEM.match(ln.text):
            return w * ITEM_WEIGHT   # a list entry led by its term ('Pens and pencils: a cup keeps ...')
        return w * (RUN_WEIGHT if run >= LONG_RUN else ADJ_WEIGHT)
    if ln.tabs:
        return 0.5
    if ln.sentence_end and ln.words >= 4:
        return 1.0
    if ln.words >= MID_WORDS:
        return MID_SCORE  # a list item or a long heading: neither for nor much against
    if run == 1:
        return SHORT_ALONE  # a short line set apart by blank lines: a heading, a caption, a button
    return SHORT_SCORE


ITEM_WEIGHT = 0.3  # packed prose led by a term and a colon: a list entry, not a teaser
_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s*)?[^\W\d_][^:.!?;]{0,40}:\s+\S")
SUMMARY_BOX = True  # the packed prose lines under a summary header ('Key takeaways') count in full
LEAD_ALONE = True  # a lone packed paragraph opening or closing the article (see _lone_prose) is no teaser


def _lone_prose(lines: list[Line], i: int) -> bool:
    """The only prose line of its block (lines with no blank line between) that opens or closes the
    article's paragraphs: a lead packed under its byline and followed by a paragraph set apart, or a
    closing paragraph packed above the footer's chrome. A teaser list packs several."""
    j = i - 1
    while j >= 0 and not lines[j].blank_after:
        if lines[j].prose and not lines[j].chrome:
            return False
        j -= 1
    first = j + 1
    j = i
    while j + 1 < len(lines) and not lines[j].blank_after:
        j += 1
        if lines[j].prose and not lines[j].chrome:
            return False
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    prev = lines[first - 1] if first > 0 else None
    lead = i == j and nxt is not None and nxt.prose and nxt.blank_before and nxt.blank_after
    closing = i == first and j > i and prev is not None and prev.blank_after \
        and all(ln.chrome for ln in lines[i + 1:j + 1])
    return lead or closing


def _region(lines: list[Line], meta: set[int], code: set[int] | None = None) -> tuple[int, int]:
    """Maximum-sum run of line scores (Kadane); the whole page when nothing scores."""
    best, best_span = float("-inf"), (0, len(lines) - 1)
    run, run_start = 0.0, 0
    separated = _separated(lines)
    prose_words, weight = 0, 1.0
    runs = _runs(lines)
    dense = dense_blocks(lines, LONG_RUN, STEP_SHARE) if STEPS else set()
    cards = card_summaries(lines, CARD_MIN, CARD_WORDS) if CARD_WEIGHT is not None else set()
    boxes = summary_boxes(lines) if SUMMARY_BOX else set()   # a summary box's packed points
    for i, ln in enumerate(lines):
        lone = i in boxes or _lone_prose(lines, i)
        v = _score(ln, meta, i, separated, runs[i], lone, code is not None and i in code,
                   i in dense and prose_words >= END_MIN)   # steps of an article, not a rail above it
        if ln.chrome in END_WEIGHT and prose_words >= END_MIN:
            # below a comments header after an article, prose is readers' comments
            weight = min(weight, END_WEIGHT[ln.chrome])
        elif ln.prose:
            if i in cards:
                v *= CARD_WEIGHT   # a teaser card's summary
            if not END_FULL or v >= min(ln.words, 60):
                prose_words += ln.words   # article prose: set apart (a teaser list's packed lines do not count)
            v *= weight
        if BARRIER_SHARE and ln.chrome in _BARRIERS and run > 0 and ln.words <= BARRIER_WORDS:
            v = min(v, -BARRIER_SHARE * run)   # crossing an end-of-article header costs a share of the article
        elif CHROME_SHARE and ln.chrome and run > 0 and ln.words <= BARRIER_WORDS:
            v = min(v, -CHROME_SHARE * run)
        if run <= 0:
            run, run_start = v, i
        else:
            run += v
        if run > best:
            best, best_span = run, (run_start, i)
    if FINISH_BLOCK:
        best_span = best_span[0], _finish_block(lines, best_span[1], meta)
    if TOC_MIN:
        best_span = best_span[0], _toc_end(lines, best_span, meta, code, separated, runs)
    return best_span


TOC_MIN = 3   # a table of contents in the article naming this many headings printed below it carries it on
TOC_GAP = 3   # ... when most of those headings lie this many lines apart (sections, not a list of links)


def _toc_end(lines: list[Line], span: tuple[int, int], meta: set[int], code: set[int] | None,
             separated: bool, runs: list[int]) -> int:
    """The article's end when its table of contents names headings printed below the region: a guide
    whose sections are long runs of short lines (checklists, steps) stops at its first list, although
    its contents list the sections to come. Headings the region prints twice (a contents list and its
    section) do not count, nor headings packed one under another (a contents list after the article)
    or past an end-of-article header. The region runs on to the heading of the last section named and
    then through that section: as far as the line scores still gain, or up to the first chrome line
    when the section is no longer than the longest one before it."""
    start, end = span
    later: dict[str, int] = {}
    for j in range(end + 1, len(lines)):
        later.setdefault(lines[j].text.casefold(), j)
    seen: dict[str, int] = {}
    for i in range(start, end + 1):
        seen[lines[i].text.casefold()] = seen.get(lines[i].text.casefold(), 0) + 1
    hits = sorted({later[k] for i in range(start, end + 1)
                   if not lines[i].prose and lines[i].chrome is None and 2 <= lines[i].words <= 15
                   and seen[k := lines[i].text.casefold()] == 1 and k in later})
    gaps = [b - a for a, b in zip(hits, hits[1:])]
    if len(hits) < TOC_MIN or sum(1 for g in gaps if g >= TOC_GAP) < len(gaps) / 2:
        return end
    if any(lines[k].chrome in _BARRIERS and lines[k].words <= BARRIER_WORDS for k in range(end + 1, hits[-1])):
        return end
    total, best, out = 0.0, 0.0, hits[-1]
    reach = hits[-1] + max(gaps)   # the last section is as long as the longest before it, at most ...
    for k in range(hits[-1] + 1, len(lines)):
        ln = lines[k]
        if ln.chrome in _BARRIERS and ln.words <= BARRIER_WORDS:
            break
        if ln.chrome or k in meta:
            reach = min(reach, k - 1)   # ... and ends at the first chrome line, unless prose goes on
        total += _score(ln, meta, k, separated, runs[k], _lone_prose(lines, k), code is not None and k in code)
        if total > best:
            best, out = total, k
    return max(out, min(reach, len(lines) - 1))


FINISH_BLOCK = True  # a region that ends inside a block of lines runs on to the block's last paragraph


def _finish_block(lines: list[Line], e: int, meta: set[int]) -> int:
    """The article's end: when the region stops inside a run of lines with no blank line between
    (a pull quote, its speaker card, the closing paragraph), it takes the rest of that run if
    the run ends in prose and holds no chrome or metadata."""
    j = e
    while j + 1 < len(lines) and not lines[j].blank_after:
        j += 1
        if lines[j].chrome or j in meta:
            return e
    return j if j > e and lines[j].prose else e


AUTHOR_BOX = True      # an author box (name line, then a bio starting with the name) ends the article
BOX_LINES = 12         # ... when it lies among the region's last lines
BOX_PROSE = 3          # ... with at most this many prose lines from it to the region's end (co-authors' bios)
BOX_LISTED = 3         # ... and fewer lines of its shape in the article (more: a list of people or products)


BOX_SELF = True        # a bio in the first person ('I'm Jane, a writer ...') opens with the name too
BOX_BYLINE = True      # a short paragraph opening with a byline author's full name is a bio, name line or not
BOX_BIO_WORDS = 150    # ... of at most this many words


def _box_head(lines: list[Line], i: int) -> set[str]:
    """The name words of an author box's head line ('Jane Roe', 'About Jane Roe', 'Written by Jane
    Roe'), when the next or second next line is prose that starts with one of them."""
    ln = lines[i]
    if ln.prose or ln.chrome not in (None, "footer") or ln.words > 7 \
            or ln.sentence_end and not ln.text.endswith(":"):
        return set()
    names = box_names(unglue_lead(ln.text) if BOX_SELF else ln.text)
    for j in (i + 1, i + 2):
        if names and j < len(lines) and lines[j].prose:
            return names if opens_with_name(lines[j].text, names, BOX_SELF) else set()
    return set()


def _author_bio(ln: Line, full: list[str]) -> bool:
    """A paragraph opening with a byline author's full name ('Jane Roe is a reporter who ...')."""
    return ln.prose and ln.words <= BOX_BIO_WORDS and any(ln.text.startswith(a + " ") for a in full)


def _before_author_box(lines: list[Line], start: int, end: int, kind: list[str | None],
                       authors: list[str] | None = None) -> int:
    """The article's end before an author box among its last lines: 'Jane Roe' (or 'About Jane Roe')
    over 'Jane Roe is a writer who ...', with at most a co-author's box after it; or, with no name
    line, a bio opening with a byline author's full name. The box goes to boilerplate as a byline."""
    full = [a for a in authors or [] if len(a.split()) >= 2] if BOX_BYLINE else []
    words = 0
    listed = None
    for i in range(start, end + 1):
        if i >= end - BOX_LINES and words >= END_MIN and (_box_head(lines, i) or _author_bio(lines[i], full)):
            # a list of people or products ('Jane Roe' over 'Jane Roe runs ...', entry after entry)
            # has the same shape throughout: its last entry is no author box
            if listed is None:
                listed = sum(1 for j in range(start, end + 1) if _box_head(lines, j))
            if listed < BOX_LISTED and sum(1 for j in range(i, end + 1) if lines[j].prose) <= BOX_PROSE:
                for j in range(i, end + 1):
                    kind[j] = kind[j] or "byline"
                return i - 1
        if lines[i].prose:
            words += lines[i].words
    return end


# --- the body ---------------------------------------------------------------------------------


def _name_like(ln: Line) -> bool:
    toks = ln.text.split()
    if not (2 <= len(toks) <= 5 and ln.chars <= 50 and ln.chrome is None and not ln.sentence_end):
        return False
    particles = byline_words()["particles"]
    return (all(_NAME_WORD.match(t) and (t[0].isupper() or t in particles) for t in toks)
            and sum(1 for t in toks if t[0].isupper()) >= 2)


def _role_like(ln: Line) -> bool:
    return (1 <= ln.words <= 15 and ln.chrome is None and not ln.prose and not ln.tabs
            and not ln.text.endswith((".", "!", "?")) and credit_of(ln.text) is None)


def _card(lines: list[Line], i: int, end: int, quoted: bool) -> tuple[int, str, str | None] | None:
    """(lines used, name, role) when lines[i:] is a speaker card under a pull quote.

    A name printed twice (the layout's card and its alt text) is enough; a single name
    with a role line needs the paragraph above to be in quotation marks, or a
    heading followed by a subheading would pass for a card.
    """
    if i > end or not _name_like(lines[i]):
        return None
    name = lines[i].text
    j = i + 1
    repeated = False
    while j <= end and lines[j].text == name:
        repeated, j = True, j + 1
    role = None
    if j <= end and _role_like(lines[j]) and (repeated or not _name_like(lines[j])):
        role, j = lines[j].text, j + 1
    if not repeated and (role is None or not quoted):
        return None
    after = lines[j] if j <= end else None
    if after is not None and not (after.prose or after.chrome or after.words <= 20):
        return None
    if not repeated and after is not None and not after.prose and after.chrome is None:
        return None
    return j - i, name, role


def _next_prose(lines: list[Line], i: int, end: int, kind: list[str | None]) -> bool:
    j = i + 1
    while j <= end and kind[j] is not None:
        j += 1
    return j <= end and lines[j].prose and lines[j].chrome is None


def _credit_value(lines: list[Line], i: int, end: int, kind: list[str | None], value: str) -> str:
    """A credit label alone on its line ('Photo:') takes its value from the next line."""
    if value:
        return value
    if i + 1 <= end and kind[i + 1] is None and not lines[i].blank_after and lines[i + 1].words <= 10 \
            and not lines[i + 1].prose and lines[i + 1].chrome is None:
        kind[i + 1] = "credit"
        return lines[i + 1].text
    return lines[i].text


def _head_images(lines: list[Line], head: int, start: int, kind: list[str | None], parts: PageParts) -> None:
    """Captions and credits between the headline and the first paragraph (the lead image)."""
    for i in range(head, start):
        ln = lines[i]
        if kind[i] is not None or ln.chrome:
            continue
        credit = credit_of(ln.text)
        if credit is None:
            continue
        value, caption = credit
        kind[i] = "credit"
        value = _credit_value(lines, i, start - 1, kind, value)
        if caption is None and i - 1 >= head and kind[i - 1] is None and not ln.blank_before \
                and not lines[i - 1].chrome and lines[i - 1].words <= 60:
            caption = lines[i - 1].text
            kind[i - 1] = "caption"
        parts.images.append(Image(caption=caption, credit=value))


REPEAT_WORDS = 8   # a paragraph of this many words printed again in the article: a repeated caption or teaser
REPEAT_KINDS = 3   # ... unless more than this many paragraphs repeat (a meal plan, an interview's questions)


def _repeats(lines: list[Line], start: int, end: int, kind: list[str | None]) -> None:
    """The second and later copies of a paragraph set apart in the article go to boilerplate: a layout
    that prints an image's caption or a teaser twice, not the story. An article where many
    paragraphs repeat (a meal plan, an interview's questions put to each guest) keeps them."""
    seen: set[str] = set()
    dup: list[int] = []
    kinds: set[str] = set()
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.words < REPEAT_WORDS or kind[i] is not None or not (ln.blank_before and ln.blank_after):
            continue
        k = ln.text.casefold()
        if k in seen:
            dup.append(i)
            kinds.add(k)
        seen.add(k)
    if len(kinds) <= REPEAT_KINDS:
        for i in dup:
            kind[i] = "other"


def _body(lines: list[Line], start: int, end: int, kind: list[str | None], parts: PageParts) -> None:
    blocks: list[tuple[BlockKind, str]] = []
    block_line: list[int] = []   # first line of each block

    def add(k: BlockKind, text: str, at: int) -> None:
        blocks.append((k, text))
        block_line.append(at)

    i = start
    while i <= end:
        ln = lines[i]
        if kind[i] is not None:
            i += 1
            continue
        if ln.chrome:
            kind[i] = ln.chrome
            i += 1
            if ln.chrome in _SECTION_HEADERS and ln.words <= 6:
                # the links under a 'Related' / 'Comments' header: a run with no blank line
                while i <= end and not lines[i].blank_before and not lines[i].sentence_end and kind[i] is None:
                    kind[i] = ln.chrome
                    i += 1
            continue
        credit = credit_of(ln.text)
        if credit is not None and not (ln.prose and credit[1] is None):
            value, caption = credit
            kind[i] = "credit"
            value = _credit_value(lines, i, end, kind, value)
            if caption is None and blocks and block_line[-1] == i - 1 and not ln.blank_before \
                    and blocks[-1][0] in ("paragraph", "heading") and lines[i - 1].words <= 60:
                caption = blocks.pop()[1]
                block_line.pop()
                kind[i - 1] = "caption"
            elif caption is None and i - 1 >= start and kind[i - 1] == "other" and not ln.blank_before \
                    and lines[i - 1].words <= 60:
                caption = lines[i - 1].text
                kind[i - 1] = "caption"
            parts.images.append(Image(caption=caption, credit=value))
            i += 1
            continue
        if blocks and blocks[-1][0] == "paragraph" and block_line[-1] < i:
            card = _card(lines, i, end, quoted=_QUOTED.match(blocks[-1][1]) is not None)
            if card is not None:
                used, name, role = card
                blocks[-1] = ("quote", blocks[-1][1])
                parts.speaker_cards.append((len(blocks) - 1, name, role))
                for j in range(i, i + used):
                    kind[j] = "speaker_card"
                i += used
                continue
        if ln.tabs:
            j = i
            rows = []
            while j <= end and lines[j].tabs and kind[j] is None:
                rows.append(lines[j].text)
                kind[j] = "_body"
                j += 1
            add("table", "\n".join(rows), i)
            i = j
            continue
        if ln.prose or (ln.sentence_end and ln.words >= 3):
            kind[i] = "_body"
            add("paragraph", ln.text, i)
            i += 1
            continue
        if ln.bullet or (not ln.blank_after and i + 1 <= end and kind[i + 1] is None
                         and not lines[i + 1].prose and lines[i + 1].chrome is None and not lines[i + 1].tabs):
            j = i
            items = []
            while j <= end and kind[j] is None and lines[j].chrome is None and not lines[j].tabs \
                    and (j == i or not lines[j].blank_before) and (not lines[j].prose or lines[j].bullet) \
                    and (j == i or credit_of(lines[j].text) is None):
                items.append(lines[j].text)
                kind[j] = "_body"
                j += 1
            if len(items) >= 2 or ln.bullet:
                add("list", "\n".join(items), i)
                i = j
                continue
            for k in range(i, j):
                kind[k] = None
        if ln.words <= 20 and not ln.lower_start and _next_prose(lines, i, end, kind):
            kind[i] = "_body"
            add("heading", ln.text, i)
            i += 1
            continue
        if KEEP_SHORT and ln.words >= KEEP_SHORT and _between_prose(lines, i, start, end):
            kind[i] = "_body"
            add("paragraph", ln.text, i)
            i += 1
            continue
        kind[i] = "other"
        i += 1
    parts.blocks = blocks


KEEP_SHORT = 1      # short lines inside the article kept as paragraphs from this many words (0: never)
SHORT_REACH = 16    # ... when prose lies within this many lines on both sides


def _between_prose(lines: list[Line], i: int, start: int, end: int) -> bool:
    """A short line with article prose close above and below it: part of the article."""
    above = any(lines[j].prose and lines[j].chrome is None for j in range(max(start, i - SHORT_REACH), i))
    below = any(lines[j].prose and lines[j].chrome is None for j in range(i + 1, min(end, i + SHORT_REACH) + 1))
    return above and below


def _boilerplate(lines: list[Line], kind: list[str | None], parts: PageParts) -> None:
    """Every line not in ``text``, in page order; neighbours of one kind merge into one entry."""
    out: list[Boilerplate] = []
    prev_kind, prev_n = None, -2
    for i, ln in enumerate(lines):
        k = kind[i]
        if k in ("_body", "title"):
            prev_kind = None
            continue
        if k is None:
            k = ln.chrome
            if k is None and prev_kind in _SECTION_HEADERS and i == prev_n + 1 and not ln.blank_before:
                k = prev_kind  # a link listed under a 'Related' or 'Share' header
            k = k or "other"
        if out and k == prev_kind and k not in ("caption", "credit", "duplicate_title") and i == prev_n + 1:
            out[-1] = Boilerplate(kind=k, text=out[-1].text + "\n" + ln.text)
        else:
            out.append(Boilerplate(kind=k, text=ln.text))
        prev_kind, prev_n = k, i
    parts.boilerplate = out


__all__ = ["read_text_dump", "split_lines"]
