"""German frames without a cue verb before or after a quotation, for attribution/languages/de.py:
according to X (``laut X``, ``X zufolge``, ``nach Angaben von X``, ``so X``, ``wonach``, ``Demnach``),
``mit den Worten „…“``, the whole sentence as a report (``X forderte …``, ``Dies bestätigte X.``),
``wurde bekannt, dass …``, ``…, wie X berichtete.``, any finite verb after an opening quotation, and
a quotation after a colon that is the clause subject's."""
from __future__ import annotations

from quotewire.attribution.languages.common import Found, kind_of, trim
from quotewire.attribution.languages.de_clauses import Clauses
from quotewire.attribution.languages.de_words import _COLON, _COMMA, _MARKS, _STOPS, cue_lemmas
from quotewire.nlp.languages import data


class Reports(Clauses):
    """Frames that report without a cue verb framing the quotation, and whole-sentence reports."""

    def verb_after_quote(self, i: int, s: int, e: int, end: int) -> Found | None:
        """``„…“, strich X heraus``: any finite verb right after a quotation that opens the sentence."""
        toks, L = self.toks, self.L
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
        return None

    def according_to(self, i: int, s: int, e: int, end: int) -> Found | None:
        """``Laut X …``, ``X zufolge …``, ``Nach Angaben von X …``, ``…, so X.``, ``…, wonach …``,
        ``Demnach …``: the sentence without the frame is what X said."""
        toks, L = self.toks, self.L
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
            if w == "nach" and k - 2 == s and toks[k - 1].text.lower() in fr["according_to_nach_after"] \
                    and toks[k - 2].text.lower() in L.determiners | {"eigenen"}:
                np = (k - 2, k)  # ``Seiner Meinung nach …`` / ``Dem Vernehmen nach …``: the noun before ``nach``
                f = self.according(i, s, end, k - 2, np, (toks[k].start, toks[k].end), k + 1)
                owner = toks[k - 2].text.lower()
                if owner in ("seiner", "ihrer"):  # (a possessive is resolved as a pronoun is: ``Seiner`` -> the man named last)
                    prev = self.last_person(toks[k - 2].start, "m" if owner == "seiner" else "f")
                    if prev:
                        f.name, f.speaker_kind = prev
                return f
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
                if np is not None and toks[np[0]].text in _MARKS and np[0] + 1 < e \
                        and toks[np[0] + 1].text[:1].islower():
                    continue  # ``…, so „schütze sie Gott“``: words in quotation marks, not a speaker's name
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
        return None

    def colon_subject(self, i: int, s: int, e: int, end: int) -> Found | None:
        """``X: „…“`` and ``X nennt es …: „…“``: a quotation after a colon is the clause subject's."""
        toks = self.toks
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
                    return None
                assert np is not None
                f = Found(parts=self.content(k + 1, end), cue=None, mention=None, sentence=i, confidence=0.65)
                if f.parts:
                    self.speaker(np, f, toks[k].start)
                    f.kind = kind_of(self.p, f.parts)
                    return f
        return None

    def called_as(self, i: int, s: int, e: int) -> list[Found]:
        """``X hatte den Bericht als „falsch“ zurückgewiesen`` / ``Seine Werke werden von X als „…“
        bezeichnet`` / ``die als „nebelartig“ beschrieben wurden``: a quotation between ``als`` and a
        participle (or infinitive) of a listed verb is words said: the subject's before the finite verb
        of the clause, in a passive the phrase after ``von`` (or a source after ``in``: ``In den Medien war
        es als „…“ bezeichnet worden``), else no one's. One capitalised word is
        the name a thing is given (``als „Sonnenwind“ bezeichnet``), not words said."""
        toks, out = self.toks, []
        for k0 in range(s + 1, e - 2):
            if toks[k0].text not in _MARKS or toks[k0 - 1].text != self.L.calling or self.inq[k0 + 1] < 0 \
                    or self.inq[k0 - 1] >= 0:
                continue
            q = self.p.quotes[self.inq[k0 + 1]]
            if q.start != toks[k0].start:
                continue
            v = next((j for j in range(k0 + 1, e) if toks[j].start >= q.end), None)
            words = self.text[q.inner[0]:q.inner[1]].split()
            if v is None or not words or len(words) == 1 and words[0][:1].isupper():
                continue
            lemma, tag = self.p.analyze(toks[v].text)
            if tag not in ("VV(PP)", "VV(INF)") or not toks[v].text[:1].islower() \
                    or not (cue_lemmas(self.p.analyze).get(lemma) or toks[v].text in self.L.joined):
                continue
            cs = k0 - 1
            while cs > s and toks[cs - 1].text not in (_COMMA, _COLON) and toks[cs - 1].text not in _STOPS:
                cs -= 1
            g = Found(parts=[trim(self.text, *q.inner, strip=" ")], cue=(toks[k0 - 1].start, toks[v].end), mention=None,
                      sentence=i, confidence=0.6, kind="direct")
            if self.passive(v, toks[v].text) \
                    or any(toks[j].text in self.L.passive_auxiliaries for j in range(v + 1, min(e, v + 3))):
                by = next((j for j in range(cs, k0 - 1) if toks[j].text == "von" and self.inq[j] < 0), None)
                np = self.np_after(by + 1, k0 - 1) if by is not None else None
                if by is None:  # ``In den Medien war X als „…“ bezeichnet worden``: the medium, a source
                    by = next((j for j in range(cs, k0 - 1) if toks[j].text.lower() in self.L.impersonal_preps
                               and self.inq[j] < 0), None)
                    np = self.np_after(by + 1, k0 - 1) if by is not None else None
                    np = np if np is not None and (self.sourcelike(*np) or any(
                        toks[j].text in _MARKS for j in range(*np))) else None
                if np is not None and self.speakerlike(np):
                    self.speaker(np, g, toks[v].start)
                out.append(g)
                continue
            fv = next((j for j in range(cs, k0 - 1) if self.inq[j] < 0 and self.is_finite(j)), None)
            if fv is None or fv == cs:
                continue
            np = self.np_before(cs, fv) if self.subject_first(cs, fv) else None
            if not self.speakerlike(np):
                continue
            assert np is not None
            self.speaker(np, g, toks[v].start)
            out.append(g)
        return out

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
        if verb.get("no_sentence_report") and not anaphor and not any(
                self.inq[k] < 0 and toks[k].text in self.L.subjunctive for k in range(s, e)):
            return None  # (``X zeigte sich zufrieden über …``: a mood, not a report, unless words in Konjunktiv follow)
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
            elif cs < v and not self.relative_before(cs, v) and (toks[cs].text.lower() not in self.L.sub_starts or (
                    toks[cs].text == "Als" and v == cs + 2 and "NN" in self.tag(cs + 1))):  # ``Als Grund gab X … an.``
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

    def agent_passive(self, i: int, s: int, end: int) -> Found | None:
        """``Der Plan wurde von Bürgermeisterin X als unrealistisch bezeichnet.`` / ``Von Beobachtern wird der
        Schritt als wichtig gewertet.``: a passive of a speech verb with its agent after ``von`` (after the
        auxiliary, or opening the clause) is a whole-sentence report of the agent."""
        toks = self.toks
        if any(self.inq[k] >= 0 and self.long_quote(self.inq[k]) for k in range(s, end)):
            return None
        aux = next((k for k in range(s, end) if toks[k].text in self.L.passive_auxiliaries and self.inq[k] < 0), None)
        if aux is None:
            return None
        for k in range(aux + 1, end):
            t = toks[k].text
            if t in (_COMMA, _COLON) or t in _STOPS:
                break
            verbs = [self.L.joined[t]] if t in self.L.joined else []
            if not verbs and t[:1].islower():
                lemma, tag = self.p.analyze(t)
                verbs = cue_lemmas(self.p.analyze).get(lemma, []) if tag == "VV(PP)" else []
            verbs = [v for v in verbs if v.get("act") == "statement" and v.get("particle") in (None, "als")]
            if not verbs:
                continue
            von = next((j for j in range(s, k) if toks[j].text.lower() == "von" and self.inq[j] < 0
                        and (j > aux or j == s)), None)
            np = self.np_after(von + 1, k) if von is not None else None
            if np is None or not self.sourcelike(*np) or toks[np[0]].text[:1].isdigit():
                return None
            f = Found(parts=[self.span(s, end)], cue=(toks[k].start, toks[k].end), mention=None, sentence=i,
                      confidence=0.55, act="statement")
            self.speaker(np, f, toks[k].start)
            f.kind = kind_of(self.p, f.parts)
            return f
        return None

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

    def trailing_as(self, i: int, s: int, v: int, last: int, end: int, verb: dict) -> Found | None:  # type: ignore[type-arg]
        """``…, wie die Agentur X berichtete.``: the sentence before the ``wie`` clause that ends it is
        the content, the phrase after ``wie`` the speaker."""
        toks = self.toks
        if last + 1 < end or verb.get("impersonal"):
            return None
        c = next((j for j in range(v - 1, s, -1) if toks[j].text in (_COMMA, _COLON) or self.inq[j] >= 0), None)
        wie = data("de")["frames"]["as_cue"]
        if c is not None and toks[c].text == _COMMA and toks[c + 1].text != wie:
            # ``…, wie X, Sprecher der Y, mitteilte.``: an apposition between the speaker and the verb
            c1 = next((j for j in range(c - 1, s, -1) if toks[j].text in (_COMMA, _COLON) or self.inq[j] >= 0), None)
            c2 = next((j for j in range(c1 - 1, s, -1) if toks[j].text in (_COMMA, _COLON) or self.inq[j] >= 0), None) \
                if c1 is not None and toks[c1].text == _COMMA and c1 + 1 < c else None
            if c2 is not None and toks[c2].text == _COMMA and toks[c2 + 1].text == wie and c2 + 2 < c1:
                c = c2
        if c is None or toks[c].text != _COMMA or toks[c + 1].text != wie or c + 2 >= v:
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

    def relative_start(self, s: int, a: int) -> int | None:
        """The first token of the relative clause that the frame at token ``a`` opens (``, die nach …``,
        ``, unter denen sich laut …``), or None."""
        toks, j = self.toks, a - 1
        if j > s and toks[j].text == "sich":
            j -= 1
        if j <= s or toks[j].text not in data("de")["relative_pronouns"] or self.inq[j] >= 0:
            return None
        if toks[j - 1].text == _COMMA:
            return j
        if j - 1 > s and self.tag(j - 1).startswith("APPR") and toks[j - 2].text == _COMMA:
            return j - 1
        return None

    def according(self, i: int, s: int, end: int, a: int, np: tuple[int, int], cue: tuple[int, int],
                  b: int | None = None) -> Found:
        """Content = the sentence without the frame (tokens ``a`` to ``b``, or to the phrase's end)."""
        b = np[1] if b is None else b
        rel = self.relative_start(s, a) if self.toks[a].text.lower() in self.L.laut | {"nach"} else None
        if rel is not None:  # ``…, die nach Angaben der Polizei die Bombe enthalten sollte, …``: the relative clause
            s = rel
            end = next((j for j in range(b, end) if self.toks[j].text == _COMMA and self.inq[j] < 0
                        and self.is_finite(j - 1)), end)
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
