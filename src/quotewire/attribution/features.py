"""Features of a candidate attribution: what the scorer (model.py) weighs.

Strings, not numbers, so the model is a sparse logistic regression whose weights read as
a table (feature -> weight) in the shipped JSON.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.lexicon import cue_verbs, org_words, role_nouns
from quotewire.attribution.quotes import QUOTE_CHARS, QuoteSpan, title_like, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"\w+")
FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ours", "mine", "myself", "ourselves"}


def extend_with_quotes(cand: Candidate, quotes: list[QuoteSpan], text: str) -> None:
    """A content that reaches into a quotation takes all of it (a quote runs over sentences)."""
    s, e = cand.content_range()
    parts = list(cand.content)
    cue_at = cand.cue_char
    hit = [q for q in quotes if q.start < e and s < q.end and not q.start <= cue_at < q.end]
    if any(not title_like(text, q) for q in hit):
        hit = [q for q in hit if not title_like(text, q)]  # a show's name is not part of the speech
    if not hit:
        cand.quoted = "none"
        return
    for q in hit:
        parts.append((q.start, q.end))
    cue_lo = cand.cue[0]
    parts.sort()
    merged: list[list[int]] = []
    for a, b in parts:
        if merged and a <= merged[-1][1] + 3 and not text[merged[-1][1]:a].strip(" ,.;:\u2014-"):
            merged[-1][1] = max(merged[-1][1], b)
        elif merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    cand.content = [(a, b) for a, b in merged]
    del cue_lo
    inner_words = sum(len(_WORD.findall(text, q.start, q.end)) for q in hit)
    all_words = sum(len(_WORD.findall(text, a, b)) for a, b in cand.content)
    cand.quoted = "full" if inner_words >= all_words - 1 else "part"


def _gap(doc: "Doc", cand: Candidate) -> str:
    """How the cue sits against its content: right after it (``"…," she said``), right before it
    (``said: "…"``), inside it, or apart from it. Adjacency is what makes a quote the cue's."""
    text = text_of(doc)
    ca = doc[cand.cue[0]].idx
    cb = doc[cand.cue[1] - 1].idx + len(doc[cand.cue[1] - 1].text)
    s0, e0 = cand.content_range()
    if s0 < ca and e0 > cb:
        return "around"
    src = cand.char_source
    if e0 <= ca:
        between = text[e0:ca]
        if src is not None and e0 <= src[0] and src[1] <= ca:
            between = text[e0:src[0]] + text[src[1]:ca]
            words = len(_WORD.findall(between))
            return "pre_src" if words == 0 else ("pre_src_near" if words <= 3 else "pre_far")
        words = len(_WORD.findall(between))
        return "pre_adj" if words == 0 else ("pre_near" if words <= 3 else "pre_far")
    between = text[cb:s0]
    if src is not None and cb <= src[0] and src[1] <= s0:
        between = text[cb:src[0]] + text[src[1]:s0]
    words = len(_WORD.findall(between))
    mark = "colon" if ":" in between else "comma" if "," in between else "none"
    return f"post_{mark}" if words == 0 else ("post_near" if words <= 3 else "post_far")


def _bucket(n: int, edges: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 21, 34, 55)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


