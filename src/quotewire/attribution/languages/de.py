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
from quotewire.attribution.languages.de_runs import Runs
from quotewire.attribution.languages.de_words import _COLON, _COMMA, _MARKS, _STOPS
from quotewire.nlp.languages import Parsed, QuoteMarks, data
from quotewire.records import Article


class German(Runs):
    """The frames of one sentence; clause helpers in de_clauses.py, frames without a framing cue verb in
    de_reports.py, quotes across sentences in de_runs.py, colons in de_colon.py, words and phrases in
    de_words.py."""

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
            if not out:
                out = self.called_as(i, s, e)  # ``X hatte es als „falsch“ zurückgewiesen``
        elif f is not None and f.cue is not None and f.parts:
            # ``X nannte es „fahrlässig“ und verwies auf …``: a quotation beside an earlier cue verb
            # than the one the frame took, before its content
            lo = min(f.cue[0], f.parts[0][0])
            out = [g for g in self.beside(i, s, e, lo) if g.cue is not None and g.cue[0] < f.cue[0]] + out
        if out:
            more = self.more_reports(i, s, e, out)
            if more:
                out = sorted(out + more, key=lambda g: g.parts[0][0] if g.parts else -1)
        return out

    def matrix_cut(self, f: Found, a: int, end: int) -> None:
        """``X erklärte, er sei unschuldig, erkannte das Gericht nicht an …``: the content ends before a
        comma with a finite verb in the indicative right after it, a second main clause of the speaker,
        unless a clause of the content opens with a subordinator (``…, wenn es regnet, fällt …``)."""
        toks, L = self.toks, self.L
        if len(f.parts) != 1 or f.parts[0][0] != self.span(a, end)[0] or toks[a].text.lower() in L.sub_starts | L.subordinators \
                or self.tag(a).startswith("APPR"):
            return
        for j in range(a + 1, end - 1):
            if self.inq[j] >= 0 or self.inq[j + 1] >= 0 or toks[j].text != _COMMA:
                continue
            w = toks[j + 1].text
            if w.lower() in L.sub_starts | L.subordinators or w in data("de")["relative_pronouns"]:
                return  # (an embedded clause: a verb after a later comma may close it)
            if self.is_finite(j + 1) and w not in L.subjunctive and not self.konjunktiv_one(w):
                hit = self.cue_at(j + 1, end)
                np = self.np_verb(j + 1, hit[1], end) if hit is not None else None
                if np is not None and np[0] <= j + 2:
                    return  # (``…, sagte X``: a cue verb with its own speaker)
                cut = trim(self.text, f.parts[0][0], toks[j].start)
                if cut[1] > cut[0]:
                    f.parts = [cut]
                return

    def more_reports(self, i: int, s: int, e: int, out: list[Found]) -> list[Found]:
        """``X sagte …; Y erklärte …`` / ``…, während Y begrüßte, dass …`` / ``Während X von … sprach,
        sprach Y von …``: a clause of the sentence, after a semicolon or a comma with a second-clause
        conjunction, that lies outside every report found has a frame of its own (its own cue,
        speaker and content)."""
        toks = self.toks
        spans = _taken(out)
        if not spans:
            return []
        cuts = []
        for k in range(s + 1, e - 2):
            if self.inq[k] >= 0:
                continue
            if toks[k].text == ";" or toks[k].text == _COMMA and toks[k + 1].text.lower() in self.L.contrast:
                cuts.append(k)
        if toks[s].text.lower() in self.L.opening_contrast:  # ``Während A, B``: the comma before the main clause's verb
            k = next((k for k in range(s + 1, e - 1) if self.inq[k] < 0 and toks[k].text == _COMMA
                      and self.is_finite(k + 1) and self.inq[k + 1] < 0), None)
            if k is not None:
                cuts.append(k)
        more: list[Found] = []
        for k in sorted(set(cuts)):
            c0, c1 = toks[k].start, toks[k].end
            lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
            inside = lo < c0 < hi
            cross = _crossing(out, c0) if inside else None  # a content running over the cut
            if inside and cross is None:
                continue
            a, b = (k + 1, e) if c0 >= lo else (s, k)
            keep = self.extra
            self.extra = []
            g = self.frame(i, a, b)
            self.extra = keep
            if g is None or not g.parts:
                continue
            if cross is not None:
                if g.cue is None or not (g.name or g.mention) or g.parts[0][0] < c1:
                    continue
                cross.parts = [trim(self.text, cross.parts[0][0], c0)]
                cross.kind = kind_of(self.p, cross.parts)
                spans = _taken(out)
            if any(x < d and c < y for x, y in g.parts for c, d in spans):
                continue
            if g.cue is not None and any(g.cue[0] < d and c < g.cue[1] for c, d in spans):
                continue
            more.append(g)
            spans += _taken([g])
        return more

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

    def frame(self, i: int, s: int | None = None, e: int | None = None) -> Found | None:
        """The report of sentence ``i`` (or of its tokens ``s``..``e``, a clause of it)."""
        if s is None or e is None:
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
            if postposed and toks[self.clause_start(s, cut)].text.lower() in L.opening_contrast:
                postposed = False  # ``Während X von A sprach, sprach Y von B``: the clause before is no content
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
                turn = stop is not None and stop + 2 < e and toks[stop].text == _COMMA \
                    and toks[stop + 1].text.lower() in L.contrast and toks[stop + 2].text not in _MARKS
                if stop is None or turn:  # (``X lehnte es ab, während Y …``: the clause after is no content)
                    g = self.trailing_as(i, s, v, last, end, verb) if stop is None else None
                    if g is not None:
                        return g
                    if deferred is None:
                        deferred = self.reported(i, s, stop if turn else e, v, last, verb)
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
                    app = self.apposition_end(np[1], v) if np is not None else None
                    if app is not None and app + 1 == v:
                        np = (np[0], app)  # ``Der Präsident der Region X, Jana Fendrich, sagte``: the name in apposition
                else:
                    np = self.np_verb(v, last, stop)
                    app = self.apposition_end(np[1], last) if np is not None else None
                    if app is not None and app + 1 == last:
                        np = (np[0], app)  # ``gab der Leiter der Feuerwehr, Paul Brandt, bekannt``: the name in apposition
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
                whole = np is not None and not any(self.inq[k] >= 0 for k in range(s, end)) \
                    and self.object_relative(v, last, np, stop, end)
                f.parts = [self.span(s, end)] if whole else self.content(stop + 1, end)
                if not f.parts:
                    continue
                if np is None and not verb.get("impersonal"):
                    continue
                if np is not None:
                    self.speaker(np, f, toks[v].start)
                if not whole:
                    self.second_cue(f, i, stop + 1, end)
                    self.matrix_cut(f, stop + 1, end)
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
        f1 = self.verb_after_quote(i, s, e, end)
        if f1 is not None:
            return f1
        # 2. according to X
        f2 = self.according_to(i, s, e, end)
        if f2 is not None:
            return f2
        # 3. ``X: „…“`` and ``X nennt es …: „…“``: a quotation after a colon is the clause subject's
        return self.colon_subject(i, s, e, end) or deferred or self.agent_passive(i, s, end)


def attribute(article: Article, parsed: Parsed) -> Article:
    found = German(article, parsed).run()
    return write_records(article, parsed, found)


def _taken(found: list[Found]) -> list[tuple[int, int]]:
    """The character ranges the reports hold: contents, cues and speakers."""
    return [r for f in found for r in [*f.parts, f.cue, f.mention] if r is not None and r[1] > r[0]]


def _crossing(out: list[Found], cut: int) -> Found | None:
    """The one report whose one content runs over char ``cut`` with its cue and speaker before it."""
    if len(out) != 1 or len(out[0].parts) != 1 or not out[0].parts[0][0] < cut < out[0].parts[0][1]:
        return None
    f = out[0]
    heads = [r for r in (f.cue, f.mention) if r is not None]
    return f if heads and all(r[1] <= cut for r in heads) and f.parts[0][0] >= max(r[1] for r in heads) else None
