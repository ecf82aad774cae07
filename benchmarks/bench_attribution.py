"""Attribution speed and quality over PolNeAR dev, next to a spaCy-parse-only pass.

    .venv/bin/python benchmarks/bench_attribution.py [--data ../shared/data/polnear] [--no-score]

Prints articles per second for the whole pipeline (pipeline.process_many) and for parsing
alone (nlp.parse_many) in the same run, the span tagger's own time over the parsed Docs, model
and span tagger load time, peak memory, the machine, the full
polnear_score table and the calibration table (confidence bin -> count, share correct).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


from _machine import cpu_model  # noqa: E402


def calibration(pred: Path, gold_dir: Path) -> list[tuple[str, int, float]]:
    sys.path.insert(0, str(ROOT / "src"))
    from quotewire.attribution.train import load_gold, token_ids, word_index

    gold = load_gold(gold_dir)
    bins: dict[str, list[int]] = {}
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
    for line in pred.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        text, atts = gold.get(art["doc_id"], ("", []))
        if not text:
            continue
        idx = word_index(text)
        g = [(token_ids(text, a["Content"], idx), token_ids(text, a["Source"], idx)) for a in atts]
        for q in art["quotes"]:
            parts = q["content"].get("parts") or [[q["content"]["start"], q["content"]["end"]]]
            ct = token_ids(text, [tuple(p) for p in parts], idx)
            m = q["speaker"].get("mention")
            st = token_ids(text, [(m["start"], m["end"])], idx) if m else frozenset()
            ok = any(ct and gc and len(ct & gc) / len(ct | gc) >= 0.5 and ((st & gs) or (not st and not gs))
                     for gc, gs in g)
            for lo, hi in zip(edges, edges[1:]):
                if lo <= q["confidence"] < hi:
                    bins.setdefault(f"[{lo:.1f}, {min(hi, 1.0):.1f})", []).append(int(ok))
    return [(k, len(v), sum(v) / len(v)) for k, v in sorted(bins.items())]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--no-score", action="store_true", help="skip the scorer and calibration tables")
    args = ap.parse_args()
    dev = args.data / "dev"
    files = sorted((dev / "text").glob("*.txt"))
    if not files:
        print(f"error: no texts under {dev / 'text'}", file=sys.stderr)
        return 2
    from quotewire import nlp, pipeline
    from quotewire.records import RawDocument

    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    t = time.perf_counter()
    nlp.load()
    print(f"model load: {time.perf_counter() - t:.2f} s ({nlp.model_name()})")
    from quotewire.attribution import tagger

    t = time.perf_counter()
    tagger.load()
    size = sum(f.stat().st_size for f in tagger.MODEL_DIR.iterdir()) / 2**20
    print(f"span tagger load: {time.perf_counter() - t:.2f} s ({size:.1f} MiB on disk)")
    texts = [f.read_text(encoding="utf-8") for f in files]
    t = time.perf_counter()
    docs = list(nlp.parse_many(texts))
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        tagger.probabilities(d)
    tag_s = time.perf_counter() - t
    del docs
    raws = [RawDocument(data=f.read_bytes(), origin=str(f), doc_id=f.stem, form="body", encoding="utf-8")
            for f in files]
    out = Path(tempfile.mkdtemp()) / "dev.jsonl"
    t = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for r in pipeline.process_many(raws):
            if r.article is not None:
                fh.write(r.article.joined().to_json() + "\n")  # every act; runs as PolNeAR annotates them
    full_s = time.perf_counter() - t
    n = len(files)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {n}")
    print(f"parse only:    {n / parse_s:6.2f} articles/s ({parse_s:.1f} s)")
    print(f"span tagger alone over the parsed Docs: {tag_s:.1f} s ({tag_s / parse_s:.0%} of the parse time)")
    print(f"full pipeline: {n / full_s:6.2f} articles/s ({full_s:.1f} s) = {parse_s / full_s:.0%} of parse-only rate")
    print(f"peak RSS: {peak:.0f} MiB")
    if not args.no_score:
        tool = ROOT.parent / "shared" / "tools" / "polnear_score.py"
        subprocess.run([sys.executable, str(tool), "--gold", str(dev), "--pred", str(out)], check=False)
        print("calibration (confidence bin, quotes, share correct):")
        for name, count, share in calibration(out, dev):
            print(f"  {name:12} {count:5d} {share:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
