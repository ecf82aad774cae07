"""Who each quote's speaker is, named as a reader should see it (the last stage before segments).

Every quote keeps ``speaker.mention`` (what the cue points at) and gets ``speaker.name``, the
fullest name the article gives that speaker, or no name for an unnamed source (mentions.py
decides which). ``speaker.kind`` says what the speaker is. A name is never a pronoun, a
lower-case word, a single letter or a description; a one-word name takes the longest name the
article spells out that ends in it ("Doe" -> "Jane Doe"). Quotes in the writer's or reader's own
voice ("I think", "you may wonder") are no one's quotes and are dropped. ``article.speakers``
lists each named speaker once with every role the article gives them.
"""
from __future__ import annotations

import re

from collections import Counter
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.interviews import interview_quotes
from quotewire.attribution.lexicon import body_name_words, honorifics, name_particles, org_words, role_nouns, titles
from quotewire.attribution.mentions import (GROUP_PRONOUNS, NO_ONE, PERSON_PRONOUNS, RELATIVES, WRITER_PRONOUNS,
                                            Focus, antecedent, genders, resolve_mention)
from quotewire.attribution.people import ROLE_LINKS, Person, Registry, in_lower_case, strip_name
from quotewire.attribution.quotes import QuoteSpan, text_of
from quotewire.attribution.registry import STAGES, State
from quotewire.attribution.segments import split_runs
from quotewire.page.lines import ends_like_sentence
from quotewire.records import Article, Quote, QuoteSpeaker, Speaker, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NOT_NAMES = PERSON_PRONOUNS | GROUP_PRONOUNS | WRITER_PRONOUNS | RELATIVES | {
    "q", "a", "this", "these", "those", "someone", "somebody", "everyone", "others", "another", "all",
    "many", "most", "some", "several", "both", "each", "one", "none"}
_DESCRIPTION = {"the", "a", "an", "many", "most", "some", "several", "few", "other", "others", "another",
                "all", "both", "each", "one", "two", "three", "four", "five", "this", "these", "those"}


def valid_name(name: str | None) -> bool:
    """A name a reader can search for: capitalised, not a pronoun, label or description."""
    if not name:
        return False
    words = name.split()
    first = words[0]
    if not first[:1].isupper() or first.lower() in _DESCRIPTION:
        return False
    if len(words) == 1 and (first.lower() in _NOT_NAMES or len(first.strip(".")) < 2
                            or first.lower() in org_words() | role_nouns() | titles()):
        return False  # "Council", "Minister": a common noun with a capital, not a name
    if words[-1][:1].isalpha() and words[-1][:1].islower() and not any(
            w.endswith(("'s", "\u2019s")) for w in words[:-1]):
        return False  # "Submit button": a name ends in a capitalised word ("Ludwig van Beethoven"),
        # unless it is an owner's body ("Norway's foreign ministry")
    return any(ch.isalpha() for ch in name)


_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;\u2022\u2013\u2014-]\s*|[\n.!?]\s*[\"'\u201c\u2018(]\s*)$")


