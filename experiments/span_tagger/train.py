"""Train a BIO span tagger (CONTENT / CUE / SOURCE) on PolNeAR train with spaCy/thinc on CPU.

    OMP_NUM_THREADS=1 BLIS_NUM_THREADS=1 nice -n 10 .venv/bin/python experiments/span_tagger/train.py \
        --name cnn_base [--features quote gov] [--width 96 --depth 4 --window 1 --lstm 0] [--minutes 20]

Reads /tmp/span_tagger/train.spacy (convert.py). Every 10th training article (by name) is held
out for choosing the epoch; PolNeAR dev is never looked at here. Fixed seed 0, one thread.
Writes /tmp/span_tagger/models/NAME (spaCy pipeline folder, best held-out epoch) and a log line
per epoch to /tmp/span_tagger/models/NAME.log.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import add_features, load_docs, model_config, predict_tags, token_prf  # noqa: E402

BASE_ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
BASE_ROWS = [5000, 1000, 2500, 2500]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--data", type=Path, default=Path("/tmp/span_tagger"))
    ap.add_argument("--features", nargs="*", default=[], help="any of: parse (POS, DEP, TAG, ENT_TYPE), quote, gov, cuelex (with quote)")
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--window", type=int, default=1)
    ap.add_argument("--lstm", type=int, default=0, help="BiLSTM layers on top of the CNN (0: none)")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--minutes", type=float, default=20.0)
    ap.add_argument("--batch", type=int, default=4, help="articles per update")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N articles only (smoke test)")
    ap.add_argument("--fold", type=int, default=-1,
                    help="leave out fold K of --folds (the scorer's folds: attribution.train.fold_of), for out-of-fold probabilities")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    fix_random_seed(0)
    attrs, rows = list(BASE_ATTRS), list(BASE_ROWS)
    if "parse" in a.features:
        attrs += ["POS", "DEP", "TAG", "ENT_TYPE"]
        rows += [100, 200, 200, 100]
    if "quote" in a.features:
        attrs.append("ENT_ID")
        rows.append(200 if "cuelex" in a.features else 50)
    if "gov" in a.features:
        attrs.append("ENT_KB_ID")
        rows.append(2000)
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("tagger", name="span_tagger",
                          config=model_config(attrs, rows, a.width, a.depth, a.window, a.lstm))
    docs = load_docs(a.data / "train.spacy", nlp.vocab)
    for d in docs:
        add_features(d, "cuelex" in a.features)
    if a.limit:
        docs = docs[: a.limit]
    ref = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d], tags=d.user_data["bio"])
           for d in docs]
    examples = [Example(d, r) for d, r in zip(docs, ref)]
    keep = list(range(len(docs)))
    if a.fold >= 0:
        order = list(range(len(docs)))
        random.Random(1).shuffle(order)  # as attribution.train.out_of_fold assigns folds
        fold = {i: k % a.folds for k, i in enumerate(order)}
        keep = [i for i in keep if fold[i] != a.fold]
    held = [i for n, i in enumerate(keep) if n % 10 == 9]
    train = [examples[i] for n, i in enumerate(keep) if n % 10 != 9]
    held_docs = [docs[i] for i in held]
    held_gold = [docs[i].user_data["bio"] for i in held]
    optimizer = nlp.initialize(lambda: train)
    out = a.data / "models" / a.name
    out.parent.mkdir(parents=True, exist_ok=True)
    log = open(out.parent / f"{a.name}.log", "w")
    print(json.dumps({"args": vars(a) | {"data": str(a.data)}, "attrs": attrs, "rows": rows,
                      "train_articles": len(train), "held_articles": len(held)}), file=log, flush=True)
    t0 = time.time()
    best = -1.0
    rng = random.Random(0)
    for ep in range(a.epochs):
        te = time.time()
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, a.batch):
            nlp.update(batch, drop=a.dropout, sgd=optimizer, losses=losses)
        train_s = time.time() - te
        with nlp.use_params(optimizer.averages):
            prf = token_prf(held_docs, held_gold, predict_tags(tagger, held_docs))
            score = sum(v["F1"] for v in prf.values()) / 3
            if score > best:
                best = score
                nlp.to_disk(out)
        line = {"epoch": ep + 1, "loss": round(losses.get("span_tagger", 0.0), 1), "train_s": round(train_s, 1),
                "elapsed_min": round((time.time() - t0) / 60, 2), "held": prf, "macro_f1": round(score, 4)}
        print(json.dumps(line), file=log, flush=True)
        print(json.dumps(line), flush=True)
        if (time.time() - t0) / 60 + train_s / 60 * 1.1 > a.minutes:
            break
    print(json.dumps({"done_min": round((time.time() - t0) / 60, 2), "best_macro_f1": best}), file=log, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
