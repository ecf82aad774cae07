"""LightGBM over the candidate features plus the dense view of build_tensor.py, out of fold on
train (5 folds, both passes), then fitted on all train and applied to dev once."""
import argparse, json, pickle, random, subprocess, sys, time
from pathlib import Path
import lightgbm as lgb
import numpy as np
import scipy.sparse as sp
from quotewire.attribution.crossval import records
from quotewire.attribution.rivals import set_rival_features
from quotewire.attribution.train import kept_pairs, pick_threshold

ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=400)
ap.add_argument("--leaves", type=int, default=31)
ap.add_argument("--lr", type=float, default=0.05)
ap.add_argument("--no-dense", action="store_true")
ap.add_argument("--minp", type=float, default=0.765)
args = ap.parse_args()
P = dict(objective="binary", num_leaves=args.leaves, learning_rate=args.lr, min_data_in_leaf=20, feature_fraction=0.5,
         bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0, verbose=-1, seed=1, num_threads=2, deterministic=True,
         force_row_wise=True)


def load(split):
    names, texts, arts = pickle.load(open(f"/tmp/scorer_ceiling/{split}_tensor.pkl", "rb"))
    return names, texts, [(c, y, n) for c, y, n, _ in arts], [d for *_, d in arts]


names, texts, arts, dense = load("train")
dn, dt, darts, ddense = load("dev")


def matrix(idx_arts, vocab, second, grow, arts_, dense_):
    indptr, cols = [0], []
    for i in idx_arts:
        for c in arts_[i][0]:
            for f in set(c.feats + (c.rival_feats if second else [])):
                j = vocab.get(f)
                if j is None and grow:
                    j = vocab[f] = len(vocab)
                if j is not None:
                    cols.append(j)
            indptr.append(len(cols))
    X = sp.csr_matrix((np.ones(len(cols), np.float32), cols, indptr), shape=(len(indptr) - 1, len(vocab)))
    if args.no_dense:
        return X
    D = np.concatenate([dense_[i].astype(np.float32) for i in idx_arts]) if idx_arts else np.zeros((0, 672))
    return sp.hstack([X, sp.csr_matrix(D)], format="csr")


def fit(idx, second):
    vocab = {}
    X = matrix(idx, vocab, second, True, arts, dense)
    y = np.array([v for i in idx for v in arts[i][1]])
    return lgb.train(P, lgb.Dataset(X, y), num_boost_round=args.rounds), vocab


def predict(mv, idx, second, arts_, dense_):
    model, vocab = mv
    X = matrix(idx, dict(vocab), second, False, arts_, dense_)
    p, k = model.predict(X), 0
    for i in idx:
        for c in arts_[i][0]:
            c.score = float(p[k])
            k += 1


def oof(second, folds=5, seed=1):
    order = list(range(len(arts)))
    random.Random(seed).shuffle(order)
    fold = {i: k % folds for k, i in enumerate(order)}
    for k in range(folds):
        predict(fit([i for i in order if fold[i] != k], second), [i for i in order if fold[i] == k], second, arts, dense)


def rivals(arts_, texts_):
    for (cands, _, _), text in zip(arts_, texts_):
        set_rival_features(cands, text)


def score(recs, split, tag):
    p = Path(f"/tmp/scorer_ceiling/{tag}.jsonl")
    p.write_text("".join(json.dumps(r) + "\n" for r in recs))
    out = subprocess.run([sys.executable, "../shared/tools/polnear_score.py", "--gold", f"../shared/data/polnear/{split}",
                          "--pred", str(p)], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith(("Attribution", "Direct attribution")):
            print(tag, line, flush=True)


t0 = time.time()
tag = f"{'sparse' if args.no_dense else 'dense'}_r{args.rounds}_l{args.leaves}"
oof(False)
rivals(arts, texts)
oof(True)
th = pick_threshold(kept_pairs(arts), args.minp)
score(records(names, texts, arts, th), "train", f"cv_{tag}_th{th}")
print(f"cv {time.time() - t0:.0f}s", flush=True)
all_idx = list(range(len(arts)))
m1 = fit(all_idx, False)
predict(m1, list(range(len(darts))), False, darts, ddense)
rivals(darts, dt)
m2 = fit(all_idx, True)
predict(m2, list(range(len(darts))), True, darts, ddense)
score(records(dn, dt, darts, th), "dev", f"dev_{tag}_th{th}")
