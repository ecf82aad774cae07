"""German clause helpers for the frames of attribution/languages/de.py: where a clause starts and
ends, which comma or colon opens the content after a cue, a relative or ``und`` clause before a
verb, the second piece of an interrupted quotation, the subject a joined verb shares."""
from __future__ import annotations

from quotewire.attribution.languages.common import trim
from quotewire.attribution.languages.de_colon import Colons
from quotewire.attribution.languages.de_words import _COLON, _COMMA, _MARKS, _STOPS
from quotewire.nlp.languages import data


class Clauses(Colons):
    """Where a clause, a content or a phrase begins and ends (token indices)."""


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

    def object_relative(self, v: int, last: int, np: tuple[int, int], stop: int, end: int) -> bool:
        """``Die Polizei sprach von 300 Gästen, die …`` / ``X würdigte den Verein als Kind der Stadt, das …``:
        the cue took an object (a noun after the verb that is not its speaker) and the clause after the
        comma is a relative clause on it, with no Konjunktiv: no content of its own, the sentence is the report."""
        toks = self.toks
        if toks[stop].text != _COMMA or stop + 2 >= end:
            return False
        if not any((toks[k].text[:1].isupper() or toks[k].text[:1].isdigit()) and not np[0] <= k < np[1]
                   and self.inq[k] < 0 for k in range(v + 1, stop)):
            return False
        j = stop + 1
        if self.tag(j).startswith("APPR") and j + 1 < end:
            j += 1  # ``…, auf die es …`` / ``…, in denen …``
        w = toks[j].text
        if w not in data("de")["relative_pronouns"] or j + 1 >= end:
            return False
        nxt = toks[j + 1].text
        if w in ("der", "die", "das") and (not nxt[:1].islower() or self.tag(j + 1).startswith("ADJ(A)")):
            return False  # (``…, die Stadt sei …``: an article)
        return not any(toks[k].text in self.L.subjunctive or self.konjunktiv_one(toks[k].text) for k in range(j, end))

    def quote_after(self, k: int, end: int) -> tuple[int, int] | None:
        """``„A“, sagte X, „B“``: the second piece of an interrupted quotation."""
        if k < end and self.toks[k].text == _COMMA:
            k += 1
        if k < end and self.toks[k].text in _MARKS:
            for q in self.p.quotes:
                if q.start == self.toks[k].start:
                    return trim(self.text, *q.inner, strip=" ")
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
