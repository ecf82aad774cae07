"""The train articles train.py holds out (every 10th by name) as a compartment of their own.

    .venv/bin/python experiments/span_tagger/make_heldout.py

Writes /tmp/span_tagger/heldout/{text,attributions} (symlinks into ../shared, the gold .ann
chosen as the scorer chooses it) and /tmp/span_tagger/held.spacy (those Docs of train.spacy).
Then run the rules on it:
    .venv/bin/quotewire extract /tmp/span_tagger/heldout/text/*.txt --as-body --act all --join-runs \
        --format jsonl > /tmp/span_tagger/rules_held.jsonl
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train"
OUT = Path("/tmp/span_tagger")


def main() -> int:
    vocab = spacy.blank("en").vocab
    docs = list(DocBin().from_disk(OUT / "train.spacy").get_docs(vocab))
    held = [d for i, d in enumerate(docs) if i % 10 == 9]
    for sub in ("text", "attributions"):
        (OUT / "heldout" / sub).mkdir(parents=True, exist_ok=True)
    anns = sorted((TRAIN / "attributions").glob("*.ann"))
    for d in held:
        name = d.user_data["name"]
        t = OUT / "heldout" / "text" / f"{name}.txt"
        if not t.exists():
            t.symlink_to(TRAIN / "text" / f"{name}.txt")
        ann = min(a for a in anns if a.stem.rsplit("_", 1)[0] == name)
        link = OUT / "heldout" / "attributions" / ann.name
        if not link.exists():
            link.symlink_to(ann)
    db = DocBin(store_user_data=True)
    for d in held:
        db.add(d)
    db.to_disk(OUT / "held.spacy")
    print(f"{len(held)} held-out train articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
