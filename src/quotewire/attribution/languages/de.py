"""German: direct quotes („…“, »…«, "…") and reported speech, by rules over the language layer.

Frames, sentence by sentence (the words are in data/languages/de.json):

* after the content: ``„…“, sagte X.`` / ``…, so X.`` / ``Die Lage sei ernst, erklärte X.``
* before it: ``X sagte: „…“`` / ``X sagte, (dass) er sei …`` / ``Am Montag erklärte X, …`` /
  ``Wie X mitteilte, …`` (the speaker before or after the cue verb, separable verbs with their
  particle: ``teilte … mit``)
* according to: ``Laut X …``, ``… gemäß X …``, ``Nach Angaben von X …``, ``X zufolge …``
* a quotation standing alone takes the speaker of the quote beside it in the paragraph, and a
  sentence in Konjunktiv (``Er sei …``) right after reported speech continues it.

Speakers are the fullest name the article gives (``Hofers`` -> ``Karla Hofer``, through
HanTa's lemma), pronouns resolved to the last speaker named; a description without a name
(``der Sprecher``) stays in ``speaker.mention`` with ``name`` null.
"""
from __future__ import annotations

from quotewire.attribution.languages.common import Found, kind_of, trim, write_records
from quotewire.attribution.languages.de_colon import Colons
from quotewire.attribution.languages.de_words import _COLON, _COMMA, _MARKS, _STOPS
from quotewire.nlp.languages import Parsed, QuoteMarks, data
from quotewire.records import Article


