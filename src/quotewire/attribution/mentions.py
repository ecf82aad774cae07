"""Who a speaker mention is: a named person or body, an unnamed source, or nobody.

``resolve_mention`` reads the head of the mention's noun phrase, never its modifiers:

- a name (a PERSON entity, or the proper nouns of an organisation) heading the phrase, or in
  apposition to its head ("her lawyer, Jane Doe") is that person or body, at its fullest; a name
  the tagger took for a body is the person of the article who carries it ("Doe said"), and a
  person's name ending in a body's word is the body's ("Acme Productions", body_name_words.txt);
  a body is named as printed, with its owner and what follows "for"/"of" ("Norway's fisheries
  ministry", "the Office for the Northern Region");
- "he"/"she" is the nearest named subject of this sentence or the one before that fits (outside
  quotations), else the person in focus; "it"/"they" are the body in focus, never a person;
  a relative pronoun
  ("..., who said") is its antecedent; "I" and "you" outside a quotation are the writer's and
  the reader's voice, not a speaker (``Resolved.writer``);
- "the company", "the agency" is the organisation the article just named; "the minister" is the
  person whose role the article gave as minister; a document ("a report by X", "X's
  statement") is its author when named, and "the statement" is the author of the statement the
  article mentioned last ("X issued a statement", "X said in a statement");
- anything else headed by a common noun ("analysts", "a judge", "the company's spokesperson",
  "Jane Doe's supporters") is an unnamed source: no name, kind ``unnamed``, its words kept as the
  mention. It is never given to a nearby named person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotewire.attribution.lexicon import (author_verbs, body_name_words, body_nouns, cue_verbs, honorifics,
                                          is_document, org_words, person_nouns, person_suffixes, person_words,
                                          place_nouns, role_nouns, titles)
from quotewire.attribution.people import (_DET, ROLE_LINKS, Person, Registry, _body_name, clean, in_lower_case, np_text,
                                          strip_name)
from quotewire.attribution.quotes import text_of
from quotewire.attribution.tokens import cut_hyphen_tail

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"they", "it", "them"}
WRITER_PRONOUNS = {"i", "me", "my", "you", "your", "we", "us", "our"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
NO_ONE = {"nothing", "nobody", "none", "no-one", "which", "what"}  # a source that is no one: no quote of anyone
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
    quoted: list[tuple[int, int]] = field(default_factory=list)  # the article's quotations, in characters
    layout: list[tuple[int, int]] = field(default_factory=list)  # headings, titles and tables, in characters


def _named(p: Person | None) -> Resolved:
    if p is None:
        return Resolved()
    return Resolved(p, "organization" if p.kind == "organization" else "person")


def _ent_of(doc: "Doc", tok: "Token", labels: tuple[str, ...]) -> "SpacySpan | None":
    if tok.ent_type_ not in labels:
        return None
    return next((e for e in doc.ents if e.start <= tok.i < e.end), None)


def _name_end(doc: "Doc", end: int) -> int:
    """"the High Commissioner for Human Rights": a body's name runs on over "for"/"of" and capitalised words."""
    while end + 1 < len(doc) and doc[end].lower_ in ("for", "of", "on") and doc[end - 1].whitespace_:
        k = end + 1 + (doc[end + 1].lower_ == "the")
        run = k
        while run < len(doc) and (doc[run].is_title or (doc[run].lower_ in ("and", "&") and run + 1 < len(doc)
                                                         and doc[run + 1].is_title)) and not doc[run].is_space:
            run += 1
        if run == k or doc[k].ent_type_ in ("DATE", "TIME", "CARDINAL") or doc[run - 1].lower_ in ("and", "&"):
            break
        end = run
    return end


def _org(reg: Registry, ent: "SpacySpan") -> Person | None:
    doc = ent.doc
    start, end = ent.start + (ent[0].lower_ in _DET), _name_end(doc, ent.end)
    if start >= 2 and doc[start - 1].tag_ == "POS" and doc[start - 2].pos_ == "PROPN" and \
            doc[start - 2].ent_type_ != "PERSON":
        # "the Agency's Solar Programme", "the State Governor's Office": a body of a body is named with it
        k = start - 2
        while k > 0 and doc[k - 1].pos_ == "PROPN" and (doc[k - 1].is_title or doc[k - 1].is_upper) and \
                doc[k - 1].ent_type_ != "PERSON":
            k -= 1
        start = k
    key = clean(doc[start:end].text) if end > start else ""
    if not key or not key[0].isupper():
        return None
    person = _person_named(reg, key)
    if person is not None:
        return person  # "Doe said": a tagger's organisation that is a person the article names
    return _registered_body(reg, key, spelled_out(doc.text, key), ent.start_char)


