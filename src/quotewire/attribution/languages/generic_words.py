"""Words and phrases for attribution/languages/generic.py (French, Spanish, Italian, Polish, Russian,
Ukrainian): the language data (Lex), speech verbs with their auxiliaries and inverted pronouns,
speaker phrases before and after a cue, name runs, the fullest name the article gives a person
across inflection, pronouns and dropped subjects resolved to the last person named.

These languages capitalise names and sentence starts only, so a capital inside a sentence is a
name; a capital at a sentence start is one when the word is capitalised elsewhere in the article
too, when the analyser (pymorphy3, Russian and Ukrainian) tags it a name, or when a name follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotewire.attribution.languages.common import Found, Paragraphs, quote_index, trim
from quotewire.attribution.languages.genders import Genders
from quotewire.nlp.languages import Parsed, data
from quotewire.records import Article

PUNCT = set(",.;:!?()[]\u2026")
STOPS = {".", "!", "?", ";", "\u2026"}
MARKS = set("\u00ab\u00bb\u201c\u201d\u201e\u201a\u2018\u2019\u2039\u203a\"")
DASHES = set("\u2014\u2013\u2015-")
SPACES = " \t\n\u00a0\u202f\u2009"
STRIP = SPACES + ",;:.!?-\u2013\u2014"
_INVERTED = re.compile(r"^(\w+?)(?:-t)?-(il|elle|ils|elles|on)$")


@dataclass(frozen=True)
class Lex:
    lang: str
    forms: dict[str, dict]  # type: ignore[type-arg]
    auxiliaries: frozenset[str]
    cue_adverbs: frozenset[str]
    inversion: frozenset[str]
    complementizers: frozenset[str]
    according: tuple[tuple[tuple[str, ...], str, bool], ...]
    as_words: frozenset[str]
    as_clitics: frozenset[str]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    determiners: frozenset[str]
    np_preps: frozenset[str]
    particles: frozenset[str]
    elisions: tuple[str, ...]
    roles: frozenset[str]
    role_stems: tuple[str, ...]
    bodies: frozenset[str]
    body_stems: tuple[str, ...]
    skip_words: frozenset[str]
    skip_preps: frozenset[str]
    endings: tuple[str, ...]
    no_names: frozenset[str]
    function: frozenset[str]
    pro_drop: bool
    morph: bool
    indefinite: frozenset[str]
    articles: bool
    anaphoric: tuple[tuple[str, ...], ...]
    possessive: tuple[tuple[tuple[str, ...], int, bool, str], ...]
    proper_bodies: frozenset[str]
    pronoun_genders: dict[str, str]
    verb_genders: tuple[tuple[str, str], ...]
    name_genders: tuple[tuple[str, str], ...]
    first_name_f: str
    gender_words: dict[str, str]  # a title, a gendered role or a role's determiner -> f / m of the name after it
    abbreviations: frozenset[str]  # written with a full stop that ends no sentence (``M.``, ``Sra.``, ``Dott.``)


@lru_cache(maxsize=None)
def lex(lang: str) -> Lex:
    d = data(lang)
    forms: dict[str, dict] = {}  # type: ignore[type-arg]
    for v in d["speech_verbs"]:
        for f in v["forms"]:
            forms.setdefault(f.lower(), v)
    according = tuple((tuple(a["words"].lower().split()), a.get("act", "statement"), bool(a.get("needs_comma")))
                      for a in d["according_to"])
    roles = frozenset(r.lower() for r in d["roles"])
    bodies = frozenset(b.lower() for b in d["bodies"])
    inflects = d["name_endings"] != [""]
    function = frozenset(w.lower() for key in ("auxiliaries", "cue_adverbs", "complementizers", "as_words", "determiners",
                                                "np_prepositions", "skip_prepositions", "plural_pronouns", "inversion_pronouns")
                         for w in d[key]) | frozenset(w.lower() for w in d["pronouns"]) \
        | frozenset(w for a in according for w in a[0])
    return Lex(lang, forms, frozenset(d["auxiliaries"]), frozenset(d["cue_adverbs"]), frozenset(d["inversion_pronouns"]),
               frozenset(d["complementizers"]), according, frozenset(d["as_words"]), frozenset(d["as_clitics"]),
               frozenset(d["pronouns"]), frozenset(d["plural_pronouns"]), frozenset(d["determiners"]),
               frozenset(d["np_prepositions"]), frozenset(d["name_particles"]),
               tuple(sorted(d["elisions"], key=len, reverse=True)), roles,
               tuple(_stem(r) for r in roles if " " not in r and len(r) >= 3) if inflects else (),
               bodies, tuple(_stem(b) for b in bodies if " " not in b and len(b) >= 3) if inflects else (),
               frozenset(w.lower() for w in d["skip_words"]), frozenset(d["skip_prepositions"]),
               tuple(d["name_endings"]), frozenset(d["no_names"]), function,
               lang in ("es", "it", "pl", "ru", "uk"), lang in ("ru", "uk"), frozenset(d.get("indefinite", ())),
               bool(d.get("indefinite")), tuple(tuple(o.lower().split()) for o in d.get("anaphoric_openers", ())),
               tuple(sorted(((tuple(a["words"].lower().split()), a["speaker_word"], a["plural"], a.get("act", "statement"))
                             for a in d.get("according_possessive", ())), key=lambda a: -len(a[0]))),
               frozenset(b.lower() for b in d["bodies"] if b[:1].isupper()), dict(d.get("pronoun_genders", {})),
               tuple(sorted(d.get("verb_gender_endings", {}).items(), key=lambda x: -len(x[0]))),
               tuple(sorted(d.get("name_gender_endings", {}).items(), key=lambda x: -len(x[0]))),
               d.get("first_name_feminine_ending", ""),
               {w: g for g, words in d.get("gender_words", {}).items() for w in words},
               frozenset(d.get("abbreviations", ())))


_VOWELS = set("aeiouyąęóаеёиоуыэюяіїєьй")


def _stem(word: str) -> str:
    """A role or body noun without its final vowel (``policja`` -> ``policj``, ``фонд`` stays)."""
    return word[:-1] if word[-1:] in _VOWELS and len(word) > 4 else word


def _stem_match(word: str, stems: tuple[str, ...], endings: tuple[str, ...]) -> bool:
    return any(word.startswith(s) and word[len(s):] in endings for s in stems)


@lru_cache(maxsize=200_000)
def _is_role(lang: str, w: str, token: str) -> bool:
    L = lex(lang)
    return w in L.roles or token in L.roles or _stem_match(w, L.role_stems, L.endings)


@lru_cache(maxsize=200_000)
def _is_body(lang: str, w: str) -> bool:
    L = lex(lang)
    return w in L.bodies or _stem_match(w, L.body_stems, L.endings)


class Words(Genders, Paragraphs):
    def __init__(self, article: Article, parsed: Parsed) -> None:
        self.article, self.p, self.L = article, parsed, lex(parsed.language)
        self.text = parsed.text
        self.toks = parsed.tokens
        self.n = len(self.toks)
        self.words = [self._strip_elision(t.text) for t in self.toks]
        self.inq = quote_index(parsed)  # the quotation each token lies inside, or -1
        self.sent_of = [0] * self.n
        self.initial = [False] * self.n
        for i, (s, e) in enumerate(parsed.sentences):
            for k in range(s, e):
                self.sent_of[k] = i
            k = s
            while k < e and (self.toks[k].text in MARKS or self.toks[k].text in DASHES or self.toks[k].text in "(\u00bf\u00a1"):
                k += 1
            if k < e:
                self.initial[k] = True
        for q in parsed.quotes:  # the first word inside a quotation starts a sentence of its own
            k = self.tok_at(q.start + 1)
            while k is not None and k < self.n and self.toks[k].text in MARKS | DASHES:
                k += 1
            if k is not None and k < self.n:
                self.initial[k] = True
        self.cap_inside = {self.words[k] for k in range(self.n) if not self.initial[k] and self.words[k][:1].isupper()}
        # a title written short before a name (``M. Dupont``, ``la Sra. Ruiz``): the word and its stop
        self.title_dot = {x for k in range(self.n - 2) if self.toks[k].text in self.L.abbreviations
                          and self.toks[k].text[:1].isupper() and self.toks[k + 1].text == "."
                          and self.toks[k + 1].start == self.toks[k].end and self.words[k + 2][:1].isupper()
                          for x in (k, k + 1)}
        self.found: list[Found] = []

    # ----------------------------------------------------------------- words

    def _strip_elision(self, w: str) -> str:
        lw = w.lower().replace("\u2019", "'")
        for e in self.L.elisions:
            if lw.startswith(e) and len(w) > len(e):
                return w[len(e):]
        return w

    def elided_article(self, k: int) -> bool:
        """``l'Intérieur``, ``dell'Interno``: an article (or preposition with one) joined to a noun."""
        w = self.toks[k].text.lower().replace("\u2019", "'")
        return w != self.words[k].lower() and w[:len(w) - len(self.words[k])] not in ("d'",)

    def tok_at(self, pos: int) -> int | None:
        lo, hi = 0, self.n - 1
        if self.n == 0:
            return None
        while lo < hi:
            mid = (lo + hi) // 2
            if self.toks[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo if self.toks[lo].end > pos else None

    def low(self, k: int) -> str:
        return self.toks[k].text.lower()

    def is_role(self, k: int) -> bool:
        return _is_role(self.L.lang, self.words[k].lower(), self.toks[k].text.lower())

    def is_body(self, k: int) -> bool:
        return _is_body(self.L.lang, self.words[k].lower())

    def morph(self, k: int) -> tuple[str, str]:
        return self.p.analyze(self.words[k])

    def person_word(self, k: int) -> bool:
        return self.L.morph and "person" in self.morph(k)[1]

    def namelike(self, k: int) -> bool:
        w = self.words[k]
        if not w[:1].isupper() or k in self.title_dot:
            return False
        if w in self.L.no_names or w.lower() in self.L.function or self.is_role(k) and not w.isupper():
            return False
        if self.low(k) in self.L.forms:
            return False
        if len(w) >= 2 and w.isupper() and w.isalpha():
            return True
        if self.elided_article(k):
            return False
        if not self.initial[k]:
            return True
        if w in self.cap_inside or self.person_word(k):
            return True
        nxt = k + 1
        return nxt < self.n and not self.initial[nxt] and self.words[nxt][:1].isupper() \
            and self.toks[k].end + 1 == self.toks[nxt].start and self.words[nxt] not in self.L.no_names \
            and not self.is_role(nxt) and self.low(nxt) not in self.L.function

    def cue_at(self, k: int) -> tuple[dict, int, int, int | None] | None:  # type: ignore[type-arg]
        """The speech verb at token ``k``: (verb, first token of the cue, last token, inverted
        pronoun token or None). The cue takes an auxiliary before the participle (``a déclaré``,
        ``ha detto``, with an adverb between) and an inverted pronoun (``a-t-il dit``, ``dit-elle``)."""
        if self.inq[k] >= 0:
            return None
        w = self.low(k)
        inv = None
        m = _INVERTED.match(w)
        if m and m.group(2) in self.L.inversion:
            w = m.group(1)
            inv = k
        verb = self.L.forms.get(w)
        if verb is None or not self.toks[k].text[:1].islower() and not self.initial[k]:
            return None
        if k > 0 and self.low(k - 1) in self.L.determiners and self.toks[k - 1].text not in self.L.auxiliaries:
            return None  # ``la demande``, ``il detto``: a noun
        a = k
        j = k - 1
        if j >= 0 and self.low(j) in self.L.cue_adverbs:
            j -= 1
        if j >= 0 and self.inq[j] < 0:
            aux = self.low(j)
            m2 = _INVERTED.match(aux)
            if m2 and m2.group(1) in self.L.auxiliaries and m2.group(2) in self.L.inversion:
                a, inv = j, j
            elif aux in self.L.auxiliaries:
                a = j
        return verb, a, k, inv

    def cue_from(self, j: int) -> tuple[dict, int, int, int | None] | None:  # type: ignore[type-arg]
        """The cue that starts at token ``j`` (its auxiliary or the verb itself)."""
        for k in range(j, min(self.n, j + 3)):
            hit = self.cue_at(k)
            if hit is not None and hit[1] == j:
                return hit
        return None

    def inverted_span(self, k: int) -> tuple[int, int]:
        """Char range of the pronoun in ``a-t-il`` / ``dit-elle``."""
        t = self.toks[k]
        cut = t.text.rfind("-")
        return t.start + cut + 1, t.end

    def anaphoric_at(self, k: int) -> int:
        """Length of an opener whose content is the sentence before (``Об этом заявил X``), or 0."""
        for words in self.L.anaphoric:
            if k + len(words) < self.n and all(self.low(k + i).replace("\u2019", "'") == w.replace("\u2019", "'")
                                                for i, w in enumerate(words)):
                return len(words)
        return 0

    def possessive_at(self, k: int) -> tuple[int, int, bool, str] | None:
        """``по его словам``, ``jego zdaniem``, ``selon lui``: (length, pronoun token, plural, act)."""
        for words, idx, plural, act in self.L.possessive:
            if k + len(words) <= self.n and all(self.low(k + i) == w and self.inq[k + i] < 0 for i, w in enumerate(words)):
                return len(words), k + idx, plural, act
        return None

    def according_at(self, k: int) -> tuple[int, str, bool] | None:
        """Length of the according-to frame starting at token ``k`` (``selon``, ``по словам``), its act."""
        for words, act, needs_comma in self.L.according:
            if k + len(words) <= self.n and all(self.low(k + i) == w and self.inq[k + i] < 0 for i, w in enumerate(words)):
                return len(words), act, needs_comma
        return None

    # ----------------------------------------------------------------- speaker phrases

    def np_word(self, k: int) -> bool:
        """Can the token stand in a speaker phrase?"""
        if k in self.title_dot:
            return True
        w = self.toks[k].text
        lw = w.lower()
        return (self.words[k][:1].isupper() or lw in self.L.determiners or self.is_role(k) or self.is_body(k)
                or lw in self.L.particles) and lw not in self.L.complementizers and lw not in self.L.forms

    def skip(self, k: int, end: int) -> int:
        """Past time words, audiences and adverbs between a cue and its speaker (``a déclaré mardi
        à la presse le ministre``, ``заявил в понедельник журналистам Песков``)."""
        moved = 0
        while k < end and moved < 6:
            lw = self.low(k)
            if self.inq[k] >= 0:
                break
            if lw in self.L.skip_words or lw in self.L.cue_adverbs:
                k += 1
                moved += 1
            elif lw in self.L.skip_preps and k + 1 < end:
                j = k + 1
                while j < end and self.low(j) in self.L.determiners:
                    j += 1
                if j < end and self.toks[j].text not in PUNCT and not self.words[j][:1].isupper() \
                        and not self.is_body(j) and not self.is_role(j) or j < end and self.words[j].lower() in self.L.skip_words:
                    moved += j + 1 - k
                    k = j + 1
                elif j < end and self.words[j][:1].isupper() and j + 1 < end and self.inq[j + 1] < 0 \
                        and (self.low(j + 1) in self.L.determiners or self.is_role(j + 1)):
                    moved += j + 1 - k  # ``explique à Libération la chercheuse X``: a medium, then the speaker
                    k = j + 1
                else:
                    break
            else:
                break
        return k

    def np_after(self, k: int, end: int, skip: bool = True) -> tuple[int, int] | None:
        """The speaker phrase starting at token ``k``: determiners, roles, bodies, names, linking
        prepositions, lowercase adjectives before a name; a name in apposition after a comma.
        Time words and audiences before it are skipped, unless nothing follows them (``сообщает ТАСС``)."""
        if skip:
            j = self.skip(k, end)
            if j > k:
                got = self.np_phrase(j, end)
                return got if got is not None else self.np_phrase(k, end)
        return self.np_phrase(k, end)

    def np_phrase(self, k: int, end: int) -> tuple[int, int] | None:
        if k >= end or self.inq[k] >= 0:
            return None
        t = self.toks[k].text
        if t in self.L.pronouns or t.lower() in self.L.pronouns or t.lower() in self.L.plural_pronouns:
            return k, k + 1
        if self.L.morph and t.lower() in self.L.skip_preps and k + 1 < end and self.inq[k + 1] < 0 \
                and (self.is_body(k + 1) or self.namelike(k + 1)):
            j = k + 2  # ``заявили в Кремле``, ``повідомили в МЗС``: the body is the source
            while j < end and self.inq[j] < 0 and (self.is_body(j) or self.namelike(j) or self.toks[j].text[:1].islower()
                                                    and j + 1 < end and self.namelike(j + 1)):
                j += 1
            return k, j
        if self.toks[k].text in PUNCT or t.lower() in self.L.np_preps or t.lower() in self.L.forms \
                or t.lower() in self.L.function and t.lower() not in self.L.determiners:
            return None
        if not self.np_word(k):  # ``официальный сайт правительства``: an adjective before the head
            if not (k + 1 < end and self.inq[k + 1] < 0 and (self.is_role(k + 1) or self.is_body(k + 1))):
                return None
        j = k
        while j < end and j - k < 12 and self.inq[j] < 0:
            t = self.toks[j].text
            lw = t.lower()
            if (t in PUNCT and j not in self.title_dot) or t in MARKS or t in DASHES or lw in self.L.complementizers \
                    or (j > k and self.cue_at(j)):
                break
            if j > k and self.namelike(j - 1) and t[:1].islower() and lw not in self.L.particles:
                break  # ``Nowak radnym``: after the name, a lowercase word is the rest of the clause
            if self.np_word(j) or lw in self.L.np_preps:
                j += 1
                continue
            # a lowercase word (an adjective) when a name or role follows soon
            ahead = next((x for x in range(j + 1, min(end, j + 3)) if self.toks[x].text in PUNCT or self.np_word(x)), None)
            if ahead is not None and self.toks[ahead].text not in PUNCT and lw not in self.L.function \
                    and (self.words[ahead][:1].isupper() or self.is_role(ahead) or self.is_body(ahead)):
                j = ahead
                continue
            break
        while j > k and (self.low(j - 1) in self.L.np_preps or self.low(j - 1) in self.L.determiners
                         or self.low(j - 1) in self.L.particles):
            j -= 1
        if j <= k:
            return None
        if self.name_run(k, j) is None and j + 1 < end and self.toks[j].text == ",":
            r = j + 1
            while r < end and self.namelike(r):
                r += 1
            if r > j + 1 and (r >= end or self.toks[r].text in PUNCT or self.toks[r].text in MARKS | DASHES):
                return k, r  # ``le ministre de l'Économie, Paul Roux``
        return k, j

    def np_before(self, s: int, v: int) -> tuple[int, int] | None:
        """The subject phrase that ends right before the cue at ``v`` (time words and adverbs
        between skipped), with a name in apposition before a comma (``X, ministre de Y, a dit``)."""
        p = v
        while p > s:
            lw = self.low(p - 1)
            if lw in self.L.skip_words or lw in self.L.cue_adverbs:
                p -= 1
            elif p - 2 >= s and self.low(p - 2) in self.L.skip_preps and self.low(p - 1) in self.L.skip_words:
                p -= 2
            else:
                break
        if p <= s:
            return None
        if self.toks[p - 1].text in self.L.pronouns or self.low(p - 1) in self.L.plural_pronouns:
            return p - 1, p
        if self.toks[p - 1].text in MARKS and p - 2 >= s and self.inq[p - 2] >= 0:  # ``компания «Газпром» сообщила``
            q = self.p.quotes[self.inq[p - 2]]
            o = self.tok_at(q.start)
            if o is None or o < s or q.end != self.toks[p - 1].end or len(self.text[q.start:q.end].split()) > 4:
                return None
            start = self.np_start(s, o)
            return (start if start is not None else o), p
        if self.toks[p - 1].text == "," and p - 1 > s:  # ``Il sindaco di Genova, Silvia Salis, ha detto``
            q = self.np_start(s, p - 1)
            if q is None or not (q == s or self.toks[q - 1].text == ","):
                return None
            if q - 1 > s and self.toks[q - 1].text == ",":
                q2 = self.np_start(s, q - 1)
                if q2 is not None and (q2 == s or self.toks[q2 - 1].text == ",") and self.sourcelike(q2, q - 1):
                    q = q2
            return (q, p - 1) if self.sourcelike(q, p - 1) else None
        q = self.np_start(s, p)
        if q is None:
            return None
        if q - 2 >= s and self.toks[q - 1].text == ",":
            q2 = self.np_start(s, q - 1)
            if q2 is not None and self.name_run(q2, q - 1) and not self.name_run(q, p):
                q = q2
        return q, p

    def np_start(self, s: int, p: int) -> int | None:
        q = p
        loose = 0
        while q > s and self.inq[q - 1] < 0:
            t = self.toks[q - 1].text
            lw = t.lower()
            if (t in PUNCT and q - 1 not in self.title_dot) or t in MARKS or t in DASHES or lw in self.L.complementizers \
                    or lw in self.L.as_words:
                break
            if self.np_word(q - 1) or lw in self.L.np_preps:
                q -= 1
                continue
            if loose < 2 and lw not in self.L.function and not self.cue_at(q - 1) and q - 1 > s:
                q -= 1
                loose += 1
                continue
            break
        while q < p and (self.low(q) in self.L.np_preps or not (
                self.words[q][:1].isupper() or self.low(q) in self.L.determiners or self.is_role(q) or self.is_body(q))):
            q += 1
        return q if q < p else None

    def sourcelike(self, a: int, b: int) -> bool:
        """Could the phrase say something: a name, a role, a body, a pronoun, or one capitalised word
        that is not a function word (``Macron : « … »``)?"""
        if b - a == 1 and self.words[a][:1].isupper() and self.words[a] not in self.L.no_names \
                and self.low(a) not in self.L.function:
            return True
        return any(self.namelike(k) or self.is_role(k) or self.is_body(k) or self.toks[k].text in self.L.pronouns
                   for k in range(a, b))

    # ----------------------------------------------------------------- names

    def runs_in(self, a: int, b: int) -> list[tuple[int, int, bool]]:
        """Name runs in tokens a..b-1 as (start, end, complement): a run after a linking
        preposition or elided article is the complement of a role (``porte-parole du Kremlin``)."""
        out = []
        k = a
        while k < b:
            if self.namelike(k):
                j = k + 1
                while j < b and self.toks[j].text == self.words[j] and self.toks[k].text == self.words[k] and (
                        self.namelike(j) or self.low(j) in self.L.particles and j + 1 < b
                        and self.words[j + 1][:1].isupper() and not self.initial[j + 1]):
                    j += 1  # ``Charles de Gaulle``, ``Bruno Le Maire`` (a capital after a particle is the name's)
                    if self.low(j - 1) in self.L.particles and j < b and self.words[j][:1].isupper():
                        j += 1
                comp = k > a and (self.low(k - 1) in self.L.np_preps
                                  or self.toks[k].text != self.words[k]
                                  or k - 1 > a and self.low(k - 1) in self.L.determiners
                                  and self.low(k - 2) in self.L.np_preps)  # ``de la RATP``
                start = k if comp else self.trim_run(k, j)
                if comp and j - start >= 3 and not self.L.morph and self.role_before(start) \
                        and not any(self.low(x) in self.L.particles for x in range(start, j)):
                    # ``la ministra de Hacienda Ana Beltrán``: the complement's name, then the person's
                    cut = start + (1 if j - start == 3 else 2)
                    out.append((start, cut, True))
                    out.append((cut, j, False))
                else:
                    out.append((start, j, comp))
                k = j
            else:
                k += 1
        return out

    def role_before(self, k: int) -> bool:
        """A role right before token ``k``, or before a short complement (``ministra de``)."""
        r = k - 1
        while r >= 0 and r >= k - 3 and not self.is_role(r) and self.toks[r].text not in PUNCT:
            r -= 1
        return r >= 0 and r >= k - 3 and self.is_role(r)

    def trim_run(self, k: int, j: int) -> int:
        """Drop the place before a person's name (``президент России Владимир Путин``, ``prezydent
        Francji Emmanuel Macron``)."""
        if self.L.morph and j - k >= 3 and any(self.person_word(x) for x in range(k + 1, j)):
            # ``глава МИД России Сергей Лавров``: drop the body and the place (an acronym, or a known word
            # that is no person's and cannot be a nominative singular), while two words are left
            while j - k >= 3 and not self.person_word(k) and (self.words[k].isupper() or (
                    "known" in self.morph(k)[1] and "nom" not in self.morph(k)[1])):
                k += 1
            return k
        if j - k >= 3 and not any(self.low(x) in self.L.particles for x in range(k, j)):
            r = k - 1  # the role right before, or before its lowercase complement (``minister spraw zagranicznych``)
            while r >= 0 and r >= k - 3 and self.toks[r].text[:1].islower() and not self.is_role(r):
                r -= 1
            if r >= 0 and self.is_role(r):
                return k + 1
        return k

    def name_run(self, a: int, b: int) -> tuple[int, int] | None:
        runs = [(y - x, x, (x, y)) for x, y, comp in self.runs_in(a, b) if not comp]
        return max(runs)[2] if runs else None

    @property
    def article_runs(self) -> list[tuple[int, list[int]]]:
        """Every person-like name run of the article: (char offset, token indices)."""
        if not hasattr(self, "_runs"):
            out = []
            for s, e in self.p.sentences:
                for x, y, _ in self.runs_in(s, e):
                    if y - x <= 4:
                        out.append((self.toks[x].start, list(range(x, y))))
            self._runs = out
        return self._runs

    def same_word(self, a: str, b: str) -> bool:
        """The same name word across inflection (``Tuska`` / ``Tusk``, ``Путину`` / ``Путин``)."""
        if a == b:
            return True
        la, lb = a.lower(), b.lower()
        if la == lb:
            return True
        if self.L.endings == ("",):
            return False
        n = 0
        while n < min(len(la), len(lb)) and la[n] == lb[n]:
            n += 1
        if n < 3 or n < min(len(la), len(lb)) - 3:
            return False
        for m in range(n, max(2, n - 3), -1):  # ``Kowalski`` / ``Kowalskim``: the stem is ``Kowalsk``
            if la[m:] in self.L.endings and lb[m:] in self.L.endings:
                return True
        if self.L.morph:
            ma, mb = self.p.analyze(a), self.p.analyze(b)
            return "person" in ma[1] and "person" in mb[1] and ma[0] == mb[0]
        return False

    def fullest(self, run: tuple[int, int]) -> str:
        """The longest name of the article that ends with the run's last word and holds its words;
        of equal ones the form a nominative is most likely to be (the analyser's, else the shortest)."""
        words = [self.words[k] for k in range(*run)]
        best: list[str] = words
        best_key = self.form_key(list(range(*run)))
        for _, idx in self.article_runs:
            r = [self.words[k] for k in idx]
            if len(r) < len(words) or not self.same_word(r[-1], words[-1]):
                continue
            if not self.L.morph and len(r[-1]) > len(words[-1]):
                continue  # ``Janem Kowalskim`` for ``Kowalski``: a longer ending is an oblique case, not a fuller name
            if not all(any(self.same_word(w, x) for x in r) for w in words):
                continue
            key = self.form_key(idx)
            if key > best_key:
                best, best_key = r, key
        if self.L.morph and not any("nomn" in self.p.analyze(w)[1] for w in best):
            best = [self.nominative(w) for w in best]  # the article only inflects the name: the analyser's nominative
        return " ".join(best)

    def nominative(self, w: str) -> str:
        lemma, flags = self.p.analyze(w)
        if "oblique" in flags and lemma:
            return lemma[:1].upper() + lemma[1:]
        return w

    def form_key(self, idx: list[int]) -> tuple[int, int, int]:
        nom = sum("nomn" in self.morph(k)[1] for k in idx) if self.L.morph else 0
        return len(idx), nom, -sum(len(self.words[k]) for k in idx)

    def last_person(self, before: int, gender: str | None = None) -> str | None:
        """The person a pronoun or a dropped subject at ``before`` points to (see ``nearest_person``);
        where the pronoun or the verb tells a gender (Russian, Ukrainian, Polish) and the name tells
        another, the nearest named person of that gender in the six sentences before."""
        name = self.nearest_person(before)
        if gender is None or name is None or self.gender_of_name(name) in (None, gender):
            return name
        here = self.sent_of_char(before)
        for f in reversed(self.found):
            if f.parts and f.parts[0][0] < before and f.name and f.speaker_kind == "person" \
                    and self.sent_of_char(f.parts[0][0]) >= here - 6 and self.gender_of_name(f.name) == gender:
                return f.name
        for start, idx in reversed(self.article_runs):
            if start < before and len(idx) >= 2 and self.sent_of_char(start) >= here - 6:
                other = self.fullest((idx[0], idx[-1] + 1))
                if self.gender_of_name(other) == gender:
                    return other
        return name

    def nearest_person(self, before: int) -> str | None:
        """The last speaker named in the six sentences before, unless a person of two names is named
        after it in the sentence before; else the last name of two words in the two sentences before."""
        here = self.sent_of_char(before)
        speaker_at = -1
        for start, idx in reversed(self.article_runs):  # a person named in the sentence before, after the last speaker
            if start < before and len(idx) >= 2 and not any(self.is_body(k) for k in idx):
                recent = (start, idx) if self.sent_of_char(start) >= here - 1 else None
                break
        else:
            recent = None
        for f in reversed(self.found):
            if f.parts and f.parts[0][0] < before and f.name and f.speaker_kind == "person":
                if self.sent_of_char(f.parts[0][0]) >= here - 6:
                    speaker_at = f.mention[0] if f.mention else f.parts[0][0]
                    if recent is None or recent[0] < speaker_at or recent[0] < f.parts[-1][1]:
                        return f.name
                break
        if recent is not None and recent[0] > speaker_at:
            return self.fullest((recent[1][0], recent[1][-1] + 1))
        for start, idx in reversed(self.article_runs):
            if start < before and len(idx) >= 2 and not any(self.is_body(k) for k in idx):
                if self.sent_of_char(start) >= here - 2:
                    return self.fullest((idx[0], idx[-1] + 1))
                break
        return None

    def sent_of_char(self, pos: int) -> int:
        k = self.tok_at(pos)
        if k is None:
            return self.sent_of[-1] if self.n else 0
        return self.sent_of[k]

    def speaker(self, rng: tuple[int, int] | None, f: Found, before: int, inv: int | None = None) -> None:
        """Name, kind, role and mention of the speaker phrase (or inverted pronoun); a pronoun or a
        dropped subject is the last person named; a role or body without a name stays a mention."""
        toks = self.toks
        if rng is None:
            if inv is not None:
                f.mention = self.inverted_span(inv)
                w = self.text[f.mention[0]:f.mention[1]]
                if w in self.L.pronouns:
                    f.name = self.last_person(before, self.gender_of_word(w))
                    f.speaker_kind = "person" if f.name else "unknown"
                    f.confidence -= 0.15
            elif self.L.pro_drop and not self.plural_cue(f):
                verb = self.text[f.cue[0]:f.cue[1]].split()[-1] if f.cue else ""
                f.name = self.last_person(before, self.gender_of_word(verb, verb=True))
                f.speaker_kind = "person" if f.name else "unknown"
                f.confidence -= 0.2
            return
        a, b = rng
        f.mention = (toks[a].start, toks[b - 1].end)
        if b - a == 1 and (toks[a].text in self.L.pronouns or self.low(a) in self.L.pronouns):
            f.name = self.last_person(before, self.gender_of_word(toks[a].text))
            f.speaker_kind = "person" if f.name else "unknown"
            f.confidence -= 0.15
            return
        if b - a == 1 and self.low(a) in self.L.plural_pronouns:
            return
        roles = [k for k in range(a, b) if self.is_role(k)]
        if roles:
            f.role = self.words[roles[0]]
        lead = a + 1 if b - a > 1 and (self.low(a) in self.L.skip_preps or self.low(a) in self.L.np_preps) else a
        run = self.name_run(lead, b)  # ``в МЧС``: the body after the preposition is the source
        if run is None and roles and self.definite_role(a, b, roles[0]):
            name = self.role_holder(roles[0], self.toks[a].start)
            if name:
                f.name, f.speaker_kind = name, "person"
                f.confidence -= 0.1
                return
        titled = [k for k in range(a, b) if self.inq[k] >= 0]
        if run is None and titled:  # ``компания «Газпром»``: a name in quotation marks is a body's
            ia, ib = trim(self.text, *self.p.quotes[self.inq[titled[0]]].inner, STRIP)
            f.name = self.text[ia:ib] or None
            f.speaker_kind = "organization"
            return
        if run is None and b - a == 1 and self.words[a][:1].isupper() and self.words[a] not in self.L.no_names \
                and self.low(a) not in self.L.function and not self.is_role(a) and not self.is_body(a):
            run = (a, b)  # ``Tusk powiedział, że …`` at a sentence start: a bare capitalised subject is a name
        if run is None:
            heads = [k for k in range(a, b) if self.is_role(k) or self.is_body(k)]
            if heads and not self.is_role(heads[0]):
                f.speaker_kind = "organization"
            else:
                f.speaker_kind = "unnamed"
            return
        x, y = run
        org = self.inq[x] >= 0 or (x > a and self.low(x - 1) in self.L.determiners and not self.is_role(x - 1)) or self.elided_article(x) \
            or (x > a and self.is_body(x - 1) and self.toks[x - 1].text.islower() and y - x == 1) \
            or (y - x == 1 and self.words[x].isupper()) \
            or any(self.is_body(k) for k in range(x, y)) \
            or (self.L.morph and not any(self.person_word(k) for k in range(x, y)) and "known" in self.morph(x)[1])
        if org:
            if y < b and not self.L.morph and self.toks[y].text[:1].islower() and self.low(y) not in self.L.function \
                    and self.low(y) not in self.L.skip_words and not self.is_role(y):
                y += 1  # ``la Protezione civile``, ``la Commission européenne``
            f.name = self.org_name(x, y)
            if self.L.morph and y - x == 1 and y < b and self.is_body(x) and self.words[x].lower() not in self.L.proper_bodies:
                # ``в Міністерстві охорони здоров'я``: a body's official name, its head in the nominative
                f.name = " ".join([f.name] + [self.words[k] for k in range(y, b)])
            f.speaker_kind = "organization"
            return
        f.name = self.fullest(run)
        f.speaker_kind = "person"
        if roles and roles[0] >= y:
            f.role = None

    def plural_cue(self, f: Found) -> bool:
        """``В Кремле заявили``: a plural verb without a subject is no person's (Russian, Ukrainian)."""
        if not self.L.morph or f.cue is None:
            return False
        last = self.text[f.cue[0]:f.cue[1]].split()[-1]
        return "plur" in self.p.analyze(last)[1]

    def definite_role(self, a: int, b: int, r: int) -> bool:
        """``la ministra``, ``premier``, ``министр``: a role alone (its article definite, no complement)."""
        words = [k for k in range(a, b) if k != r]
        return all(self.low(k) in self.L.determiners and self.low(k) not in self.L.indefinite for k in words) \
            and (bool(words) or not self.L.articles)

    def role_holder(self, r: int, before: int) -> str | None:
        """The person the article named last with the role word at ``r`` (``la alcaldesa Lucía Romero``)."""
        role = self.words[r].lower()
        best = None
        for start, idx in self.article_runs:
            if start >= before:
                break
            k = idx[0] - 1  # the role right before the name, or two lowercase words before it (``министр финансов``)
            while k >= 0 and k > idx[0] - 4 and not self.is_role(k) and self.toks[k].text not in PUNCT \
                    and (self.toks[k].text[:1].islower() or k == idx[0] - 1) and not self.cue_at(k):
                k -= 1  # lowercase words, or one place right before the name (``prezydent Torunia X Y``)
            if k >= 0 and k > idx[0] - 4 and self.is_role(k) and self.same_word(self.words[k].lower(), role):
                best = self.fullest((idx[0], idx[-1] + 1))
        return best

    def org_name(self, x: int, y: int) -> str:
        if self.L.morph and y - x == 1 and not self.words[x].isupper():
            lemma = self.morph(x)[0]
            return lemma[:1].upper() + lemma[1:]
        return " ".join(self.words[k] for k in range(x, y))

    def span(self, a: int, b: int) -> tuple[int, int]:
        if b <= a:
            return (0, 0)
        return trim(self.text, self.toks[a].start, self.toks[b - 1].end, STRIP)
