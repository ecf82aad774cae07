"""Who a speaker mention is: a named person or body, an unnamed source, or nobody.

``resolve_mention`` reads the head of the mention's noun phrase, never its modifiers:

- a name (a PERSON entity, or the proper nouns of an organisation) heading the phrase, or in
  apposition to its head ("her lawyer, Jane Doe") is that person or body, at its fullest;
- a pronoun is the person or organisation in focus ("he", "it", "they"); a relative pronoun
  ("..., who said") is its antecedent; "I" and "you" outside a quotation are the writer's and
  the reader's voice, not a speaker (``Resolved.writer``);
- "the company", "the agency" is the organisation the article just named; "the minister" is the
  person whose role the article gave as minister; a document ("a report by X", "X's
  statement") is its author when named;
- anything else headed by a common noun ("analysts", "a judge", "the company's spokesperson",
  "Jane Doe's supporters") is an unnamed source: no name, kind ``unnamed``, its words kept as the
  mention. It is never given to a nearby named person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotewire.attribution.lexicon import document_nouns, org_words, role_nouns, titles
from quotewire.attribution.people import _DET, Person, Registry, clean

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"they", "it", "them"}
WRITER_PRONOUNS = {"i", "me", "my", "you", "your", "we", "us", "our"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
_DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our"}
_NAME_ENTS = ("ORG", "GPE", "NORP", "FAC")


@dataclass
class Resolved:
    person: Person | None = None
    kind: str = "unknown"  # person, organization, unnamed, unknown
    writer: bool = False  # the writer's or reader's own voice: no quote of a speaker


@dataclass
class Focus:
    """Who the article is talking about at this point: the last speakers, the first named one."""
    last_person: Person | None = None
    last_org: Person | None = None
    upcoming: Person | None = None
    in_quote: bool = False
    in_headline: bool = False


def _named(p: Person | None) -> Resolved:
    if p is None:
        return Resolved()
    return Resolved(p, "organization" if p.kind == "organization" else "person")


def _ent_of(doc: "Doc", tok: "Token", labels: tuple[str, ...]) -> "SpacySpan | None":
    if tok.ent_type_ not in labels:
        return None
    return next((e for e in doc.ents if e.start <= tok.i < e.end), None)


def _org(reg: Registry, ent: "SpacySpan") -> Person | None:
    doc = ent.doc
    start, end = ent.start + (ent[0].lower_ in _DET), ent.end
    # "the High Commissioner for Human Rights": the name runs on over "for"/"of" and capitalised words
    while end + 1 < len(doc) and doc[end].lower_ in ("for", "of", "on") and doc[end - 1].whitespace_:
        k = end + 1 + (doc[end + 1].lower_ == "the")
        run = k
        while run < len(doc) and (doc[run].is_title or (doc[run].lower_ in ("and", "&") and run + 1 < len(doc)
                                                         and doc[run + 1].is_title)) and not doc[run].is_space:
            run += 1
        if run == k or doc[k].ent_type_ in ("DATE", "TIME", "CARDINAL") or doc[run - 1].lower_ in ("and", "&"):
            break
        end = run
    key = clean(doc[start:end].text) if end > start else ""
    if not key or not key[0].isupper():
        return None
    full = spelled_out(doc.text, key)
    p = reg.orgs.get(key.lower()) or (reg.orgs.get(full.lower()) if full else None)
    if p is not None and full and p.name == key:
        p.aliases.add(key)
        p.name = full
        reg.orgs[full.lower()] = p
    if p is None:
        p = Person(full or key, "organization", first=ent.start_char)
        if full:
            p.aliases.add(key)
        reg.orgs[key.lower()] = p
        reg.orgs[p.name.lower()] = p
    return p


_SMALL = {"of", "and", "for", "the", "&", "on", "de"}


def spelled_out(text: str, acronym: str) -> str | None:
    """The name an acronym stands for where the article spells it out ("Ministry of Harbours (MOH)",
    or capitalised words whose initials are the acronym); None when it does not."""
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    words = re.findall(r"[A-Za-z][\w'’-]*|&", text)
    n = len(acronym)
    found: set[str] = set()
    for i, w in enumerate(words):
        if not w[:1].isupper() or w.upper() == w:
            continue
        caps, j = [], i
        while j < len(words) and len(caps) < n and (words[j][:1].isupper() or (words[j].lower() in _SMALL and caps)):
            if words[j][:1].isupper():
                caps.append(words[j])
            j += 1
        if len(caps) == n and "".join(c[0] for c in caps) == acronym:
            phrase = " ".join(words[i:j])
            if re.search(re.escape(phrase).replace(r"\ ", r"[\s,]+"), text):
                found.add(phrase)
    return found.pop() if len(found) == 1 else None


_MALE, _FEMALE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}
_MALE_HON, _FEMALE_HON = {"mr", "mr."}, {"ms", "ms.", "mrs", "mrs.", "miss"}


def genders(reg: Registry, doc: "Doc") -> None:
    """What the article says of each person's gender: an honorific before the name, or the
    pronouns of the sentence that names them and no one else."""
    votes: dict[int, list[int]] = {}
    for sent in doc.sents:
        people = {id(p): p for e in sent.ents if e.label_ == "PERSON" for p in [reg.find(e.text)] if p is not None}
        for e in sent.ents:
            if e.label_ == "PERSON" and e.start > 0 and id(reg.find(e.text)) in people:
                hon = doc[e.start - 1].lower_
                v = votes.setdefault(id(reg.find(e.text)), [0, 0])
                v[0] += 3 * (hon in _MALE_HON)
                v[1] += 3 * (hon in _FEMALE_HON)
        if len(people) == 1:
            v = votes.setdefault(next(iter(people)), [0, 0])
            v[0] += sum(t.lower_ in _MALE for t in sent)
            v[1] += sum(t.lower_ in _FEMALE for t in sent)
    for p in reg.people:
        m, f = votes.get(id(p), [0, 0])
        p.gender = "m" if m > f else "f" if f > m else ""


def _agrees(p: Person | None, pronoun: str) -> bool:
    if p is None:
        return False
    want = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else ""
    return not want or not p.gender or p.gender == want


def _person_before(reg: Registry, doc: "Doc", i: int, reach: int = 120, pronoun: str = "") -> Person | None:
    """No one has spoken yet: "he"/"she" is the person the text last named, if near."""
    for e in reversed([e for e in doc.ents if e.label_ == "PERSON" and e.end <= i and i - e.end <= reach]):
        p = reg.find(e.text)
        if p is not None and _agrees(p, pronoun):
            return p
    return None


def _org_before(reg: Registry, doc: "Doc", i: int, reach: int = 300) -> Person | None:
    """"It said": the organisation the text last named, if near (in tokens)."""
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e.end <= i and i - e.end <= reach]
    return _org(reg, orgs[-1]) if orgs else None


def _head_name(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """The head is a name, or has one in apposition: that person or body."""
    ent = _ent_of(doc, root, ("PERSON",))
    if ent is not None:
        return _named(reg.find(ent.text) or reg._person(ent))
    if root.is_title and not root.is_stop:
        # "Doe said" (a tagger may call a sentence's first word a noun, or a surname a body):
        # the one person of the article called Doe
        org = _ent_of(doc, root, _NAME_ENTS)
        if root.left_edge.i == root.i or org is not None:
            names = [org.text, root.text] if org is not None else [root.text]
            p = next((p for p in map(reg.find, map(clean, names)) if p is not None), None)
            if p is not None:
                return _named(p)
    for c in root.children:
        if c.dep_ == "appos":
            got = _ent_of(doc, c, ("PERSON",))
            if got is not None:
                return _named(reg.find(got.text) or reg._person(got))
    ent = _ent_of(doc, root, _NAME_ENTS)
    if ent is not None and root.pos_ == "PROPN":
        return _named(_org(reg, ent))
    if root.pos_ == "PROPN":
        run = [t for t in doc[root.left_edge.i:root.i + 1] if t.pos_ == "PROPN"]
        p = reg.find(" ".join(t.text for t in run)) or reg.find(clean(root.text))
        if p is not None:
            return _named(p)
        if ent is not None:
            return _named(_org(reg, ent))
        words = [clean(t.text) for t in run if t.is_title or t.is_upper]
        words = [w for w in words if w]
        if words and (len(words) > 1 or len(words[0]) > 1):
            return Resolved(Person(" ".join(words), "unknown"), "unknown")
    return None


def _conjoined(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """"Jane Doe and John Roe said": both, when both are named."""
    conj = [c for c in root.children if c.dep_ == "conj"]
    if not conj or root.pos_ != "PROPN":
        return None
    got = [_head_name(reg, doc, t) for t in [root, *conj]]
    people = [g.person for g in got if g is not None and g.kind == "person" and g.person is not None]
    if len(people) != len(got):
        return None
    return Resolved(Person(" and ".join(p.name for p in people)), "person")


def _author(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """"a report by the agency", "the agency's statement": the document's named author."""
    for c in root.children:
        if c.dep_ == "poss":
            got = _head_name(reg, doc, c)
            if got is not None:
                return got
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            for g in c.children:
                if g.dep_ == "pobj":
                    got = _head_name(reg, doc, g)
                    if got is not None and got.kind in ("person", "organization"):
                        return got
        if c.dep_ == "acl":  # "a statement released by the agency"
            for g in c.children:
                if g.dep_ == "agent":
                    for h in g.children:
                        got = _head_name(reg, doc, h) if h.dep_ == "pobj" else None
                        if got is not None:
                            return got
    return None


