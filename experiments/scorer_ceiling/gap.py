"""Where the right candidates the shipped scorer does not keep are lost (PolNeAR dev): below the
threshold with nothing kept over them, or beaten by an overlapping candidate that was kept."""
import pickle
from collections import Counter
from pathlib import Path

from quotewire.attribution import model as scorer
from quotewire.attribution.select import choose
from quotewire.attribution.train import load_gold

gold = load_gold(Path('../shared/data/polnear/dev'))
texts = [gold[n][0] for n in gold]
arts = pickle.load(open('/tmp/scorer_ceiling/dev_arts.pkl', 'rb'))
m = scorer.load()
why, kinds, scores = Counter(), Counter(), Counter()
for (cands, ys, _), text in zip(arts, texts):
    scorer.score_all(cands, text, m)
    kept = choose(cands, m.threshold)
    kept_ids = {id(c) for c in kept}
    lab = {id(c): y for c, y in zip(cands, ys)}
    covered = [r for c in kept for r in c.content]
    for c, y in zip(cands, ys):
        if not y or id(c) in kept_ids:
            continue
        over = [k for k in kept if any(a < e and b < d for a, d in c.content for b, e in k.content)]
        if over:
            why["beaten by a kept overlapping candidate, " + ("right" if lab[id(over[0])] else "wrong")] += 1
        else:
            why["below threshold, nothing kept there"] += 1
            kinds[c.kind] += 1
            scores[round(c.score, 1)] += 1
print(why)
print("below threshold by kind:", kinds.most_common())
print("below threshold by score:", sorted(scores.items()))