class German(Colons):
    """The frames over one article; words and phrases come from ``Words`` (de_words.py)."""

    # ----------------------------------------------------------------- sentences

    def said_noun(self, q: QuoteMarks) -> bool:
        """``nannte es einen „Fehlschlag“``: one common noun in quotation marks after a cue is a
        word said, unless a definite article or a preposition makes it a title (``der „Rundschau“``)."""
        a, b = q.inner
        words = self.text[a:b].split()
        if len(words) != 1 or "NN" not in self.p.analyze(words[0].strip(".,!?"))[1]:
            return False
        k = next((j for j in range(self.n) if self.toks[j].start == q.start), None)
        if k is None or k == 0:
            return True
        before = self.toks[k - 1].text
        return before.lower() not in ("der", "die", "das", "des", "dem", "den", "im", "in", "beim", "vom", "zum", "zur", "laut")

    def sentence(self, i: int) -> list[Found]:
        self.extra: list[Found] = []
        f = self.frame(i)
        if f is not None:
            self.split_pair(f)
        out = [f] if f is not None else []
        if f is not None and self.extra:
            out = self.extra + out
        if f is not None and f.parts and f.cue is not None:
            out += self.and_adds(f, *self.p.sentences[i])
        s, e = self.p.sentences[i]
        # ``X bezeichnete es als „…“``: quotations beside a cue verb that took no content
        if not out or (f is not None and f.cue is not None and not f.parts):
            out = self.beside(i, s, e, self.toks[e - 1].end)
        elif f is not None and f.cue is not None and f.parts:
            # ``X nannte es „fahrlässig“ und verwies auf …``: a quotation beside an earlier cue verb
            # than the one the frame took, before its content
            lo = min(f.cue[0], f.parts[0][0])
            out = [g for g in self.beside(i, s, e, lo) if g.cue is not None and g.cue[0] < f.cue[0]] + out
        return out

    def beside(self, i: int, s: int, e: int, stop: int) -> list[Found]:
        """Quotations (ending before char ``stop``) after the first cue verb of the sentence and its
        speaker, or right before it when they open the sentence (``Von einer „…“ sprach X``)."""
        out: list[Found] = []
        for v in range(s, e):
            if self.toks[v].start >= stop:
                break
            hit = self.cue_at(v, e)
            if hit is None:
                continue
            verb, last = hit
            cs = self.clause_start(s, v)
            fronted = v - 1 > cs and self.toks[v - 1].text in _MARKS and self.inq[v - 2] >= 0 and (
                self.text[self.toks[cs].start:self.p.quotes[self.inq[v - 2]].start].strip().lower().split()[:1]
                in (["als"], ["von"]))
            if fronted:
                np = self.np_verb(v, last, e)  # ``Als „großen Erfolg“ feierte X …``: the subject after the verb
            else:
                np = self.np_before(cs, v) if self.subject_first(cs, v, last + 1) else self.np_verb(v, last, e)
            if np is None:
                break
            for q in self.p.quotes:
                words = self.text[q.inner[0]:q.inner[1]].split()
                if all(w[:1].isupper() or not w[:1].isalpha() for w in words) and not self.said_noun(q):
                    continue  # a name or a title in quotation marks (``„Morning Edition“``), not words said
                if q.end > stop:
                    continue
                inside = self.toks[s].start <= q.start and q.end <= self.toks[e - 1].end
                if inside and (fronted and q.end == self.toks[v - 1].end or q.start > self.toks[np[1] - 1].end - 1
                               and q.start > self.toks[v].start):
                    g = Found(parts=[trim(self.text, *q.inner, strip=" ")], cue=(self.toks[v].start, self.toks[last].end),
                              mention=None, sentence=i, confidence=0.6, act=verb.get("act", "statement"), kind="direct")
                    if g.parts[0][1] > g.parts[0][0]:
                        self.speaker(np, g, self.toks[v].start)
                        out.append(g)
            break
        return out

    def frame(self, i: int) -> Found | None:
        s, e = self.p.sentences[i]
        toks, L = self.toks, self.L
        end = e
        while end > s and toks[end - 1].text in _STOPS:
            end -= 1
        deferred: Found | None = None  # a whole sentence as report, if no frame below takes it
        # 0. ``Mit den Worten „…“ meldete sich X zurück`` / ``X verabschiedete sich mit den Worten: „…“``
        f0 = self.with_words(i, s, e)
        if f0 is not None:
            return f0
        # 1. a cue verb: before or after its content
        for v in range(s, e):
            hit = self.cue_at(v, e)
            if hit is None:
                continue
            verb, last = hit
            if last + 1 < e and toks[last + 1].text == ")":
                continue  # ``(Agentur berichtete)``: a note in brackets, not a report
            f = Found(parts=[], cue=(toks[v].start, toks[last].end), mention=None, act=verb.get("act", "statement"),
                      sentence=i, confidence=0.8)
            so_verb = v - 1 > s and toks[v - 1].text.lower() == "so" and toks[v - 2].text == _COMMA  # ``„…“, so sagte X``
            cut = v - 1 if v > s and toks[v - 1].text == _COMMA else v - 2
            closed = self.closes_long_quote(v - 1)  # ``„…?“ fragte X.`` / ``„…“ erklärte X.``: no comma after the mark
            if closed:
                cut = v
            postposed = (v > s and toks[v - 1].text == _COMMA or (v > s and toks[v - 1].text in _MARKS and v - 1 > s
                                                                  and toks[v - 2].text == _COMMA) or closed or so_verb) \
                and self.has_verb(self.clause_start(s, cut), cut)
            if postposed and self.relative_before(s, v):
                postposed = False  # ``Der Sender, der … ist, begründete es damit, …``: the subject before the verb
            if postposed and not verb.get("impersonal") and self.np_verb(v, last, e) is None:
                postposed = False  # ``X, der …, sagte zur Begründung, …``: no speaker after the verb, so before it
            if postposed:
                # ``…, sagte X.`` or ``…, sagte X, …`` (``…, heißt es in X.``)
                k0 = last + 1 if last > v else v + 1
                if verb.get("impersonal") and k0 < e and toks[k0].text == "es":
                    k0 += 1
                    if k0 < e and toks[k0].text in L.impersonal_preps:
                        k0 += 1
                np = self.np_after(k0, e) if verb.get("impersonal") else self.np_verb(v, last, e)
                if np is not None and verb.get("speaker_is_object"):
                    # ``„…“, zitierte man X`` / ``„…“, zitiert die „Zeitung“ X``: the one quoted is the object
                    obj = self.np_after(np[1], e)
                    if obj is not None and self.name_run(*obj) is not None:
                        np = obj
                after = max(np[1], last + 1) if np else last + 1
                colon = None  # ``Nachdem …, entgegnete X empört: …`` / ``Da …, warnte X die Politik in einem Brief: „…“``
                for j in range(after, end - 1):  # (not over another verb: ``„A“, sagte X und ergänzte: „B“``)
                    if self.inq[j] >= 0 or toks[j].text in _MARKS or self.is_finite(j):
                        break
                    if toks[j].text == _COLON and (j < after + 3 or toks[j + 1].text in _MARKS):
                        colon = j
                        break
                before = self.content(self.clause_start(s, cut), cut)
                if colon is not None and colon + 1 < end:
                    f.parts = self.content(colon + 1, end)  # ``Nachdem …, entgegnete X empört: „…“``
                elif after < end and toks[after].text == _COMMA and self.subordinate_follows(after + 1, end) \
                        and not (before and kind_of(self.p, before) == "direct"):
                    f.parts = self.content(after + 1, end)  # ``Danach sagte X, …``: content after
                else:
                    f.parts = before
                    tail = self.quote_after(after, end)
                    if tail and f.parts and kind_of(self.p, f.parts) == "direct":
                        f.parts.append(tail)
                if np:
                    self.speaker(np, f, toks[v].start)
                elif not f.parts:
                    continue
            else:
                stop = self.next_break(last + 1, e)
                if stop is None:
                    g = self.trailing_as(i, s, v, last, end, verb)
                    if g is not None:
                        return g
                    if deferred is None:
                        deferred = self.reported(i, s, e, v, last, verb)
                    continue
                if self.colon_cue(stop + 1, end):
                    continue  # ``X wies das zurück, Y erklärte: „…“``: the later cue frames the quotation
                cs = self.and_clause(self.clause_start(s, v), v)
                if v - 1 > cs and toks[v - 1].text == _COMMA:
                    cs = max(cs, self.comma_clause(s, v))
                if verb.get("impersonal"):  # ``In dem Bericht heißt es, …``
                    np = self.np_after(cs + 1, v) if cs < v and toks[cs].text.lower() in L.impersonal_preps else None
                    k1 = v + 1 + (v + 1 < stop and toks[v + 1].text == "es")
                    if np is None and k1 + 1 < stop and toks[k1].text in L.impersonal_preps:
                        np = self.np_after(k1 + 1, stop)  # ``Dazu heißt es in dem Brief wörtlich: …``
                elif self.subject_first(cs, v, last + 1):
                    np = self.named_after(self.np_before(cs, v), v, last, stop)
                else:
                    np = self.np_verb(v, last, stop)
                    if np is not None and np[1] == stop and toks[stop].text == _COMMA:
                        stop = self.apposition_colon(stop, end)  # ``So sagte X, Sprecher von Y: „…“``
                if np is None and v - 1 > cs and toks[v - 1].text == "und":
                    np = self.shared_subject(cs, v - 1)  # ``Als …, biss der Mann den Gast und rief: „…“``
                elif np is None and self.tag(v) == "VV(PP)":
                    aux = next((j for j in range(v - 1, cs, -1) if self.is_finite(j) and self.inq[j] < 0
                                or toks[j].text in (_COMMA, _COLON)), None)
                    if aux is not None and aux + 1 < v and self.tag(aux).startswith("VA"):  # ``Da …, hat X entschieden, dass …``
                        np = self.np_after(aux + 1, v)
                        np = np if np is not None and self.speakerlike(np) else None
                f.parts = self.content(stop + 1, end)
                if not f.parts:
                    continue
                if np is None and not verb.get("impersonal"):
                    continue
                if np is not None:
                    self.speaker(np, f, toks[v].start)
                self.second_cue(f, i, stop + 1, end)
            if not f.parts or not self.text[f.parts[0][0]:f.parts[-1][1]].strip():
                continue
            f.kind = kind_of(self.p, f.parts)
            if f.kind == "mixed" and last == v and verb.get("particle") and toks[s].text.lower() == verb["particle"] \
                    and self.inq[v - 2] >= 0 and f.parts[0][0] == toks[s].start:
                q = self.p.quotes[self.inq[v - 2]]  # ``Von einer „…“ sprach X``: the quotation after the preposition
                f.parts, f.kind = [trim(self.text, *q.inner, strip=" ")], "direct"
            if f.kind != "direct":
                self.colon_quotation(f)
            if f.kind == "direct":
                f.confidence += 0.1
            return f
        known = self.became_known(i, s, end)  # ``Später wurde bekannt, dass …``: a report without a speaker
        if known is not None:
            return known
        # 1b. ``„…“, strich X heraus``: any finite verb right after a quotation that opens the sentence
        if toks[s].text in _MARKS and self.inq[s + 1 if s + 1 < e else s] >= 0:
            q = self.p.quotes[self.inq[s + 1]]
            k = s
            while k < e and toks[k].start < q.end:
                k += 1
            if k + 2 < e and toks[k].text == _COMMA and self.is_finite(k + 1) and self.long_quote(self.inq[s + 1]):
                j = k + 2 + (toks[k + 2].text == "sich")
                np = self.np_after(j, e)
                if np is not None and (self.name_run(*np) or toks[np[0]].text in L.pronouns):
                    f = Found(parts=[trim(self.text, *q.inner, strip=" ")], cue=(toks[k + 1].start, toks[k + 1].end),
                              mention=None, sentence=i, confidence=0.7, kind="direct")
                    tail = self.quote_after(np[1], end)
                    if tail:
                        f.parts.append(tail)
                    self.speaker(np, f, toks[k + 1].start)
                    return f
        # 2. according to X
        fr = data("de")["frames"]
        for k in range(s, e):
            if self.inq[k] >= 0:
                continue
            w = toks[k].text.lower()
            if w in fr["according_to_anaphor"] and k == s and k + 2 < end and self.is_finite(k + 1):
                return self.anaphor(i, s, end)  # ``Demnach steht X fest.``: the source is the sentence before's
            if w in fr["according_to_relative"] and k > s and toks[k - 1].text == _COMMA and k + 1 < end:
                j = k - 1  # ``Ein Bericht, wonach X festgenommen worden sei, …`` / ``der Zeitung „Rundschau“, wonach …``
                if j - 1 > s and toks[j - 1].text in _MARKS and self.inq[j - 2] >= 0:
                    j -= 1
                    while j > s and (self.inq[j - 1] >= 0 or toks[j - 1].text in _MARKS):
                        j -= 1
                back = self.np_back(s, j)
                np = (back[0], k - 1) if back is not None else None
                if np is not None and any(toks[m].text[:1].isupper() and "NN" in self.tag(m) or self.namelike(m)
                                          for m in range(*np)):
                    b = next((j for j in range(k + 2, end) if toks[j].text == _COMMA and j + 1 < end
                              and self.is_finite(j + 1)), end)
                    f = Found(parts=[self.span(k + 1, b)], cue=(toks[k].start, toks[k].end), mention=None, sentence=i,
                              confidence=0.6)
                    self.speaker(np, f, toks[k].start)
                    f.kind = kind_of(self.p, f.parts)
                    return f
            if w in L.laut and k + 1 < e:
                np = self.np_after(k + 1, e)
                if np is None:
                    continue
                return self.according(i, s, end, k, np, (toks[k].start, toks[k].end))
            if w == "nach" and k + 1 < e:
                np = self.nach_phrase(k + 1, e)
                if np is None:
                    continue
                return self.according(i, s, end, k, np, (toks[k].start, toks[k].end))
            if w in L.zufolge and k > s:
                np = self.np_back(s, k)
                if np is None:
                    continue
                return self.according(i, s, end, np[0], np, (toks[k].start, toks[k].end), k + 1)
            if w == "so" and k > s and (toks[k - 1].text == _COMMA or self.closes_long_quote(k - 1)) and k + 1 < e:
                np = self.np_after(k + 1, e)
                if np is None or np[1] < end and toks[np[1]].text not in (_COMMA, _COLON) and toks[np[1]].text not in _MARKS \
                        and not self.adjunct(np[1]):
                    continue  # ``…, so X.`` / ``…, so X zu …`` / ``…, so X gegenüber …`` / ``…, so X wörtlich.``
                f = Found(parts=self.content(self.clause_start(s, k - 1), k - (toks[k - 1].text == _COMMA)), cue=(toks[k].start, toks[k].end),
                          mention=None, sentence=i, confidence=0.8)
                if not f.parts:
                    continue
                tail = self.quote_after(np[1], end)
                colon = next((j for j in range(np[1], min(end - 1, np[1] + 3)) if toks[j].text == _COLON
                              and toks[j + 1].text in _MARKS and self.inq[j] < 0), None)
                if colon is not None and colon + 2 < e and self.inq[colon + 2] >= 0 and self.long_quote(self.inq[colon + 2]):
                    # ``Das habe Methode, so X weiter: „…“``: the words before and the quotation after, two quotes
                    g = Found(parts=f.parts, cue=f.cue, mention=None, sentence=i, confidence=0.7)
                    self.speaker(np, g, toks[k].start)
                    g.kind = kind_of(self.p, g.parts)
                    self.extra.append(g)
                    f.parts = [trim(self.text, *self.p.quotes[self.inq[colon + 2]].inner, strip=" ")]
                elif tail and kind_of(self.p, f.parts) == "direct" and (np[1] >= end or toks[np[1]].text not in _MARKS):
                    f.parts.append(tail)  # ``„A“, so X, „B“``; not a title after the phrase (``so X der „Zeitung“``)
                elif not tail and np[1] + 1 < end and toks[np[1]].text == _COMMA and kind_of(self.p, f.parts) != "direct":
                    rest = self.span(np[1] + 1, end)  # ``Die Lage, so der Minister, sei ernst.``: the frame inside
                    if rest[1] > rest[0]:
                        f.parts.append(rest)
                self.speaker(np, f, toks[k].start)
                f.kind = kind_of(self.p, f.parts)
                return f
        # 3. ``X: „…“`` and ``X nennt es …: „…“``: a quotation after a colon is the clause subject's
        for k in range(s + 1, e - 1):
            if toks[k].text == _COLON and toks[k + 1].text in _MARKS and self.inq[k] < 0 and self.inq[k + 2 if k + 2 < e else k] >= 0:
                qi = self.inq[k + 2]
                if not self.long_quote(qi):
                    continue
                cs = self.clause_start(s, k)
                fv0 = next((j for j in range(cs, k) if self.is_finite(j)), None)
                if self.subject_first(cs, k) and self.speakerlike(self.np_before(cs, k)):
                    np = self.np_before(cs, k) if fv0 is None else self.named_after(self.np_before(cs, k), fv0, fv0, k)
                else:
                    fv = next((j for j in range(cs, k) if self.is_finite(j)), None)
                    np = self.np_after(fv + 1, k) if fv is not None else None
                    if np is None or self.name_run(*np) is None:
                        np = self.name_run(cs, k) or np
                if not self.speakerlike(np):
                    return deferred
                assert np is not None
                f = Found(parts=self.content(k + 1, end), cue=None, mention=None, sentence=i, confidence=0.65)
                if f.parts:
                    self.speaker(np, f, toks[k].start)
                    f.kind = kind_of(self.p, f.parts)
                    return f
        return deferred

    def with_words(self, i: int, s: int, e: int) -> Found | None:
        """A quotation right after ``mit den Worten`` (a colon between or not) is the words of the
        clause's subject: before its finite verb, or after it when the frame opens the sentence."""
        toks = self.toks
        for frame in data("de")["frames"]["with_words"]:
            n = len(frame)
            for k in range(s, e - n):
                if [t.text.lower() for t in toks[k:k + n]] != [w.lower() for w in frame] or self.inq[k] >= 0:
                    continue
                j = k + n + (toks[k + n].text == _COLON)
                if j + 1 < e and toks[j].text in _MARKS and self.inq[j + 1] >= 0:
                    q = self.p.quotes[self.inq[j + 1]]
                elif k - 2 >= s and toks[k - 1].text == _COMMA and self.closes_long_quote(k - 2):
                    q = next(q for q in self.p.quotes if q.end == toks[k - 2].end)  # ``„…“, mit diesen Worten …``
                else:
                    continue
                fv = next((m for m in range(s, e) if self.inq[m] < 0 and not (k <= m < k + n) and self.is_finite(m)), None)
                if fv is None:
                    return None
                if s < fv < k and self.subject_first(s, fv):
                    np = self.np_before(s, fv)
                else:
                    np = self.np_after(fv + 1 + (fv + 1 < e and toks[fv + 1].text == "sich"), e)
                if not self.speakerlike(np):
                    return None
                assert np is not None
                f = Found(parts=[trim(self.text, *q.inner, strip=" ")], cue=(toks[k].start, toks[k + n - 1].end),
                          mention=None, sentence=i, confidence=0.7, kind="direct")
                self.speaker(np, f, toks[k].start)
                return f
        return None

    def reported(self, i: int, s: int, e: int, v: int, last: int, verb: dict) -> Found | None:  # type: ignore[type-arg]
        """``X forderte neue Regeln.`` (the sentence is the report) and ``Dies bestätigte X.``
        (the sentence before is its content)."""
        toks = self.toks
        cs = self.clause_start(s, v)
        anaphor = cs == v - 1 and toks[cs].text in data("de")["frames"]["anaphoric_content"]
        if any(self.inq[k] >= 0 and (not anaphor or self.long_quote(self.inq[k])) for k in range(s, e)) or verb.get("impersonal"):
            return None
        if anaphor:
            np = self.np_verb(v, last, e)  # ``Dies gab die Stadt bekannt.`` / ``Das teilte X mit.``
            if np is None or i == 0 or self.paragraph_of(i - 1) != self.paragraph_of(i):
                return None
            ps, pe = self.p.sentences[i - 1]
            parts = [self.span(ps, pe)]
            if any(self.inq[k] >= 0 and self.long_quote(self.inq[k]) for k in range(ps, pe)):
                return None  # (a title in quotation marks is no quotation of its own)
        else:
            if toks[cs].text.lower() in self.L.focus:
                return None  # (``Auch X lehnte den Plan ab.``: an aside to a report, not one)
            if self.subject_first(cs, v, last + 1):
                np = self.np_before(cs, v)
            elif cs < v and not self.relative_before(cs, v) and toks[cs].text.lower() not in self.L.sub_starts:
                np = self.np_verb(v, last, e)  # ``Seit Jahren fordert der Verband eine neue Brücke.``
                if np is not None and (toks[np[0]].text in self.L.pronouns or toks[np[0]].text in ("dem", "den", "einem", "einen")
                                       or toks[v + 1].text in ("ihn", "ihm", "ihnen")):
                    return None  # (``drohen dem Politiker …``, ``verurteilte ihn ein Gericht``: not a report)
            else:
                return None
            if np is None or toks[np[0]].text in self.L.impersonal_pronouns or not self.sourcelike(*np):
                return None
            parts = [self.span(s, e)]
        f = Found(parts=parts, cue=(toks[v].start, toks[last].end), mention=None, sentence=i, confidence=0.55,
                  act=verb.get("act", "statement"))
        self.speaker(np, f, toks[v].start)
        return f

    def shared_subject(self, cs: int, u: int) -> tuple[int, int] | None:
        """The subject of the finite verb of the main clause before ``und`` at ``u`` (the clause after
        a comma that closes a subordinate clause, else from ``cs``)."""
        fv = next((j for j in range(u - 1, cs - 1, -1) if self.inq[j] < 0 and self.is_finite(j)
                   and (j == cs or self.toks[j - 1].text == _COMMA or not self.subject_first(cs, j))), None)
        if fv is None:
            return None
        seg = fv if fv > cs and self.toks[fv - 1].text == _COMMA else cs
        if seg < fv and self.subject_first(seg, fv):
            return self.np_before(seg, fv)
        np = self.np_after(fv + 1, u)
        return np if np is not None and self.speakerlike(np) else None

    def became_known(self, i: int, s: int, end: int) -> Found | None:
        """``Inzwischen wurde bekannt, dass …`` / ``…, nachdem bekannt geworden war, dass …``: the ``dass``
        clause is reported, with no speaker."""
        toks, bk = self.toks, data("de")["frames"]["became_known"]
        for k in range(s, end - 2):
            if toks[k].text != bk["word"] or self.inq[k] >= 0:
                continue
            aux = {toks[j].text for j in range(max(s, k - 3), min(end, k + 3))}
            c = next((j for j in range(k + 1, min(end - 1, k + 4)) if toks[j].text in (_COMMA, _COLON)), None)
            if not aux & set(bk["auxiliaries"]) or c is None or toks[c + 1].text not in self.L.subordinators:
                continue
            b = next((j for j in range(c + 2, end) if toks[j].text == _COMMA and j + 1 < end and self.is_finite(j + 1)), end)
            f = Found(parts=self.content(c + 1, b), cue=(toks[k].start, toks[k].end), mention=None, sentence=i,
                      confidence=0.5)
            if not f.parts:
                return None
            f.speaker_kind = "unknown"
            f.kind = kind_of(self.p, f.parts)
            return f
        return None

    def relative_before(self, s: int, v: int) -> bool:
        """``X, der …, sagte``: the words before the cue verb's comma are a phrase and a relative
        clause that ends in its verb."""
        toks = self.toks
        if v - 2 <= s or toks[v - 1].text != _COMMA or not self.is_finite(v - 2):
            return False
        for c in range(s + 1, v - 2):
            if self.inq[c] >= 0 or self.is_finite(c) or toks[c].text in _MARKS:
                return False
            if toks[c].text == _COMMA:  # (not ``Wie X, der …, mitteilte, …``: a subordinate clause)
                return toks[c + 1].text in data("de")["relative_pronouns"] and toks[s].text.lower() not in self.L.sub_starts
        return False

    def trailing_as(self, i: int, s: int, v: int, last: int, end: int, verb: dict) -> Found | None:  # type: ignore[type-arg]
        """``…, wie die Agentur X berichtete.``: the sentence before the ``wie`` clause that ends it is
        the content, the phrase after ``wie`` the speaker."""
        toks = self.toks
        if last + 1 < end or verb.get("impersonal"):
            return None
        c = next((j for j in range(v - 1, s, -1) if toks[j].text in (_COMMA, _COLON) or self.inq[j] >= 0), None)
        if c is None or toks[c].text != _COMMA or toks[c + 1].text != data("de")["frames"]["as_cue"] or c + 2 >= v:
            return None
        np = self.np_after(c + 2, v)
        if np is None or not self.sourcelike(*np) or any(self.is_finite(j) for j in range(c + 2, v)):
            return None
        f = Found(parts=self.content(s, c), cue=(toks[v].start, toks[last].end), mention=None, sentence=i,
                  confidence=0.7, act=verb.get("act", "statement"))
        if not f.parts:
            return None
        self.speaker(np, f, toks[v].start)
        f.kind = kind_of(self.p, f.parts)
        return f

    def closes_long_quote(self, k: int) -> bool:
        """Is token ``k`` the closing mark of a quotation of four words or more?"""
        if k < 0 or self.toks[k].text not in _MARKS:
            return False
        return any(q.end == self.toks[k].end and self.long_quote(qi) for qi, q in enumerate(self.p.quotes))

    def colon_cue(self, a: int, b: int) -> bool:
        """Is there a cue verb in tokens a..b-1 right before a colon and a quotation, or one that opens
        the words after ``a`` (``…: So sagte X, …: „…“``) before such a colon?"""
        for k in range(a + 1, b):
            if self.toks[k].text == _COLON and k + 1 < b and self.toks[k + 1].text in _MARKS and self.inq[k] < 0:
                if self.cue_at(k - 1, b) is not None:
                    return True
                if k - a > 24 or any(self.inq[j] >= 0 for j in range(a, k)):
                    continue
                opens = [a, a + 1] + [c + d for c in range(a, k) if self.toks[c].text == _COLON for d in (1, 2)]
                if any(j < k and self.cue_at(j, b) is not None for j in opens):
                    return True  # (``…, scharf: So sagte X, …: „…“``: a clause after another colon)
        return False

    def apposition_colon(self, c: int, end: int) -> int:
        """After ``sagte X,`` at comma ``c``: the colon that ends an apposition (``, Sprecher von Y:``)
        right before a quotation (no verb nor quotation between), else ``c``."""
        for j in range(c + 1, min(end - 1, c + 9)):
            t = self.toks[j].text
            if self.inq[j] >= 0 or t in _MARKS or t in _STOPS or t == _COMMA or self.is_finite(j):
                return c
            if t == _COLON:
                return j if self.toks[j + 1].text in _MARKS and j > c + 1 else c
        return c

    def and_clause(self, cs: int, v: int) -> int:
        """``Die Menge rief …, und der Unternehmer X rief aus: …``: the clause of the verb at ``v`` starts
        after an ``und`` whose words up to the verb are a subject (no verb, no comma), when the words
        before it hold a finite verb of their own."""
        for k in range(v - 1, cs, -1):
            t = self.toks[k].text
            if t in (_COMMA, _COLON) or t in _STOPS or self.is_finite(k) or (t == "und" and k == v - 1):
                return cs
            if t == "und" and self.inq[k] < 0:
                nxt = self.toks[k + 1].text
                if (nxt in self.L.determiners or self.namelike(k + 1)) and not self.toks[k - 1].text.endswith("-") \
                        and any(self.inq[j] < 0 and self.is_finite(j) for j in range(cs, k)) \
                        and not any(self.toks[j].text in self.L.subordinators for j in range(cs, k)):
                    return k + 1  # (not ``die Luft- und Seefahrt``, nor inside a ``dass`` clause)
                return cs
        return cs

    def adjunct(self, k: int) -> bool:
        """Does token ``k`` open an adjunct after a speaker phrase (a preposition, ``zu``, an adverb)?"""
        tag = self.tag(k)
        return self.toks[k].text[:1].islower() and self.inq[k] < 0 and (
            tag.startswith(("APPR", "ADJ(D)", "ADV", "PTKZU")) or self.toks[k].text in self.L.np_stops)

    def has_verb(self, a: int, b: int) -> bool:
        """Is tokens a..b-1 a clause or a quotation (not an apposition: ``X, Chef von Y, sagte``)?"""
        return any(self.inq[k] >= 0 or self.toks[k].text in _MARKS or self.is_finite(k) for k in range(a, b))

    def subordinate_follows(self, k: int, end: int) -> bool:
        """After ``sagte X,``: a reported clause (``dass``, a Konjunktiv verb soon, or a quotation)."""
        if k >= end:
            return False
        if self.toks[k].text in self.L.subordinators or self.toks[k].text in _MARKS:
            return True
        return any(self.toks[j].text in self.L.subjunctive for j in range(k, min(end, k + 6)))

    def clause_start(self, s: int, v: int) -> int:
        """Where the clause of the verb at ``v`` starts: after a colon or a closing quotation before it."""
        k = v - 1
        while k >= s:
            t = self.toks[k].text
            if t in (_COLON, ";") and self.inq[k] < 0:
                return k + 1
            k -= 1
        return s

    def next_break(self, k: int, e: int) -> int | None:
        """The comma or colon that opens the content after a cue (within a few words)."""
        depth = 0
        for j in range(k, min(e, k + 14)):
            t = self.toks[j].text
            if self.inq[j] >= 0:
                if not self.long_quote(self.inq[j]) and self.text[self.p.quotes[self.inq[j]].inner[0]].isupper():
                    continue  # ``sagte der „Berliner Zeitung“, …``: a title on the way to the comma
                return None
            if t == "(":
                depth += 1
            elif t == ")":
                depth -= 1
            elif depth <= 0 and t in (_COMMA, _COLON):
                return j
            elif t in _STOPS:
                return None
        return None

    def quote_after(self, k: int, end: int) -> tuple[int, int] | None:
        """``„A“, sagte X, „B“``: the second piece of an interrupted quotation."""
        if k < end and self.toks[k].text == _COMMA:
            k += 1
        if k < end and self.toks[k].text in _MARKS:
            for q in self.p.quotes:
                if q.start == self.toks[k].start:
                    return trim(self.text, *q.inner, strip=" ")
        return None

    def nach_phrase(self, k: int, e: int) -> tuple[int, int] | None:
        """``nach (eigenen) Angaben (von X | der X)``, ``nach Polizeiangaben``."""
        j = k
        while j < e and j - k < 3 and self.toks[j].text[:1].islower() and self.inq[j] < 0:
            j += 1
        if j >= e or not self.L.nach_nouns.search(self.toks[j].text.lower()):
            return None
        end = j + 1
        while end < e and self.namelike(end):  # ``nach Angaben Hofers``
            end += 1
        if end == j + 1 and end < e and self.toks[end].text in ("von", "der", "des", "aus"):
            rest = self.np_after(end + 1, e)
            if rest:
                end = rest[1]
        return k, end

    def np_back(self, s: int, k: int) -> tuple[int, int] | None:
        """The phrase before ``zufolge``: back over nouns, names, articles and adjectives."""
        j = k
        while j > s:
            t = self.toks[j - 1].text
            if t in (_COMMA, _COLON) or t in _STOPS or t in _MARKS or self.inq[j - 1] >= 0:
                break
            tag = self.tag(j - 1)
            if t[:1].islower() and not (t in self.L.determiners or "ADJ" in tag or t in self.L.particles):
                break
            j -= 1
            if k - j > 10:
                break
        return (j, k) if j < k else None

    def according(self, i: int, s: int, end: int, a: int, np: tuple[int, int], cue: tuple[int, int],
                  b: int | None = None) -> Found:
        """Content = the sentence without the frame (tokens ``a`` to ``b``, or to the phrase's end)."""
        b = np[1] if b is None else b
        parts = []
        ra = self.span(s, a)
        if a > s and ra[1] > ra[0]:
            parts.append(ra)
        rb = self.span(b, end)
        if rb[1] > rb[0]:
            parts.append(rb)
        f = Found(parts=parts, cue=cue, mention=None, sentence=i, confidence=0.75)
        self.speaker(np, f, cue[0])
        f.kind = kind_of(self.p, parts) if parts else "indirect"
        return f

    # ----------------------------------------------------------------- the article

    def run(self) -> list[Found]:
        self.found: list[Found] = []
        sents = self.p.sentences
        by_sentence: dict[int, Found] = {}
        for i in range(len(sents)):
            fs = [f for f in self.sentence(i) if f.parts]
            if fs:
                by_sentence[i] = fs[-1]
                self.found.extend(fs)
        # standalone quotations and Konjunktiv continuations take a neighbour's speaker
        for i, (s, e) in enumerate(sents):
            if i in by_sentence:
                continue
            qs = [qi for qi in {self.inq[k] for k in range(s, e)} if qi >= 0]
            alone = self.standalone(s, e)
            framed = self.after_colon(s, e) if alone is None else None
            if framed is not None:
                alone = framed  # ``Seine Zuversicht gründet sich auf …: „…“``: no speaker in the frame, the neighbour's
            if alone is not None and self.long_quote(alone):
                src = self.neighbour(by_sentence, i, next_first=framed is None) or (self.subject_before(i) if framed is None else None)
                if src is None:
                    continue
                q = self.p.quotes[alone]
                f = Found(parts=[trim(self.text, *q.inner, strip=" ")], cue=None, mention=None, name=src.name,
                          speaker_kind=src.speaker_kind, role=src.role, sentence=i, confidence=0.6,
                          act=src.act, kind="direct")
                if src.name is None and src.mention is not None:
                    f.mention = src.mention  # ``Der Sprecher sagte: „…“ … „…“``: the same unnamed speaker
                by_sentence[i] = f
                self.found.append(f)
                continue
            if self.subjunctive(s, e) and not qs or (self.subjunctive(s, e) and qs):
                src = self.neighbour(by_sentence, i, next_first=False, strict=True)
                if src is None:
                    continue
                if src.cue is None and src.sentence == i - 1 and src.kind != "direct" and len(src.parts) == 1:
                    # a run of Konjunktiv sentences is one report: the continuation grows the one before
                    src.parts = [(src.parts[0][0], self.span(s, e)[1])]
                    src.kind = kind_of(self.p, src.parts)
                    src.sentence = i
                    by_sentence[i] = src
                    continue
                f = Found(parts=[self.span(s, e)], cue=None, mention=None, name=src.name,
                          speaker_kind=src.speaker_kind, role=src.role, sentence=i, confidence=0.5, act=src.act)
                if src.name is None and src.mention is not None:
                    f.mention = src.mention
                f.kind = kind_of(self.p, f.parts)
                by_sentence[i] = f
                self.found.append(f)
        return self.found

    def subject_before(self, i: int) -> Found | None:
        """``Die Partei will X. „…“``: a quotation after a sentence is its subject's, when that is a
        name or a body, in the same paragraph."""
        if i == 0 or self.paragraph_of(i - 1) != self.paragraph_of(i):
            return None
        s, e = self.p.sentences[i - 1]
        fv = next((k for k in range(s, e) if self.is_finite(k)), None)
        if fv is not None:
            s = self.clause_start(s, fv)  # ``Bildung: Die Partei will …``: the clause after a heading
        if fv is None or fv == s or not self.subject_first(s, fv):
            return None
        np = self.np_before(s, fv)
        if np is None or not self.sourcelike(*np):
            return None
        f = Found(parts=[(0, 0)], cue=None, mention=None)
        self.speaker(np, f, self.toks[s].start)
        f.mention = None
        return f if f.name else None

    def standalone(self, s: int, e: int) -> int | None:
        """The quotation a sentence consists of (nothing but marks and stops around it), or None."""
        a, b = self.span(s, e)
        k = s
        while k < e and k - s < 3 and self.inq[k] < 0 and self.toks[k].text not in _MARKS \
                and self.p.analyze(self.toks[k].text.lower())[1] in ("KON", "ADV"):
            k += 1
        if s < k < e - 1 and self.toks[k].text == _COLON and self.toks[k + 1].text in _MARKS:
            a = self.toks[k + 1].start  # ``Und: „…“`` / ``Und weiter: „…“``: a connective before the quotation
        for qi, q in enumerate(self.p.quotes):
            if q.start >= a - 1 and q.end <= b + 1 and not self.text[a:q.start].strip() \
                    and not self.text[q.end:b].strip(" .!?"):
                return qi
        return None

    def subjunctive(self, s: int, e: int) -> bool:
        toks = self.toks
        for k in range(s, e):
            if self.inq[k] >= 0:
                continue
            w = toks[k].text
            if w in self.L.subjunctive or self.konjunktiv_one(w):
                prev = toks[k - 1].text.lower() if k > s else ""
                if prev in self.L.first_person or w in ("werden", "haben") and prev not in ("sie",):
                    continue
                return True
        return False

    def konjunktiv_one(self, w: str) -> bool:
        """A third-person Konjunktiv I form by its lemma: stem + ``e`` (``rate`` of ``raten``,
        ``handele`` of ``handeln``); the first person looks the same and is ruled out by the caller."""
        if not w[:1].islower() or not w.endswith("e") or len(w) < 4:
            return False
        lemma, tag = self.p.analyze(w)
        if not tag.startswith(("VV", "VA", "VM")):
            return False
        return (lemma.endswith("en") and w == lemma[:-2] + "e") or (lemma.endswith(("eln", "ern")) and w == lemma[:-1] + "e")

    def neighbour(self, by_sentence: dict[int, Found], i: int, *, next_first: bool, strict: bool = False) -> Found | None:
        """The attribution of the sentence before (or, for a quotation, the one right after) in the
        same paragraph, or the last of the paragraph before."""
        para = self.paragraph_of(i)
        order = [i + 1, i - 1] if next_first else [i - 1]
        for j in order:
            f = by_sentence.get(j)
            if f is not None and self.paragraph_of(j) == para:
                if j == i + 1 and not (f.kind == "direct" and f.cue is not None):
                    continue
                return f
        if not strict:
            for j in range(i - 1, max(-1, i - 4), -1):
                f = by_sentence.get(j)
                if f is not None and (f.name or f.mention):
                    return f
        elif i - 1 >= 0 and (f := by_sentence.get(i - 1)) is not None and self.paragraph_of(i - 1) == para - 1 \
                and f.kind != "direct":
            return f
        return None


def attribute(article: Article, parsed: Parsed) -> Article:
    found = German(article, parsed).run()
    return write_records(article, parsed, found)

