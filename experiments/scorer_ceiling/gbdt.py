"""Experiment: a gradient-boosted scorer over today's candidate features (both passes), out of fold."""
import json, pickle, random, subprocess, sys, time, argparse
from pathlib import Path
import numpy as np, scipy.sparse as sp, lightgbm as lgb
from quotewire.attribution.train import set_rivals, kept_pairs, pick_threshold, two_pass_out_of_fold
from quotewire.attribution.crossval import records
from quotewire.attribution.rivals import set_rival_features

ap = argparse.ArgumentParser()
ap.add_argument('--rounds', type=int, default=300)
ap.add_argument('--leaves', type=int, default=31)
ap.add_argument('--lr', type=float, default=0.05)
ap.add_argument('--minleaf', type=int, default=20)
ap.add_argument('--lrbase', action='store_true')
ap.add_argument('--dev', action='store_true')
ap.add_argument('--minp', type=float, default=0.765)
args = ap.parse_args()
names, texts, arts = pickle.load(open('/tmp/scorer_ceiling/train_arts.pkl', 'rb'))
PARAMS = dict(objective='binary', num_leaves=args.leaves, learning_rate=args.lr, min_data_in_leaf=args.minleaf,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0, verbose=-1, seed=1,
              num_threads=1, deterministic=True, force_row_wise=True)

def score_polnear(recs, split, tag):
    p = Path(f'/tmp/scorer_ceiling/gb_{tag}.jsonl'); p.write_text(''.join(json.dumps(r) + '\n' for r in recs))
    out = subprocess.run([sys.executable, '../shared/tools/polnear_score.py', '--gold', split, '--pred', str(p)], capture_output=True, text=True).stdout
    for l in out.splitlines():
        if l.startswith(('Attribution', 'Direct attribution')): print(tag, l, flush=True)

def rows(c, second): return c.feats + c.rival_feats if second else c.feats

def matrix(cand_lists, vocab, second, grow):
    indptr, idx = [0], []
    for cands in cand_lists:
        for c in cands:
            for f in set(rows(c, second)):
                j = vocab.get(f)
                if j is None and grow:
                    j = vocab[f] = len(vocab)
                if j is not None: idx.append(j)
            indptr.append(len(idx))
    return sp.csr_matrix((np.ones(len(idx), dtype=np.float32), idx, indptr), shape=(len(indptr) - 1, max(len(vocab), 1)))

def fit(train_arts, second):
    vocab = {}
    X = matrix([a[0] for a in train_arts], vocab, second, True)
    y = np.array([v for a in train_arts for v in a[1]])
    return lgb.train(PARAMS, lgb.Dataset(X, y), num_boost_round=args.rounds), vocab

def predict(model_vocab, test_arts, second):
    model, vocab = model_vocab
    X = matrix([a[0] for a in test_arts], vocab, second, False)
    if X.shape[1] < len(vocab): X = sp.csr_matrix((X.data, X.indices, X.indptr), shape=(X.shape[0], len(vocab)))
    p = model.predict(X)
    k = 0
    for a in test_arts:
        for c in a[0]:
            c.score = float(p[k]); k += 1

def oof(arts, second, folds=5, seed=1):
    order = list(range(len(arts))); random.Random(seed).shuffle(order)
    fold = {i: k % folds for k, i in enumerate(order)}
    for k in range(folds):
        m = fit([a for i, a in enumerate(arts) if fold[i] != k], second)
        predict(m, [a for i, a in enumerate(arts) if fold[i] == k], second)

t0 = time.time()
if args.lrbase:
    two_pass_out_of_fold(arts, texts)
    th = pick_threshold(kept_pairs(arts), args.minp)
    score_polnear(records(names, texts, arts, th), '../shared/data/polnear/train', f'lr_cv_th{th}')
oof(arts, False)
set_rivals(arts, texts)
oof(arts, True)
th = pick_threshold(kept_pairs(arts), args.minp)
score_polnear(records(names, texts, arts, th), '../shared/data/polnear/train', f'gb_cv_th{th}_r{args.rounds}_l{args.leaves}')
print(f'{time.time()-t0:.0f}s', flush=True)
if args.dev:
    dev = pickle.load(open('/tmp/scorer_ceiling/dev_arts.pkl', 'rb'))
    from quotewire.attribution.train import load_gold
    g = load_gold(Path('../shared/data/polnear/dev')); dn = list(g); dt = [g[n][0] for n in dn]
    # first pass on all train (scores on train for rival features come from OOF above: refit second pass on them)
    m1 = fit(arts, False)
    predict(m1, dev, False)
    for (cands, _, _), text in zip(dev, dt): set_rival_features(cands, text)
    m2 = fit(arts, True)
    predict(m2, dev, True)
    score_polnear(records(dn, dt, dev, th), '../shared/data/polnear/dev', f'gb_dev_th{th}')