def _definite(root: "Token") -> bool:
    dets = [t for t in root.children if t.dep_ in ("det", "poss") and t.i < root.i]
    return bool(dets) and dets[0].lower_ in _DEFINITE and root.tag_ in ("NN", "NNP")


def _antecedent(doc: "Doc", tok: "Token") -> "Token | None":
    """``X, who said ...``: the noun the relative clause hangs on."""
    v = tok.head
    for _ in range(3):
        if v.dep_ == "relcl":
            return v.head
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def _org_like(reg: Registry, doc: "Doc", span: "SpacySpan", root: "Token", focus: Focus) -> Person | None:
    """"the company", "the production company": the organisation just named, or the one named
    before whose name shares the mention's words ("Acme Productions")."""
    own = [t for t in span if t.i != root.i and t.dep_ in ("amod", "compound", "nmod") and t.is_alpha]
    stems = {t.lower_[:5] for t in own + [root]}
    before = [e for e in doc.ents if e.label_ == "ORG" and e.end <= span.start and span.start - e.end <= 600]
    for e in reversed(before):
        if stems & {t.lower_[:5] for t in e if t.is_alpha}:
            return _org(reg, e)
    if own:
        return None  # "the French foreign ministry": a body of its own, not the last one named
    return focus.last_org or (_org(reg, before[-1]) if before else None)


