"""Who said what, page in, quotes out, as a reader sees it (../shared/data/e2e-dev).

    python benchmarks/bench_e2e.py [--forms html,text] [--polnear] [--json]

Reads the dev pages of ../shared/data/extraction-dev (HTML and text dumps) with `quotewire
extract` (the default: statements only), scores them with ../shared/tools/e2e_score.py, audits
the speaker names with ../shared/tools/speaker_audit.py (also over PolNeAR dev with --polnear),
and prints the calibration of the *named speaker*: for each confidence bin, how many quotes name
a person or body, and the share whose name is the gold speaker's (a quote the gold does not have
counts as not right). The tools are called or imported from ../shared, never copied.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
GOLD = SHARED / "data" / "e2e-dev" / "gold.jsonl"
PAGES = SHARED / "data" / "extraction-dev"
EXE = ROOT / ".venv" / "bin" / "quotewire"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import machine  # noqa: E402


def extract(files: list[Path], out: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([str(EXE), "extract", *map(str, files), "--format", "jsonl", *extra], stdout=fh,
                       stderr=subprocess.DEVNULL, check=False, timeout=3600)
    return time.perf_counter() - t0


def score(pred: Path) -> dict:
    res = subprocess.run([sys.executable, str(TOOLS / "e2e_score.py"), "--gold", str(GOLD), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def audit(pred: Path) -> dict:
    res = subprocess.run([sys.executable, str(TOOLS / "speaker_audit.py"), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def named_calibration(pred: Path) -> dict:
    """Per confidence bin: named quotes, right name, wrong named person (paired, other speaker)."""
    sys.path.insert(0, str(TOOLS))
    import e2e_score as E  # noqa: PLC0415 (the shared scorer's own pairing, imported, not copied)

    gold = E.load_gold(str(GOLD))
    preds = E.load_predictions(str(pred), gold)
    records = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        records[E.record_id(r["doc_id"], gold)] = r
    bins: dict[str, list[int]] = {}
    for aid, gq in gold.items():
        rec = records.get(aid)
        if rec is None:
            continue
        titles = [(b["start"], b["end"]) for b in rec["blocks"] if b["kind"] == "title"]
        mine = [q for q in rec["quotes"] if not any(a <= q["content"]["start"] and q["content"]["end"] <= b
                                                    for a, b in titles)]
        pq = preds.quotes.get(aid, [])
        pairs = {i: j for i, j, _ in E.pair(pq, gq)}
        for i, q in enumerate(mine[:len(pq)]):
            if not q["speaker"]["name"]:
                continue
            lo = min(int(q["confidence"] * 10), 9) / 10
            row = bins.setdefault(f"{lo:.1f}", [0, 0, 0])
            row[0] += 1
            if i in pairs:
                right = E.speaker_right(pq[i].speaker, gq[pairs[i]].speaker)
                row[1] += right
                row[2] += not right
    return {k: {"named": n, "right": r / n if n else 0.0, "wrong_person": w} for k, (n, r, w) in sorted(bins.items())}


def polnear_dev(out: Path) -> Path:
    files = sorted((SHARED / "data" / "polnear" / "dev" / "text").glob("*.txt"))
    extract(files, out, "--as-body", "--act", "all", "--join-runs")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--forms", default="html,text", help="html, text or both (default)")
    ap.add_argument("--polnear", action="store_true", help="also audit the speakers of PolNeAR dev")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if not GOLD.exists():
        print(f"bench_e2e: {GOLD} not found (../shared is missing)", file=sys.stderr)
        return 2
    report: dict = {"machine": machine()}
    tmp = Path(tempfile.mkdtemp(prefix="qw-e2e-"))
    for form in [f.strip() for f in args.forms.split(",") if f.strip()]:
        files = sorted((PAGES / "html").glob("*.html.gz")) if form == "html" else sorted((PAGES / "text").glob("*.txt"))
        pred = tmp / f"{form}.jsonl"
        secs = extract(files, pred)
        s = score(pred)
        report[form] = {"seconds": round(secs, 1), "pages": len(files), "score": s, "audit": audit(pred),
                        "named_calibration": named_calibration(pred)}
    if args.polnear:
        report["polnear_dev_audit"] = audit(polnear_dev(tmp / "polnear-dev.jsonl"))
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"machine: {report['machine']}")
    for form in ("html", "text"):
        if form not in report:
            continue
        r = report[form]
        s = r["score"]
        print(f"\n== {form} pages ({r['pages']}, {r['seconds']} s with model load) ==")
        print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6}")
        for key in ("quote_found", "attribution"):
            row = s[key]
            print(f"{key:28} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}")
        for kind in ("direct", "mixed", "indirect"):
            row = s["by_kind"]["attribution"][kind]
            print(f"{kind + ' attribution':28} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}")
        print(f"speaker name exact on found quotes: {s['speaker_name_exact']['found']['share']:.3f}")
        a = r["audit"]
        print(f"speaker audit ({a['named_quotes']} named quotes): " + ", ".join(
            f"{k} {v} ({a['shares'][k]:.1%})" for k, v in a["counts"].items()))
        print("named-speaker calibration (confidence bin: named quotes, share right, given to a wrong person):")
        for lo, row in r["named_calibration"].items():
            print(f"  [{lo}, {float(lo) + 0.1:.1f})  {row['named']:4d}  {row['right']:.3f}  {row['wrong_person']}")
    if "polnear_dev_audit" in report:
        a = report["polnear_dev_audit"]
        print(f"\nPolNeAR dev speaker audit ({a['named_quotes']} named quotes): " + ", ".join(
            f"{k} {v} ({a['shares'][k]:.1%})" for k, v in a["counts"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
