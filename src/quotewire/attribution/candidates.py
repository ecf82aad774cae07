"""Candidate attributions read off the dependency parse: (source, cue, content) triples.

Every construction that can report speech or thought yields a candidate: a verb with a
clausal complement (``X said (that) ...``), content before the cue (``..., X warned``),
``according to X``, a verb with an infinitive or object complement (``X plans to ...``), a predication
(``X called Y a "..."``, ``X accused Y of ...``), a noun with a that-clause (``X's claim that
...``), a possessor's speech noun (``his call for "..."``), a cue ending in a colon followed
by a quote, a headline ``Name: words``, and quotation-mark spans that no construction covers.
The fixed word orders around a quotation (``"...," said X``) are read off tags in surface.py. Which candidates are real
attributions is decided by the scorer (model.py) from the features made here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotewire.attribution.lexicon import can_speak, control_verbs, cue_verbs, role_nouns
from quotewire.attribution.quotes import QUOTE_CHARS, QuoteSpan, text_of
from quotewire.attribution.tokens import (NOMINAL, char_ranges, cue_range, cut_hyphen_tail, subtree_range, token_runs,
                                         trim_range)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
INHERIT = ("advcl", "xcomp", "conj", "acl", "pcomp")
PRON_SOURCE = {"he", "she", "they", "i", "we", "it", "you", "who"}


@dataclass
class Candidate:
    # construction: ccomp, ccomp_pre, parataxis, according, xcomp, dobj, prep, pred, noun, noun_poss,
    # colon, quote, headline, surface (surface.py)
    kind: str
    cue: tuple[int, int]  # token range [start, end)
    content: list[tuple[int, int]]  # char ranges
    source: tuple[int, int] | None = None  # token range
    source_head: int | None = None  # token index
    cue_head: int = -1
    feats: list[str] = field(default_factory=list)
    score: float = 0.0
    quoted: str = "none"  # none, full, part
    char_source: tuple[int, int] | None = None  # source as a char range, set by core
    cue_char: int = -1  # char offset of the cue head
    cut: str = ""  # a variant whose trailing clause was cut off (extents.trailing_cuts): what kind of clause
    ext: str = ""  # a variant run on past a parenthetical cue (extents.parenthetical_extensions)
    ext_flags: list[str] = field(default_factory=list)  # what the added stretch holds: its length, a cue verb
    rival_feats: list[str] = field(default_factory=list)  # its standing among rivals (rivals.py), second pass

    def content_range(self) -> tuple[int, int]:
        return self.content[0][0], self.content[-1][1]


def source_of(tok: "Token", depth: int = 0) -> "Token | None":
    """The token that names who speaks: the subject, the passive agent, or a governing clause's subject."""
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            return None
    if tok.dep_ == "relcl" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return tok.head
    if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.i > tok.head.i and \
            tok.head.dep_ == "ROOT" and tok.head.pos_ in ("PROPN", "NOUN"):
        # "The company, which is expected to ..., confirmed that ...": a finite verb the parser hung
        # on a subject noun as a modifier (the sentence left without a verb) has that noun as subject
        return tok.head
    stranded = _stranded_subject(tok)
    if stranded is not None:
        return stranded
    if tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in control_verbs() and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "... led the maker to announce ...", "asked her to confirm": the object is who speaks
        obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if obj is not None:
            return obj
    # "…, before insisting that …": a participle under a verb's preposition shares that verb's subject
    if depth < 3 and tok.head.i != tok.i and (
            tok.dep_ in INHERIT or (tok.dep_ == "prep" and depth > 0 and tok.head.pos_ in ("VERB", "AUX"))):
        return source_of(tok.head, depth + 1)
    return None


