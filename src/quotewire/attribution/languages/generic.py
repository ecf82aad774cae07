"""French, Spanish, Italian, Polish, Russian and Ukrainian: direct quotes and reported speech by one
set of rules over the language layer (nlp/europe.py); the words are in data/languages/LANG.json.

Frames, sentence by sentence:

* cue after a quotation: ``« … », a déclaré X.`` / ``“…”, dijo X.`` / ``„…” – powiedział X.`` /
  ``«…», — заявил он.`` / ``— Мы победим, — заявил он.`` (dash dialogue), ``« … », a-t-il dit``,
  ``«…», selon X``; the quotation going on after the speaker (``« A », a dit X, « B ».``,
  ``—A —dijo X—. B``) is one quote in parts
* cue before: ``X a déclaré : « … »`` / ``Ha detto il ministro: «…»`` / ``X: «…»`` (no verb)
* reported: ``X a dit que …`` / ``X dijo que …`` / ``X ha detto che …`` / ``X powiedział, że …`` /
  ``X заявил, что …`` / ``X заявив, що …``
* content before: ``La situation est grave, a déclaré X.``
* according to: ``selon X``, ``según X``, ``secondo X``, ``według X``, ``по словам X``, ``за словами
  X``, ``як зазначив X`` ... and ``comme l'a dit X`` / ``как заявил X`` / ``jak powiedział X``
* a quotation alone takes the speaker of the quote beside it in the paragraph.

A cue without a subject (Spanish, Italian, Polish, Russian, Ukrainian drop it: ``—Ganaremos —dijo.``)
and a pronoun (``il``, ``ella``, ``lei``, ``ona``, ``он``, ``вона``) are the last person named.
"""
from __future__ import annotations

from quotewire.attribution.languages.common import Found, kind_of, trim, write_records
from quotewire.attribution.languages.generic_words import DASHES, MARKS, SPACES, STOPS, STRIP, Words
from quotewire.nlp.languages import Parsed
from quotewire.records import Article