def resolve_mention(reg: Registry, doc: "Doc", span: "SpacySpan", focus: Focus) -> Resolved:
    root = span.root
    low = root.lower_
    if root.pos_ == "PRON" or low in RELATIVES | WRITER_PRONOUNS | PERSON_PRONOUNS:
        if low in RELATIVES:
            ante = _antecedent(doc, root)
            if ante is not None and ante.i != root.i:
                ante_span = doc[ante.left_edge.i:ante.i + 1]
                return resolve_mention(reg, doc, ante_span, focus)
            return Resolved()
        if low in PERSON_PRONOUNS:
            # the person in focus, if "he"/"she" fits them; else the last one named who fits
            p = focus.last_person if _agrees(focus.last_person, low) else (
                _person_before(reg, doc, span.start, reach=400 if focus.last_person else 120, pronoun=low)
                or (focus.upcoming if _agrees(focus.upcoming, low) else None))
            if p is not None and not p.gender:
                p.gender = "m" if low in _MALE else "f"  # what the text just called them
            return _named(p)
        if low == "it":
            return _named(_org_before(reg, doc, span.start) or focus.last_org)
        if low in ("they", "them"):
            return _named(focus.last_org or _org_before(reg, doc, span.start))
        if low in ("we", "us", "our"):
            # "we" is a body only when that body is the one speaking; else the writer's own voice
            if focus.last_org is not None:
                return _named(focus.last_org)
            return Resolved(writer=not focus.in_quote)
        if low in WRITER_PRONOUNS:
            return Resolved(writer=not focus.in_quote)
        return Resolved()
    both = _conjoined(reg, doc, root)
    if both is not None:
        return both
    named = _head_name(reg, doc, root)
    if named is not None:
        return named
    lemma = root.lemma_.lower()
    if lemma in document_nouns():
        got = _author(reg, doc, root)
        return got if got is not None else Resolved(kind="unnamed")
    poss = [c for c in root.children if c.dep_ == "poss"]
    if _definite(root) and not poss and lemma in org_words():
        org = _org_like(reg, doc, span, root, focus)
        return _named(org) if org is not None else Resolved(kind="unnamed")
    if (_definite(root) or (poss and all(c.ent_type_ in _NAME_ENTS for c in poss))) and (
            lemma in role_nouns() or lemma in titles()):
        # the person the article gave this role: the head noun must be in it ("the minister")
        best = [p for p in reg.people if any(root.lower_ in r.lower().split() or lemma in r.lower().split()
                                             for r in p.roles)]
        if len(best) == 1 or (best and focus.last_person in best):
            return _named(focus.last_person if focus.last_person in best else best[0])
    if focus.in_headline and (lemma in role_nouns() or lemma in titles()) and root.tag_ == "NN" and \
            not any(c.dep_ == "det" for c in root.children) and focus.upcoming is not None:
        return _named(focus.upcoming)  # "Harbour chief says ...": the person the article then quotes
    return Resolved(kind="unnamed")
