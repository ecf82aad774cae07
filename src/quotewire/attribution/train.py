"""Train the candidate scorer on PolNeAR train: ``python -m quotewire.attribution.train``.

Reads DIR/text/*.txt and DIR/attributions/*.ann (BRAT; the alphabetically first .ann of an
article is its gold, as ../shared/tools/polnear_score.py does), parses every text once,
labels each candidate (content token Jaccard >= 0.5 with a gold attribution and a source
sharing a token with its source: the scorer's own test), and fits two logistic regressions
on every article: the first pass over a candidate's own features, the second over those plus
its standing against its rivals (rivals.py), computed from out-of-fold first-pass scores as
they would be on unseen text. Weights only (no text) go to src/quotewire/models/attribution.json.
The calibration curve and the decision threshold come from out-of-fold second-pass scores
(each article scored by models fitted on the other folds), so they hold for unseen text.
"""
from __future__ import annotations

import argparse
import bisect
import json
import math
import pickle
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

from quotewire.attribution import model as scorer
from quotewire.attribution import tagger
from quotewire.attribution.core import candidates_for
from quotewire.attribution.rivals import set_rival_features

WORD = re.compile(r"\w+")
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polnear"


def load_gold(split: Path) -> dict[str, tuple[str, list[dict[str, list[tuple[int, int]]]]]]:
    """NAME -> (text, attributions with Source/Cue/Content char ranges)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = {}
    for name, ann in sorted(chosen.items()):
        text = (split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        events = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T") and len(cols) > 1 and " " in cols[1]:
                kind, offs = cols[1].split(" ", 1)
                spans[cols[0]] = (kind, [tuple(map(int, p.split())) for p in offs.split(";")])  # type: ignore[misc]
            elif line.startswith("E") and len(cols) > 1:
                events.append(cols[1].split())
        atts = []
        for ev in events:
            rec: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
            for role in ev[1:]:
                r, _, tid = role.partition(":")
                r = "Content" if r.startswith("Content") else r
                if r in rec and tid in spans:
                    rec[r] += spans[tid][1]
            if rec["Content"]:
                atts.append(rec)
        out[name] = (text, atts)
    return out


def token_ids(text: str, ranges: list[tuple[int, int]], index: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of \\w+ tokens that share a character with any range (the scorer's rule)."""
    got: set[int] = set()
    ends = [b for _, b in index]
    for s, e in ranges:
        k = bisect.bisect_right(ends, s)  # first token ending after s
        while k < len(index) and index[k][0] < e:
            got.add(k)
            k += 1
    return frozenset(got)


