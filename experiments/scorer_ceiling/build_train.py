import pickle
from pathlib import Path
from quotewire.attribution.train import load_gold, build
split = Path('../shared/data/polnear/train')
gold = load_gold(split); names = list(gold); texts = [gold[n][0] for n in names]
arts = build(gold)
pickle.dump((names, texts, arts), open('/tmp/scorer_ceiling/train_arts.pkl', 'wb'))
print("done", len(arts))
