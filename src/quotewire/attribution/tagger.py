"""The span tagger: a learned per-token reading of which words are content, cue and source.

A BIO tagger (spaCy's ``tagger`` component over its own Tok2Vec: hash embeddings of the words
and of the pipeline's parse, a CNN, then a bidirectional LSTM; thinc only, no torch) reads the
whole article and gives every token its probability of being inside a content, a cue or a
source of some attribution (``probabilities``). It was trained on PolNeAR train
(``python -m quotewire.attribution.train_tagger``; models/span_tagger/CARD.md). It proposes
nothing by itself: the score stage turns its probabilities over each rule candidate's
content, cue and source into features (``features``), so that the scorer sees what a model of
the whole article thinks of the candidate's words, not only the candidate's own construction.

Its inputs beyond the words are the parse (POS, DEP, TAG, ENT_TYPE) and two attributes set on a
copy of the Doc (``add_features``): whether a token is inside quotation marks, with its lemma's
class in the cue lexicon, and the governor of its clause (``say|ccomp``). The shipped files hold
weights and labels only, no vocabulary: the hash embeddings need no strings.
"""
from __future__ import annotations

import bisect
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from quotewire.attribution.candidates import Candidate, source_of, source_range
from quotewire.attribution.lexicon import can_speak
from quotewire.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "span_tagger"
DATA = Path(__file__).resolve().parent.parent / "data" / "attribution"
USER_KEY = "quotewire.span_tagger"  # doc.user_data: the article's probabilities (training sets them out of fold)
LABELS = ("CONTENT", "CUE", "SOURCE")
OPEN = "\u201c\u00ab\u201e"
CLOSE = "\u201d\u00bb"
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj", "advcl", "acl", "relcl", "conj"})
BASE_ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
BASE_ROWS = [5000, 1000, 2500, 2500]
PARSE_ATTRS = ["POS", "DEP", "TAG", "ENT_TYPE", "ENT_ID", "ENT_KB_ID"]
PARSE_ROWS = [100, 200, 200, 100, 200, 2000]


class Probs(NamedTuple):
    """Per token of one Doc: char start, length, whitespace or not, and P(content), P(cue),
    P(source), P(a content begins here)."""

    starts: np.ndarray
    lens: np.ndarray
    space: np.ndarray
    p: np.ndarray  # (tokens, 4) float32


@lru_cache(maxsize=None)
def cue_classes() -> dict[str, str]:
    """lemma -> its class in cue_verbs.txt (``verb`` when none is given) or ``noun`` (cue_nouns.txt)."""
    out: dict[str, str] = {}
    for name, default in (("cue_verbs.txt", "verb"), ("cue_nouns.txt", "noun")):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cols = line.split("\t")
                out.setdefault(cols[0].strip().lower(), cols[1].strip() if len(cols) > 1 else default)
    return out


def add_features(doc: "Doc") -> "Doc":
    """Set the two attributes the tagger hashes besides the parse (on the Doc given: pass a copy).

    ENT_ID    quotation state and cue class: ``QM`` for a quotation mark, else ``Q1`` inside marks /
              ``Q0`` outside, joined to the lemma's class in the cue lexicon (``Q0|speech``, ``Q1|-``).
              Straight marks toggle, curly marks open or close, a blank line closes.
    ENT_KB_ID the clause governor: for the nearest ancestor-or-self whose dependency opens a clause,
              its head's lemma and that dependency (``say|ccomp``); else ``ROOT|`` + the root's lemma."""
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
    parsed = doc.has_annotation("DEP")
    for tok in doc:
        gov = "ROOT|" + tok.sent.root.lemma_.lower() if parsed else "ROOT"
        node = tok
        for _ in range(12):
            if node.dep_ in CLAUSE_DEPS:
                gov = f"{node.head.lemma_.lower()}|{node.dep_}"
                break
            if node.head is node:
                break
            node = node.head
        tok.ent_kb_id_ = gov
    cues = cue_classes()
    for tok in doc:
        tok.ent_id_ = f"{tok.ent_id_}|{cues.get(tok.lemma_.lower(), '-')}"
    return doc


def model_config(width: int = 96, depth: int = 4, window: int = 1, lstm_depth: int = 1) -> dict:
    embed = {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": BASE_ATTRS + PARSE_ATTRS,
             "rows": BASE_ROWS + PARSE_ROWS, "include_static_vectors": False}
    encode = {"@architectures": "quotewire.CNNBiLSTM.v1", "width": width, "window_size": window,
              "maxout_pieces": 3, "depth": depth, "lstm_depth": lstm_depth}
    return {"model": {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
                      "tok2vec": {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}}}


