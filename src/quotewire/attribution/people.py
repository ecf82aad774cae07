"""The people and organisations one article names: their fullest names, aliases and roles.

``Registry(doc)`` collects them from the parse's entities; ``find`` takes a partial name (a
surname, a first name) to the one person who carries it. Names shed honorifics and titles, which
become roles, except the titles that are part of a name ("Prince Ana", data/name_titles.txt).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotewire.attribution.lexicon import (body_name_words, body_nouns, document_nouns, honorifics, name_particles,
                                          name_suffixes, name_titles, org_words, role_nouns, titles)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

_DET = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"}
ROLE_LINKS = ("of", "for", "at", "from")  # "director of Public Works Jane Doe": a role goes on after these
# lower-case words inside a name besides the particles ("Bank of America", "Doctors for Change")
_CONNECTORS = frozenset(("of", "for", "and", "the", "a", "an", "at", "on", "in", "to", "upon", "under", "&"))


@dataclass
class Person:
    name: str
    kind: str = "person"
    roles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    first: int = 0
    gender: str = ""  # "m" / "f" where the article says (Mr / Ms, he / she of them alone); "" unknown


def strip_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading honorifics and titles off a name: (name words, title words).

    A title that is part of a name stays before a single given name ("Prince Ana"); a label in
    capitals before a name ("Club DL Jane Doe") goes with the title words."""
    tl, hon, kept = titles(), honorifics(), name_titles()
    lead: list[str] = []
    caps = [k for k, w in enumerate(words[:-2]) if len(w) > 1 and w.isupper() and w.isalpha()]
    if caps and len(words) - caps[-1] - 1 >= 2:
        lead, words = words[:caps[-1] + 1], words[caps[-1] + 1:]
    while len(words) > 1:
        low = words[0].lower()
        two = " ".join(w.lower() for w in words[:2])
        if (low in kept and len(words) == 2) or (two in kept and len(words) == 3):
            break
        if two in tl and len(words) > 2:
            lead += words[:2]
            words = words[2:]
        elif low in tl or low in hon or low.rstrip(".") in hon:
            lead.append(words[0])
            words = words[1:]
        else:
            break
    return words, lead


def surname(words: list[str]) -> str:
    """The last word of a name that is not a suffix ("Jane Doe Jr." -> "doe"), lower-cased."""
    suffixes = name_suffixes()
    k = len(words)
    while k > 1 and words[k - 1].lower().strip(",") in suffixes:
        k -= 1
    return words[k - 1].lower().strip(",") if words else ""


def bare_role(role: str | None) -> str | None:
    """"the council's chair" and "council's chair" are one role: no leading article."""
    if not role:
        return role
    words = role.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def clean(text: str) -> str:
    # dashes too: an entity may take in a signature's dash (``― Jane Doe``); a bracket ends a
    # name ("Office of Fair Trading (OFT" -> "Office of Fair Trading")
    if "(" in text and text.index("(") > 0:
        text = text[:text.index("(")]
    text = re.sub(r"['\u2019]s$", "", text.strip(" ,.;:\"\u201c\u201d\u2015\u2014\u2013-"))
    words = text.split()
    # "Insurance company Acme Mutual": a description before the name ends at its lower-case noun
    cut = max((i for i, w in enumerate(words[:-1]) if w.isalpha() and w.islower() and w not in _CONNECTORS
               and w not in name_particles()), default=-1)
    if cut >= 0 and words[cut + 1][:1].isupper():
        words = words[cut + 1:]
    return " ".join(words)


