"""PolNeAR train/dev -> spaCy DocBins with per-token BIO tags (CONTENT / CUE / SOURCE).

    .venv/bin/python experiments/span_tagger/convert.py [--data ../shared/data/polnear] [--out /tmp/span_tagger]

Every article is parsed once by the project's own pipeline (quotewire.nlp.model.parse_many,
en_core_web_sm 3.8 with the project's tokenizer changes), whole, not sentence by sentence.
The parsed Doc (POS, DEP, lemma, entities) is stored as is; the gold tag sequence goes into
``doc.user_data["bio"]`` (one string per spaCy token) and the attribution index of every
token into ``doc.user_data["att"]`` (-1 for none) so spans can be linked back to gold.

Alignment: a token takes role R of attribution k when its characters overlap a piece of
that role (the scorer's own rule for \\w tokens, applied to spaCy tokens). A whitespace token
takes a role only when it lies inside a piece (a content running over paragraphs stays one
span). PolNeAR is univocal; where two roles would claim one token (annotators one character
off) the first claim wins. B- starts a run of one (attribution,
role); a discontinuous content (Content + Content2) is two runs, hence two B- spans.

Writes OUT/{train,dev}.spacy and prints token and label counts. The tags are train_tagger.tags_for's.
Nothing is written inside the repository.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from quotewire.attribution.train import load_gold  # noqa: E402
from quotewire.attribution.train_tagger import tags_for  # noqa: E402
from quotewire.nlp import model as nlp_model  # noqa: E402



def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--out", type=Path, default=Path("/tmp/span_tagger"))
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    for split in a.splits:
        t0 = time.time()
        gold = load_gold(a.data / split)
        names = sorted(gold)
        db = DocBin(store_user_data=True)
        labels: Counter[str] = Counter()
        ntok = 0
        for name, doc in zip(names, nlp_model.parse_many(gold[n][0] for n in names)):
            bio, owner = tags_for(doc, gold[name][1])
            doc.user_data["bio"] = bio
            doc.user_data["att"] = owner
            doc.user_data["name"] = name
            labels.update(bio)
            ntok += len(doc)
            db.add(doc)
        db.to_disk(a.out / f"{split}.spacy")
        print(f"{split}: {len(names)} articles, {ntok} tokens, {time.time() - t0:.0f}s, "
              + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
