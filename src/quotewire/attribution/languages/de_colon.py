"""German quotations after a colon and second quotations of a frame, for attribution/languages/de.py:
``X zeigte sich besorgt, dass …: „…“``, ``X schrieb: „A“ und „B“``, ``„A“, sagte X und ergänzte: „B“``,
``Seine Zuversicht gründet sich auf …: „…“`` (the speaker of the quote before), ``Demnach …``."""
from __future__ import annotations

from quotewire.attribution.languages.common import Found, kind_of, trim
from quotewire.attribution.languages.de_words import _COLON, _COMMA, _MARKS, _STOPS, Words


class Colons(Words):
    """Frames around a colon; ``extra`` collects the second quote a frame gives (``sentence`` in de.py
    adds it), ``found`` is the article's attributions so far."""
    extra: list[Found]
    found: list[Found]

    def colon_quotation(self, f: Found) -> None:
        """``X zeigte sich besorgt, dass …: „…“`` / ``X erläutert es, …, so: „…“``: a quotation of
        four words or more after a colon inside the content is what the cue frames. A ``dass``/``ob``
        clause before the colon stays a quote of its own (``self.extra``); other words before it
        (a relative clause, the addressee) are the frame, not what was said."""
        a, b = f.parts[-1]
        for qi, q in enumerate(self.p.quotes):
            if not (a <= q.start < b) or not self.long_quote(qi):
                continue
            head = self.text[a:q.start].rstrip()
            second = next((r for r in self.p.quotes if r.start > q.end and r.end >= b and r.start < b
                           and self.text[q.end:r.start].strip() == "und"), None)
            if q.start == a and second is not None:
                # ``X sagte: „A“ und „B“``: two quotations, two quotes of the same speaker
                self.extra.append(Found(parts=[trim(self.text, *second.inner, strip=" ")], cue=f.cue, mention=f.mention,
                                        name=f.name, speaker_kind=f.speaker_kind, role=f.role, sentence=f.sentence,
                                        confidence=f.confidence, act=f.act, kind="direct"))
                head = _COLON
            if q.start == a and self.text[q.end:b].lstrip().startswith(_COMMA):
                head = _COLON  # ``X schrieb: „…“, weiter hieß es, …``: the quotation, not what follows it
            if not head.endswith(_COLON) or any(a <= r.start and r.end <= q.start for r in self.p.quotes):
                continue
            words = head.split()
            if words and words[0] in self.L.subordinators:
                ra = trim(self.text, a, len(head) + a - 1)
                if ra[1] > ra[0]:
                    self.extra.append(Found(parts=[ra], cue=f.cue, mention=f.mention, name=f.name, speaker_kind=f.speaker_kind,
                                            role=f.role, sentence=f.sentence, confidence=f.confidence - 0.1, act=f.act))
            f.parts = f.parts[:-1] + [trim(self.text, *q.inner, strip=" ")]
            f.kind = kind_of(self.p, f.parts)
            return


    def split_pair(self, f: Found) -> None:
        """``X erklärte: „A.“ und „B.“`` (any frame whose content is two quotations joined by ``und``):
        two quotes of the same speaker, the second in ``self.extra``."""
        if len(f.parts) != 1:
            return
        a, b = f.parts[0]
        qs = [q for q in self.p.quotes if a - 1 <= q.start and q.end <= b + 1]
        if len(qs) != 2 or self.text[a:qs[0].start].strip() or self.text[qs[1].end:b].strip(" .!?") \
                or self.text[qs[0].end:qs[1].start].strip() not in ("und", "sowie"):
            return
        f.parts = [trim(self.text, *qs[0].inner, strip=" ")]
        f.kind = "direct"
        self.extra.append(Found(parts=[trim(self.text, *qs[1].inner, strip=" ")], cue=f.cue, mention=f.mention, name=f.name,
                                speaker_kind=f.speaker_kind, role=f.role, sentence=f.sentence, confidence=f.confidence,
                                act=f.act, kind="direct"))

    def and_adds(self, f: Found, s: int, e: int) -> list[Found]:
        """``X erläutert es so: „A“, und fügt hinzu: „B“``: a later quotation after a colon whose
        cue verb follows ``und`` (the same subject) is a second quote of the same speaker."""
        end = f.parts[-1][1]
        for k in range(s, e - 2):
            t = self.toks[k]
            if t.start <= end or t.text != "und" or self.inq[k] >= 0:
                continue
            for j in range(k + 1, min(e - 2, k + 8)):
                if self.toks[j].text in _MARKS or self.inq[j] >= 0 or self.toks[j].text in _STOPS:
                    break
                if self.toks[j].text == _COLON:
                    if self.toks[j + 1].text in _MARKS and self.inq[j + 2] >= 0 and self.long_quote(self.inq[j + 2]) \
                            and any(self.cue_at(m, j) is not None for m in range(k + 1, j)):
                        q = self.p.quotes[self.inq[j + 2]]
                        return [Found(parts=[trim(self.text, *q.inner, strip=" ")], cue=None, mention=f.mention, name=f.name,
                                      speaker_kind=f.speaker_kind, role=f.role, sentence=f.sentence,
                                      confidence=f.confidence - 0.1, act=f.act, kind="direct")]
                    break
            break
        return []


    def after_colon(self, s: int, e: int) -> int | None:
        """The quotation after a colon that runs to the end of the sentence (``…: „…“``), or None."""
        b = self.span(s, e)[1]
        for k in range(s + 1, e - 2):
            if self.toks[k].text == _COLON and self.inq[k] < 0 and self.toks[k + 1].text in _MARKS and self.inq[k + 2] >= 0:
                q = self.p.quotes[self.inq[k + 2]]
                return self.inq[k + 2] if not self.text[q.end:b + 1].strip(" .!?\n\r\t") else None  # (a paragraph may follow)
        return None


    def anaphor(self, i: int, s: int, end: int) -> Found:
        """``Demnach …``: the rest of the sentence, said by the speaker of the sentence before when it
        has one in the same paragraph, else by the words ``Demnach`` point to (name null)."""
        toks = self.toks
        f = Found(parts=[self.span(s + 1, end)], cue=(toks[s].start, toks[s].end), mention=(toks[s].start, toks[s].end),
                  sentence=i, confidence=0.55)
        prev = next((g for g in reversed(self.found) if g.sentence == i - 1), None) if i else None
        if prev is not None and self.paragraph_of(i - 1) == self.paragraph_of(i) and (prev.name or prev.mention):
            f.name, f.speaker_kind, f.role, f.act = prev.name, prev.speaker_kind, prev.role, prev.act
            if prev.name is None:
                f.mention = prev.mention
        f.kind = kind_of(self.p, f.parts)
        return f

    def second_cue(self, f: Found, i: int, a: int, end: int) -> None:
        """``X sagte, A sei tot, doch Y erklärte, B …`` / ``X sagte, A, und fügte hinzu: „B“``: the
        content of the first cue ends where a second clause brings a cue verb with its own content;
        that one is a quote of its own (``self.extra``), by its subject or, when the verb follows
        ``und`` right away, by the same speaker."""
        toks = self.toks
        for j in range(a + 1, end - 2):
            if self.inq[j] >= 0:
                continue
            if toks[j].text == "und" and self.cue_at(j + 1, end) is not None:
                k0 = j + 1  # ``…, A und fügte hinzu: „B“``
            elif toks[j].text == _COMMA and toks[j + 1].text.lower() in self.L.contrast:
                k0 = j + 2
            else:
                continue
            for m in range(k0, min(end, k0 + 8)):
                if toks[m].text in (_COMMA, _COLON) or toks[m].text in _STOPS or self.inq[m] >= 0:
                    break
                hit = self.cue_at(m, end)
                if hit is None:
                    continue
                verb, last = hit
                brk = next((b for b in range(last + 1, min(end, last + 4)) if toks[b].text in (_COMMA, _COLON)), None)
                np = self.np_after(k0, m) if m > k0 else None
                if brk is None or (m > k0 and (np is None or not self.speakerlike(np))):
                    return
                parts = self.content(brk + 1, end)
                if not parts:
                    return
                g = Found(parts=parts, cue=(toks[m].start, toks[last].end), mention=f.mention, name=f.name,
                          speaker_kind=f.speaker_kind, role=f.role, sentence=i, confidence=f.confidence - 0.1,
                          act=verb.get("act", "statement"))
                if np is not None:
                    g.mention, g.name, g.role, g.speaker_kind = None, None, None, "unknown"
                    self.speaker(np, g, toks[m].start)
                g.kind = kind_of(self.p, g.parts)
                f.parts = self.content(a, j)
                self.extra.append(g)
                return
        return
