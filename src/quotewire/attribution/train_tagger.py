"""Train the span tagger (tagger.py) on PolNeAR train: ``python -m quotewire.attribution.train_tagger``.

Every train article is parsed once by the pipeline (whole, not sentence by sentence) and each
token gets a BIO tag of the attribution role it lies in (``tags_for``). Then, in one thread per
training (``--workers`` at a time, fixed seed):

* one tagger per fold of the scorer's folds (train.fold_of), fitted on the other folds, gives the
  left-out articles their token probabilities: the *out-of-fold* probabilities the scorer is
  trained on (``--oof``), so that it learns how far to trust the tagger on text it never saw;
* one tagger fitted on all articles is the shipped model (``--out``: weights and labels only).

Each training runs ``--epochs`` passes and keeps the epoch that tags best the tenth of its own
articles it holds out (never the left-out fold, never dev). Then retrain the scorer:
``python -m quotewire.attribution.train --tagger-oof OOF``.
"""
from __future__ import annotations

import argparse
import bisect
import json
import os
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path

from quotewire.attribution import tagger as span_tagger
from quotewire.attribution.train import DEFAULT_DATA, fold_of, load_gold

ROLES = (("Content", "CONTENT"), ("Cue", "CUE"), ("Source", "SOURCE"))
DEFAULT_OOF = Path("build") / "span_tagger_oof.pkl"


def tags_for(doc, atts: list[dict]) -> tuple[list[str], list[int]]:
    """BIO tags of one parsed article, and the attribution each token belongs to (-1 for none):
    a token takes role R of attribution k when its characters overlap a piece of R (a whitespace
    token only when it lies inside the piece, so a content running over paragraphs stays one
    span); the first claim wins where two would clash."""
    n = len(doc)
    role = [""] * n
    owner = [-1] * n
    starts = [t.idx for t in doc]
    for k, att in enumerate(atts):
        for key, lab in ROLES:
            for s, e in att[key]:
                i = max(bisect.bisect_right(starts, s) - 1, 0)
                while i < n and doc[i].idx < e:
                    tok = doc[i]
                    a, b = tok.idx, tok.idx + len(tok.text)
                    inside = (a >= s and b <= e) if tok.is_space else (a < e and b > s)
                    if inside and not role[i]:
                        role[i], owner[i] = lab, k
                    i += 1
    bio = []
    for i in range(n):
        if not role[i]:
            bio.append("O")
        elif i > 0 and role[i - 1] == role[i] and owner[i - 1] == owner[i]:
            bio.append("I-" + role[i])
        else:
            bio.append("B-" + role[i])
    return bio, owner


def token_prf(docs: list, gold: list[list[str]], pred: list[list[str]]) -> dict[str, tuple[float, float, float]]:
    """Per role (content, cue, source): precision, recall, F1 per non-space token, B/I ignored."""
    out = {}
    for lab in span_tagger.LABELS:
        tp = fp = fn = 0
        for doc, g, p in zip(docs, gold, pred):
            for tok, a, b in zip(doc, g, p):
                if not tok.is_space:
                    ga, pb = a.endswith(lab), b.endswith(lab)
                    tp += ga and pb
                    fp += pb and not ga
                    fn += ga and not pb
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return out


def token_f1(docs: list, gold: list[list[str]], pred: list[list[str]]) -> float:
    """Macro F1 over the three roles (what picks the epoch)."""
    return sum(f for _, _, f in token_prf(docs, gold, pred).values()) / len(span_tagger.LABELS)


