"""Train and dev candidates with a dense view of each in context: the parse's own token vectors
(doc.tensor, the small model's tok2vec, 96 wide) averaged over content, cue and source, plus
the cue and source heads. Pickled to /tmp/scorer_ceiling/{split}_tensor.pkl."""
import pickle, sys, time
from pathlib import Path
import numpy as np
from quotewire import nlp
from quotewire.attribution.core import candidates_for
from quotewire.attribution.train import label, load_gold, word_index

W = 96


def tokens_of(doc, ranges):
    out = []
    for a, b in ranges:
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None:
            out.extend(range(sp.start, sp.end))
    return out


def vec(doc, c):
    t = doc.tensor
    z = np.zeros(W, dtype=np.float32)
    content = tokens_of(doc, c.content)
    cue = list(range(*c.cue)) if c.cue[1] > c.cue[0] else []
    src = list(range(*c.source)) if c.source else []
    parts = [t[content].mean(0) if content else z, t[cue].mean(0) if cue else z, t[src].mean(0) if src else z,
             t[c.cue_head] if c.cue_head >= 0 else z, t[c.source_head] if c.source_head is not None else z,
             t[content[0]] if content else z, t[content[-1]] if content else z]
    return np.concatenate(parts).astype(np.float16)


for split in sys.argv[1:]:
    gold = load_gold(Path(f"../shared/data/polnear/{split}"))
    names = list(gold)
    texts = [gold[n][0] for n in names]
    arts, t0 = [], time.time()
    for k, doc in enumerate(nlp.parse_many(texts)):
        text, atts = gold[names[k]]
        cands = candidates_for(doc)
        dense = np.stack([vec(doc, c) for c in cands]) if cands else np.zeros((0, 7 * W), np.float16)
        arts.append((cands, label(text, cands, atts, word_index(text)), len(atts), dense))
        if k % 100 == 0:
            print(f"{split} {k}/{len(names)} {time.time() - t0:.0f}s", flush=True)
    pickle.dump((names, texts, arts), open(f"/tmp/scorer_ceiling/{split}_tensor.pkl", "wb"))
