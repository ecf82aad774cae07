"""German words and phrases for attribution/languages/de.py: the language data (Lex), HanTa's
word analysis at a token, speech verbs with their particles, speaker phrases before and after a
cue verb, name runs and the fullest name the article gives a person, pronouns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from quotewire.attribution.languages.common import Found, Paragraphs, quote_index, trim
from quotewire.nlp.languages import Parsed, data
from quotewire.records import Article

_COMMA, _COLON = ",", ":"
_STOPS = {".", "!", "?", ";"}
_MARKS = set("\u201e\u201c\u201d\u00bb\u00ab\"")
_TLD = re.compile(r"^[a-z]{2,4}$")
_LOW_COMPOUND = re.compile(r"^[a-z][a-z0-9]*-[A-ZÄÖÜ]")


@dataclass(frozen=True)
class Lex:
    forms: dict[str, list[dict]]  # type: ignore[type-arg]
    joined: dict[str, dict]  # type: ignore[type-arg]
    laut: frozenset[str]
    zufolge: frozenset[str]
    nach_nouns: "re.Pattern[str]"
    impersonal: frozenset[str]
    subordinators: frozenset[str]
    pronouns: frozenset[str]
    impersonal_pronouns: frozenset[str]
    subjunctive: frozenset[str]
    first_person: frozenset[str]
    determiners: frozenset[str]
    np_stops: frozenset[str]
    particles: frozenset[str]
    titles: frozenset[str]
    role_suffixes: tuple[str, ...]
    time_words: frozenset[str]
    sub_starts: frozenset[str]
    impersonal_preps: frozenset[str]
    source_suffixes: tuple[str, ...]
    passive_auxiliaries: frozenset[str]
    non_speaker_suffixes: tuple[str, ...]
    contrast: frozenset[str]
    focus: frozenset[str]
    calling: str
    naming: frozenset[str]
    konjunktiv_one: frozenset[str]
    particles_before: frozenset[str]
    opening_contrast: frozenset[str]
    head_links: frozenset[str]  # a modifier after the head noun starts here (``der``, ``von``)
    said_heads: tuple[str, ...]  # a head that says what was said (``Angaben``): its modifier speaks
    end_preps: frozenset[str]  # a speaker phrase ends before these (``seit``)
    end_after_name: frozenset[str]  # ... and before these right after a name (``für``)
    place_preps: frozenset[str]  # a name after these is a place (``in``, ``nach``)


@lru_cache(maxsize=1)
def lex() -> Lex:
    d = data("de")
    forms: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    joined: dict[str, dict] = {}  # type: ignore[type-arg]
    for v in d["speech_verbs"]:
        for f in v["forms"]:
            forms.setdefault(f, []).append(v)
        for f in v.get("joined", ()):
            joined[f] = v
    fr = d["frames"]
    return Lex(forms, joined, frozenset(fr["according_to_before"]), frozenset(fr["according_to_after"]),
               re.compile("(?:" + "|".join(map(re.escape, fr["according_to_nach_nouns"])) + r")(?:e|en|n|s|es|se|sen)?$"), frozenset(fr["impersonal"]), frozenset(d["subordinators"]),
               frozenset(d["pronouns"]), frozenset(d["impersonal_pronouns"]), frozenset(d["subjunctive"]),
               frozenset(d["first_person"]), frozenset(d["nominal_determiners"]), frozenset(d["np_stops"]),
               frozenset(d["name_particles"]), frozenset(d["titles"]), tuple(d["role_suffixes"]),
               frozenset(d["time_words"]), frozenset(d["subordinating_starts"]),
               frozenset(fr["impersonal_prepositions"]), tuple(d["source_suffixes"]),
               frozenset(d["passive_auxiliaries"]), tuple(d["non_speaker_suffixes"]),
               frozenset(fr["second_clause"]), frozenset(d["focus_particles"]), fr["calling_as"],
               frozenset(fr["naming_participles"]), frozenset(d["konjunktiv_one"]),
               frozenset(fr["particles_before_verb"]), frozenset(fr["opening_contrast"]),
               frozenset(d["head_links"]), tuple(d["said_heads"]), frozenset(d["phrase_end_prepositions"]),
               frozenset(d["phrase_end_after_name"]), frozenset(d["place_prepositions"]))

_LEMMAS: dict[str, list[dict]] = {}  # type: ignore[type-arg]


def cue_lemmas(analyze: "Callable[[str], tuple[str, str]]") -> dict[str, list[dict]]:  # type: ignore[type-arg]
    """The speech verbs by lemma (``sagen`` -> the entry of ``sagte``), from the lemmas of the
    forms the data file lists, so that any finite form or participle of a listed verb is a cue
    (``vermutet``, ``gehen … aus``, ``hält … für``) without listing every form."""
    if not _LEMMAS:
        out: dict[str, list[dict]] = {}  # type: ignore[type-arg]
        for v in data("de")["speech_verbs"]:
            if v.get("impersonal"):
                continue
            lemma, tag = analyze(v["forms"][0])  # the first form is the third person past
            if tag.startswith("VV"):
                out.setdefault(lemma, []).append(v)
        _LEMMAS.update(out)
    return _LEMMAS


class Words(Paragraphs):
    def __init__(self, article: Article, parsed: Parsed) -> None:
        self.article, self.p, self.L = article, parsed, lex()
        self._personlike: dict[str, bool] = {}  # a name's answer, asked for each earlier quote
        self.text = parsed.text
        self.toks = parsed.tokens
        self.n = len(self.toks)
        self.inq = quote_index(parsed)  # the quotation each token lies inside, or -1
        self.sent_of = [0] * self.n
        for i, (s, e) in enumerate(parsed.sentences):
            for k in range(s, e):
                self.sent_of[k] = i
        self.names = self._article_names()

    # ----------------------------------------------------------------- words

    def tag(self, k: int) -> str:
        return self.p.analyze(self.toks[k].text)[1]

    def is_finite(self, k: int) -> bool:
        w = self.toks[k].text
        return w[:1].islower() and "FIN" in self.p.analyze(w)[1] and not _LOW_COMPOUND.match(w)  # (not ``ostheim-Homepage``)

    def cap(self, k: int) -> bool:
        w = self.toks[k].text
        return w[:1].isupper()

    def is_role(self, w: str) -> bool:
        lw = w.lower()
        return w in self.L.titles or any(lw.endswith(s) for s in self.L.role_suffixes)

    def namelike(self, k: int) -> bool:
        w = self.toks[k].text
        if not w[:1].isupper() or self.inq[k] >= 0:
            return False
        if len(w) >= 2 and w.isupper() and w.isalpha():
            return True
        if self.function_word(k):
            return False  # ``Von Beobachtern hieß es``: a preposition opening the sentence
        if w in self.names:
            return True
        return self.p.analyze(w)[1] == "NE" and not self.is_role(w)

    def function_word(self, k: int) -> bool:
        """A capitalised preposition, article or conjunction (``Von``, ``Laut``) at a sentence's start.
        Only a word that opens its sentence or follows a mark is asked of HanTa in lower case (every
        capitalised noun's lower-case form would be a new word for it, a tenth of the run's time)."""
        w = self.toks[k].text
        if not w[:1].isupper() or (k > self.p.sentences[self.sent_of[k]][0] and self.toks[k - 1].text[-1:].isalnum()):
            return False
        return self.p.analyze(w.lower())[1] in ("APPR", "APPRART", "ART", "KON", "KOUS", "PPOSAT")

    def _article_names(self) -> set[str]:
        """Words the article uses as names: HanTa's NE words, acronyms, and a capitalized word
        right after one of them in a run (``Tom Keller``: HanTa reads ``Keller`` as a noun)."""
        names: set[str] = set()
        toks = self.toks
        for k in range(1, self.n):
            w, prev = toks[k].text, toks[k - 1].text
            if not w[:1].isupper() or not prev[:1].isupper() or toks[k - 1].end + 1 != toks[k].start \
                    or prev.endswith("s"):  # ``Hofers Mutter``: a genitive before a noun
                continue
            if self.p.analyze(prev)[1] == "NE" and not self.is_role(w) and not self.is_role(prev) and not self.function_word(k - 1) \
                    and (self.p.analyze(w)[1] in ("NE", "NN") or self.p.analyze(w)[1].startswith(("ADJ", "VV"))) \
                    and w not in self.L.time_words:  # (``Peter Kurz``: HanTa reads the surname as an adjective)
                names.add(w)
        return names

    def cue_at(self, k: int, end: int) -> tuple[dict, int] | None:  # type: ignore[type-arg]
        """The speech verb at token ``k`` and the token its cue ends on (a separable verb's
        particle before the next comma or stop), or None."""
        if self.inq[k] >= 0:
            return None
        w = self.toks[k].text
        if not w[:1].islower() or k > 0 and self.toks[k - 1].text == "zu":
            return None  # (``ist zu berichten``: an infinitive, no cue)
        if w in self.L.naming and not self.finite_before(k):
            return None  # ``Das Profil, auch „Bonus View“ genannt, …``: the name a thing goes by, no cue
        if w in self.L.joined:
            if not self.passive(k, w):
                return self.L.joined[w], k
            # ``Ihm wird vorgeworfen, …``: a report without a speaker; ``wurden bekanntgegeben:`` no cue
            if not (self.reported_clause_after(k, end) or self.zu_clause_after(k, end)):
                return None
            return {**self.L.joined[w], "impersonal": True}, k
        verbs = self.L.forms.get(w)
        if verbs is None:
            lemma, tag = self.p.analyze(w)
            konjunktiv = w in self.L.subjunctive or (lemma.endswith("en") and w == lemma[:-2] + "e")
            # ``vermelden`` is the plural present as well as the infinitive: a cue when no finite
            # verb comes before it in its clause (``Nun vermelden Zeitungen``, not ``will … melden``)
            finite = tag in ("VV(FIN)", "VV(PP)") or (tag == "VV(INF)" and not self.finite_before(k))
            verbs = cue_lemmas(self.p.analyze).get(lemma, []) if finite and not konjunktiv else []
        if verbs and self.passive(k, w):
            # ``Zunächst war berichtet worden, dass …``: a report without a speaker; other passives are no cue
            if not self.reported_clause_after(k, end) or verbs[0].get("act") != "statement" or verbs[0].get("particle"):
                return None
            return {**verbs[0], "impersonal": True}, k
        for v in verbs:
            part = v.get("particle")
            if not part:
                return v, k
            if k > 0 and self.toks[k - 1].text == part and part in self.L.particles_before and self.inq[k - 1] < 0:
                return v, k  # ``Wie die Stadt bekannt gab, …``: a particle written apart before the verb
            j = k + 1
            while j < end and self.toks[j].text not in (_COMMA, _COLON) and self.toks[j].text not in _STOPS:
                if self.toks[j].text == part and self.inq[j] < 0:
                    return v, j
                if self.inq[j] < 0 and self.is_finite(j):
                    break  # ``rief Parolen und X rief … aus``: the particle of a later verb
                j += 1
            app = self.apposition_end(j, end)
            if app is not None and app + 1 < end and self.toks[app + 1].text == part:
                return v, app + 1  # ``gab der Leiter, Paul Brandt, bekannt``: the particle after an apposition
            s0 = self.p.sentences[self.sent_of[k]][0]
            if part[:1].islower() and s0 < k and self.toks[s0].text.lower() == part and self.toks[s0].text != part \
                    and any(self.inq[j] >= 0 for j in range(s0, k)):
                return v, k  # ``Von einer „…“ sprach X`` / ``Als „…“ bezeichnete X …``: the preposition opens the sentence
        return None

    def apposition_end(self, c: int, end: int) -> int | None:
        """The comma closing a name in apposition that opens at comma ``c`` (``, Paul Brandt,``), or None."""
        if c >= end or self.toks[c].text != _COMMA:
            return None
        j = c + 1
        while j < end and j - c <= 4 and self.namelike(j) and self.inq[j] < 0:
            j += 1
        return j if j > c + 1 and j < end and self.toks[j].text == _COMMA else None

    def reported_clause_after(self, k: int, end: int) -> bool:
        """``… gemeldet, dass …``: the clause after the word's comma (within two words) is a ``dass``/``ob`` clause."""
        for j in range(k + 1, min(end - 1, k + 4)):
            if self.toks[j].text == _COMMA:
                return self.toks[j + 1].text in self.L.subordinators
        return False

    def zu_clause_after(self, k: int, end: int) -> bool:
        """``… vorgeworfen, Gelder veruntreut zu haben``: the clause after the word's comma (within two
        words) is an infinitive with ``zu`` or holds a Konjunktiv verb soon."""
        c = next((j for j in range(k + 1, min(end - 1, k + 4)) if self.toks[j].text == _COMMA), None)
        if c is None:
            return False
        if any(self.toks[j].text in self.L.subjunctive for j in range(c + 1, min(end, c + 7))):
            return True  # ``Als Begründung wurde angegeben, die Kosten seien gestiegen``
        for j in range(c + 1, end - 1):
            t = self.toks[j].text
            if t in (_COMMA, _COLON) or t in _STOPS or self.is_finite(j):
                return False
            if t == "zu" and self.tag(j + 1).startswith(("VV", "VA", "VM")):
                return True
        return False

    def finite_before(self, k: int) -> bool:
        """Is there a finite verb between the start of token ``k``'s clause and ``k``?"""
        s = self.p.sentences[self.sent_of[k]][0]
        j = k - 1
        while j >= s and self.toks[j].text not in (_COMMA, _COLON) and self.toks[j].text not in _STOPS:
            if self.inq[j] < 0 and self.is_finite(j):
                return True
            j -= 1
        return False

    def passive(self, k: int, w: str) -> bool:
        """``Er wurde verurteilt``, ``Der Plan soll beschlossen werden``: a participle with a form of
        ``werden`` in its clause is a passive, no cue (``wie bestätigt wurde`` neither); a form that
        may also be finite (``berichtet``) only with ``worden`` / ``wurde`` beside it."""
        tag = self.p.analyze(w)[1]
        if tag != "VV(PP)" and not (tag == "VV(FIN)" and w.endswith("t")):
            return False
        auxiliaries = self.L.passive_auxiliaries if tag == "VV(PP)" else {"worden", "wurde", "wurden"}
        s, e = self.p.sentences[self.sent_of[k]]
        lo = k
        while lo > s and self.toks[lo - 1].text not in (_COMMA, _COLON) and self.toks[lo - 1].text not in _STOPS:
            lo -= 1
        hi = k + 1
        while hi < e and self.toks[hi].text not in (_COMMA, _COLON) and self.toks[hi].text not in _STOPS:
            hi += 1
        return any(self.toks[j].text in auxiliaries and self.inq[j] < 0 for j in range(lo, hi))

    # ----------------------------------------------------------------- speaker phrases

    def np_after(self, k: int, end: int) -> tuple[int, int] | None:
        """The speaker phrase starting at token ``k`` (adverbs and a time phrase skipped)."""
        toks, L = self.toks, self.L
        skipped = 0
        while k < end and skipped < 4:
            w = toks[k].text
            if w.lower() in ("auch", "zudem", "jedoch", "dazu", "dann", "nun", "noch", "heute", "gestern", "damals",
                             "außerdem", "weiter", "ferner", "später", "daraufhin", "bereits", "schon", "aber"):
                k += 1
                skipped += 1
            elif w in ("am", "im") and k + 1 < end and toks[k + 1].text[:1].isupper():
                k += 2
                skipped += 2
            else:
                break
        if k >= end or self.inq[k] >= 0:
            return None
        w = toks[k].text
        if w in L.pronouns or w in L.impersonal_pronouns:
            return k, k + 1
        if w in _MARKS and self.inq[k + 1 if k + 1 < end else k] >= 0:  # ``laut „Zeitung“``: a quoted title
            q = self.p.quotes[self.inq[k + 1]]
            j = k
            while j < end and self.toks[j].start < q.end:
                j += 1
            return k, j
        if w[:1].islower() and k + 2 < end + 1 and k + 2 < self.n and toks[k + 1].text == "." \
                and toks[k + 1].start == toks[k].end and toks[k + 2].start == toks[k + 1].end and _TLD.match(toks[k + 2].text):
            return k, k + 3  # ``laut ostheim.de``: a web site
        if not (w[:1].isupper() or w in L.determiners or self.attributive(k, end) or _LOW_COMPOUND.match(w)):
            return None  # (``so dpa-Korrespondent X``, ``laut dpa-Bericht``: a compound on a lower-case word)
        if w in L.determiners and k + 2 < end and toks[k + 1].text in _MARKS and self.inq[k + 2] >= 0:
            q = self.p.quotes[self.inq[k + 2]]  # ``schreibt die „Rundschau“``: a quoted title
            j = k + 1
            while j < end and self.toks[j].start < q.end:
                j += 1
            return k, j
        j = self.extended_attribute(k, end)
        depth = 0
        while j < end and j - k < 14:
            t = toks[j].text
            if t == "(":
                depth += 1
            elif t == ")":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0:
                if t == "-" and toks[j - 1].end == toks[j].start and j + 1 < end and toks[j + 1].text in ("und", "oder"):
                    j += 2  # ``Gewerkschafts- und Verbandskreise``: a truncated compound
                    continue
                if t in (_COMMA, _COLON) or t in _STOPS or t in _MARKS or t in ("\u2013", "\u2014", "-"):
                    break
                if j > k and (t in L.np_stops and t not in L.particles or t in ("dem", "den")) \
                        and not (toks[j - 1].text in L.determiners and self.tag(j).startswith("ADV")):
                    break  # (not ``einer kürzlich veröffentlichten Studie``: an article wants its noun)
                if j > k and t in ("einen", "einem") and not self.tag(j - 1).startswith("APPR"):
                    break  # ``zitierte die Zeitung einen Sprecher``: an object after the subject
                if j > k and t in ("die", "das", "ein", "eine") and self.inq[j - 1] < 0 and (
                        toks[j - 1].text[:1].isupper() or _LOW_COMPOUND.match(toks[j - 1].text) or toks[j - 1].text == ")"):
                    break  # ``nach Angaben der Regierung die Kommission``: a new phrase after the noun
                if j > k and t[:1].islower() and t not in L.determiners and t not in L.particles and not _LOW_COMPOUND.match(t) \
                        and "ADJ" not in self.tag(j) and (self.is_finite(j) or "V" in self.tag(j)[:2]):
                    break
                if j > k and toks[j - 1].text[:1].isupper() and (t in self.L.end_preps or t in self.L.end_after_name and self.namelike(j - 1)
                                                                 and not toks[j - 1].text.endswith("s")):
                    break  # ``laut Polizei seit Jahren``, ``Paul Brandt für die Anwendung``: a new phrase after the noun
                if j > k and t[:1].islower() and self.tag(j) == "PTKVZ":
                    break  # ``meldete sich X zurück``: the verb's particle ends the phrase
                if j > k and toks[j - 1].text[:1].isupper() and t not in L.particles and (
                        t[:1].isdigit() or t[:1].islower() and self.tag(j).startswith(("ADV", "PTKNEG", "ADJ(D)"))):
                    break  # ``nach Angaben der Polizei etwa 300 Gäste``: the phrase ends at its noun
            j += 1
        while j > k and toks[j - 1].text in L.determiners | L.particles:
            j -= 1
        return (k, j) if j > k else None

    def attributive(self, k: int, end: int) -> bool:
        """``chinesische Medien``, ``britische Forscher``: a phrase opened by an attributive adjective
        before a noun (no article, as plurals go)."""
        w = self.toks[k].text
        return w[:1].islower() and k + 1 < end and self.toks[k + 1].text[:1].isupper() and self.inq[k] < 0 \
            and self.tag(k).startswith("ADJ(A)") and "NN" in self.tag(k + 1)

    def extended_attribute(self, k: int, end: int) -> int:
        """``die in Berlin geborene Autorin``: after an article, a prepositional phrase that ends in
        an attributive adjective before a noun belongs to the phrase; where the scan of it goes on."""
        toks = self.toks
        if toks[k].text not in self.L.determiners or k + 2 >= end or not self.tag(k + 1).startswith("APPR"):
            return k
        for j in range(k + 2, min(end - 1, k + 10)):
            t = toks[j].text
            if t in (_COMMA, _COLON) or t in _STOPS or t in _MARKS or self.inq[j] >= 0 or self.is_finite(j):
                return k
            if t[:1].islower() and self.tag(j).startswith("ADJ(A)") and toks[j + 1].text[:1].isupper():
                return j
        return k

    def comma_clause(self, s: int, v: int) -> int:
        """``X wies das zurück, die Sprecherin Y, erklärte: …``: a cue verb right after a comma
        whose clause began after an earlier comma (the words before it hold a finite verb, the
        words after it none): the clause start, else ``s``."""
        best = s
        for c in range(v - 2, s, -1):
            if self.toks[c].text != _COMMA or self.inq[c] >= 0:
                continue
            if any(self.is_finite(j) or self.inq[j] >= 0 for j in range(c + 1, v)):
                break
            if any(self.is_finite(j) for j in range(s, c)):
                best = c + 1
        return best

    def np_verb(self, v: int, last: int, end: int) -> tuple[int, int] | None:
        """The speaker phrase after the cue verb at ``v`` (its particle at ``last``): between the
        verb and its particle (``gab ein Sprecher bekannt``), else after both; a reflexive
        ``sich`` right after the verb is skipped (``äußerte sich der Minister``)."""
        k = v + 1 + (v + 1 < end and self.toks[v + 1].text in ("sich", "ihn", "ihm", "ihnen"))
        if last > v:
            np = self.np_after(k, last) if k < last else None
            return np if np is not None else self.np_after(last + 1, end)
        return self.np_after(k, end)


    def named_after(self, np: tuple[int, int] | None, v: int, last: int, end: int) -> tuple[int, int] | None:
        """``Der Zeitung sagte Anna Keller: …`` / ``Jede Schuld weist Keller von sich: …``: when the
        phrase before the verb names no one (an object put first) and the one right after it is a
        name, the name is the subject."""
        if np is None:
            return np
        if self.sourcelike(*np):
            if not self.addressee(*np):
                return np
            alt = self.np_verb(v, last, end)  # ``Der Zeitung sagte Anna Keller: …``: a dative addressee first
            run = self.name_run(*alt) if alt is not None else None
            return alt if alt is not None and run is not None and run[0] == alt[0] and run[1] - run[0] >= 2 else np
        alt = self.np_verb(v, last, end)
        if alt is not None and self.name_run(*alt) is not None and alt[0] == self.name_run(*alt)[0]:  # type: ignore[index]
            return alt
        return np


    def addressee(self, a: int, b: int) -> bool:
        """``Der Zeitung``, ``Der britischen Presse``: a phrase opened by ``der`` that holds no name, role
        nor pronoun, only a body's noun, may be a dative addressee put first."""
        return self.toks[a].text.lower() == "der" and self.name_run(a, b) is None and not any(
            self.toks[k].text in self.L.pronouns or self.is_role(self.toks[k].text) for k in range(a, b))

    def sourcelike(self, a: int, b: int) -> bool:
        """Could the phrase say something: a name, a pronoun, a role or a body (``die Polizei``)?"""
        return self.name_run(a, b) is not None or any(
            self.toks[k].text in self.L.pronouns or (self.toks[k].text[:1].isupper() and (
                self.is_role(self.toks[k].text) or self.toks[k].text.lower().endswith(self.L.source_suffixes)
                or self.role_plural(k)))
            for k in range(a, b))

    def role_plural(self, k: int) -> bool:
        """``Von Grünenpolitikern``: the dative plural of a role noun (not ``des Bundeskanzlers``)."""
        w = self.toks[k].text
        lemma, tag = self.p.analyze(w)
        return tag == "NN" and lemma != w and w.endswith("n") and lemma.lower().endswith(self.L.role_suffixes)  # (not ``Frauen``)


    def long_quote(self, q_index: int, words: int = 4) -> bool:
        q = self.p.quotes[q_index]
        inner = self.text[q.inner[0]:q.inner[1]]
        return len(inner.split()) >= words


    def content(self, a: int, b: int) -> list[tuple[int, int]]:
        """The content of tokens a..b-1: a quotation alone gives its inside, otherwise the words."""
        ca, cb = self.span(a, b)
        for q in self.p.quotes:
            if q.start >= ca - 1 and q.end <= cb + 1 and not self.text[ca:q.start].strip(" ,") \
                    and not self.text[q.end:cb].strip(" ,.!?"):
                ia, ib = trim(self.text, *q.inner, strip=" ")
                return [(ia, ib)]
        return [(ca, cb)] if cb > ca else []


    def speakerlike(self, np: tuple[int, int] | None) -> bool:
        """Not a phrase for what was said (``Seine Zuversicht``, ``Die Angaben``, ``Des Weiteren``):
        a source, a pronoun, or a phrase whose first noun is not one of those heads."""
        if np is None:
            return False
        a, b = np
        if self.sourcelike(a, b):
            return True
        head = next((self.toks[k].text for k in range(a, b) if self.toks[k].text[:1].isupper()
                     and self.toks[k].text not in self.L.determiners and self.toks[k].text.lower() not in self.L.determiners), None)
        if head is None:
            return False
        return not head.lower().endswith(self.L.non_speaker_suffixes) and head.lower() not in ("weiteren", "weiteres")


    def np_before(self, s: int, v: int) -> tuple[int, int] | None:
        """The speaker phrase of a clause that starts at ``s`` and whose cue verb is ``v``."""
        k = s
        while k < v and (self.toks[k].text in _MARKS or self.toks[k].text in (_COMMA, "(", ")")):
            k += 1
        if k < v and self.toks[k].text.lower() in self.L.sub_starts:
            k += 1
        if k + 1 < v and self.toks[k].text.lower() in self.L.focus:
            k += 1  # ``Selbst die Zeitung …``
        if k >= v:
            return None
        rng = self.np_after(k, v)
        return rng

    def subject_first(self, s: int, v: int, after: int | None = None) -> bool:
        """Does the clause before the verb hold its subject (``Der Minister sagte``), or is the
        verb second after an adverbial (``Am Montag sagte der Minister``)? A clause opened by
        ``wie``/``als`` holds it when the verb ends it (``Wie X mitteilte, …``)."""
        if v <= s:
            return False
        if v + 1 < self.n and self.toks[v + 1].text == "er" and self.toks[v].text[:1].islower():
            return False  # ``Die Haltung bezeichnete er als …``: ``er`` after the verb is its subject
        first = self.toks[s]
        if first.text.lower() in self.L.focus and v - s > 1 and (self.cap(s + 1) or self.toks[s + 1].text in self.L.determiners) \
                and self.inq[s + 1] < 0:
            return self.subject_first(s + 1, v, after)  # ``Auch die Ministerin X äußerte …``: the particle opens the subject
        if first.text in self.L.time_words or first.text[:1].isdigit():
            return False
        if first.text.lower() in self.L.sub_starts:
            if after is not None and after - 1 > v:
                return False  # ``Als Begründung gab die Stadt an, …``: a particle apart, so a main clause
            if any(self.toks[j].text == _COMMA and self.inq[j] < 0 and self.is_finite(j + 1) for j in range(s + 1, v - 1)):
                return False  # ``Als X kam, biss Y den Gast und rief: …``: the subordinate clause ended before
            nxt = after if after is not None else v + 1
            return nxt >= self.n or self.toks[nxt].text in (_COMMA, _COLON) or self.toks[nxt].text in _STOPS
        if first.text.lower() in self.L.np_stops:
            return False
        if first.text.lower() in ("das", "dies", "dazu", "darüber", "daher", "deshalb", "so", "damit"):
            # ``Das Fazit von X …`` and ``Das russische Ministerium …`` hold it, ``Das sagte X`` not
            return v - s > 1 and (self.cap(s + 1) or (v - s > 2 and self.tag(s + 1).startswith("ADJ(A)")
                                                      and self.cap(s + 2)))
        tag = self.p.analyze(first.text)[1]
        low = self.p.analyze(first.text.lower())[1]
        if low in ("APPR", "APPRART", "ADV", "PROAV", "PAV", "KON", "PWAV"):
            tag = low
        return tag not in ("APPR", "APPRART", "ADV", "PROAV", "PAV", "ADJ(D)", "CARD", "KON", "PWAV", "PDS")

    def speaker(self, rng: tuple[int, int], f: Found, before: int) -> None:
        """Name, kind and role of the speaker phrase ``rng``; a pronoun resolved to the last person named."""
        a, b = rng
        toks = self.toks
        f.mention = (toks[a].start, toks[b - 1].end)
        if b - a == 1 and toks[a].text in self.L.pronouns:
            prev = self.last_person(before, "m" if toks[a].text.lower() == "er" else "f")
            if prev:
                f.name, f.speaker_kind = prev
                f.confidence -= 0.15
            else:
                f.speaker_kind = "unknown"
            return
        if b - a == 1 and toks[a].text in self.L.impersonal_pronouns:
            f.mention = None
            return
        run = self.head_run(a, b)  # not ``New York`` in ``die in New York geborene X``
        roles = [toks[k].text for k in range(a, b) if toks[k].text[:1].isupper() and self.is_role(toks[k].text)]
        if roles:
            f.role = roles[0]
        genitive = run is not None and (
            (run[0] > a and toks[run[0] - 1].text in ("des", "der") and run[0] - 1 > a)
            or (run[1] < b and toks[run[1] - 1].text.endswith("s") and toks[run[1]].text[:1].isupper())
            # ``Das Rote Kreuz Haitis``, ``die Anwältin Samanis``: a name in the genitive after its noun
            or (run[0] > a and toks[run[0] - 1].text[:1].isupper() and not self.namelike(run[0] - 1)
                and self.norm(toks[run[1] - 1].text) != toks[run[1] - 1].text
                and toks[run[0] - 1].text not in self.L.titles
                and not self.L.nach_nouns.search(toks[run[0] - 1].text.lower()))  # ``Angaben Hofers``: Hofer's
            or (run[1] == b and run[1] - run[0] == 1 and run[0] > a and self.is_role(toks[run[0] - 1].text)
                and self.genitive_name(run[0])))  # ``der Präsident Tavonias``: the country's, not a name
        if run is None and b - a == 1 and toks[a].text[:1].isupper() and not self.is_role(toks[a].text) \
                and toks[a].text not in self.L.time_words and "NN" in self.p.analyze(toks[a].text)[1] \
                and not toks[a].text.lower().endswith(self.L.source_suffixes) and not self.common_noun(a):
            run = (a, b)  # ``…, sagte Keller``: a bare capitalized word as the speaker is a surname
        if run is None or genitive:  # ``ein Sprecher des Ministeriums``, ``Hofers Sprecher``: the name is not the speaker
            f.speaker_kind = "unnamed"
            return
        name, kind = self.fullest(run)
        body = toks[run[0] - 1].text if run[0] > a else ""
        if run[1] - run[0] == 1 and body[:1].isupper() and not self.namelike(run[0] - 1) and not self.is_role(body) \
                and body.lower().endswith(self.L.source_suffixes) and not self.personlike(name):
            name = body + " " + name  # ``die Staatsanwaltschaft Velmora``: the body of a place is the speaker
        f.name, f.speaker_kind = name, kind

    def genitive_name(self, k: int) -> bool:
        w = self.toks[k].text
        return w.endswith("s") and (self.p.analyze(w)[0] + "s" == w or self.norm(w) != w)

    def common_noun(self, k: int) -> bool:
        """A bare capitalised word that is no surname: an inflected noun (``Zeitungen``, HanTa's lemma
        differs), a noun for what was said (``Polizeiangaben``), or one the article puts after an article
        (``die Zuschauer``)."""
        w = self.toks[k].text
        lemma, tag = self.p.analyze(w)
        lw = w.lower()
        if tag == "NN" and lemma != w or lw.endswith(self.L.non_speaker_suffixes) or self.L.nach_nouns.search(lw):
            return True
        return any(self.toks[j].text == w and self.toks[j - 1].text.lower() in self.L.determiners for j in range(1, self.n))

    def head_run(self, a: int, b: int) -> tuple[int, int] | None:
        """The name of the phrase's head, never a place or body in a modifier after it (``ein
        Forscherteam der Universität Ostheim``, ``der Bürgermeister von Ostheim``: no name); after a head
        that says what was said the modifier is the speaker (``Angaben der Agentur X``: ``X``)."""
        run = self.name_run(self.extended_attribute(a, b), b)
        link = self.head_link(a, b)
        if run is None or link is None or run[0] < link:
            return run
        before = self.name_run(self.extended_attribute(a, b), link)
        if before is not None:
            return before  # ``Anna Keller vom Institut X``
        comma = next((k for k in range(link, b) if self.toks[k].text == _COMMA), None)
        if comma is not None and self.name_run(comma + 1, b) is not None:
            return self.name_run(comma + 1, b)  # ``der Leiter der Feuerwehr, Paul Brandt``: a name in apposition is the head's
        head = next((self.toks[k].text.lower() for k in range(link - 1, a - 1, -1) if self.toks[k].text[:1].isupper()), "")
        if self.said_head(head):
            return self.head_run(link + 1, b)
        if self.is_role(head) and run[1] - run[0] >= 2 and self.toks[run[0] - 1].text[:1].isupper() \
                and not self.is_role(self.toks[run[0] - 1].text) and not self.namelike(run[0] - 1):
            return run  # ``der Direktor der Behörde Anna Keller``: a person's name after a body is the head's
        return None

    def head_link(self, a: int, b: int) -> int | None:
        """Where a genitive or prepositional modifier after the head noun starts (``der``, ``von`` …)."""
        depth = 0
        for j in range(a + 1, b):
            t = self.toks[j].text
            depth += (t == "(") - (t == ")")
            if depth == 0 and t in self.L.head_links and self.toks[j - 1].text[:1].isupper() and self.toks[j - 1].text not in self.L.determiners:
                return j
        return None

    def said_head(self, w: str) -> bool:
        if not w or self.is_role(w):
            return False
        if self.L.nach_nouns.search(w) or w.endswith(self.L.said_heads):
            return True
        return w.endswith(self.L.non_speaker_suffixes) and not w.endswith(self.L.source_suffixes)

    def name_run(self, a: int, b: int) -> tuple[int, int] | None:
        """The name in a phrase: its longest run of name words (the later one of equal runs), not
        one in brackets nor a genitive before a noun (``Ostheims Bürgermeisterin Anna Keller``)."""
        runs = []
        k, depth = a, 0
        while k < b:
            t = self.toks[k].text
            depth += (t == "(") - (t == ")")
            if depth == 0 and self.namelike(k):
                j = k + 1
                while j < b and (self.namelike(j) or (toks_text := self.toks[j].text) in self.L.particles
                                 and j + 1 < b and self.namelike(j + 1) and toks_text[:1].islower()):
                    j += 1
                last = self.toks[j - 1].text
                genitive = last.endswith("s") and j < b and self.toks[j].text[:1].isupper()
                runs.append((j - k - (2 if genitive else 0), k, (k, j)))
                k = j
            else:
                k += 1
        if not runs:
            return None
        return max(runs)[2]

    def norm(self, w: str) -> str:
        """A name word without its genitive ``s`` (``Hofers`` -> ``Hofer``)."""
        lemma, tag = self.p.analyze(w)
        if w.endswith("s") and len(w) > 3 and (w[:-1] in self.names or tag == "NE") \
                and re.search(r"\b" + re.escape(w[:-1]) + r"\b", self.text):
            return w[:-1]
        return w

    @property
    def runs(self) -> list[list[str]]:
        return [words for _, words in self.run_starts]

    @property
    def run_starts(self) -> list[tuple[int, list[str]]]:
        """Every run of name words in the article, with its offset."""
        if not hasattr(self, "_runs"):
            out: list[tuple[int, list[str]]] = []
            k = 0
            while k < self.n:
                if self.namelike(k):
                    j = k + 1
                    while j < self.n and self.namelike(j) and self.toks[j - 1].end + 1 >= self.toks[j].start:
                        j += 1
                    out.append((self.toks[k].start, [self.norm(self.toks[i].text) for i in range(k, j)]))
                    k = j
                else:
                    k += 1
            self._runs = out
        return self._runs

    def fullest(self, run: tuple[int, int]) -> tuple[str, str]:
        words = [self.norm(self.toks[k].text) for k in range(*run)]
        name = self.fullest_words(words)
        return name, "organization" if " " not in name and name.isupper() else "person"

    def fullest_words(self, words: list[str]) -> str:
        """The longest name of the article that ends with the same word and holds every word."""
        best = words
        for r in self.runs:
            if len(r) > len(best) and r[-1] == words[-1] and all(w in r for w in words) and len(r) <= 4:
                best = r
        return " ".join(best)

    def last_person(self, before: int, gender: str | None = None) -> tuple[str, str] | None:
        """The person a pronoun at ``before`` points to: the last speaker named in the six sentences
        before, else the last name of two words or more in the two sentences before."""
        here = self.sent_of_char(before)
        subject = self.person_subject(here - 1) if here > 0 and self.paragraph_of(here - 1) == self.paragraph_of(here) else None
        if subject is not None and self.gender_of(subject) not in (None, gender):
            subject = None  # (``Die Kämmerin X hatte … verkündet. Dem Rat empfahl er``: not her)
        for f in reversed(self.found):
            if f.parts[0][0] < before and f.name and f.speaker_kind == "person" and self.personlike(f.name):
                if subject is not None and self.sent_of_char(f.parts[0][0]) < here - 1 and subject != f.name:
                    return subject, "person"  # ``Unterdessen verteidigte X den Plan. Er halte …``: the subject just before
                if self.sent_of_char(f.parts[0][0]) >= here - 6:
                    return f.name, f.speaker_kind
                break
        for start, words in reversed(self.run_starts):
            if start < before and len(words) >= 2 and self.personlike(" ".join(words)):
                if self.sent_of_char(start) >= here - 2:
                    return self.fullest_words(words), "person"
                break
        return None

    def personlike(self, name: str) -> bool:
        """Can a pronoun mean the one named: not a body (``Bundeskriminalamt``, a word ending in a
        source suffix) nor a place (a name the article puts after ``in`` / ``nach`` / ``aus``:
        ``in Neu Kastilien``)?"""
        known = self._personlike.get(name)
        if known is None:
            known = self._personlike[name] = self._personlike_uncached(name)
        return known

    def _personlike_uncached(self, name: str) -> bool:
        words = name.split()
        if any(w.lower().endswith(self.L.source_suffixes) for w in words):
            return False
        last = words[-1]
        for k in range(1, self.n):
            if self.toks[k].text != last or self.inq[k] >= 0:
                continue
            j = k
            while j > 1 and k - j < 3 and self.toks[j - 1].text[:1].isupper():
                j -= 1  # (``in Neu Kastilien``: back over the name's other words)
            if self.toks[j - 1].text in self.L.place_preps:
                return False
        return True

    def gender_of(self, name: str) -> str | None:
        """``f`` / ``m`` from the title or role right before the name's last word anywhere in the
        article (``Ministerin``, ``Frau`` / ``Minister``, ``Herr``), else None (or None when both)."""
        last, seen = name.split()[-1], set()
        for k in range(1, self.n):
            if self.toks[k].text != last and self.norm(self.toks[k].text) != last:
                continue
            j = k - 1
            while j > 0 and self.namelike(j) and k - j < 4:
                j -= 1
            w, det = self.toks[j].text, self.toks[j - 1].text.lower() if j > 0 else ""
            if w == "Frau" or w.endswith("in") and w[:1].isupper() and "NN" in self.tag(j) or det == "die" and self.is_role(w):
                seen.add("f")  # (``Kämmerin``, ``Sprecherin``, ``die Vorsitzende``)
            elif w == "Herr" or self.is_role(w) and not w.endswith("e") and det != "die":
                seen.add("m")  # (not ``Vorsitzende``, ``Abgeordnete``: either)
        return next(iter(seen)) if len(seen) == 1 else None

    def person_subject(self, i: int) -> str | None:
        """The person named as the subject of sentence ``i`` (before its first finite verb, or right
        after it when an adverbial comes first), in full, else None."""
        s, e = self.p.sentences[i]
        fv = next((k for k in range(s, e) if self.inq[k] < 0 and self.is_finite(k)), None)
        if fv is None or fv == s:
            return None
        np = self.np_before(s, fv) if self.subject_first(s, fv) else self.np_after(fv + 1, e)
        run = self.name_run(*np) if np is not None else None
        if run is None or run[1] - run[0] < 2 and self.toks[run[0]].text not in self.names:
            return None
        name, kind = self.fullest(run)
        return name if kind == "person" and self.personlike(name) else None

    def sent_of_char(self, pos: int) -> int:
        lo, hi = 0, self.n - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.toks[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return self.sent_of[lo] if self.n else 0

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Char range of tokens a..b-1, trimmed."""
        if b <= a:
            return (0, 0)
        return trim(self.text, self.toks[a].start, self.toks[b - 1].end)

