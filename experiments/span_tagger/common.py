"""Shared pieces of the span-tagger experiment: feature attributes, model architectures,
BIO decoding and loading the DocBins that convert.py writes."""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from thinc.api import LSTM, Model, chain, with_padded

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from quotewire.attribution import tagger, train_tagger  # noqa: E402

LABELS = tagger.LABELS


def add_features(doc: Doc, cue_lexicon: bool = False) -> Doc:
    """The shipped tagger's two extra attributes (quotewire.attribution.tagger.add_features:
    quotation state + cue class in ENT_ID, clause governor in ENT_KB_ID); without cue_lexicon,
    ENT_ID holds the quotation state alone, as the session-10 runs without ``cuelex`` had it."""
    tagger.add_features(doc)
    if not cue_lexicon:
        for tok in doc:
            tok.ent_id_ = tok.ent_id_.split("|", 1)[0]
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
    """Per label, over non-space tokens, B/I ignored (train_tagger.token_prf, rounded for the logs)."""
    return {lab: {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}
            for lab, (p, r, f) in train_tagger.token_prf(docs, gold, pred).items()}