def word_index(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def label(text: str, cands: list, atts: list[dict], index: list[tuple[int, int]]) -> list[int]:
    """1 when a candidate would be scored correct against some gold attribution."""
    gold = [(token_ids(text, a["Content"], index), token_ids(text, a["Source"], index)) for a in atts]
    out = []
    for c in cands:
        ct = token_ids(text, c.content, index)
        st = token_ids(text, [c.char_source], index) if c.char_source else frozenset()
        ok = 0
        for gc, gs in gold:
            if not ct or not gc:
                continue
            j = len(ct & gc) / len(ct | gc)
            if j >= 0.5 and ((st & gs) or (not st and not gs)):
                ok = 1
                break
        out.append(ok)
    return out


def fit(rows: list[list[str]], y: list[int], epochs: int = 30, l2: float = 1e-5, lr: float = 0.1,
        min_count: int = 2) -> dict[str, float]:
    """Sparse logistic regression by AdaGrad; features seen fewer than min_count times are dropped."""
    counts: dict[str, int] = {}
    for r in rows:
        for f in r:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    X = [np.array([vocab[f] for f in set(r) if f in vocab], dtype=np.int64) for r in rows]
    w = np.zeros(len(vocab))
    g2 = np.full(len(vocab), 1e-8)
    yy = np.array(y, dtype=float)
    rng = np.random.default_rng(0)
    for ep in range(epochs):
        loss = 0.0
        for i in rng.permutation(len(X)):
            xi = X[i]
            z = w[xi].sum()
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            g = p - yy[i]
            loss += -math.log(p if yy[i] else 1 - p + 1e-12 if p < 1 else 1e-12)
            grad = g + l2 * w[xi]
            g2[xi] += grad * grad
            w[xi] -= lr * grad / np.sqrt(g2[xi])
        print(f"  epoch {ep + 1}: loss {loss / len(X):.4f}", file=sys.stderr, flush=True)
    return {f: round(float(w[i]), 5) for f, i in vocab.items() if abs(w[i]) > 1e-4}


def load_oof(path: Path, names: list[str]) -> dict[str, tagger.Probs]:
    """train_tagger's out-of-fold token probabilities, one entry for each of ``names``."""
    try:
        with open(path, "rb") as fh:
            probs = pickle.load(fh)["probs"]
    except FileNotFoundError:
        raise SystemExit(f"error: {path}: no out-of-fold tagger probabilities (run python -m "
                         "quotewire.attribution.train_tagger first, or give --tagger-oof)") from None
    except (pickle.UnpicklingError, KeyError, TypeError, EOFError) as exc:
        raise SystemExit(f"error: {path}: not train_tagger's output ({exc!r})") from None
    missing = [n for n in names if n not in probs]
    if missing:
        raise SystemExit(f"error: {path}: no probabilities for {len(missing)} articles (first {missing[0]})")
    return {n: tagger.Probs(*probs[n]) for n in names}


def build(gold: dict[str, tuple[str, list[dict[str, list[tuple[int, int]]]]]],
          batch_size: int = 32, oof: dict[str, tagger.Probs] | None = None) -> list[tuple[list, list[int], int]]:
    """Per article of load_gold's (in its order): (candidates with features, labels, gold attribution
    count). ``oof``: the span tagger's out-of-fold probabilities per article (else the shipped
    tagger's, which saw the train articles: right for dev, not for fitting)."""
    from quotewire import nlp

    names = list(gold)
    arts = []
    t0 = time.time()
    for k, (name, doc) in enumerate(zip(names, nlp.parse_many((gold[n][0] for n in names), batch_size))):
        text, atts = gold[name]
        if oof is not None:
            probs = oof[name]
            if len(probs.starts) != len(doc) or (len(doc) and probs.starts[-1] != doc[-1].idx):
                raise SystemExit(f"error: {name}: the tagger's probabilities do not match this parse (retrain the tagger)")
            doc.user_data[tagger.USER_KEY] = probs
        cands = candidates_for(doc)
        arts.append((cands, label(text, cands, atts, word_index(text)), len(atts)))
        if k % 50 == 0:
            print(f"  parsed {k + 1}/{len(names)} ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)
    return arts


def rows_of(c, second: bool) -> list[str]:
    return c.feats + c.rival_feats if second else c.feats


def fold_of(n: int, folds: int = 5, seed: int = 1) -> dict[int, int]:
    """Article index (in load_gold's order) -> its fold: the folds of the scorer, the rival pass
    and the span tagger's out-of-fold probabilities alike."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return {i: k % folds for k, i in enumerate(order)}


def out_of_fold(arts: list, folds: int = 5, epochs: int = 8, seed: int = 1, second: bool = False) -> None:
    """Score every candidate with a model fitted on the other folds' articles (sets ``c.score``);
    ``second``: the second pass, over the rival features set_rivals has added."""
    fold = fold_of(len(arts), folds, seed)
    t0 = time.time()
    for k in range(folds):
        rest = [a for i, a in enumerate(arts) if fold[i] != k]
        weights = fit([rows_of(c, second) for cands, _, _ in rest for c in cands],
                      [v for _, ys, _ in rest for v in ys], epochs=epochs)
        for i, (cands, _, _) in enumerate(arts):
            if fold[i] == k:
                for c in cands:
                    c.score = scorer.raw_score(rows_of(c, second), weights)
        print(f"  pass {2 if second else 1} fold {k + 1}/{folds} fitted ({time.time() - t0:.0f}s)",
              file=sys.stderr, flush=True)


def set_rivals(arts: list, texts: list[str]) -> None:
    """Each candidate's rival features (``c.rival_feats``) from the first-pass scores it carries."""
    for (cands, _, _), text in zip(arts, texts):
        set_rival_features(cands, text)


def two_pass_out_of_fold(arts: list, texts: list[str], folds: int = 5, epochs: int = 8) -> None:
    """Out-of-fold first-pass scores, the rival features they give, then out-of-fold second-pass
    scores (``c.score``): what an unseen article would get from models fitted on all of them."""
    out_of_fold(arts, folds, epochs)
    set_rivals(arts, texts)
    out_of_fold(arts, folds, epochs, second=True)


def kept_pairs(arts: list, threshold: float = 0.2) -> list[tuple[float, int]]:
    """(score, correct) of the candidates selection keeps from already-scored articles."""
    from quotewire.attribution.select import choose

    pairs = []
    for cands, y, _ in arts:
        lab = {id(c): v for c, v in zip(cands, y)}
        pairs += [(c.score, lab[id(c)]) for c in choose(cands, threshold)]
    return pairs


# The precision target is 0.75. Out-of-fold precision over ~840 articles is measured to about
# +-0.005, but a new split of ~80 articles (dev, test) moves by +-0.02 around it; the threshold
# is set where out-of-fold precision clears the target with a margin that keeps dev above the
# floor in quality/floors.json (0.760 left dev at 0.779).
MIN_PRECISION = 0.765


def calibrate(arts: list, bins: int = 10,
              min_precision: float = MIN_PRECISION) -> tuple[list[tuple[float, float]], float]:
    """Calibration points (mean raw score, share correct) over equal-count bins of the kept
    out-of-fold candidates, made monotone; and the lowest threshold whose precision holds."""
    pairs = sorted(kept_pairs(arts))
    pts: list[tuple[float, float]] = []
    for b in range(bins):
        chunk = pairs[b * len(pairs) // bins:(b + 1) * len(pairs) // bins]
        if chunk:
            pts.append((sum(p for p, _ in chunk) / len(chunk), sum(v for _, v in chunk) / len(chunk)))
    for i in range(1, len(pts)):
        if pts[i][1] < pts[i - 1][1]:
            pts[i] = (pts[i][0], pts[i - 1][1])
    return [(round(a, 4), round(b, 4)) for a, b in pts], pick_threshold(pairs, min_precision)


def pick_threshold(pairs: list[tuple[float, int]], min_precision: float = MIN_PRECISION) -> float:
    """The lowest threshold (0.30..0.80) at which the kept (score, correct) pairs hold min_precision."""
    for th in [x / 100 for x in range(30, 81)]:
        kept = [v for p, v in pairs if p >= th]
        if kept and sum(kept) / len(kept) >= min_precision:
            return th
    return 0.5


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quotewire.attribution.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder holding train/ (default %(default)s)")
    ap.add_argument("--out", type=Path, default=scorer.MODEL_PATH, help="weights JSON (default %(default)s)")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--folds", type=int, default=5, help="folds whose out-of-fold scores set calibration and threshold")
    ap.add_argument("--tagger-oof", type=Path, default=Path("build") / "span_tagger_oof.pkl",
                    help="train_tagger's out-of-fold probabilities (default %(default)s)")
    args = ap.parse_args(argv)
    split = args.data / "train"
    if not (split / "text").is_dir():
        print(f"error: {split}/text not found (give --data)", file=sys.stderr)
        return 2
    if args.folds < 2:
        print(f"error: --folds {args.folds}: need at least 2", file=sys.stderr)
        return 2
    gold = load_gold(split)
    arts = build(gold, oof=load_oof(args.tagger_oof, list(gold)))
    two_pass_out_of_fold(arts, [text for text, _ in gold.values()], args.folds, args.epochs)
    calib, threshold = calibrate(arts)
    y = [v for _, ys, _ in arts for v in ys]
    print(f"candidates {len(y)}, positive {sum(y)}, gold attributions {sum(n for _, _, n in arts)}", file=sys.stderr)
    weights = fit([c.feats for cands, _, _ in arts for c in cands], y, epochs=args.epochs)
    rival_weights = fit([rows_of(c, True) for cands, _, _ in arts for c in cands], y, epochs=args.epochs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "version": 2, "threshold": threshold, "calibration": calib, "weights": weights,
        "rival_weights": rival_weights,
        "trained_on": f"PolNeAR v1.0.0 train ({len(arts)} articles fit; rival features, calibration and "
                      f"threshold from {args.folds}-fold out-of-fold scores)"}, sort_keys=True, indent=0) + "\n",
        encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} + {len(rival_weights)} weights, threshold {threshold})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
