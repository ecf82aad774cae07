"""Who the mention is: names, titles, pronouns, role nominals and speaker cards resolved.

Every quote keeps ``speaker.mention`` (what the cue points at) and gets ``speaker.name``,
the fullest name the article gives that speaker. ``article.speakers`` lists each speaker
once with every role the article gives them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.lexicon import honorifics, org_words, role_nouns, titles
from quotewire.records import Article, Quote, QuoteSpeaker, Speaker, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me", "his", "hers"}
GROUP_PRONOUNS = {"they", "we", "it", "them", "us"}
_DET = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"}


@dataclass
class Person:
    name: str
    kind: str = "person"
    roles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    first: int = 0


def strip_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading honorifics and titles off a name: (name words, title words)."""
    tl, hon = titles(), honorifics()
    lead: list[str] = []
    while len(words) > 1:
        low = words[0].lower()
        two = " ".join(w.lower() for w in words[:2])
        if two in tl and len(words) > 2:
            lead += words[:2]
            words = words[2:]
        elif low in tl or low in hon or low.rstrip(".") in hon:
            lead.append(words[0])
            words = words[1:]
        else:
            break
    return words, lead


def _bare_role(role: str | None) -> str | None:
    """"the council's chair" and "council's chair" are one role: no leading article."""
    if not role:
        return role
    words = role.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _clean(text: str) -> str:
    # dashes too: an entity may take in a signature's dash (``― Jane Doe``)
    text = re.sub(r"['\u2019]s$", "", text.strip(" ,.;:\"\u201c\u201d\u2015\u2014\u2013-"))
    return " ".join(text.split())


class Registry:
    """People and organisations of one article, keyed so that partial mentions find them."""

    def __init__(self, doc: "Doc") -> None:
        self.people: list[Person] = []
        self.orgs: dict[str, Person] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._person(ent)
            elif ent.label_ in ("ORG", "NORP", "GPE"):
                key = _clean(ent.text)
                if key and key.lower() not in self.orgs:
                    self.orgs[key.lower()] = Person(key, "organization", first=ent.start_char)

    def _person(self, ent: "SpacySpan") -> Person | None:
        words, lead = strip_name(_clean(ent.text).split())
        if not words:
            return None
        found = self.find(" ".join(words))
        if found is None:
            found = Person(" ".join(words), first=ent.start_char)
            self.people.append(found)
        elif len(words) > len(found.name.split()) and words[-1] == found.name.split()[-1]:
            found.aliases.add(found.name)
            found.name = " ".join(words)
        role = _bare_role(_role_near(ent, lead))
        if role and role.lower() not in (r.lower() for r in found.roles):
            found.roles.append(role)
        return found

    def find(self, name: str) -> Person | None:
        """Full name, or a surname/first name that one person of the article alone carries."""
        words, _ = strip_name(_clean(name).split())
        if not words:
            return None
        low = " ".join(words).lower()
        for p in self.people:
            if p.name.lower() == low or low in (a.lower() for a in p.aliases):
                return p
        last = words[-1].lower()
        hits = [p for p in self.people if p.name.split()[-1].lower() == last]
        if len(hits) == 1:
            return hits[0]
        if len(words) == 1:
            hits = [p for p in self.people if words[0].lower() in (w.lower() for w in p.name.split())]
            if len(hits) == 1:
                return hits[0]
        return None


def _role_near(ent: "SpacySpan", lead: list[str]) -> str | None:
    """A role printed with the name: a title before it ("NATO Secretary General Jane Doe") or an apposition."""
    doc = ent.doc
    root = ent.root
    # apposition: "the head of the committee, Jane Doe," / "Jane Doe, the head of the committee,"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        h = root.head
        toks = [t for t in h.subtree if t.i < ent.start and not (t.i >= root.left_edge.i)]
        role = _np_text(toks)
        if role:
            return role
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            role = _np_text(list(c.subtree))
            if role:
                return role
    # "As the head of the committee, Admiral Jane Doe, ...": the as-phrase before the name is a role
    j = ent.start - 1
    while j >= 0 and (doc[j].lower_ in titles() or doc[j].lower_ in honorifics()):
        j -= 1
    if j > 0 and doc[j].text == ",":
        t = doc[j - 1]
        for _ in range(5):
            if t.dep_ == "prep" and t.lower_ == "as":
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is not None and (pobj.lemma_.lower() in role_nouns() or pobj.lemma_.lower() in titles()):
                    role = _np_text(list(pobj.subtree))
                    if role:
                        return role
                break
            if t.head.i == t.i:
                break
            t = t.head
    # title words before the name inside the same noun phrase
    pre = []
    i = ent.start - 1
    while i >= 0 and doc[i].head.i in range(i + 1, ent.end) and doc[i].dep_ in ("compound", "amod", "nmod", "npadvmod") \
            and doc[i].pos_ in ("PROPN", "NOUN", "ADJ"):
        pre.insert(0, doc[i].text)
        i -= 1
    if not pre:  # the parser hung the title elsewhere: capitalised nouns right before the name
        while i >= 0 and ent.start - i <= 4 and doc[i].pos_ in ("PROPN", "NOUN") and (doc[i].is_title or doc[i].is_upper) \
                and doc[i].ent_type_ not in ("DATE", "TIME", "PERSON", "CARDINAL"):
            pre.insert(0, doc[i].text)
            i -= 1
    if lead:
        pre += lead
    if pre and any(w.lower() in titles() or w.lower() in role_nouns() for w in pre):
        return " ".join(pre)
    return None


def _np_text(toks: list) -> str | None:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].lower_ in _DET or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or len(toks) > 12:
        return None
    return toks[0].doc[toks[0].i:toks[-1].i + 1].text


