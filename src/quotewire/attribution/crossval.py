"""Cross-validate the attribution scorer on PolNeAR train: ``python -m quotewire.attribution.crossval``.

A split of ~130 articles measures a change to about +-0.01 F1, which is as large as most
changes are. This command fits the scorer K times, each time on all train articles but one
fold, predicts the left-out fold (both passes, train.two_pass_out_of_fold, as training itself does to calibrate),
and scores the pooled predictions of all ~840 articles with ../shared/tools/polnear_score.py
(the official scorer, run as a program): every train article is scored by a model that
never saw it. Use it to judge a candidate or feature change; read dev only to measure.
Predictions are what the pipeline would keep (the threshold chosen as train.py chooses it,
continuations joined), with the speaker mention as the source and no cue.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotewire.attribution.quotes import find_quotes
from quotewire.attribution.select import choose, continue_quotes, merge_shared_cues
from quotewire.attribution.train import DEFAULT_DATA, build, kept_pairs, load_gold, load_oof, pick_threshold, two_pass_out_of_fold

SCORER = DEFAULT_DATA.parent.parent / "tools" / "polnear_score.py"


def _span(text: str, pieces: list[tuple[int, int]]) -> dict[str, object]:
    a, b = pieces[0][0], pieces[-1][1]
    out: dict[str, object] = {"start": a, "end": b, "text": text[a:b]}
    if len(pieces) > 1:
        out["parts"] = [list(p) for p in pieces]
    return out


def records(names: list[str], texts: list[str], arts: list, threshold: float) -> list[dict[str, object]]:
    """Contract records (doc_id, text, quotes with content and speaker mention) of what would be kept."""
    out = []
    for name, text, (cands, _, _) in zip(names, texts, arts):
        kept = merge_shared_cues(choose(cands, threshold))
        continue_quotes(text, kept, find_quotes(text))
        quotes = [{"content": _span(text, c.content),
                   "speaker": {"mention": _span(text, [c.char_source]) if c.char_source else None}}
                  for c in kept]
        out.append({"doc_id": name, "text": text, "quotes": quotes})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quotewire.attribution.crossval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR folder holding train/ (default %(default)s)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--scorer", type=Path, default=SCORER, help="polnear_score.py (default %(default)s)")
    ap.add_argument("--tagger-oof", type=Path, default=Path("build") / "span_tagger_oof.pkl",
                    help="train_tagger's out-of-fold probabilities (default %(default)s)")
    args = ap.parse_args(argv)
    split = args.data / "train"
    if not (split / "text").is_dir():
        print(f"error: {split}/text not found (give --data)", file=sys.stderr)
        return 2
    if not args.scorer.is_file():
        print(f"error: {args.scorer}: scorer not found (give --scorer)", file=sys.stderr)
        return 2
    if args.folds < 2:
        print(f"error: --folds {args.folds}: need at least 2", file=sys.stderr)
        return 2
    t0 = time.time()
    gold = load_gold(split)
    names = list(gold)
    texts = [gold[n][0] for n in names]
    arts = build(gold, oof=load_oof(args.tagger_oof, names))
    two_pass_out_of_fold(arts, texts, args.folds, args.epochs)
    threshold = pick_threshold(kept_pairs(arts))
    recs = records(names, texts, arts, threshold)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "cv.jsonl"
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
        done = subprocess.run([sys.executable, str(args.scorer), "--gold", str(split), "--pred", str(pred)],
                              capture_output=True, text=True)
    if done.returncode != 0:
        print(f"error: {args.scorer}: {done.stderr.strip() or done.stdout.strip()}", file=sys.stderr)
        return 1
    print(f"{args.folds}-fold cross-validation over {len(arts)} PolNeAR train articles, threshold {threshold} "
          f"({time.time() - t0:.0f}s)")
    print(done.stdout.rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
