"""Shared pieces of the span-tagger experiment: feature attributes, model architectures,
BIO decoding and loading the DocBins that convert.py writes."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from thinc.api import LSTM, Model, chain, with_padded

OPEN = "\u201c\u00ab\u201e"
CLOSE = "\u201d\u00bb"
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis", "csubj", "advcl", "acl", "relcl", "conj"}
LABELS = ("CONTENT", "CUE", "SOURCE")
DATA = Path(__file__).resolve().parents[2] / "src" / "quotewire" / "data" / "attribution"


def _lexicon() -> dict[str, str]:
    """The project's cue lexicon: lemma -> class (cue_verbs.txt), nouns -> noun (cue_nouns.txt)."""
    out: dict[str, str] = {}
    for name, default in (("cue_verbs.txt", "verb"), ("cue_nouns.txt", "noun")):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cols = line.split("\t")
                out.setdefault(cols[0].strip().lower(), cols[1].strip() if len(cols) > 1 else default)
    return out


CUES = _lexicon()


def add_features(doc: Doc, cue_lexicon: bool = False) -> Doc:
    """Two extra per-token attributes the tok2vec can hash (they hold no text of their own):

    ENT_ID   quotation state: QM for a quotation mark, Q1 inside marks, Q0 outside. Straight
             marks toggle; curly marks open/close; a blank line closes an open quotation.
             With cue_lexicon, ``Q0|speech``: the lemma's class in cue_verbs.txt / cue_nouns.txt.
    ENT_KB_ID the clause governor: for the nearest ancestor-or-self whose dependency opens a
             clause (ccomp, xcomp, parataxis, ...), the lemma of its head and that dependency
             (``say|ccomp``); the sentence root's lemma when none (``ROOT|win``)."""
    inside = False
    for tok in doc:
        t = tok.text
        if tok.is_space and t.count("\n") >= 2:
            inside = False
            tok.ent_id_ = "Q0"
            continue
        if any(c in t for c in OPEN + CLOSE + '"') or t in ("''", "``"):
            if any(c in t for c in OPEN) or t == "``":
                inside = True
            elif any(c in t for c in CLOSE) or t == "''":
                inside = False
            else:
                inside = not inside
            tok.ent_id_ = "QM"
            continue
        tok.ent_id_ = "Q1" if inside else "Q0"
    for tok in doc:
        gov = "ROOT|" + tok.sent.root.lemma_.lower() if doc.has_annotation("DEP") else "ROOT"
        node = tok
        for _ in range(12):
            if node.dep_ in CLAUSE_DEPS:
                gov = f"{node.head.lemma_.lower()}|{node.dep_}"
                break
            if node.head is node:
                break
            node = node.head
        tok.ent_kb_id_ = gov
    if cue_lexicon:  # the quotation state and the cue class of the lemma share ENT_ID
        for tok in doc:
            tok.ent_id_ = f"{tok.ent_id_}|{CUES.get(tok.lemma_.lower(), '-')}"
    return doc


def load_docs(path: Path, vocab) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(vocab))


@spacy.registry.architectures("span_tagger.CNNBiLSTM.v1")
def cnn_bilstm(width: int, window_size: int, maxout_pieces: int, depth: int, lstm_depth: int) -> Model:
    """MaxoutWindowEncoder, then a bidirectional LSTM (thinc's own, numpy: no torch)."""
    cnn = spacy.registry.architectures.get("spacy.MaxoutWindowEncoder.v2")(
        width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
    return chain(cnn, with_padded(LSTM(nO=width, nI=width, bi=True, depth=lstm_depth)))


def model_config(attrs: list[str], rows: list[int], width: int, depth: int, window: int,
                 lstm_depth: int = 0) -> dict:
    embed = {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": attrs, "rows": rows,
             "include_static_vectors": False}
    if lstm_depth:
        encode = {"@architectures": "span_tagger.CNNBiLSTM.v1", "width": width, "window_size": window,
                  "maxout_pieces": 3, "depth": depth, "lstm_depth": lstm_depth}
    else:
        encode = {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "window_size": window,
                  "maxout_pieces": 3, "depth": depth}
    return {"model": {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
                      "tok2vec": {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}}}


def decode(tags: list[str]) -> list[tuple[str, int, int]]:
    """BIO tags -> (label, start token, end token exclusive); an I- after another label starts a span.
    Whitespace inside a span is kept; spans are trimmed of trailing tags by the caller."""
    spans = []
    cur = None
    for i, t in enumerate(tags):
        if t == "O":
            if cur:
                spans.append(tuple(cur))
                cur = None
            continue
        bi, lab = t.split("-", 1)
        if bi == "B" or cur is None or cur[0] != lab:
            if cur:
                spans.append(tuple(cur))
            cur = [lab, i, i + 1]
        else:
            cur[2] = i + 1
    if cur:
        spans.append(tuple(cur))
    return spans  # type: ignore[return-value]


def predict_tags(tagger, docs: list[Doc], batch: int = 8) -> list[list[str]]:
    labels = tagger.labels
    out = []
    for i in range(0, len(docs), batch):
        scores = tagger.model.predict(docs[i:i + batch])
        for s in scores:
            out.append([labels[j] for j in tagger.model.ops.to_numpy(s).argmax(axis=1)])
    return out


def token_prf(docs: list[Doc], gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Per label, over non-space tokens, B/I ignored."""
    out = {}
    for lab in LABELS:
        tp = fp = fn = 0
        for doc, g, p in zip(docs, gold, pred):
            for tok, a, b in zip(doc, g, p):
                if tok.is_space:
                    continue
                ga, pb = a.endswith(lab), b.endswith(lab)
                tp += ga and pb
                fp += pb and not ga
                fn += ga and not pb
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = {"P": round(pr, 3), "R": round(rc, 3), "F1": round(2 * pr * rc / (pr + rc) if pr + rc else 0.0, 3)}
    return out