class Rules(Words):
    """The frames over one article."""

    # ----------------------------------------------------------------- quotations

    def quote_tokens(self, qi: int) -> tuple[int, int]:
        """(token of the opening mark, first token after the quotation)."""
        q = self.p.quotes[qi]
        o = self.tok_at(q.start)
        after = o if o is not None else 0
        while after < self.n and self.toks[after].start < q.end:
            after += 1
        return (o if o is not None else 0), after

    def inner(self, qi: int) -> tuple[int, int]:
        q = self.p.quotes[qi]
        a, b = q.inner
        a, b = trim(self.text, a, min(b, len(self.text)), strip=SPACES + ",;:-\u2013\u2014")
        if self.text[a:a + 1] == "." and self.dash(qi):  # ``—dijo X—. Lo haremos``: the stop is the narration's
            a, b = trim(self.text, a + 1, b, strip=SPACES)
        return a, b

    def words_in(self, qi: int) -> list[str]:
        a, b = self.inner(qi)
        return self.text[a:b].split()

    def is_title(self, qi: int) -> bool:
        """A name or a title in quotation marks (``« Le Monde »``), not words said."""
        words = self.words_in(qi)
        return not words or len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)

    def dash(self, qi: int) -> bool:
        return self.text[self.p.quotes[qi].start] in DASHES

    def quote_starting(self, k: int) -> int | None:
        if k >= self.n:
            return None
        for qi, q in enumerate(self.p.quotes):
            if q.start == self.toks[k].start:
                return qi
        return None

    def continuation(self, k: int, e: int) -> int | None:
        """``« A », a dit X, « B »``: the quotation that goes on at token ``k``."""
        while k < e and self.toks[k].text in (",", ".") and self.inq[k] < 0:
            k += 1
        if k >= e:
            return None
        qi = self.quote_starting(k)
        if qi is None and k < e and self.toks[k].text in DASHES:
            qi = self.quote_starting(k + 1)
        return qi

    # ----------------------------------------------------------------- frames

    def cue_within(self, i: int, qi: int) -> Found | None:
        """``« Le chantier est prêt, a-t-il ajouté. Il ne manque que … »``: the narration inside the
        marks splits the quotation in two parts."""
        o, after = self.quote_tokens(qi)
        if self.dash(qi) or after - o < 6:
            return None
        saved = self.inq[o:after]
        self.inq[o:after] = [-1] * (after - o)  # read the words inside the marks as a clause of their own
        try:
            return self._cue_within(i, qi, o, after)
        finally:
            self.inq[o:after] = saved

    def _cue_within(self, i: int, qi: int, o: int, after: int) -> Found | None:
        for k in range(o + 2, after - 2):
            if self.toks[k - 1].text != ",":
                continue
            hit = self.cue_from(k)
            if hit is None:
                continue
            verb, a, b, inv = hit
            np = None if inv is not None else self.np_after(b + 1, after - 1, skip=False)
            end = np[1] if np else b + 1
            if end >= after - 1 or self.toks[end].text not in (",", ".") or (np is None and inv is None):
                continue
            q = self.p.quotes[qi]
            first = trim(self.text, q.inner[0], self.toks[k - 1].start, SPACES)
            second = trim(self.text, self.toks[end].end, q.inner[1], SPACES)
            if first[1] <= first[0] or second[1] <= second[0]:
                continue
            f = Found(parts=[first, second], cue=(self.toks[a].start, self.toks[b].end), mention=None, kind="direct",
                      sentence=i, confidence=0.8, act=verb.get("act", "statement"))
            self.speaker(np, f, q.start, inv)
            return f
        return None

    def cue_after(self, i: int, qi: int, e: int) -> Found | None:
        """``« … », a déclaré X.``, ``«…», — заявил он.``, ``« … », selon X``."""
        o, j = self.quote_tokens(qi)
        while j < e and (self.toks[j].text in (",", "\u2026") or self.toks[j].text in DASHES) and self.inq[j] < 0:
            j += 1
        if j >= e or self.inq[j] >= 0:
            return None
        f = Found(parts=[self.inner(qi)], cue=None, mention=None, kind="direct", sentence=i, confidence=0.85)
        hit = self.cue_from(j)
        end_np: int
        if hit is not None:
            verb, a, b, inv = hit
            f.cue = (self.toks[a].start, self.toks[b].end)
            f.act = verb.get("act", "statement")
            np = None if inv is not None else self.np_after(b + 1, e)
            self.speaker(np, f, self.toks[o].start, inv)
            end_np = np[1] if np else b + 1
        elif (acc := self.according_at(j)) is not None:
            length, act, _ = acc
            np = self.np_after(j + length, e, skip=False)
            if np is None:
                return None
            f.cue, f.act = (self.toks[j].start, self.toks[j + length - 1].end), act
            self.speaker(np, f, self.toks[o].start)
            end_np = np[1]
        else:
            np = self.np_after(j, e, skip=False)
            if np is None or np[1] >= e:
                return None
            hit = self.cue_from(np[1])
            if hit is None:
                return None
            verb, a, b, inv = hit
            f.cue, f.act = (self.toks[a].start, self.toks[b].end), verb.get("act", "statement")
            self.speaker(np, f, self.toks[o].start)
            end_np = b + 1
        more = self.continuation(end_np, e) if end_np < e else None
        if more is None and self.dash(qi):  # ``— А, — заявил он журналистам. — Б.``: the line goes on after the narration
            k = end_np
            while k < self.n and self.inq[k] < 0 and self.quote_starting(k) is None and self.toks[k].text != "\n" \
                    and "\n" not in self.text[self.toks[k - 1].end:self.toks[k].start]:
                k += 1
            nxt = self.quote_starting(k) if k < self.n else None
            if nxt is not None and self.dash(nxt) and "\n" not in self.text[self.toks[end_np - 1].end:self.toks[k].start]:
                more = nxt
        if more is not None and more != qi and not self.is_title(more):
            f.parts.append(self.inner(more))
            self.used.add(more)
        return f

    def cue_before(self, i: int, qi: int, s: int) -> Found | None:
        """``X a déclaré : « … »``, ``Ha detto il ministro: «…»``, ``X : « … »``."""
        o, _ = self.quote_tokens(qi)
        if o == s and i > 0 and self.toks[s - 1].text == ":" and self.paragraph_of(i - 1) >= self.paragraph_of(i) - 1:
            s = self.p.sentences[i - 1][0]  # ``Le ministre a déclaré mardi :`` and the quotation in the next paragraph
        if o - 1 < s or self.toks[o - 1].text != ":" or o - 1 == s:
            return None
        colon = o - 1
        cs = self.clause_start(s, colon)
        f = Found(parts=[self.inner(qi)], cue=None, mention=None, kind="direct", sentence=i, confidence=0.8)
        hit = None
        for v in range(colon - 1, cs - 1, -1):
            hit = self.cue_at(v)
            if hit is not None:
                break
        if hit is not None:
            verb, a, b, inv = hit
            f.cue, f.act = (self.toks[a].start, self.toks[b].end), verb.get("act", "statement")
            np = self.np_before(cs, a) if inv is None else None
            if np is None and inv is None:
                np = self.np_after(b + 1, colon)
            self.speaker(np, f, self.toks[o].start, inv)
            return f
        if len(self.words_in(qi)) < 3:
            return None
        np = self.np_after(cs, colon, skip=False)
        if np is None or np[1] != colon or not self.sourcelike(*np):
            acc = self.according_at(cs)  # ``Pour X, le constat est simple : « … »``
            np = self.np_after(cs + acc[0], colon, skip=False) if acc is not None else None
            if np is None or not self.sourcelike(*np):
                return None
        f.confidence = 0.65
        self.speaker(np, f, self.toks[o].start)
        return f

    def clause_start(self, s: int, k: int) -> int:
        j = k - 1
        while j >= s:
            if self.toks[j].text in (":", ";") and self.inq[j] < 0:
                return j + 1
            if self.toks[j].text in MARKS and self.inq[j] < 0 and j + 1 < k and self.inq[j + 1] < 0 and j > s \
                    and self.inq[j - 1] >= 0:
                return j + 1
            j -= 1
        return s

    def reported(self, i: int, s: int, e: int) -> Found | None:
        """``X a dit que …``, ``X powiedział, że …``, ``X заявил, что …``; ``…, a déclaré X.``"""
        end = e
        while end > s and self.toks[end - 1].text in STOPS | MARKS and self.inq[end - 1] < 0:
            end -= 1
        for v in range(s, e):
            hit = self.cue_at(v)
            if hit is None:
                continue
            verb, a, b, inv = hit
            f = Found(parts=[], cue=(self.toks[a].start, self.toks[b].end), mention=None, sentence=i,
                      act=verb.get("act", "statement"), confidence=0.7)
            # after the cue: an inverted subject, a comma, then the complementizer
            k = b + 1
            np_inv = None
            if k < e and self.low(k) not in self.L.complementizers and self.toks[k].text != ",":
                np_inv = self.np_after(k, e)
                if np_inv is not None:
                    k = np_inv[1]
            if k < e and self.toks[k].text == ",":
                k += 1
            if k < e and self.low(k) in self.L.complementizers or k < e and self.toks[k].text.lower().startswith(("qu'", "qu\u2019")):
                start = k + 1 if self.low(k) in self.L.complementizers else k
                if start >= end:
                    continue
                ca = self.toks[start].start
                if start == k:  # ``qu'il`` : the content starts inside the token
                    ca += 3
                f.parts = [trim(self.text, ca, self.toks[end - 1].end, STRIP)]
                cs = self.clause_start(s, a)
                np = np_inv
                if np is None and inv is None:
                    np = self.np_before(cs, a)
                if np is None and inv is None and not self.L.pro_drop:
                    continue
                self.speaker(np, f, self.toks[a].start, inv)
                f.kind = kind_of(self.p, f.parts)
                return f
            # content before: ``La situation est grave, a déclaré X.``
            if a - 1 > s and self.toks[a - 1].text in (",",) + tuple(DASHES):
                cut = a - 1
                if self.toks[cut].text in DASHES and cut - 1 > s and self.toks[cut - 1].text == ",":
                    cut -= 1
                cs = self.clause_start(s, cut)
                if cut - cs < 3:
                    continue
                np = None if inv is not None else self.np_after(b + 1, e)
                tail = np[1] if np else b + 1
                while tail < end and (self.low(tail) in self.L.skip_words or self.low(tail) in self.L.cue_adverbs):
                    tail += 1  # ``…, a annoncé la direction mercredi soir.``
                if tail < end and self.toks[tail].text not in (",",):
                    continue
                if np is None and inv is None and not self.L.pro_drop:
                    continue
                f.parts = [self.span(cs, cut)]
                self.speaker(np, f, self.toks[cs].start, inv)
                f.kind = kind_of(self.p, f.parts)
                f.confidence = 0.65
                return f
        return None

    def according(self, i: int, s: int, e: int) -> Found | None:
        """``Selon X, …``, ``…, según X.``, ``По словам X, …``, ``Как заявил X, …``."""
        end = e
        while end > s and self.toks[end - 1].text in STOPS and self.inq[end - 1] < 0:
            end -= 1
        for k in range(s, e):
            if self.inq[k] >= 0:
                continue
            acc = self.according_at(k)
            frame_end = None
            cue = None
            np = None
            act = "statement"
            poss = self.possessive_at(k)
            if poss is not None:
                length, pron, plural, act = poss
                frame_end, cue = k + length, (self.toks[k].start, self.toks[k + length - 1].end)
                f = self.framed(i, s, end, k, frame_end, cue, act)
                if f is not None:
                    f.mention = (self.toks[pron].start, self.toks[pron].end)
                    f.name = None if plural else self.last_person(self.toks[k].start, self.gender_of_word(self.toks[pron].text))
                    f.speaker_kind = "person" if f.name else "unknown"
                    return f
                continue
            if acc is not None and (self.np_after(k + acc[0], e, skip=False) is not None or self.low(k) not in self.L.as_words):
                length, act, needs_comma = acc
                np = self.np_after(k + length, e, skip=False)
                if np is None:
                    continue
                np = self.to_comma(s, k, np, e)
                if needs_comma and (np[1] >= e or self.toks[np[1]].text != "," or k != s or not self.sourcelike(*np)):
                    continue
                frame_end, cue = np[1], (self.toks[k].start, self.toks[k + length - 1].end)
            elif self.low(k) in self.L.as_words and k + 1 < e:
                j = k + 1
                if self.low(j) in self.L.as_clitics and j + 1 < e:
                    j += 1
                hit = self.cue_from(j)
                if hit is None:
                    continue
                verb, a, b, inv = hit
                np = self.np_after(b + 1, e)
                if np is None:
                    continue
                np = self.to_comma(s, k, np, e)
                act = verb.get("act", "statement")
                frame_end, cue = np[1], (self.toks[k].start, self.toks[b].end)
            else:
                continue
            f = self.framed(i, s, end, k, frame_end, cue, act)
            if f is None:
                continue
            self.speaker(np, f, cue[0])
            return f
        return None

    def unwrap(self, part: tuple[int, int]) -> tuple[int, int]:
        """``По словам X, «…».``: a part that is one whole quotation is its inside (a direct quote)."""
        a, b = part
        for qi, q in enumerate(self.p.quotes):
            if q.start == a and not self.text[q.end:b].strip(SPACES + ".!?\u2026") and not self.dash(qi):
                return self.inner(qi)
        return part

    def to_comma(self, s: int, k: int, np: tuple[int, int], e: int) -> tuple[int, int]:
        """``Según fuentes policiales, …``, ``Як повідомили в Міністерстві охорони здоров'я, …``: a frame
        that opens the sentence runs to its comma."""
        if k == s and np[1] < e and self.toks[np[1]].text != ",":
            comma = next((x for x in range(np[1], min(e, np[1] + 4)) if self.toks[x].text == ","), None)
            if comma is not None and all(self.inq[x] < 0 and not self.cue_at(x) for x in range(np[1], comma)):
                return np[0], comma
        return np

    def framed(self, i: int, s: int, end: int, k: int, frame_end: int, cue: tuple[int, int], act: str) -> Found | None:
        """The sentence without its according-to frame (tokens ``k`` to ``frame_end``) as content."""
        parts = []
        before = self.span(s, k)
        if before[1] > before[0]:
            parts.append(before)
        after = self.span(frame_end, end)
        if after[1] > after[0]:
            parts.append(after)
        if not parts or sum(len(self.text[a:b].split()) for a, b in parts) < 2:
            return None
        parts = [self.unwrap(p) for p in parts]
        f = Found(parts=parts, cue=cue, mention=None, sentence=i, act=act, confidence=0.75)
        f.kind = kind_of(self.p, parts)
        return f

    def anaphoric(self, i: int, s: int, e: int) -> Found | None:
        """``Об этом заявил X.`` / ``Про це повідомив X.`` / ``Lo ha detto X.``: the sentence before is
        the content; ``…, о чем заявил X.``: the clause before."""
        starts = [s] + [k + 1 for k in range(s, e - 1) if self.toks[k].text == "," and self.inq[k] < 0]
        for k in starts:
            n = self.anaphoric_at(k)
            if not n:
                continue
            hit = self.cue_from(k + n)
            if hit is None:
                continue
            verb, a, b, inv = hit
            np = None if inv is not None else self.np_after(b + 1, e)
            if np is None and inv is None:
                continue
            if k == s:
                if i == 0 or any(f.sentence == i - 1 for f in self.found) or self.paragraph_of(i - 1) < self.paragraph_of(i) - 1:
                    return None
                ps, pe = self.p.sentences[i - 1]
                if any(self.inq[x] >= 0 for x in range(ps, pe)):
                    return None
                parts = [self.span(ps, pe)]
            else:
                parts = [self.span(s, k - 1)]
            f = Found(parts=parts, cue=(self.toks[a].start, self.toks[b].end), mention=None, sentence=i,
                      act=verb.get("act", "statement"), confidence=0.6)
            self.speaker(np, f, self.toks[s].start, inv)
            f.kind = kind_of(self.p, parts)
            return f
        return None

    def sentence(self, i: int) -> list[Found]:
        s, e = self.p.sentences[i]
        out: list[Found] = []
        qs = sorted({self.inq[k] for k in range(s, e) if self.inq[k] >= 0})
        qs = [qi for qi in qs if self.p.quotes[qi].start >= self.toks[s].start]
        for qi in qs:
            if qi in self.used or self.is_title(qi):
                continue
            f = self.cue_after(i, qi, e) or self.cue_before(i, qi, s) or self.cue_within(i, qi)
            if f is not None and f.parts[0][1] > f.parts[0][0]:
                self.used.add(qi)
                out.append(f)
                self.found.append(f)
        if out:
            return out
        f = self.reported(i, s, e) or self.according(i, s, e) or self.anaphoric(i, s, e)
        if f is not None and f.parts:
            self.found.append(f)
            return [f]
        return []

    # ----------------------------------------------------------------- the article

    def run(self) -> list[Found]:
        self.used: set[int] = set()
        by_sentence: dict[int, Found] = {}
        for i in range(len(self.p.sentences)):
            fs = self.sentence(i)
            if fs:
                by_sentence[i] = fs[-1]
        for i, (s, e) in enumerate(self.p.sentences):
            if i in by_sentence:
                continue
            qi = self.standalone(s, e)
            if qi is None or qi in self.used or self.is_title(qi) or (len(self.words_in(qi)) < 4 and not self.dash(qi)):
                continue
            src = self.neighbour(by_sentence, i)
            if src is None:
                continue
            f = Found(parts=[self.inner(qi)], cue=None, mention=None, name=src.name, speaker_kind=src.speaker_kind,
                      role=src.role, sentence=i, confidence=0.6, act=src.act, kind="direct")
            if src.name is None:
                f.mention = src.mention
            self.used.add(qi)
            by_sentence[i] = f
            self.found.append(f)
        return self.found

    def standalone(self, s: int, e: int) -> int | None:
        a, b = self.span(s, e)
        for qi, q in enumerate(self.p.quotes):
            if q.start >= a - 1 and not self.text[a:q.start].strip() and q.start < b \
                    and not self.text[min(q.end, b):b].strip(" .!?\u2026") and q.end - 1 <= b + 1:
                return qi
        return None

    def neighbour(self, by_sentence: dict[int, Found], i: int) -> Found | None:
        """The speaker of the quote right after (a cue after it) or before, in the paragraph, or the
        last one of the paragraph before."""
        para = self.paragraph_of(i)
        nxt = by_sentence.get(i + 1)
        s, e = self.p.sentences[i]
        open_ = any(self.p.quotes[qi].end - 1 >= len(self.text) or self.text[self.p.quotes[qi].end - 1] not in MARKS
                    for qi in {self.inq[k] for k in range(s, e) if self.inq[k] >= 0} if not self.dash(qi))
        if open_:  # a quotation over paragraphs: its speaker is in a later one
            later = next((by_sentence[j] for j in range(i + 1, min(len(self.p.sentences), i + 6)) if j in by_sentence), None)
            if later is not None and later.kind == "direct" and (later.name or later.mention):
                return later
        if nxt is not None and self.paragraph_of(i + 1) == para and nxt.kind == "direct" and nxt.cue is not None:
            return nxt if (nxt.name or nxt.mention) else None
        for j in range(i - 1, max(-1, i - 4), -1):
            f = by_sentence.get(j)
            if f is not None:
                if (f.name or f.mention) and (self.paragraph_of(j) == para or f.kind == "direct"):
                    return f
                return None
        return None


def attribute(article: Article, parsed: Parsed) -> Article:
    found = Rules(article, parsed).run()
    found = [f for f in found if f.parts and all(b > a for a, b in f.parts)]
    return write_records(article, parsed, found)