def featurize(doc: "Doc", cand: Candidate, quotes: list[QuoteSpan]) -> list[str]:
    text = text_of(doc)
    v = doc[cand.cue_head]
    lemma = v.lemma_.lower()
    cues = cue_verbs()
    cls = cues.get(lemma, "none")
    k = cand.kind
    f = [f"k={k}", f"lem={lemma}", f"k_lem={k}|{lemma}", f"cls={cls}", f"k_cls={k}|{cls}",
         f"tag={v.tag_}", f"k_tag={k}|{v.tag_}", f"dep={v.dep_}", f"k_dep={k}|{v.dep_}",
         f"q={cand.quoted}", f"k_q={k}|{cand.quoted}", f"cls_q={cls}|{cand.quoted}",
         f"k_cls_q={k}|{cls}|{cand.quoted}", f"lem_q={lemma}|{cand.quoted}"]
    cue_text = doc[cand.cue[0]:cand.cue[1]].text.lower()
    if cand.cue[1] - cand.cue[0] > 1:
        f.append(f"cue={cue_text}")
    if any(c.dep_ == "neg" for c in v.children):
        f.append("neg")
        f.append(f"neg_cls={cls}")
    # source
    if cand.source_head is None:
        f += ["src=none", f"k_src={k}|none", f"cls_src={cls}|none"]
    else:
        s = doc[cand.source_head]
        if s.pos_ == "PRON":
            st = "pron_" + s.lower_ if s.lower_ in ("he", "she", "they", "i", "we", "it", "you", "who") else "pron"
        elif s.ent_type_:
            st = "ent_" + s.ent_type_
        elif s.pos_ == "PROPN":
            st = "propn"
        elif s.lemma_.lower() in role_nouns():
            st = "role"
        elif s.lemma_.lower() in org_words():
            st = "org"
        else:
            st = s.pos_
        f += [f"src={st}", f"k_src={k}|{st}", f"cls_src={cls}|{st}", f"lem_src={lemma}|{st}",
              f"cls_q_src={cls}|{cand.quoted}|{st}", f"k_cls_q_src={k}|{cls}|{cand.quoted}|{st[:4]}"]
        f.append(f"src_lem={s.lemma_.lower()}" if s.pos_ != "PROPN" else "src_lem=PROPN")
        if cand.source_head > cand.cue_head:
            f.append("src_after")
            f.append(f"k_src_after={k}")
    # content
    n_words = sum(len(_WORD.findall(text, a, b)) for a, b in cand.content)
    f.append(f"len={_bucket(n_words)}")
    f.append(f"k_len={k}|{_bucket(n_words)}")
    f.append(f"parts={min(len(cand.content), 3)}")
    s0, e0 = cand.content_range()
    first = doc.char_span(s0, min(e0, s0 + 40), alignment_mode="expand")
    if first is not None and len(first):
        f.append(f"c0={first[0].lower_ if first[0].is_stop or first[0].is_punct else first[0].pos_}")
        ch = first.root
        f.append(f"chead={ch.pos_}")
    if cand.content_range()[0] > doc[cand.cue_head].idx:
        f.append("after_cue")
    if "\n\n" in text[s0:e0]:
        f.append("multi_para")
    sent = v.sent
    if s0 < sent.start_char or e0 > sent.end_char:
        f.append("beyond_sent")
    # is the cue inside quotation marks? (then it is quoted speech, rarely a cue of its own)
    for q in quotes:
        if q.start < v.idx < q.end:
            f.append("cue_in_quote")
            f.append(f"k_cue_in_quote={k}")
            break
    words = {w.lower() for w in _WORD.findall(text, s0, e0)}
    if words & FIRST_PERSON:
        f.append(f"first_person_q={cand.quoted}")
    if v.i == sent.root.i:
        f.append("cue_root")
    gap = _gap(doc, cand)
    f += [f"gap={gap}", f"k_gap={k}|{gap}", f"q_gap={cand.quoted}|{gap}", f"cls_gap={cls}|{gap}",
          f"k_cls_gap={k}|{cls}|{gap}"]
    if not (sent.start_char <= s0 < sent.end_char or sent.start_char < e0 <= sent.end_char):
        f.append(f"cross_sent={cand.quoted}")
    if cand.quoted == "full":
        # how the last quotation closes: "…," and "…?" before a cue are speech; "…" bare is often a term
        inner = text[:cand.content[-1][1]].rstrip()[:-1].rstrip()
        end = inner[-1:] if inner[-1:] in ",.!?:;-\u2014" else "w"
        f += [f"qend={end}", f"k_qend={k}|{end}", f"qend_len={end}|{_bucket(n_words)}"]
    if cand.cut:
        f += [f"cut={cand.cut}", f"k_cut={k}|{cand.cut}", f"q_cut={cand.quoted}|{cand.cut}"]
    if cand.ext:
        e = cand.ext
        f += [f"ext={e}", f"k_ext={k}|{e}", f"q_ext={cand.quoted}|{e}", f"cls_ext={cls}|{e}"]
        f += [f"ext_{flag}={e}" for flag in cand.ext_flags] + [f"k_ext_{flag}={k}|{e}" for flag in cand.ext_flags]
    f.append("bias")
    return f