def _register() -> None:
    import spacy
    from thinc.api import LSTM, chain, with_padded

    if "quotewire.CNNBiLSTM.v1" in spacy.registry.architectures:
        return

    @spacy.registry.architectures("quotewire.CNNBiLSTM.v1")
    def cnn_bilstm(width: int, window_size: int, maxout_pieces: int, depth: int, lstm_depth: int):
        """MaxoutWindowEncoder, then a bidirectional LSTM (thinc's own, numpy: no torch)."""
        cnn = spacy.registry.architectures.get("spacy.MaxoutWindowEncoder.v2")(
            width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
        return chain(cnn, with_padded(LSTM(nO=width, nI=width, bi=True, depth=lstm_depth)))


def new_tagger(labels: list[str] | None = None, **arch: int):
    """A blank English pipe holding an untrained tagger of this architecture; with ``labels``,
    initialised to take saved weights."""
    import spacy
    from spacy.training import Example

    _register()
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger", name="span_tagger", config=model_config(**arch))
    if labels is not None:
        words = [f"w{i}" for i in range(len(labels))]
        example = Example.from_dict(nlp.make_doc(" ".join(words)), {"tags": list(labels)})
        nlp.initialize(lambda: [example])
    return nlp, tagger


def save(tagger, folder: Path, arch: dict[str, int], meta: dict) -> None:
    """Weights and labels only (no vocabulary, no text)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.bin").write_bytes(tagger.model.to_bytes())
    (folder / "config.json").write_text(json.dumps({"labels": list(tagger.labels), "arch": arch, **meta},
                                                   indent=1, sort_keys=True) + "\n", encoding="utf-8")


@lru_cache(maxsize=None)
def load(folder: Path = MODEL_DIR):
    """The shipped tagger (loaded once per process)."""
    try:
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        weights = (folder / "model.bin").read_bytes()
    except FileNotFoundError as exc:
        raise ModelError(str(folder), "span tagger missing: run python -m quotewire.attribution.train_tagger") from exc
    except ValueError as exc:
        raise ModelError(str(folder), f"span tagger config unreadable: {exc}") from exc
    try:
        _, tagger = new_tagger(cfg["labels"], **cfg["arch"])
        tagger.model.from_bytes(weights)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(str(folder), f"span tagger malformed: {exc!r}") from exc
    return tagger


def predict(tagger, docs: list["Doc"]) -> list[Probs]:
    """The tagger's probabilities over Docs that already carry add_features' attributes."""
    labels = list(tagger.labels)
    cols = [[j for j, lab in enumerate(labels) if lab.endswith(name)] for name in LABELS]
    begin = [j for j, lab in enumerate(labels) if lab == "B-CONTENT"]
    out = []
    for doc, s in zip(docs, tagger.model.predict(docs)):
        s = tagger.model.ops.to_numpy(s)
        s = np.exp(s - s.max(axis=1, keepdims=True))  # Tagger.v2 with normalize=False gives logits
        s = s / s.sum(axis=1, keepdims=True)
        p = np.stack([s[:, c].sum(axis=1) for c in cols] + [s[:, begin].sum(axis=1)], axis=1)
        out.append(Probs(np.array([t.idx for t in doc], dtype=np.int64), np.array([len(t) for t in doc], dtype=np.int64),
                         np.array([t.is_space for t in doc], dtype=bool), p.astype(np.float32)))
    return out


def probabilities(doc: "Doc") -> Probs:
    """The article's token probabilities: set by training (out of fold) or computed once here."""
    got = doc.user_data.get(USER_KEY)
    if got is None and not len(doc):
        got = Probs(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool),
                    np.zeros((0, 4), dtype=np.float32))
    if got is None:
        got = predict(load(), [add_features(doc.copy())])[0]
        doc.user_data[USER_KEY] = got
    return got


def _bucket(x: float) -> str:
    return str(min(int(x * 10), 9))


def features(cand: Candidate, probs: Probs) -> list[str]:
    """What the tagger thinks of a candidate's words: the mean content probability over its
    content and the share of content tokens above one half, how much content it sees just outside
    the candidate's edges, whether a content begins at its first word, and the mean cue and source
    probability of its cue and source (bucketed in tenths, some joined with the construction)."""
    starts, lens, space, p = probs
    toks: list[int] = []
    for s, e in cand.content:
        i = max(bisect.bisect_right(starts, s) - 1, 0)
        while i < len(starts) and starts[i] < e:
            if not space[i] and starts[i] + lens[i] > s:
                toks.append(i)
            i += 1
    if not toks:
        return ["tg_none"]
    k, q = cand.kind, cand.quoted
    pc = float(p[toks, 0].mean())
    share = float((p[toks, 0] > 0.5).mean())
    lo, hi = toks[0], toks[-1]
    outside = [j for j in (lo - 1, lo - 2, hi + 1, hi + 2) if 0 <= j < len(starts) and not space[j] and not lo <= j <= hi]
    leak = float(p[outside, 0].max()) if outside else 0.0
    cue = list(range(cand.cue[0], min(cand.cue[1], len(starts))))
    pq = float(p[cue, 1].mean()) if cue else 0.0
    f = [f"tgc={_bucket(pc)}", f"k_tgc={k}|{_bucket(pc)}", f"q_tgc={q}|{_bucket(pc)}", f"tgf={_bucket(share)}",
         f"tgo={_bucket(leak)}", f"tgb={_bucket(float(p[lo, 3]))}", f"tgq={_bucket(pq)}"]
    if cand.source is None:
        f.append("tgs=none")
        ps = 1.0
    else:
        src = [j for j in range(cand.source[0], min(cand.source[1], len(starts))) if not space[j]]
        ps = float(p[src, 2].mean()) if src else 0.0
        f += [f"tgs={_bucket(ps)}", f"k_tgs={k}|{_bucket(ps)}"]
    f.append(f"tgall={_bucket(min(pc, pq, ps))}")
    f.append(f"tgcs={_bucket(pc)}|{'n' if cand.source is None else _bucket(ps)}")
    agree, cover = _agreement(toks, probs)
    return f + [f"tgrec={_bucket(cover)}", f"tgf1={_bucket(agree)}", f"k_tgf1={k}|{_bucket(agree)}"]


