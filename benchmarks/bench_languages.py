"""Who said what per language: speed, model load and peak memory beside the English batch, and the
German quality figures on de-wikinews.

    .venv/bin/python benchmarks/bench_languages.py [--shared ../shared] [--no-score]
        [--samples fr,es,it,pl,ru,uk] [--n 300] [--samples-only]

Each batch runs in a process of its own (so load time and peak memory are that language's alone):
English = PolNeAR dev (84 articles), German = de-wikinews (850 articles), both read with
``--as-body`` semantics through ``pipeline.process_many``; French (and, with ``--samples``, the
other languages of nlp/europe.py) = ``--n`` sample articles written for this project
(benchmarks/language_samples.py: invented names, about 2,000 characters each; no gold, so speed only). Prints articles/s and characters/s
(the articles differ in length, so characters/s is the fairer ratio), the layer's load time, the
process's peak memory, the load average, and the e2e_score table for German.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import cpu_model  # noqa: E402
from language_samples import LANGUAGES, write_samples  # noqa: E402

_BATCH = r"""
import json, resource, sys, time
from pathlib import Path
from quotewire import nlp, pipeline
from quotewire.nlp import languages
from quotewire.records import RawDocument
lang, folder, out = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
files = sorted(folder.glob("*.txt"))
raws = [RawDocument(data=f.read_bytes(), origin=str(f), doc_id=f.stem, form="body", encoding="utf-8") for f in files]
t0 = time.perf_counter()
if lang == "en":
    nlp.load()
else:
    languages.layer(lang)
load = time.perf_counter() - t0
t0 = time.perf_counter()
chars, quotes, langs = 0, 0, {}
with open(out, "w", encoding="utf-8") as fh:
    for r in pipeline.process_many(raws):
        a = r.article
        chars += len(a.text); quotes += len(a.quotes); langs[a.language] = langs.get(a.language, 0) + 1
        fh.write(a.model_dump_json() + "\n")
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"lang": lang, "articles": len(raws), "seconds": dt, "chars": chars, "quotes": quotes,
                  "load_s": load, "peak_mib": peak, "languages_seen": langs, "layers_loaded": sorted(languages.loaded())}))
"""


def batch(lang: str, folder: Path, out: Path) -> dict:  # type: ignore[type-arg]
    res = subprocess.run([sys.executable, "-c", _BATCH, lang, str(folder), str(out)], capture_output=True, text=True,
                         cwd=ROOT, timeout=3600)
    if res.returncode != 0:
        raise SystemExit(f"bench_languages: {lang} batch failed: {res.stderr.strip().splitlines()[-1:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--samples", default="fr", help=f"sample batches, of {','.join(LANGUAGES)} (default: fr)")
    ap.add_argument("--n", type=int, default=300, help="articles per sample batch (default: 300)")
    ap.add_argument("--samples-only", action="store_true", help="no English / German batch (no ../shared needed)")
    a = ap.parse_args()
    samples = [x for x in a.samples.split(",") if x]
    if any(x not in LANGUAGES for x in samples):
        print(f"bench_languages: error: --samples takes {','.join(LANGUAGES)}", file=sys.stderr)
        return 2
    en_dir = a.shared / "data" / "polnear" / "dev" / "text"
    de_dir = a.shared / "data" / "de-wikinews" / "text"
    for d in (() if a.samples_only else (en_dir, de_dir)):
        if not d.exists():
            print(f"bench_languages: error: {d} not found", file=sys.stderr)
            return 2
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [] if a.samples_only else [batch("en", en_dir, Path(tmp) / "en.jsonl"), batch("de", de_dir, Path(tmp) / "de.jsonl")]
        for lang in samples:
            folder = Path(tmp) / f"samples-{lang}"
            write_samples(lang, folder, a.n)
            rows.append(batch(lang, folder, Path(tmp) / f"{lang}.jsonl"))
        print(f"load average after: {os.getloadavg()}")
        print(f"{'batch':10} {'articles':>8} {'art/s':>7} {'kchar/s':>8} {'load s':>7} {'peak MiB':>9}  layers loaded / languages seen")
        en_cps = rows[0]["chars"] / rows[0]["seconds"] if rows[0]["lang"] == "en" else None
        for r in rows:
            cps = r["chars"] / r["seconds"]
            print(f"{r['lang']:10} {r['articles']:8d} {r['articles'] / r['seconds']:7.2f} {cps / 1000:8.1f} "
                  f"{r['load_s']:7.2f} {r['peak_mib']:9.0f}  {r['layers_loaded']} / {r['languages_seen']}"
                  + ("" if r["lang"] == "en" or en_cps is None else f"  ({cps / en_cps:.1f}x English's characters/s)")
                  + (f"  quotes/article {r['quotes'] / r['articles']:.1f}" if r["lang"] in samples else ""))
        if not a.no_score and not a.samples_only:
            scorer = a.shared / "tools" / "e2e_score.py"
            res = subprocess.run([sys.executable, str(scorer), "--gold", str(a.shared / "data" / "de-wikinews" / "gold.jsonl"),
                                  "--pred", str(Path(tmp) / "de.jsonl")], capture_output=True, text=True, timeout=600)
            print(res.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