def common_noun(text: str, name: str) -> bool:
    """"Users who only need a site ...", "Coconut contains ...": a one-word "name" that the text
    writes with a capital only where a sentence or a line starts, and in lower case elsewhere, is
    a common noun ("users", "coconut"), not a person or a body."""
    if " " in name or not name[:1].isupper() or name.isupper():
        return False
    if not in_lower_case(text, name):
        return False
    # "at Meta", "said Zoom": capitalised inside a sentence, a name
    return all(_SENTENCE_START.search(text[max(0, m.start() - 4):m.start()])
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


LABEL_WORDS = 25  # a line this short that ends without a sentence's punctuation is a label


def is_label(text: str) -> bool:
    """A short paragraph that ends like no sentence, or a question in title case: a heading,
    caption or credit line that a text dump gives as a paragraph ("Cherry trees at Riverton Castle
    in April", "Why Choose Acme in 2026?")."""
    words = text.split()
    if not 0 < len(words) <= LABEL_WORDS or "\n" in text:
        return False
    if text.rstrip().endswith("?") and len(words) >= 3:
        return sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= 0.75 * len(words)
    return not ends_like_sentence(text)


def _layout(article: Article) -> list[tuple[int, int]]:
    """Where the page's furniture is, in characters: titles, headings, tables, and the label lines
    of paragraphs and lists (``is_label``)."""
    spans: list[tuple[int, int]] = []
    for b in article.blocks:
        if b.kind in ("title", "heading", "table"):
            spans.append((b.start, b.end))
        elif b.kind in ("paragraph", "list"):
            at = b.start
            for line in article.text[b.start:b.end].split("\n"):
                if is_label(line):
                    spans.append((at, at + len(line)))
                at += len(line) + 1
    return spans


def fullest(doc: "Doc", name: str, layout: list[tuple[int, int]] | None = None) -> str:
    """The longest name the text spells out that ends in the one word ``name`` ("Doe" -> "Jane
    Doe", "Ana-Maria Doe"): the one such name, or the one the text uses at least twice as often
    as any other. Else ``name``: a title is a role, not a name ("President Doe" is Doe)."""
    if " " in name or not name[:1].isupper():
        return name
    particles = name_particles()
    strip = titles() | honorifics()
    found: Counter[str] = Counter()
    last = name.rsplit("-", 1)[-1]  # "Doe-Roe": the tokenizer splits at the hyphen
    text = text_of(doc)
    for t in doc:
        if t.text != last or not (t.pos_ == "PROPN" or t.is_title):
            continue
        end = t.idx + len(t.text)
        start = end - len(name)
        if start < 0 or text[start:end] != name or (start > 0 and text[start - 1].isalnum()) or (
                text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()):  # "Doe" of "Doe-Roe" is not Doe
            continue
        first = t.i
        while first > 0 and doc[first].idx > start:
            first -= 1
        if doc[first].idx != start:
            continue
        j = first - 1
        while j >= 0 and t.i - j <= 6 and not doc[j].is_space and "\n" not in doc[j].whitespace_:
            w = doc[j]
            if w.is_sent_start and not w.ent_type_ and w.lower_ not in strip and not (
                    w.pos_ == "PROPN" and w.dep_ == "compound" and w.head.i == t.i and not w.is_stop
                    and w.lower_ not in role_nouns()):
                break  # "Say Doe": a capital that only starts a sentence (not a first name before it)
            if w.pos_ == "PROPN" and (w.is_title or (len(w.text) == 2 and w.text[1] == ".")) and not any(
                    ch.isdigit() for ch in w.text):  # "01.Can Doe": a list number glued to a word
                j -= 1
            elif w.text == "-" and not w.whitespace_ and j > 0 and not doc[j - 1].whitespace_:
                j -= 1
            elif w.lower_ in particles and j > 0 and doc[j - 1].pos_ == "PROPN":
                j -= 1
            else:
                break
        run = doc[j + 1:t.i + 1].text.split()
        if len(run) > 2 and j >= 0 and doc[j].lower_ in ROLE_LINKS:
            run = run[-2:]  # "Director of Public Works Jane Doe": the name is the last two words
        words, _ = strip_name(run)
        while words and words[0].lower() in particles:
            words = words[1:]
        if len(words) > 1 and any(a <= start < b for a, b in layout or ()) and in_lower_case(text, words[0]):
            continue  # a heading's "Why Use Acme": a verb written with a capital, no first name
        if len(words) > 1 and all(w.lower().rstrip(".") not in strip for w in words[:-1]):
            found[" ".join(words)] += 1
    longest = Counter({f: n for f, n in found.items() if not any(g != f and g.endswith(" " + f) for g in found)})
    if len(longest) == 1:
        return next(iter(longest))
    if longest:
        (top, n), (_, m) = longest.most_common(2)
        return top if n >= 2 * m else name
    return name


def resolve(article: Article, doc: "Doc", kept: list[Candidate], quotes: list[QuoteSpan]) -> None:
    reg = Registry(doc)
    genders(reg, doc)
    _cards(article, reg)
    interview_quotes(article, doc, reg)
    speakers: dict[int, Person] = {}
    owners: list[tuple[Quote, Person]] = []  # names are set at the end: a later mention may lengthen one
    focus = Focus(quoted=[(m.start, m.end) for m in quotes],
                  layout=_layout(article))
    last_org_at = 0
    # the first person any quote names: what a headline's "agency chief" or an early "he" points at
    for q in article.quotes:
        if q.speaker.mention is not None:
            sp = doc.char_span(q.speaker.mention.start, q.speaker.mention.end, alignment_mode="expand")
            if sp is not None and any(e.label_ == "PERSON" for e in sp.ents):
                focus.upcoming = reg.find(next(e for e in sp.ents if e.label_ == "PERSON").text)
                if focus.upcoming:
                    break
    keep: list[Quote] = []
    for q in article.quotes:
        keep.append(q)
        if q.speaker.mention is None:
            p = reg.find(q.speaker.name) if q.speaker.name else None
            if p is not None:
                speakers.setdefault(id(p), p)
                owners.append((q, p))
                focus.last_person = p
                q.speaker.kind = "person"
            continue
        if focus.last_org is not None and q.speaker.mention.start - last_org_at > 800:
            focus.last_org = None
        span = doc.char_span(q.speaker.mention.start, q.speaker.mention.end, alignment_mode="expand")
        if span is None or not len(span):
            q.speaker.name = None
            continue
        at = q.speaker.mention.start
        focus.in_quote = any(m.start < at < m.end for m in quotes)  # the mention is inside a quotation
        focus.in_headline = any(b.kind in ("title", "heading") and b.start <= q.speaker.mention.start < b.end
                                for b in article.blocks)
        got = resolve_mention(reg, doc, span, focus)
        if got.writer and q.kind != "direct":
            keep.pop()  # "I think ...", "you may wonder ...": the writer's voice, no one's quote
            continue
        if got.person is None and q.kind != "direct" and (span.text.lower() == "no one" or (
                span.root.lower_ in NO_ONE and antecedent(doc, span.root) is None)):
            keep.pop()  # "Nothing suggests that ...", "Which means that ...": no one said it
            continue
        p = got.person
        if got.writer and span.root.lower_ in ("i", "me"):
            p = _byline_person(article, reg, focus.quoted)  # 'I told myself, "..."': the writer, where the byline names one
            got.kind = "person" if p is not None else got.kind
        q.speaker.kind = got.kind  # type: ignore[assignment]
        if p is None or not valid_name(p.name) or common_noun(article.text, p.name):
            q.speaker.name = None
            q.speaker.role = None
            if q.speaker.kind in ("person", "organization"):
                q.speaker.kind = "unknown"
            continue
        if " " not in p.name:
            longer = fullest(doc, p.name, focus.layout)
            if longer != p.name:
                p.aliases.add(p.name)
                p.name = longer
        q.speaker.name = p.name
        q.speaker.role = p.roles[0] if p.roles else None
        q.confidence = round(q.confidence * _name_certainty(q.speaker.mention.text, p.name), 3)
        speakers.setdefault(id(p), p)
        owners.append((q, p))
        if p.kind == "person" and " and " not in p.name:
            focus.last_person = p
        elif p.kind == "organization":
            focus.last_org, last_org_at = p, q.speaker.mention.end
    article.quotes = keep
    for q, p in owners:
        q.speaker.name = p.name
        q.speaker.role = p.roles[0] if p.roles else None
    article.speakers = [Speaker(name=p.name, roles=list(p.roles), kind=_kind(p),  # type: ignore[arg-type]
                                aliases=sorted(a for a in p.aliases if a != p.name)) for p in speakers.values()]


@STAGES.register("speakers")
def speakers(state: State) -> None:
    """The last stage: every quote's speaker resolved, then runs cut into one quote per pair of marks."""
    assert state.article is not None, "the speakers stage runs on an article"
    resolve(state.article, state.doc, state.kept, state.quotes)
    split_runs(state.article)


# how sure a name is, by how it was reached: a name at the cue is the name; "he", "the company"
# or a relative pronoun was resolved through the text, which is where wrong names come from
PRONOUN_CERTAINTY = 0.85
DESCRIPTION_CERTAINTY = 0.85


def _name_certainty(mention: str, name: str) -> float:
    words = set(mention.replace("\u2019", "'").split())
    if words & set(name.split()):
        return 1.0
    if len(words) == 1 and mention.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS | RELATIVES | WRITER_PRONOUNS:
        return PRONOUN_CERTAINTY
    return DESCRIPTION_CERTAINTY


_SELF_NAMED = re.compile(r"\b(?P<lead>[Mm]y name is|I am|I'm|I\u2019m)\s+(?P<name>[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+){1,2})\b")


def _byline_person(article: Article, reg: Registry, quoted: list[tuple[int, int]] = ()) -> Person | None:
    """The one author of the byline, when it reads as a person's name (two or three capitalised
    words, no body's word): the "I" of a first-person article. Without a byline, the writer who
    names themself in their own words outside any quotation ("my name is Jane Roe"; "I'm Jane
    Roe" where the text prints that name again)."""
    author = article.authors[0] if len(article.authors) == 1 else None
    if author is None and not article.authors:
        text = article.text
        for m in _SELF_NAMED.finditer(text):
            if not any(a <= m.start() < b for a, b in quoted) and (
                    m["lead"].lower() == "my name is" or text.count(m["name"]) >= 2):  # "I am X" once may be no name
                author = m["name"]
                break
    if author is None:
        return None
    words = author.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words) or \
            any(w.lower().strip(".") in org_words() | body_name_words() for w in words) or \
            not valid_name(author) or author.lower() in reg.orgs:
        return None
    p = reg.find(author)
    if p is None:
        p = Person(" ".join(words))
        reg.people.append(p)
    return p


def _kind(p: Person) -> str:
    return p.kind if p.kind in ("person", "organization") else "unknown"


def _cards(article: Article, reg: Registry) -> None:
    """A pull quote's card names its speaker: the quote block becomes a direct quote of theirs."""
    for card in article.speaker_cards:
        if not 0 <= card.block < len(article.blocks):
            continue
        block = article.blocks[card.block]
        p = reg.find(card.name)
        if p is None:
            words, _ = strip_name(card.name.split())
            p = Person(" ".join(words))
            reg.people.append(p)
        if card.role and card.role.lower() not in (r.lower() for r in p.roles):
            p.roles.insert(0, card.role)
        article.quotes = [q for q in article.quotes
                          if not (q.content.start < block.end and block.start < q.content.end)]
        article.quotes.append(Quote(kind="direct", content=Span(start=block.start, end=block.end, text=block.text),
                                    cue=None, speaker=QuoteSpeaker(name=p.name, role=card.role), confidence=0.95))
    article.quotes.sort(key=lambda q: q.content.start)