def _registered_body(reg: Registry, key: str, full: str | None, first: int) -> Person:
    """The body printed as ``key`` (an acronym the article spells out as ``full``, or not),
    registered once under every form it goes by."""
    p = (_org_named(reg, full) if full else None) or reg.orgs.get(key.lower())
    if p is None:
        p = Person(full or key, "organization", first=first)
    if full:
        if p.name == key:
            p.name = full
        if key != p.name:
            p.aliases.add(key)
    reg.orgs[key.lower()] = p  # an acronym is that body's
    reg.orgs[p.name.lower()] = p
    return p


def _org_named(reg: Registry, name: str) -> Person | None:
    """The body of this name, or the one named with its owner ("Norway's Ministry of Ports" for
    "Ministry of Ports"): one body, one speaker."""
    owned = [o for k, o in reg.orgs.items() if k.endswith(("'s " + name.lower(), "\u2019s " + name.lower()))]
    if len({id(o) for o in owned}) == 1:
        reg.orgs[name.lower()] = owned[0]
        return owned[0]
    return reg.orgs.get(name.lower())


_SMALL = {"of", "and", "for", "the", "&", "on", "de"}


def _person_named(reg: Registry, key: str) -> Person | None:
    """The person an entity tagged as a body names: one or two capitalised words, no word of a
    body's name ("Ministry", "Inc"), that a person of the article carries ("Doe", "Jane Doe")."""
    words = key.split()
    if not 1 <= len(words) <= 3 or any(w.lower() in org_words() or not w[:1].isupper() for w in words):
        return None
    if len(words) == 1 and (words[0].isupper() or len(words[0]) < 3):
        return None  # an acronym is a body's
    p = reg.find(key)
    if p is None or (len(words) == 1 and p.name.split()[-1] != key):
        return None  # a one-word body name matches a person by surname only
    return p


def spelled_out(text: str, acronym: str) -> str | None:
    """The name an acronym stands for where the article spells it out ("Ministry of Harbours (MOH)",
    or capitalised words whose initials are the acronym); None when it does not."""
    letters = acronym.replace("&", "")  # "AB&C": the initials of "A... B... & C..."
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return None
    acronym = letters
    bracketed = _bracketed(text, acronym)
    if bracketed:
        return bracketed
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
            phrase = re.sub(r"['’]s$", "", " ".join(words[i:j]))  # "the Union's court": the Union
            m = re.search(re.escape(phrase).replace(r"\ ", r"[\s,]+") + r"(,? +[A-Z][A-Za-z]*\.?)?", text)
            if m:
                tail = (m.group(1) or "").strip(" ,")
                # "Acme Gas & Power Co.": a company's suffix printed after the words belongs to its name
                found.add(f"{phrase} {tail}" if tail and tail.lower() in body_name_words() and tail[-1:] == "."
                          or tail.lower() in ("llc", "plc", "ltd", "inc", "corp") else phrase)
    return found.pop() if len(found) == 1 else None


def _bracketed(text: str, acronym: str) -> str | None:
    """"the Ministry of Harbours, Docks and Canals (MOHDC)": the capitalised words before the
    bracketed acronym, from the first whose initial begins it, where its letters are initials of
    those words in order (small words may give one: "of")."""
    found: set[str] = set()
    for m in re.finditer(r"\(" + re.escape(acronym) + r"\)", text):
        base = max(0, m.start() - 120)
        words = list(re.finditer(r"[\w'’.-]+|&", text[base:m.start()]))
        k = len(words)
        while k > 0 and (words[k - 1].group()[:1].isupper() or (words[k - 1].group().lower() in _SMALL and k < len(words))):
            k -= 1
        run = words[k:]
        while run and (run[0].group().lower() in _SMALL or run[0].group()[:1].upper() != acronym[0]):
            run = run[1:]
        it = iter([w.group()[0].upper() for w in run])
        if len(run) >= 2 and all(c in it for c in acronym) and run[-1].group()[:1].isupper():
            phrase = text[base + run[0].start():base + run[-1].end()]
            if "\n" not in phrase:
                found.add(re.sub(r"['’]s$", "", phrase))
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
            # the pronouns after the name: one before it points back at someone else
            first = min(e.end for e in sent.ents if e.label_ == "PERSON" and id(reg.find(e.text)) in people)
            v = votes.setdefault(next(iter(people)), [0, 0])
            v[0] += sum(t.lower_ in _MALE for t in sent if t.i >= first)
            v[1] += sum(t.lower_ in _FEMALE for t in sent if t.i >= first)
    for p in reg.people:
        m, f = votes.get(id(p), [0, 0])
        p.gender = "m" if m > f else "f" if f > m else ""