def _agreement(toks: list[int], probs: Probs) -> tuple[float, float]:
    """How well the candidate's content tokens match the tagger's content run(s) through them:
    (F1 of the two token sets, the share of the tagged run the candidate covers). The tagged run
    reaches out from the candidate's edges over tokens above one half (whitespace bridging)."""
    _, _, space, p = probs
    tagged_in = [i for i in toks if p[i, 0] > 0.5]
    outside = 0
    for step, j in ((-1, toks[0] - 1), (1, toks[-1] + 1)):
        while 0 <= j < len(space) and (space[j] or p[j, 0] > 0.5):
            outside += not space[j]
            j += step
    tagged = len(tagged_in) + outside
    if not tagged:
        return 0.0, 0.0
    prec, rec = len(tagged_in) / len(toks), len(tagged_in) / tagged
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), rec


def _runs(probs: Probs, col: int) -> list[tuple[int, int]]:
    """Token ranges [start, end) where column ``col`` is above one half (whitespace bridging
    inside a run, never at its edges)."""
    _, _, space, p = probs
    out: list[tuple[int, int]] = []
    start = last = None
    for i in range(len(space)):
        if space[i]:
            continue
        if p[i, col] > 0.5 and (col != 0 or p[i, 3] < 0.5 or start is None):
            if start is None:
                start = i
            last = i
        elif p[i, col] > 0.5:  # a content that begins here ends the one before
            out.append((start, last + 1))
            start = last = i
        else:
            if start is not None:
                out.append((start, last + 1))
            start = last = None
    if start is not None:
        out.append((start, last + 1))
    return out


def proposals(doc: "Doc", probs: Probs, taken: list[tuple[int, int]], min_words: int = 3) -> list[Candidate]:
    """Candidates for the contents the tagger reads that no rule candidate covers: each tagged
    content run (of ``min_words`` words or more, at least half outside every char range in
    ``taken``) with the nearest tagged cue in its sentence (or within three tokens), and that cue's
    subject as the rules find it (else the tagged source nearest the cue in its sentence). A content with no cue proposes nothing."""
    cues = _runs(probs, 1)
    sources = _runs(probs, 2)

    def near(anchor: tuple[int, int], pool: list[tuple[int, int]], sents: set[int]) -> tuple[int, int] | None:
        best = None
        for r in pool:
            d = max(r[0] - anchor[1], anchor[0] - r[1], 0)
            if (doc[r[0]].sent.start in sents or d <= 3) and (best is None or d < best[0]):
                best = (d, r)
        return best[1] if best else None

    out = []
    for a, b in _runs(probs, 0):
        words = [t for t in doc[a:b] if not t.is_punct and not t.is_space]
        if len(words) < min_words:
            continue
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        inside = sum(min(e, y) - max(s, x) for x, y in taken if x < e and s < y)
        if inside * 2 >= e - s:
            continue
        cue = near((a, b), cues, {doc[a].sent.start, doc[b - 1].sent.start})
        if cue is None:
            continue
        head = doc[cue[0]:cue[1]].root
        subj = source_of(head)  # the cue verb's subject, as the rules link it; else the nearest tagged source
        if subj is not None and not a <= subj.i < b:
            src: tuple[int, int] | None = source_range(doc, subj, set(range(a, b)))
            src_head: int | None = subj.i
        else:
            src = near(cue, [r for r in sources if not (r[0] < b and a < r[1])], {head.sent.start})
            src_head = doc[src[0]:src[1]].root.i if src else None
        if src_head is not None and not can_speak(doc[src_head]):
            continue  # "Collaborative filtering would recommend ...": a thing, not a speaker
        out.append(Candidate(kind="tagged", cue=cue, content=[(s, e)], cue_head=head.i, cue_char=head.idx,
                             source=src, source_head=src_head))
    return out