def _resolve_mention(reg: Registry, doc: "Doc", mention: Span, last_person: Person | None,
                     upcoming: Person | None, last_org: Person | None = None) -> Person | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= span.start and e.end <= span.end]
    if persons:
        return reg.find(persons[0].text) or reg._person(persons[0])
    root = span.root
    low = root.lower_
    if root.pos_ == "PRON":
        if low in PERSON_PRONOUNS:
            return last_person or _person_before(reg, doc, span.start) or upcoming
        if low == "it":
            return _org_before(reg, doc, span.start) or last_org
        if low in ("they", "we"):  # a group speaks: the organisation that last spoke, or was just named
            return last_org or _org_before(reg, doc, span.start)
        return None
    if root.pos_ == "PROPN":
        p = reg.find(span.text)
        if p is not None:
            return p
        p = _longer_name(reg, doc, root)
        if p is not None:
            return p
    lemma = root.lemma_.lower()
    words = {t.lower_ for t in span if not t.is_stop and not t.is_punct}
    if lemma in role_nouns() or lemma in titles():
        # the person whose known role shares words with the mention; else the one in focus
        best = [p for p in reg.people if p.roles and words & {w.lower() for r in p.roles for w in r.split()}]
        if best:
            return best[0] if last_person not in best else last_person
        return last_person or upcoming
    orgs = [e for e in doc.ents if e.label_ in ("ORG", "NORP", "GPE") and e.start >= span.start and e.end <= span.end]
    if orgs:
        key = _clean(" ".join(t.text for t in orgs[0] if not (t.i == orgs[0].start and t.lower_ in _DET)))
        return reg.orgs.setdefault(key.lower(), Person(key, "organization"))
    if lemma in org_words():
        key = _clean(" ".join(t.text for t in span if t.lower_ not in _DET))
        return reg.orgs.setdefault(key.lower(), Person(key, "organization"))
    return None


def _person_before(reg: Registry, doc: "Doc", i: int, reach: int = 120) -> Person | None:
    """No one has spoken yet: "he"/"she" is the person the text last named, if near."""
    for e in reversed([e for e in doc.ents if e.label_ == "PERSON" and e.end <= i and i - e.end <= reach]):
        p = reg.find(e.text)
        if p is not None:
            return p
    return None


def _org_before(reg: Registry, doc: "Doc", i: int, reach: int = 300) -> Person | None:
    """"It said": the organisation the text last named, if near."""
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e.end <= i and doc[i].idx - doc[e.end - 1].idx <= reach]
    if not orgs:
        return None
    key = _clean(" ".join(t.text for t in orgs[-1] if not (t.i == orgs[-1].start and t.lower_ in _DET)))
    return reg.orgs.setdefault(key.lower(), Person(key, "organization")) if key else None


def _longer_name(reg: Registry, doc: "Doc", root: "Token") -> Person | None:
    """NER missed the person: the fullest run of proper nouns ending in the same surname wins."""
    best: list[str] = []
    for t in doc:
        if t.text != root.text or t.i == 0 or t.pos_ != "PROPN":
            continue
        run = [t.text]
        j = t.i - 1
        while j >= 0 and doc[j].pos_ == "PROPN" and doc[j].is_title and len(run) < 4:
            run.insert(0, doc[j].text)
            j -= 1
        words, _ = strip_name(run)
        if len(words) > len(best):
            best = words
    if len(best) < 2:
        return None
    p = Person(" ".join(best), first=root.idx)
    reg.people.append(p)
    return p


def resolve(article: Article, doc: "Doc", kept: list[Candidate]) -> None:
    reg = Registry(doc)
    _cards(article, reg)
    speakers: dict[str, Person] = {}
    last: Person | None = None
    last_org: Person | None = None  # the organisation that spoke last, and where: "they" may be it
    last_org_at = 0
    # the first person any quote names: what a headline's "agency chief" or an early "he" points at
    upcoming = None
    for q in article.quotes:
        if q.speaker.mention is not None:
            sp = doc.char_span(q.speaker.mention.start, q.speaker.mention.end, alignment_mode="expand")
            if sp is not None and any(e.label_ == "PERSON" for e in sp.ents):
                upcoming = reg.find(next(e for e in sp.ents if e.label_ == "PERSON").text)
                if upcoming:
                    break
    for q in article.quotes:
        if q.speaker.mention is None:
            p = reg.find(q.speaker.name) if q.speaker.name else None
            if p is not None:
                speakers.setdefault(p.name, p)
                last = p
            continue
        near_org = last_org if last_org is not None and q.speaker.mention.start - last_org_at <= 800 else None
        p = _resolve_mention(reg, doc, q.speaker.mention, last, upcoming, near_org)
        if p is None:
            # an unresolved pronoun names nobody: "they" is no speaker of its own in an archive
            mention = _clean(q.speaker.mention.text)
            q.speaker.name = None if not mention or mention.lower() in GROUP_PRONOUNS | PERSON_PRONOUNS \
                else mention
            continue
        q.speaker.name = p.name
        q.speaker.role = p.roles[0] if p.roles else None
        speakers.setdefault(p.name, p)
        if p.kind == "person":
            last = p
        else:
            last_org, last_org_at = p, q.speaker.mention.end
    for q in article.quotes:
        if q.speaker.name and q.speaker.name in speakers:
            p = speakers[q.speaker.name]
            q.speaker.role = p.roles[0] if p.roles else None
    article.speakers = [Speaker(name=p.name, roles=list(p.roles), kind=p.kind,  # type: ignore[arg-type]
                                aliases=sorted(p.aliases)) for p in speakers.values()]


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