def _agrees(p: Person | None, pronoun: str) -> bool:
    if p is None or p.kind == "organization":  # "she" is never a body or a document
        return False
    want = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else ""
    return not want or not p.gender or p.gender == want


def _person_before(reg: Registry, doc: "Doc", i: int, reach: int = 120, pronoun: str = "") -> Person | None:
    """No one has spoken yet: "he"/"she" is the person the text last named, if near."""
    for e in reversed([e for e in doc.ents if e.end <= i and i - e.end <= reach]):
        p = _person_of(reg, e)
        if p is not None and _agrees(p, pronoun):
            return p
    return None


def _person_of(reg: Registry, ent: "SpacySpan") -> Person | None:
    """The article's person an entity names: a PERSON, or a surname the tagger took for a place or body."""
    if ent.label_ == "PERSON":
        return reg.find(ent.text)
    return _person_named(reg, clean(ent.text)) if ent.label_ in _NAME_ENTS else None


def _sentence_before_start(doc: "Doc", span: "SpacySpan") -> int:
    """The first token of the sentence before ``span``'s (of its own, for the first sentence)."""
    sent = span.sent
    return doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def _subject_before(reg: Registry, doc: "Doc", span: "SpacySpan", pronoun: str, focus: Focus) -> Person | None:
    """"Okafor faces questions ... when he told voters ...": the nearest named subject of this sentence
    (before the pronoun) or of the one before, outside quotations, that fits the pronoun."""
    for tok in reversed(doc[_sentence_before_start(doc, span):span.start]):
        if tok.dep_ == "poss" and tok.pos_ == "PROPN" and tok.head.dep_ in ("nsubj", "nsubjpass") and \
                not _may_be_person(tok.head):
            pass  # "Doe's plan is not limited to ports. He has ...": the owner of a subject that is no one
        elif tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        if any(a <= tok.idx < b for a, b in focus.quoted):
            continue
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and _described(tok):
            # "Jane Doe's lawyer spoke on Monday. He said ...": the one the description stands for
            got = resolve_mention(reg, doc, doc[tok.left_edge.i:tok.i + 1], focus)
            return got.person if got.person is not None and got.person.kind == "person" else UNNAMED
        ent = _ent_of(doc, tok, ("PERSON",) + _NAME_ENTS)
        p = _person_of(reg, ent) if ent is not None else None
        if p is not None and p.kind == "person" and _agrees(p, pronoun):
            return p
    return None


def _people_before(doc: "Doc", span: "SpacySpan", focus: Focus) -> bool:
    """"Writers must keep this in mind ... they must describe ...": the nearest subject of this
    sentence (before the pronoun) or of the one before, outside quotations, is a plural noun of
    people, which "they" stands for rather than the last body named."""
    for tok in reversed(doc[_sentence_before_start(doc, span):span.start]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or any(a <= tok.idx < b for a, b in focus.quoted):
            continue
        if tok.pos_ == "PRON":
            continue  # "they" again: the subject before it decides
        low = tok.lemma_.lower()
        return tok.tag_ == "NNS" and not tok.ent_type_ and (
            low in person_words() or low.endswith(person_suffixes()))
    return False


UNNAMED = Person("", "unnamed")  # "he" is a person the article describes but does not name


def _described(noun: "Token") -> bool:
    """A singular description that brings in a person the article does not name: "a nurse",
    "Doe's spokesman" (a role or person noun). "The former governor" is not one: a definite
    description mostly points back at someone named before."""
    low = noun.lemma_.lower()
    return low in person_words() and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "poss" and c.ent_type_ == "PERSON")
        for c in noun.children if c.i < noun.i)


