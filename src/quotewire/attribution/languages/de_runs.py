"""German quotes across sentences, for attribution/languages/de.py: the article's sentences in
order, then quotations standing alone and Konjunktiv continuations, which take a neighbour's
speaker (the quote beside them in the paragraph, the subject of the sentence before)."""
from __future__ import annotations

from quotewire.attribution.languages.common import Found, kind_of, trim
from quotewire.attribution.languages.de_reports import Reports
from quotewire.attribution.languages.de_words import _COLON, _MARKS


class Runs(Reports):
    """The article: ``sentence`` (de.py) per sentence, then the sentences without a frame."""

    def sentence(self, i: int) -> list[Found]:
        raise NotImplementedError  # German.sentence (de.py)

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
                src = self.neighbour(by_sentence, i, next_first=False, strict=True) or self.source_back(by_sentence, i, s, e)
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

    def source_back(self, by_sentence: dict[int, Found], i: int, s: int, e: int) -> Found | None:
        """A sentence in Konjunktiv I (``sei``, ``habe``, ``werde``, not ``soll`` nor ``wäre``) after one or
        two sentences of the paragraph that report nothing (``Die Polizei sprach von … . In 400 Autos
        wurde Feuer gelegt. In einem Depot seien 27 Busse zerstört worden.``): the reported speech two or
        three sentences back in the same paragraph, not a direct quote, whose speaker is known."""
        if not any(self.inq[k] < 0 and self.toks[k].text in self.L.konjunktiv_one for k in range(s, e)):
            return None
        para = self.paragraph_of(i)
        for j in range(i - 2, max(-1, i - 4), -1):
            if self.paragraph_of(j) != para:
                break
            f = by_sentence.get(j)
            if f is not None and (f.name or f.mention) and f.kind != "direct":
                return f
        return None

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