def _stranded_subject(tok: "Token") -> "Token | None":
    """``As we have noted, a study by X concluded that ...`` parsed with "a study" as the object
    of "noted": a subjectless verb's leading clause whose object a comma parts from its verb (no
    English object is so parted) had the verb's subject taken for that object."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    doc = tok.doc
    for c in tok.children:
        if c.dep_ != "advcl" or c.i > tok.i:
            continue
        for d in c.children:
            if d.dep_ == "dobj" and c.i < d.left_edge.i and d.i < tok.i and d.pos_ in ("NOUN", "PROPN") \
                    and any(doc[k].text == "," for k in range(c.i + 1, d.left_edge.i)):
                return d
    return None


def source_range(doc: "Doc", src: "Token", avoid: set[int]) -> tuple[int, int]:
    """The source noun phrase: its subtree, cut at a relative clause or at the content."""
    start, end = src.i, src.i + 1
    clause = {t.i for c in src.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    for t in src.subtree:
        if t.i in avoid:
            continue
        if t.i in clause:
            if t.i > src.i:
                break
            continue
        start, end = min(start, t.i), max(end, t.i + 1)
    # keep only the contiguous stretch around the head that avoids the content
    s = src.i
    while s > start and (s - 1) not in avoid:
        s -= 1
    e = src.i + 1
    while e < end and e not in avoid:
        e += 1
    s, e = trim_range(doc, s, e)
    if src.i == e - 1:
        e = cut_hyphen_tail(doc, s, e)
    while s < e and doc[s].text in QUOTE_CHARS + "\u2019":  # a closing mark is never the speaker
        s, e = trim_range(doc, s + 1, e)
    while e > s and doc[e - 1].text in QUOTE_CHARS:
        s, e = trim_range(doc, s, e - 1)
    return (s, e) if e > s else (src.i, src.i + 1)


def generate(doc: "Doc", quotes: list[QuoteSpan]) -> list[Candidate]:
    """Every candidate of the document, unscored."""
    out: list[Candidate] = []
    cues = cue_verbs()
    for tok in doc:
        pos = tok.pos_
        if tok.lower_ == "according":
            _according(doc, tok, out)
        elif pos in ("VERB", "AUX"):
            named = _bare_name_before(doc, tok)
            if tok.dep_ == "advcl" and tok.lemma_ in cues and (named is not None or any(
                    c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)):
                _as_clause(doc, tok, out, named)
            else:
                _verb_candidates(doc, tok, out, cues)
        elif pos == "NOUN":
            _noun_candidate(doc, tok, out)
    _colon_candidates(doc, quotes, out)
    for c in out:
        _source_outside_quote(doc, c, quotes)
    return out


def source_after_quote(doc: "Doc", q_end_tok: int, v: "Token") -> tuple[int, int] | None:
    """``"...," Jane Doe, 58, told ...``: the name between the closing mark and the cue.

    The parser often hangs such a cue on the quote's own verb, so the quote's subject looks
    like the speaker; the words before the first comma after the quote are the real one.
    """
    i = q_end_tok
    while i < v.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    j = i
    while j < v.i and doc[j].text not in (",", "\u2014", "(") and not doc[j].is_space:
        j += 1
    if j <= i or j - i > 8 or not any(doc[k].pos_ in NOMINAL for k in range(i, j)):
        return None
    return i, j


def source_before_cue(doc: "Doc", v: "Token") -> tuple[int, int] | None:
    """``..., her adviser, Jane Doe, said: "..."``: the noun phrase right before the cue."""
    i = v.i - 1
    while i >= v.sent.start and (doc[i].is_punct or doc[i].is_space or doc[i].pos_ in ("AUX", "ADV", "PART")):
        i -= 1
    if i < v.sent.start or doc[i].pos_ not in NOMINAL:
        return None
    top = doc[i]
    while top.head.i != top.i and top.head.i < v.i and top.head.pos_ in NOMINAL and top.head.i >= v.sent.start:
        top = top.head
    lo = min(t.i for t in top.subtree if t.i < v.i)
    lo = max(lo, v.sent.start)
    return trim_range(doc, lo, i + 1)


def _source_outside_quote(doc: "Doc", c: Candidate, quotes: list[QuoteSpan]) -> None:
    """A speaker is never inside the quotation its cue stands outside of."""
    if c.source_head is None:
        if c.kind not in ("colon", "quote"):
            return
        at = c.content[0][0]  # a quotation with no subject found: look around the cue
    else:
        at = doc[c.source_head].idx
    q = next((q for q in quotes if q.start <= at < q.end), None)
    if q is None or q.start <= c.cue_char < q.end:
        return
    v = doc[c.cue_head]
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is not None and span.end <= v.i:
        rng = source_after_quote(doc, span.end, v)
    elif span is not None and v.i < span.start:
        rng = source_before_cue(doc, v)
    else:
        rng = None
    if rng is None:
        c.source, c.source_head = None, None
        return
    c.source = rng
    heads = [k for k in range(*rng) if not (rng[0] <= doc[k].head.i < rng[1]) or doc[k].head.i == k]
    c.source_head = heads[0] if heads else rng[1] - 1


def _content_tokens(tok: "Token", exclude: set[int]) -> list[int]:
    return [t.i for t in tok.subtree if t.i not in exclude]


def _add(doc: "Doc", out: list[Candidate], kind: str, v: "Token", content_idx: list[int],
         src: "Token | None", cue: tuple[int, int] | None = None) -> None:
    cue = cue or cue_range(doc, v)
    cue_set = set(range(*cue))
    content_idx = [i for i in content_idx if i not in cue_set]
    src_range = None
    if src is not None:
        src_range = source_range(doc, src, set(content_idx) | cue_set)
        srcs = set(range(*src_range))
        content_idx = [i for i in content_idx if i not in srcs]
    runs = token_runs(doc, content_idx)
    if not runs:
        return
    out.append(Candidate(kind=kind, cue=cue, content=char_ranges(doc, runs), source=src_range,
                         source_head=src.i if src is not None else None, cue_head=v.i, cue_char=v.idx))


def _inverted_subject(doc: "Doc", v: "Token") -> "Token | None":
    """"This plan, says Jane Doe, a planner, will ...": the name right after a subjectless cue,
    which the parser hung on the main clause instead."""
    if v.i + 1 >= len(doc):
        return None
    name = doc[v.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i and name.head.ent_type_ == name.ent_type_:
        name = name.head
    if name.ent_type_ == "PERSON" and name.dep_ in ("nsubj", "nsubjpass") and name.head.i == v.head.i:
        return name
    return None


def _cited(v: "Token", cues: dict[str, str]) -> "Token | None":
    """``X, citing an unnamed official, reported that ...``: a report passed on from a source it
    cites is that source's (the outlet only passes it on); only a source that can speak, never
    ``citing weak demand``."""
    if cues.get(v.lemma_.lower()) != "speech" or not any(c.dep_ == "ccomp" for c in v.children):
        return None
    for c in v.children:
        if c.lemma_ == "cite" and c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp", "acl"):
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and can_speak(obj):
                return obj
    return None


def _verb_candidates(doc: "Doc", v: "Token", out: list[Candidate], cues: dict[str, str]) -> None:
    src = _cited(v, cues) or source_of(v)
    done = False
    for c in v.children:
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i > v.i and v.lemma_ in cues):
            kind = "ccomp" if c.i > v.i else "ccomp_pre"
            excl = set(range(*subtree_range(v))) - set(range(*subtree_range(c)))
            _add(doc, out, kind, v, _content_tokens(c, excl), src)
            done = True
    if not done and v.dep_ == "parataxis":
        head = v.head
        vt = set(range(*subtree_range(v)))
        if head.i < v.i:
            idx = [t.i for t in head.subtree if t.i not in vt and t.i < v.left_edge.i]
        else:  # "My hope," she said, "is that ...": the content goes round the cue
            # "As the head of the board, Jane Doe, notes, ...": the as-phrase describes the source
            desc = {t.i for c in head.children if c.i < v.i and c.dep_ == "prep" and c.lower_ == "as"
                    for t in c.subtree}
            idx = [t.i for t in head.subtree if t.i not in vt and t.i not in desc]
        if src is None:
            src = _inverted_subject(doc, v)
        _add(doc, out, "parataxis", v, idx, src)
        done = True
    if not done and v.dep_ == "ROOT" and v.lemma_ in cues and v.i > 0:
        # "..., X warned." parsed with the content as a loose left dependent
        left = [c for c in v.children if c.i < v.i and c.dep_ in ("advcl", "dep", "ccomp", "npadvmod", "intj")
                and c.pos_ in ("VERB", "AUX")]
        if left:
            _add(doc, out, "ccomp_pre", v, _content_tokens(left[0], set()), src)
            done = True
        elif src is not None and src.i < v.i and src.left_edge.i > v.sent.start + 2 \
                and doc[src.left_edge.i - 1].text == "," and cues.get(v.lemma_) == "speech":
            # "<clause the parser broke up>, Y concluded.": all that precedes the comma
            idx = [t.i for c in v.children if c.i < src.left_edge.i and c.dep_ not in ("punct", "cc")
                   for t in c.subtree]
            if len(idx) >= 3:
                _add(doc, out, "ccomp_pre", v, idx, src)
                done = True
    _predication(doc, v, out, src)
    for c in v.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > v.i:
            _add(doc, out, "xcomp", v, _content_tokens(c, set()), src)
        elif c.dep_ == "dobj" and c.i > v.i and not done and src is not None:
            _add(doc, out, "dobj", v, _content_tokens(c, set()), src)
        elif c.dep_ == "prep" and c.i > v.i and not done and src is not None:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if not pobj:
                continue
            cue = (min(v.i, c.i), max(v.i, c.i) + 1) if c.i - v.i <= 2 else None
            if v.lemma_ != "say":
                _add(doc, out, "prep", v, _content_tokens(pobj[0], set()), src, cue=cue)
                continue
            # "said on Monday", "said on Radio X's show": for "say" a prepositional phrase is when,
            # where or how, never what (unlike "warned of"); but in "said in a statement that ..."
            # the statement's that-clause is what was said
            clause = [g for g in pobj[0].children if g.dep_ in ("acl", "ccomp", "relcl") and g.i > pobj[0].i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
            if clause:
                _add(doc, out, "prep", v, _content_tokens(clause[0], set()), src, cue=cue)


_PRED_PREPS = ("as", "of", "for")


def _predication(doc: "Doc", v: "Token", out: list[Candidate], src: "Token | None") -> None:
    """``X called Y a "Z"``, ``X described Y as Z``, ``X accused Y of Z``: the object and what is
    said of it are the content together."""
    if src is None:
        return
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None:
        return
    comp = next((c for c in v.children if c.i > obj.i and (c.dep_ == "oprd" or (
        c.dep_ == "prep" and c.lower_ in _PRED_PREPS and any(g.dep_ in ("pobj", "pcomp", "amod") for g in c.children)))),
        None)
    if comp is None:
        return
    idx = list(range(obj.left_edge.i, comp.right_edge.i + 1))
    _add(doc, out, "pred", v, idx, src)


def _according(doc: "Doc", tok: "Token", out: list[Candidate]) -> None:
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to:
        return
    pobj = [c for c in to[0].children if c.dep_ == "pobj"]
    if not pobj:
        return
    head = tok.head if tok.head.i != tok.i else None
    acc = set(range(*subtree_range(tok)))
    if head is None:
        return
    if cue_verbs().get(head.lemma_.lower()) == "speech" and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        # "'...,' he said, according to the paper" / "According to the agency, a user posted: '...'":
        # the one who said it said it; the paper or agency only passes it on
        return
    if any(t.i < tok.i and t.dep_ == "advcl" and cue_verbs().get(t.lemma_) == "speech" and _as_report(t)
           and any(s.dep_ == "nsubj" for s in t.children) and t.head.is_ancestor(tok) for t in tok.sent):
        return  # "As X noted, A meant B, according to guidance from Y": X's words, Y their authority
    sent = tok.sent
    idx = [t.i for t in head.subtree if t.i not in acc]
    if not idx:
        return
    # "according to X" covers the whole clause it modifies; when it is at the end, the content is before it
    src_range = trim_range(doc, *(subtree_range(pobj[0])))
    cue = (tok.i, to[0].i + 1)
    runs = token_runs(doc, [i for i in idx if sent.start <= i < sent.end])
    if not runs:
        return
    out.append(Candidate(kind="according", cue=cue, content=char_ranges(doc, runs), source=src_range,
                         source_head=pobj[0].i, cue_head=tok.i, cue_char=tok.idx))


def _bare_name_before(doc: "Doc", v: "Token") -> "Token | None":
    """``..., Jane Doe, notes, <content>``: a subjectless cue right after a comma-fenced name."""
    if v.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    prev = doc[v.i - 1]
    if prev.text != ",":
        return None
    name = doc[v.i - 2]
    return name if name.ent_type_ == "PERSON" and name.pos_ == "PROPN" else None


def _subject_words(v: "Token") -> int:
    """How many words the subject before ``v`` takes ("As the network's correspondent Jane Roe noted")."""
    return sum(len(list(c.subtree)) for c in v.children if c.dep_ == "nsubj" and c.i < v.i)


def _as_report(v: "Token", named: "Token | None" = None) -> bool:
    """Whether ``As X notes`` is a parenthetical report: an as-clause whose verb takes no object
    or complement of its own ("as they asked for it" is a reason; "as X notes in a report" and
    "at the time" are still reports) and holds little beside its subject."""
    if not any(m.dep_ == "mark" and m.lower_ == "as" for m in v.children) and named is None:
        return False
    if any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "dative") and not (c.dep_ == "prep" and c.lower_ in ("in", "on", "at"))
           for c in v.children):
        return False
    return named is not None or v.i - v.left_edge.i - _subject_words(v) <= 4


def _as_clause(doc: "Doc", v: "Token", out: list[Candidate], named: "Token | None" = None) -> None:
    """``As X notes, <content>``: the clause that the as-clause modifies is what X said."""
    head = v.head
    if head.i == v.i:
        return
    if not _as_report(v, named):
        return
    src = named if named is not None else source_of(v)
    if src is not None and src.lower_ in ("we", "i", "you"):
        return  # "As we have noted, ...": the writer's own aside, no one's report
    drop = {v.i} | {t.i for c in v.children if c.dep_ in ("mark", "nsubj", "aux", "neg", "advmod", "punct", "prt", "prep")
                    for t in c.subtree}
    idx = [t.i for t in head.sent if t.i not in drop and t.i > v.i or t.i == head.i]
    idx += [t.i for c in v.children if c.i > v.i and c.dep_ not in ("punct",) and c.i not in drop for t in c.subtree]
    before = len(out)
    _add(doc, out, "according", v, idx, src)
    if len(out) > before:
        out[-1].cue = cue_range(doc, v)


def _noun_candidate(doc: "Doc", n: "Token", out: list[Candidate]) -> None:
    for c in n.children:
        if c.dep_ in ("acl", "ccomp") and c.i > n.i and any(g.dep_ == "mark" and g.lower_ == "that"
                                                           for g in c.children):
            src = next((g for g in n.children if g.dep_ == "poss"), None)
            if src is None:
                src = source_of(n.head) if n.dep_ in ("dobj", "attr") else None
            cue = (n.i, n.i + 1)
            if n.dep_ == "dobj" and n.head.pos_ in ("VERB", "AUX") and n.head.i < n.i and n.i - n.head.i <= 4:
                cue = (cue_range(doc, n.head)[0], n.i + 1)  # "never made the claim that": the verb is part of the cue
            _add(doc, out, "noun", n, _content_tokens(c, set()), src, cue=cue)
            return
    # "his call for "a ban"", "her promise to be "neutral"": a possessor's words given as a noun
    poss = next((g for g in n.children if g.dep_ == "poss"), None)
    if poss is None:
        return
    for c in n.children:
        if c.i < n.i or c.dep_ not in ("prep", "acl", "xcomp"):
            continue
        body = [t for t in c.subtree] if c.dep_ != "prep" else [t for g in c.children if g.dep_ == "pobj" for t in g.subtree]
        if body and any(t.text in QUOTE_CHARS for t in body):
            cue = (n.i, c.i + 1) if c.dep_ == "prep" else (n.i, n.i + 1)
            _add(doc, out, "noun_poss", n, [t.i for t in body], poss, cue=cue)
            return


def _colon_candidates(doc: "Doc", quotes: list[QuoteSpan], out: list[Candidate]) -> None:
    """``X said:`` followed by a quote (same or next paragraph)."""
    text = text_of(doc)
    starts = {q.start: q for q in quotes}
    for tok in doc:
        if tok.text != ":" or tok.i == 0:
            continue
        j = tok.idx + 1
        while j < len(text) and text[j].isspace():
            j += 1
        q = starts.get(j)
        if q is None:
            continue
        prev = doc[tok.i - 1]
        if prev.ent_type_ in ("PERSON", "ORG", "") and prev.pos_ == "PROPN" and (
                doc[tok.i + 1].is_space or doc[tok.i + 1].idx == q.start if tok.i + 1 < len(doc) else True):
            # "Jane Doe: "...": a name and a colon introduce the quotation
            lo = prev.i
            while lo > prev.sent.start and doc[lo - 1].pos_ == "PROPN" and not doc[lo - 1].is_space:
                lo -= 1
            vv = tok.head
            if vv.pos_ not in ("VERB", "AUX") or vv.i > tok.i or source_of(vv) is None:
                lo, head = _label_person(doc, tok, lo) or (lo, prev.i)
                out.append(Candidate(kind="colon", cue=(tok.i, tok.i + 1), content=[(q.start, q.end)],
                                     source=(lo, head + 1), source_head=head, cue_head=tok.i, cue_char=tok.idx))
                continue
        v = tok.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        if v.pos_ not in ("VERB", "AUX"):
            continue
        src = source_of(v)
        cue = cue_range(doc, v)
        src_range = source_range(doc, src, set(range(*cue))) if src is not None else None
        out.append(Candidate(kind="colon", cue=cue, content=[(q.start, q.end)], source=src_range,
                             source_head=src.i if src is not None else None, cue_head=v.i, cue_char=v.idx))


def _label_person(doc: "Doc", colon: "Token", lo: int) -> tuple[int, int] | None:
    """"Jane Roe, director of gardens at Acme Trust:" or "Jane Roe, Acme Trust:" over a quote: a
    label line that opens with a person's name and a comma names that person; the body after it is
    where they work."""
    text = text_of(doc)
    line = text.rfind("\n", 0, colon.idx) + 1
    first = next((t for t in doc[max(0, lo - 40):lo] if t.idx >= line and not t.is_space), None)
    if first is None or first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return None
    end = first.i
    while end + 1 < lo and doc[end + 1].ent_iob_ == "I":
        end += 1
    if doc[end + 1].text != "," or any(t.ent_type_ == "PERSON" for t in doc[end + 2:colon.i]):
        return None  # "Jane Roe, John Doe:" is two people
    return first.i, end


def quote_candidates(doc: "Doc", quotes: list[QuoteSpan], taken: list[tuple[int, int]]) -> list[Candidate]:
    """A quote no candidate covers gets the nearest reporting verb of its sentence or the next."""
    out: list[Candidate] = []
    cues = cue_verbs()
    for q in quotes:
        if any(s < q.end and q.start < e for s, e in taken):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        best: "Token | None" = None
        best_d = 10**9
        sents = [span[0].sent, span[-1].sent]
        if span[-1].i + 1 < len(doc):
            sents.append(doc[span[-1].i + 1].sent)
        for sent in sents:
            for t in sent:
                if span.start <= t.i < span.end or t.lemma_ not in cues or t.pos_ != "VERB":
                    continue
                d = min(abs(t.i - span.start), abs(t.i - span.end))
                if d < best_d and (source_of(t) is not None or (
                        t.i >= span.end and source_after_quote(doc, span.end, t) is not None)):
                    best, best_d = t, d
        if best is None:
            continue
        src = source_of(best)
        cue = cue_range(doc, best)
        src_range = source_range(doc, src, set(range(span.start, span.end))) if src is not None else None
        c = Candidate(kind="quote", cue=cue, content=[(q.start, q.end)], source=src_range,
                      source_head=src.i if src is not None else None, cue_head=best.i, cue_char=best.idx)
        if src is None or span.start <= src.i < span.end:
            c.source_head = span.start  # inside: _source_outside_quote looks after the quote
        _source_outside_quote(doc, c, quotes)
        if c.source is not None:
            out.append(c)
    return out


def headline_candidates(doc: "Doc", blocks: list[tuple[int, int]]) -> list[Candidate]:
    """``Harbour chief: Ferries return in May``: a headline whose short noun-phrase lead names a
    speaker or a role, then a colon, attributes the rest to it."""
    out: list[Candidate] = []
    roles = role_nouns()
    for start, end in blocks:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        colon = next((t for t in span if t.text == ":"), None)
        if colon is None or colon.i == span.start or colon.i - span.start > 6:
            continue
        lead = doc[span.start:colon.i]
        if lead[-1].like_num:
            continue  # "Step 2: ...", "Phase 1: ...": a numbered label, no one's words
        cues = cue_verbs()
        if any(t.lower_ in cues or (t.pos_ in ("VERB", "AUX") and t.is_lower) for t in lead) \
                or any(t.text in QUOTE_CHARS for t in lead):
            continue  # "Mayor says: …" is the verb's; a headline parse tags capitalised nouns as verbs
        named = [t for t in lead if t.pos_ == "PROPN" or t.lemma_.lower() in roles]
        rest = [t.i for t in doc[colon.i + 1:span.end] if not t.is_space]
        if not named or len(rest) < 3:
            continue
        runs = token_runs(doc, rest)
        if not runs:
            continue
        head = named[-1]
        out.append(Candidate(kind="headline", cue=(colon.i, colon.i + 1), content=char_ranges(doc, runs),
                             source=trim_range(doc, lead.start, lead.end), source_head=head.i, cue_head=colon.i,
                             cue_char=colon.idx))
    return out


def sentence_of(doc: "Doc", i: int) -> "Span":
    return doc[i].sent