def _may_be_person(noun: "Token") -> bool:
    """A noun that may stand for a person ("lawyer", "the minister", "an adviser"): then "he"
    may be that person rather than the one who owns it."""
    low = noun.lemma_.lower()
    return noun.pos_ != "NOUN" or low in person_words() or low in honorifics() or low.endswith(person_suffixes())


def _org_before(reg: Registry, doc: "Doc", i: int, focus: Focus, reach: int = 300) -> Person | None:
    """"It said": the organisation the text last named, if near (in tokens). A heading's or a
    table's capitalised words ("Install Service Panels"), nor words the tagger joined over a line
    break, are not the body a sentence's "it" is."""
    at = doc[i].idx if i < len(doc) else len(doc.text)
    orgs = [e for e in doc.ents if e.label_ == "ORG" and e.end <= i and i - e.end <= reach and "\n" not in e.text
            and not any(a <= e.start_char < b and not a <= at < b for a, b in focus.layout)]
    return _org(reg, orgs[-1]) if orgs else None


def _body(p: Person | None) -> Person | None:
    """"it" and "they" are bodies: never a person a tagger took for one."""
    return p if p is not None and p.kind == "organization" else None


def _head_name(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """The head is a name, or has one in apposition: that person or body."""
    ent = _ent_of(doc, root, ("PERSON",))
    if ent is not None and _body_name(ent.text):
        return _named(_org(reg, ent))
    if ent is not None:
        p = reg.find(ent.text) or reg._person(ent)
        if p is not None:
            k = root.i
            while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].dep_ == "compound" and doc[k - 1].head.i == root.i:
                k -= 1
            if k < ent.start and not any(t.ent_type_ in _NAME_ENTS for t in doc[k:ent.start]):
                _longer(p, [t.text for t in doc[k:root.i + 1]])  # "He Lianfeng", only the surname tagged
        return _named(p)
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
            if _ent_of(doc, c, ("PERSON",)) is not None:
                return _head_name(reg, doc, c)  # the name in apposition, read as a head is read
            if c.pos_ == "PROPN" and not root.pos_ == "PROPN":
                # "the deputy director, Jane Doe, said" with the name tagged as a body or not at all
                named = _head_name(reg, doc, c)
                if named is not None and named.kind in ("person", "organization"):
                    return named
    if root.is_upper and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
        return None  # "a CT of his chest", "an MRI": a common noun written in capitals, no body's name
    ent = _ent_of(doc, root, _NAME_ENTS)
    if ent is not None and (root.pos_ == "PROPN" or (len(root) > 1 and root.is_upper)):  # "WHO" tagged WP
        return _named(_org(reg, ent))
    if root.pos_ == "PROPN":
        # "Consumer Reports": a capitalised word the tagger took for a noun is part of the name
        # it is compounded with
        run = [t for t in doc[root.left_edge.i:root.i + 1] if t.pos_ == "PROPN" or (
            t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == root.i and t.is_title and t.i == root.i - 1)]
        owner = [t.i for t in doc[root.left_edge.i:root.i] if t.tag_ == "POS"]
        after = [t for t in run if owner and t.i > owner[-1]]
        if len(after) >= 2 and all(t.is_title for t in after) and not any(
                t.lower_ in org_words() or t.lower_ in body_name_words() for t in after):
            run = after  # "the network's Jane Doe": the person is who follows the owner
        p = reg.find(" ".join(t.text for t in run)) or reg.find(clean(root.text))
        if p is not None:
            _longer(p, [t.text for t in run])
            return _named(p)
        if ent is not None:
            return _named(_org(reg, ent))
        full = spelled_out(doc.text, root.text) if len(run) == 1 and root.is_upper else None
        if full:  # "GHO said", untagged, where the article spelled it out before
            return _named(_registered_body(reg, root.text, full, root.idx))
        words = [clean(t.text) for t in run if t.is_title or t.is_upper]
        words = [w for w in words if w]
        if len(words) > 1 and root.i + 1 < len(doc) and doc[root.i + 1].lower_ in ("for", "of", "on") and \
                any(w.lower() in org_words() or w.lower() in body_name_words() or w.lower() in titles() for w in words):
            # "the State Auditor's Office for the Northern Region": the name as printed, run on
            first = run[0].i - (run[0].i > 0 and doc[run[0].i - 1].lower_ == "the")
            first += doc[first].lower_ == "the"
            return _named(_body_named(reg, doc, first, _name_end(doc, root.i + 1)))
        if words and (words[-1].lower() in titles() or words[-1].lower() in role_nouns() or (
                len(words) == 1 and root.is_sent_start and not root.is_upper and in_lower_case(text_of(doc), words[0]))):
            # "the maker's CEO" is a role, not a name; "Studies have shown", "Research indicates"
            # (the article writes the word in lower case elsewhere) is a common noun at a sentence start
            return Resolved(kind="unnamed")
        if words and (len(words) > 1 or len(words[0]) > 1):
            if len(words) > 1 and _has_role(root) and not any(w.lower() in org_words() for w in words):
                # "Jane Doe, a professor at ..., said": a name the tagger missed, with a person's role
                p = Person(" ".join(words), first=root.idx)
                reg.people.append(p)
                return _named(p)
            return Resolved(Person(" ".join(words), "unknown"), "unknown")
    return None


