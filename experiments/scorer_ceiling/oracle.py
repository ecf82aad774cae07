"""Ceiling of selection among today's candidates on PolNeAR dev: the shipped scorer vs labels as scores."""
import json, pickle, subprocess, sys, tempfile
from pathlib import Path
from quotewire.attribution.train import load_gold, build
from quotewire.attribution import model as scorer
from quotewire.attribution.crossval import records
split = Path('../shared/data/polnear/dev')
gold = load_gold(split); names = list(gold); texts = [gold[n][0] for n in names]
arts = build(gold)
pickle.dump(arts, open('/tmp/scorer_ceiling/dev_arts.pkl', 'wb'))
m = scorer.load()
def score(recs, tag):
    p = Path(f'/tmp/scorer_ceiling/oracle_{tag}.jsonl'); p.write_text(''.join(json.dumps(r) + '\n' for r in recs))
    out = subprocess.run([sys.executable, '../shared/tools/polnear_score.py', '--gold', str(split), '--pred', str(p)], capture_output=True, text=True).stdout
    print(tag, [l for l in out.splitlines() if l.startswith(('Attribution', '  quote found', 'Direct attribution'))])
for (cands, ys, n), text in zip(arts, texts):
    scorer.score_all(cands, text, m)
score(records(names, texts, arts, m.threshold), 'model')
for (cands, ys, n) in arts:
    for c, y in zip(cands, ys):
        c.score = 0.9 if y else 0.0
score(records(names, texts, arts, 0.5), 'oracle')