class Registry:
    """People and organisations of one article, keyed so that partial mentions find them."""

    def __init__(self, doc: "Doc") -> None:
        self.people: list[Person] = []
        self.orgs: dict[str, Person] = {}
        for ent in doc.ents:
            if (ent.label_ == "PERSON" and not _body_name(ent.text)) or (ent.label_ == "ORG" and _personal(ent)):
                self._person(ent)
            elif ent.label_ == "PERSON":  # "Acme Productions" tagged as a person's name
                key = clean(ent.text)
                self.orgs.setdefault(key.lower(), Person(key, "organization", first=ent.start_char))
            elif ent.label_ in ("ORG", "NORP", "GPE"):
                key = clean(ent.text)
                if key and key.lower() not in self.orgs:
                    self.orgs[key.lower()] = Person(key, "organization", first=ent.start_char)
        self._join_short_forms()

    def _join_short_forms(self) -> None:
        """"Big Machine" and "Big Machine Records", "Acme" and "Acme Inc." in one article: one body
        under its fuller name, where the longer adds only words that end a body's name (never "Acme
        Music" for "Acme"), and only one body of the article so extends the shorter."""
        keys = list(self.orgs)
        for short in keys:
            longer = [k for k in keys if k.startswith(short + " ") and
                      all(w.strip(",") in body_name_words() for w in k[len(short):].split())]
            if len({id(self.orgs[k]) for k in longer}) != 1:
                continue
            full, part = self.orgs[longer[0]], self.orgs[short]
            if full is part or part.kind != "organization" or full.kind != "organization":
                continue
            full.aliases.add(part.name)
            full.first = min(full.first, part.first)
            self.orgs[short] = full

    def _person(self, ent: "SpacySpan") -> Person | None:
        words, lead = strip_name(clean(ent.text).split())
        if not words:
            return None
        if len(words) > 2 and ent.start > 0 and ent.doc[ent.start - 1].lower_ in ROLE_LINKS:
            # "director of Public Prosecution Jane Doe": the entity took in the end of the role
            lead, words = lead + words[:-2], words[-2:]
        found = self.find(" ".join(words))
        if found is None:
            found = Person(" ".join(words), first=ent.start_char)
            self.people.append(found)
        elif len(words) > len(found.name.split()) and words[-1] == found.name.split()[-1]:
            found.aliases.add(found.name)
            found.name = " ".join(words)
        role = bare_role(role_near(ent, lead))
        if role and role.lower() not in (r.lower() for r in found.roles):
            found.roles.append(role)
        return found

    def find(self, name: str) -> Person | None:
        """Full name, or a surname/first name that one person of the article alone carries."""
        words, _ = strip_name(clean(name).split())
        if not words:
            return None
        low = " ".join(words).lower()
        for p in self.people:
            if p.name.lower() == low or low in (a.lower() for a in p.aliases):
                return p
        last = surname(words)
        hits = [p for p in self.people if surname(p.name.split()) == last]
        if len(hits) == 1:
            return hits[0]
        if len(words) == 1:
            hits = [p for p in self.people if words[0].lower() in (w.lower() for w in p.name.split())]
            if len(hits) == 1:
                return hits[0]
        return None


def _body_name(text: str) -> bool:
    """A name ending in a body's word ("Acme Productions") or a document's ("the Harbour Pulse
    Survey", "the Coastal Trade Report"): never a person's."""
    words = clean(text).split()
    return len(words) > 1 and (words[-1].lower() in body_name_words() or words[-1].lower() in document_nouns())


def _personal(ent: "SpacySpan") -> bool:
    """A name the tagger took for a body that the text presents as a person's: two or three
    capitalised words, none a body's word, after an honorific or with a person's role
    ("managing partner Jane Doe", "Jane Doe, a professor at ...")."""
    words = clean(ent.text).split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if any(w.lower() in org_words() for w in words) or _body_name(ent.text) or ent[0].lower_ in _DET:
        return False
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in honorifics() or before.rstrip(".") in honorifics():
        return True
    role = role_near(ent, [])
    return bool(role) and any(w.lower() in role_nouns() or w.lower() in titles() for w in role.split())


def role_near(ent: "SpacySpan", lead: list[str]) -> str | None:
    """A role printed with the name: a title before it ("NATO Secretary General Jane Doe") or an apposition."""
    doc = ent.doc
    root = ent.root
    # apposition: "the head of the committee, Jane Doe," / "Jane Doe, the head of the committee,"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        h = root.head
        cut = root.left_edge.i
        if cut > 0 and doc[cut - 1].lower_ in (*ROLE_LINKS, "to") and any(
                t.ent_type_ in ("GPE", "ORG", "NORP") for t in doc[cut:ent.start]):
            cut = ent.start  # "envoy to Chile Jane Doe": the place ends the role, not the name
        toks = [t for t in h.subtree if t.i < ent.start and not (t.i >= cut)]
        role = np_text(toks)
        if role:
            return role
    for c in root.children:
        # a noun, or what the tagger mistook for another word class in a phrase with a determiner
        # ("Jane Doe, the union steward of ...": "steward" tagged an adverb)
        if c.dep_ == "appos" and c.lemma_.lower() in org_words() | body_nouns():
            continue  # "Jane Doe, CEO of Acme, a Lisbon-based startup": the body's description, not hers
        if c.dep_ == "appos" and (c.pos_ == "NOUN" or c.pos_ in ("ADV", "ADJ", "VERB") and c.left_edge.tag_ == "DT"
                                  or c.pos_ == "PROPN" and c.lower_ in role_nouns() | titles()):  # "CEO of Acme"
            role = np_text(list(c.subtree))
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
                    role = np_text(list(pobj.subtree))
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


def in_lower_case(text: str, words: str) -> bool:
    """The text also prints ``words`` in lower case, as ordinary words ("a corporate relocation",
    "many users"): the capitalised form is a sentence start or a headline's, not a name."""
    return re.search(rf"(?<![\w-]){re.escape(words.lower())}(?![\w-])", text) is not None


def np_text(toks: list) -> str | None:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].lower_ in _DET or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or len(toks) > 12:
        return None
    text = toks[0].doc[toks[0].i:toks[-1].i + 1].text
    if text.count("(") > text.count(")"):  # "specialist on the Council (NSC": the phrase ends before the bracket
        text = text[:text.rindex("(")].rstrip(" ,;:-")
    if not re.search(r"[^\W\d_]{2}", text):
        return None  # "A. (n.d": no word in it
    return text