def _has_role(root: "Token") -> bool:
    """A role in apposition to the name: "Jane Doe, a professor at ..." / "..., the company's chief"."""
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            if c.lemma_.lower() in role_nouns() or c.lemma_.lower() in titles():
                return True
    return False


def _possessed_body(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """"Norway's fisheries ministry": a body named by its owner, as the text prints it."""
    poss = [c for c in root.children if c.dep_ == "poss"]
    if not poss or root.lemma_.lower() not in org_words() or not (root.pos_ == "NOUN" or root.is_lower):
        return None
    if not all(c.ent_type_ in ("GPE", "NORP", "ORG") for c in poss):
        return None
    first = min(c.left_edge.i for c in poss)
    first += doc[first].lower_ in _DET
    return _named(_body_named(reg, doc, first, _name_end(doc, root.i + 1)))


def _body_named(reg: Registry, doc: "Doc", start: int, end: int) -> Person:
    """The body the article prints as ``doc[start:end]``, registered once by its name."""
    name = clean(doc[start:end].text)
    return reg.orgs.setdefault(name.lower(), Person(name, "organization", first=doc[start].idx))


def _longer(p: Person, run: list[str]) -> None:
    """"Tomasz Doe explained ...", where the tagger named only "Doe" elsewhere: the subject's
    words are the longer form of the name (at a sentence start too, where fullest() is wary)."""
    words, _ = strip_name([w for w in run if clean(w)])
    words = [clean(w) for w in words]
    mine = p.name.split()
    if p.kind != "person" or not 1 < len(words) <= 4 or len(words) <= len(mine) or words[-len(mine):] != mine:
        return
    role_words = org_words() | titles() | role_nouns() | body_name_words()
    if all(w[:1].isupper() and not {w.lower(), w.lower() + "."} & role_words and not w.isupper() for w in words):
        p.aliases.add(p.name)
        p.name = " ".join(words)


def _name_after_role(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """"the country's envoy to Chile Jane Doe said", parsed with the name as the object of
    "to": the name is the person, the words before it their role."""
    if root.pos_ != "NOUN" or root.lemma_.lower() not in role_nouns() | titles():
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in (*ROLE_LINKS, "to"):
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        ent = _ent_of(doc, pobj, ("PERSON", "ORG")) if pobj is not None else None
        if ent is None or ent.end != pobj.i + 1:
            continue
        first = ent.start  # "to Chile Jane Doe" with only "Doe" tagged: the untagged words before are the name's
        while first - 1 > prep.i + 1 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound" \
                and not doc[first - 1].ent_type_ and doc[first - 1].is_title:
            first -= 1
        if first <= prep.i + 1:
            continue
        words = clean(doc[first:ent.end].text).split()
        if not 2 <= len(words) <= 3 or _body_name(ent.text) or not all(w[:1].isupper() and not w.isupper() for w in words) \
                or any(w.lower() in org_words() for w in words):
            continue
        if not any(t.ent_type_ in _NAME_ENTS for t in doc[prep.i + 1:first]):
            continue  # "the head of Jane Doe's office": no place or body between, so no role ends there
        p = reg.find(" ".join(words))
        if p is None:
            p = Person(" ".join(words), first=doc[first].idx)
            reg.people.append(p)
        _longer(p, words)
        role = np_text(list(doc[root.left_edge.i:first]))
        if role and role.lower() not in (r.lower() for r in p.roles):
            p.roles.append(role)
        return _named(p)
    return None


def _conjoined(reg: Registry, doc: "Doc", root: "Token") -> Resolved | None:
    """"Jane Doe and John Roe said", "the Harbour Board and the Rivers Trust said": both, when
    both are named and of one kind (people, or bodies)."""
    conj = [c for c in root.conjuncts if c.i > root.i]  # "A, B and C": the whole chain
    if not conj or root.pos_ != "PROPN":
        return None
    got = [_head_name(reg, doc, t) for t in [root, *conj]]
    for kind in ("person", "organization"):
        named = [g.person for g in got if g is not None and g.kind == kind and g.person is not None]
        if len(named) == len(got) and len({p.name for p in named}) == len(named):
            names = [p.name for p in named]  # "A, B and C"
            return Resolved(Person(", ".join(names[:-1]) + " and " + names[-1], kind), kind)
    return None


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
                    if got is not None and got.person is not None:
                        return got
        if c.dep_ == "acl" and c.lemma_.lower() in author_verbs():  # "a statement released by the agency"
            for g in c.children:
                if g.dep_ == "agent":
                    for h in g.children:
                        got = _head_name(reg, doc, h) if h.dep_ == "pobj" else None
                        if got is not None:
                            return got
    return None


def _earlier_author(reg: Registry, doc: "Doc", root: "Token", focus: Focus, reach: int = 400) -> Resolved | None:
    """"the statement said": the author of the statement the article mentioned last ("the agency
    issued a statement", "X said in a statement", "a statement from X"); None when that earlier
    mention names no author, or there is none near. Statements spoken of inside a quotation are
    passed over."""
    for tok in reversed(doc[max(0, root.i - reach):root.i]):
        if tok.lemma_ != root.lemma_ or tok.tag_ != root.tag_:
            continue
        if any(a <= tok.idx < b for a, b in focus.quoted) and not any(a <= root.idx < b for a, b in focus.quoted):
            continue  # a statement someone speaks of in their own words is not the one the text cites
        got = _author(reg, doc, tok)
        if got is not None:
            return got
        if _definite(tok) and tok.dep_ in ("nsubj", "nsubjpass"):  # "the statement claimed ...": the one before
            return _earlier_author(reg, doc, tok, focus, reach)
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ == "in":  # "X said in a statement"
            verb = verb.head
            while verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "pobj") and verb.head.i != verb.i:
                verb = verb.head  # "X denied the claims in a statement": "in" hangs on the object
        elif not (tok.dep_ == "dobj" and verb.lemma_.lower() in author_verbs()):  # "X issued a statement"
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        got = resolve_mention(reg, doc, doc[subj.left_edge.i:subj.i + 1], focus)
        return got if got.person is not None else None
    return None


def _definite(root: "Token") -> bool:
    dets = [t for t in root.children if t.dep_ in ("det", "poss") and t.i < root.i]
    return bool(dets) and dets[0].lower_ in _DEFINITE and root.tag_ in ("NN", "NNP")


def antecedent(doc: "Doc", tok: "Token") -> "Token | None":
    """``X, who said ...``: the noun the relative clause hangs on."""
    v = tok.head
    for _ in range(3):
        if v.dep_ == "relcl":
            return v.head
        if v.head.i == v.i:
            return None
        v = v.head
    return None


_GROUP_OF = {"one", "some", "many", "most", "all", "several", "few", "two", "three", "four", "five", "none"}


def relative_source(doc: "Doc", tok: "Token") -> "SpacySpan | None":
    """The words a relative pronoun stands for: ``the residents who said`` -> "the residents";
    where that noun only classes the copula's subject (``X and Y are among the retailers that
    said``, ``X was one of the residents who said``, ``X is the company that said``), the subject."""
    ante = antecedent(doc, tok)
    if ante is None or ante.i == tok.i:
        return None
    copula, noun = None, ante
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _GROUP_OF:
        noun = noun.head.head  # "one of the residents"
    if noun.dep_ == "attr":
        copula = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.dep_ == "prep":
        copula = noun.head.head
    if copula is not None and copula.lemma_ == "be":
        subj = next((c for c in copula.children if c.dep_ == "nsubj" and c.i < copula.i), None)
        if subj is not None and subj.pos_ not in ("PRON", "DET"):
            return doc[subj.left_edge.i:subj.right_edge.i + 1] if any(
                c.dep_ == "conj" for c in subj.children) else doc[subj.left_edge.i:subj.i + 1]
    return doc[ante.left_edge.i:ante.i + 1]


def _org_like(reg: Registry, doc: "Doc", span: "SpacySpan", root: "Token", focus: Focus) -> Person | None:
    """"the company", "the production company": the organisation just named, or the one named
    before whose name shares the mention's words ("Acme Productions"); never a person."""
    own = [t for t in span if t.i != root.i and t.dep_ in ("amod", "compound", "nmod") and t.is_alpha
           and t.ent_type_ not in ("NORP", "GPE")]  # "the Danish maker" is the maker just named
    stems = {t.lower_[:5] for t in own + [root]}
    before = [e for e in doc.ents if (e.label_ == "ORG" or (e.label_ == "PERSON" and _body_name(e.text)))
              and e.end <= span.start and span.start - e.end <= 600]
    # a body, never a person the tagger labelled an organisation ("According to Benedetti")
    for e in reversed(before):
        if stems & {t.lower_[:5] for t in e if t.is_alpha}:
            p = _body(_org(reg, e))
            if p is not None:
                return p
    if own:
        return None  # "the harbour ministry": a body of its own, not the last one named
    if any(t.lemma_ == root.lemma_ and t.dep_ in ("nsubj", "nsubjpass") and not t.ent_type_
           and any(c.dep_ in ("poss", "compound", "amod") for c in t.children) and not _ranked(t)
           and not _names_a_body(doc, t) for t in doc[max(0, span.start - 150):span.start]):
        return None  # "The players' union said ... the union said": the body described before, unnamed
    # the body named in this sentence or the one before, else the last that spoke, else the last named
    last = next(((e, p) for e in reversed(before) for p in [_body(_org(reg, e))] if p is not None), None)
    if last is not None and last[0].start >= _sentence_before_start(doc, span):
        return last[1]
    return focus.last_org or (last[1] if last else None)


def _names_a_body(doc: "Doc", noun: "Token") -> bool:
    """"Acme Productions said ... the production company said": a description whose modifier
    shares a word with a body named before it describes that body, not one of its own."""
    stems = {c.lower_[:5] for c in noun.children if c.dep_ in ("compound", "amod") and c.is_alpha}
    return bool(stems) and any((e.label_ == "ORG" or (e.label_ == "PERSON" and _body_name(e.text)))
                               and e.end <= noun.i and noun.idx - e.end_char <= 600
                               and stems & {t.lower_[:5] for t in e if t.is_alpha} for e in doc.ents)


def _ranked(noun: "Token") -> bool:
    """"the state's largest utility", "the country's biggest lender": a body described by its
    rank in a place (a superlative, a place's possessive), the one the article names, not a body
    of its own like "the players' union"."""
    mods = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
    return any(c.tag_ == "JJS" for c in mods) and all(
        c.tag_ == "JJS" or c.ent_type_ in ("GPE", "LOC", "NORP") or c.lemma_.lower() in place_nouns()
        for c in mods)


def resolve_mention(reg: Registry, doc: "Doc", span: "SpacySpan", focus: Focus) -> Resolved:
    end = cut_hyphen_tail(doc, span.start, span.end)
    if end != span.end:
        span = doc[span.start:end]
    root = span.root
    low = root.lower_
    if (root.pos_ == "PRON" or low in RELATIVES | WRITER_PRONOUNS | PERSON_PRONOUNS) and not (
            len(root) > 1 and root.is_upper):  # "WHO said" is a body's acronym
        if low in RELATIVES:
            ante = relative_source(doc, root)
            return resolve_mention(reg, doc, ante, focus) if ante is not None else Resolved()
        if low in PERSON_PRONOUNS:
            # the person the text just made its subject, if "he"/"she" fits them; else the person
            # in focus (the last speaker); else the last one named who fits
            p = _subject_before(reg, doc, span, low, focus)
            if p is UNNAMED:
                return Resolved(kind="unnamed")
            p = p if p is not None else focus.last_person if _agrees(focus.last_person, low) else (
                _person_before(reg, doc, span.start, reach=400 if focus.last_person else 120, pronoun=low)
                or (focus.upcoming if _agrees(focus.upcoming, low) else None))
            if p is not None and not p.gender:
                p.gender = "m" if low in _MALE else "f"  # what the text just called them
            return _named(p)
        if low == "it":
            return _named(_body(_org_before(reg, doc, span.start, focus)) or focus.last_org)
        if low in ("they", "them"):
            if _people_before(doc, span, focus):
                return Resolved(kind="unnamed")  # "Documentation writers must ... they must": no body
            return _named(focus.last_org or _body(_org_before(reg, doc, span.start, focus)))
        if low in ("we", "us", "our"):
            # "we" is a body only when that body is the one speaking; else the writer's own voice
            if focus.last_org is not None:
                return _named(focus.last_org)
            return Resolved(writer=not focus.in_quote)
        if low in WRITER_PRONOUNS:
            return Resolved(writer=not focus.in_quote)
        return Resolved()
    if root.dep_ == "nsubj" and (root.ent_type_ in _NAME_ENTS or root.pos_ == "NOUN"):
        # "ABC President Jane Doe said", "study co-author Jane Doe said", parsed with two
        # subjects: the person is the speaker
        for c in root.head.children:
            if c.dep_ == "nsubj" and c.i > root.i and span.start < c.left_edge.i <= span.end and c.ent_type_ == "PERSON":
                return resolve_mention(reg, doc, doc[c.left_edge.i:c.i + 1], focus)
    both = _conjoined(reg, doc, root) or _possessed_body(reg, doc, root) or _name_after_role(reg, doc, root)
    if both is not None:
        return both
    named = _head_name(reg, doc, root)
    if named is not None:
        return named
    lemma = root.lemma_.lower()
    if is_document(root):
        got = _author(reg, doc, root)
        if got is None and _definite(root):
            got = _earlier_author(reg, doc, root, focus)
        return got if got is not None else Resolved(kind="unnamed")
    poss = [c for c in root.children if c.dep_ == "poss"]
    if _definite(root) and not poss and (lemma in org_words() or lemma in body_nouns()):
        org = _org_like(reg, doc, span, root, focus)
        return _named(org) if org is not None else Resolved(kind="unnamed")
    if (_definite(root) or (poss and all(c.ent_type_ in _NAME_ENTS for c in poss))) and (
            lemma in role_nouns() or lemma in titles() or (
                root.tag_ == "NN" and any(r.lower().split()[-1] == root.lower_ for p in reg.people for r in p.roles))):
        # "The suspect, Jane Doe, was ... The suspect said": a role the article itself gave someone
        # the person the article gave this role: the head noun must be in it ("the minister")
        best = [p for p in reg.people if any(root.lower_ in r.lower().split() or lemma in r.lower().split()
                                             for r in p.roles)]
        if len(best) == 1 or (best and focus.last_person in best):
            return _named(focus.last_person if focus.last_person in best else best[0])
    if focus.in_headline and (lemma in role_nouns() or lemma in titles()) and root.tag_ == "NN" and \
            not any(c.dep_ == "det" for c in root.children) and focus.upcoming is not None:
        return _named(focus.upcoming)  # "Harbour chief says ...": the person the article then quotes
    named_next = _named_next(reg, doc, span, root)
    if named_next is not None:
        return _named(named_next)
    return Resolved(kind="unnamed")


def _named_next(reg: Registry, doc: "Doc", span: "SpacySpan", root: "Token") -> Person | None:
    """"A retired teacher who saw the flood said ... Jane Roe, 64, has lived there since ...": a
    lead description is the person the next sentence names for the first time as its subject,
    where that sentence is not a report of its own (then it is another speaker)."""
    if root.lemma_.lower() not in person_nouns() or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
        return None
    sent = span.sent
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    ent = next((e for e in nxt.ents if e.start <= nxt.start + 1), None)
    if ent is None or ent.label_ != "PERSON" or ent.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if ent.root.head.lemma_.lower() in cue_verbs():
        return None
    p = reg.find(ent.text)
    if p is None or any(e.end <= span.start and reg.find(e.text) is p for e in doc.ents if e.label_ == "PERSON"):
        return None  # named before: not the name the description was waiting for
    return p