def _fit(job: tuple[str, int, str, list[int], int, dict]) -> tuple[str, bytes, list[str], list[str]]:
    """One training (in its own process): the articles ``keep`` of the parsed DocBin, ``epochs``
    passes, the best epoch on every 10th of them. Returns (name, weights, labels, log lines)."""
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    name, _, docbin, keep, epochs, arch = job
    fix_random_seed(0)
    nlp, tagger = span_tagger.new_tagger(**arch)
    docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    for d in docs:
        span_tagger.add_features(d)
    ref = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
               tags=d.user_data["bio"]) for d in docs]
    examples = [Example(d, r) for d, r in zip(docs, ref)]
    held = [i for n, i in enumerate(keep) if n % 10 == 9]
    train = [examples[i] for n, i in enumerate(keep) if n % 10 != 9]
    held_docs = [docs[i] for i in held]
    held_gold = [docs[i].user_data["bio"] for i in held]
    optimizer = nlp.initialize(lambda: train)
    rng = random.Random(0)
    best, weights, log = -1.0, b"", []
    t0 = time.time()
    for ep in range(epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, 4):
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            labels = tagger.labels
            pred = [[labels[j] for j in tagger.model.ops.to_numpy(s).argmax(axis=1)]
                    for i in range(0, len(held_docs), 8) for s in tagger.model.predict(held_docs[i:i + 8])]
            score = token_f1(held_docs, held_gold, pred)
            if score > best:
                best, weights = score, tagger.model.to_bytes()
        log.append(f"{name}: epoch {ep + 1}/{epochs}, held-out macro F1 {score:.4f} ({time.time() - t0:.0f}s)")
        print(log[-1], file=sys.stderr, flush=True)
    return name, weights, list(tagger.labels), log


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quotewire.attribution.train_tagger", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder holding train/ (default %(default)s)")
    ap.add_argument("--out", type=Path, default=span_tagger.MODEL_DIR, help="model folder (default %(default)s)")
    ap.add_argument("--oof", type=Path, default=DEFAULT_OOF, help="out-of-fold probabilities (default %(default)s)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=6, help="epochs per training (default %(default)s, as shipped)")
    ap.add_argument("--workers", type=int, default=2, help="trainings at once, one thread each (default %(default)s)")
    ap.add_argument("--limit", type=int, default=0, help="the first N articles only (a smoke test)")
    args = ap.parse_args(argv)
    split = args.data / "train"
    if not (split / "text").is_dir():
        print(f"error: {split}/text not found (give --data)", file=sys.stderr)
        return 2
    if args.folds < 2 or args.epochs < 1 or args.workers < 1:
        print("error: need --folds >= 2, --epochs >= 1, --workers >= 1", file=sys.stderr)
        return 2
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread per training, inherited by the workers
    os.environ.setdefault("BLIS_NUM_THREADS", "1")
    from multiprocessing import get_context

    from spacy.tokens import DocBin

    from quotewire import nlp

    t0 = time.time()
    gold = load_gold(split)
    names = sorted(gold)[: args.limit or None]
    folds = fold_of(len(names), args.folds)
    arch = {"width": 96, "depth": 4, "window": 1, "lstm_depth": 1}
    with tempfile.TemporaryDirectory() as tmp:
        docbin = Path(tmp) / "train.spacy"
        db = DocBin(store_user_data=True)
        for name, doc in zip(names, nlp.parse_many(gold[n][0] for n in names)):
            doc.user_data["bio"] = tags_for(doc, gold[name][1])[0]
            db.add(doc)
        db.to_disk(docbin)
        print(f"parsed {len(names)} articles ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)
        everyone = list(range(len(names)))
        jobs = [(f"fold {k + 1}/{args.folds}", k, str(docbin), [i for i in everyone if folds[i] != k], args.epochs, arch)
                for k in range(args.folds)]
        jobs.append(("all articles", -1, str(docbin), everyone, args.epochs, arch))
        with get_context("spawn").Pool(args.workers) as pool:
            results = pool.map(_fit, jobs, chunksize=1)
        oof: dict[str, tuple] = {}
        vocab_nlp, _ = span_tagger.new_tagger(**arch)
        docs = list(DocBin().from_disk(docbin).get_docs(vocab_nlp.vocab))
        for (_, k, *_rest), (_, weights, labels, _) in zip(jobs, results):
            model = span_tagger.new_tagger(labels, **arch)[1]
            model.model.from_bytes(weights)
            if k < 0:
                span_tagger.save(model, args.out, arch, {
                    "epochs": args.epochs, "seed": 0,
                    "trained_on": f"PolNeAR v1.0.0 train ({len(names)} articles; every 10th held out to pick the epoch)"})
                continue
            mine = [i for i in everyone if folds[i] == k]
            for i0 in range(0, len(mine), 8):
                part = [span_tagger.add_features(docs[i]) for i in mine[i0:i0 + 8]]
                for i, probs in zip(mine[i0:i0 + 8], span_tagger.predict(model, part)):
                    oof[names[i]] = tuple(probs)
    args.oof.parent.mkdir(parents=True, exist_ok=True)
    with open(args.oof, "wb") as fh:
        pickle.dump({"folds": args.folds, "probs": oof}, fh)
    for _, _, _, log in results:
        print(log[-1] if log else "", file=sys.stderr)
    print(json.dumps({"model": str(args.out), "oof": str(args.oof), "articles": len(names),
                      "minutes": round((time.time() - t0) / 60, 1)}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
