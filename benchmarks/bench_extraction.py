"""Article-body extraction: quality (shingle F1 of the scrapinghub benchmark) and pages per second.

    .venv/bin/python benchmarks/bench_extraction.py [--rounds 1] [--sets dev,more] [--ablation] [--json F]

Two sets from ../shared/data: ``dev`` (extraction-dev, 61 news pages of the scrapinghub
article-extraction benchmark) and ``more`` (extraction-more, 300 article pages of WCXB from
289 sites; its text-dump rows use the 291 pages of ``ids-text.txt`` whose dump shows the gold),
each scored alone, on its fixed hash halves (``fit``/``test``: the half that choices were fitted
on and the half they were checked on, see docs/reading-pages.md), and all pages together.

(a) HTML pages: quotewire's HTML reader; trafilatura alone (``trafilatura.extract``, defaults,
    and ``fast=True``); readability-lxml alone (its summary's text). ``--ablation`` adds one
    row per post-processing step switched.
(b) text dumps: quotewire's text-dump reader (``read_text_dump``); the whole dump; only the
    lines of 15+ words.

The body scored is every block but the title, joined by blank lines. Scores come from
../shared/tools/extraction_score.py (imported from ../shared, not copied). Speed: readers take
turns page by page in the same run, so that load on the shared machine hits them alike; with
``--rounds N`` the best round counts. Single process, no attribution.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import logging
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
SETS = {"dev": SHARED / "data" / "extraction-dev", "more": SHARED / "data" / "extraction-more"}
SCORER = SHARED / "tools" / "extraction_score.py"

from _machine import machine  # noqa: E402

Reader = Callable[[str, str], str]


def half(doc_id: str) -> str:
    """A fixed split of the pages by a hash of their id: ``fit`` or ``test``."""
    return "fit" if hashlib.sha256(f"half:{doc_id}".encode()).digest()[0] % 2 == 0 else "test"


def body_of(article: object) -> str:
    return "\n\n".join(b.text for b in article.blocks if b.kind != "title")  # type: ignore[attr-defined]


def timed_runs(readers: dict[str, Reader], pages: dict[str, str],
               rounds: int) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Readers take turns page by page, so a burst of load on a shared machine hits them alike."""
    preds: dict[str, dict[str, str]] = {name: {} for name in readers}
    best: dict[str, float] = {name: float("inf") for name in readers}
    for _ in range(rounds):
        spent = dict.fromkeys(readers, 0.0)
        for i, page in pages.items():
            for name, read in readers.items():
                t = time.perf_counter()
                try:
                    preds[name][i] = read(i, page)
                except Exception:  # a reader that refuses a page scores it as empty
                    preds[name][i] = ""
                spent[name] += time.perf_counter() - t
        for name in readers:
            best[name] = min(best[name], spent[name])
    return preds, {name: len(pages) / s for name, s in best.items()}


def groups(keys: list[str]) -> dict[str, list[str]]:
    """Keys are "set/id": each set, its halves, and all pages together."""
    out: dict[str, list[str]] = {}
    for k in keys:
        name, doc = k.split("/", 1)
        out.setdefault(name, []).append(k)
        out.setdefault(f"{name} {half(doc)}", []).append(k)
    out["all"] = list(keys)
    return out


def table(title: str, preds: dict[str, dict[str, str]], speed: dict[str, float],
          gold: dict[str, object], score: Callable[..., dict]) -> dict[str, dict[str, dict[str, float]]]:
    keys = list(next(iter(preds.values())))
    parts = groups(keys)
    order = [g for g in ("dev", "more", "all") if g in parts]
    print(f"\n{title}: F1 (precision / recall) per set; halves in brackets; pages/s over all pages")
    print(f"{'reader':<34} " + " ".join(f"{g + f' ({len(parts[g])})':>24}" for g in order) + f" {'pages/s':>8}")
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, pred in preds.items():
        results[name] = {}
        cells = []
        for g in parts:
            s = score(gold, pred, parts[g], n_bootstrap=0)
            results[name][g] = {"f1": s["f1"], "precision": s["precision"], "recall": s["recall"],
                                "pages": len(parts[g])}
        for g in order:
            r = results[name][g]
            cells.append(f"{r['f1']:.3f} ({r['precision']:.3f}/{r['recall']:.3f})")
        results[name]["pages_per_s"] = speed[name]  # type: ignore[assignment]
        print(f"{name:<34} " + " ".join(f"{c:>24}" for c in cells) + f" {speed[name]:8.1f}")
        halves = [f"{g}: {results[name][g]['f1']:.3f}" for g in parts if " " in g]
        print(f"{'':<34} [{', '.join(halves)}]")
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=1, help="timed passes per reader (best counts)")
    ap.add_argument("--sets", default="dev,more", help="comma-separated: dev, more")
    ap.add_argument("--ablation", action="store_true", help="also score the HTML reader with each step switched")
    ap.add_argument("--no-text", action="store_true", help="skip the text-dump table")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SETS]
    if unknown or not chosen:
        print(f"bench_extraction: --sets {args.sets!r}: choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    missing = [str(p) for p in [SETS[s] for s in chosen] + [SCORER] if not p.exists()]
    if missing:
        print(f"bench_extraction: {', '.join(missing)} missing (../shared is needed)", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    sys.path.insert(0, str(SCORER.parent))
    from extraction_score import score

    import lxml.html
    import trafilatura
    from readability import Document

    from quotewire.page.html import HtmlOptions, read_html
    from quotewire.page.textdump import read_text_dump

    print(f"machine: {machine()}")
    figures: dict[str, object] = {"machine": machine()}
    gold: dict[str, object] = {}
    html_pages: dict[str, str] = {}
    dumps: dict[str, str] = {}
    for name in chosen:
        d = SETS[name]
        g = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        ids = (d / "ids.txt").read_text().split()
        text_ids = set((d / "ids-text.txt").read_text().split()) if (d / "ids-text.txt").exists() else set(ids)
        for i in ids:
            gold[f"{name}/{i}"] = g[i]
            html_pages[f"{name}/{i}"] = gzip.decompress((d / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8")
            if i in text_ids:
                dumps[f"{name}/{i}"] = (d / "text" / f"{i}.txt").read_text(encoding="utf-8")
        print(f"{name}: {len(ids)} HTML pages, {len(text_ids)} text dumps ({d})")

    def readability_text(i: str, h: str) -> str:
        summary = Document(h).summary(html_partial=True)
        return "\n".join(t.strip() for t in lxml.html.fromstring(summary).itertext() if t.strip())

    html_readers: dict[str, Reader] = {
        "quotewire HTML reader": lambda i, h: body_of(read_html(h, i)),
        "trafilatura.extract (defaults)": lambda i, h: trafilatura.extract(h) or "",
        "trafilatura.extract (fast=True)": lambda i, h: trafilatura.extract(h, fast=True) or "",
        "readability-lxml (summary text)": readability_text,
    }
    if args.ablation:
        for f in dataclasses.fields(HtmlOptions):
            if isinstance(f.default, bool):
                opts = HtmlOptions(**{f.name: not f.default})
                html_readers[f"  with {f.name}={not f.default}"] = (
                    lambda o: lambda i, h: body_of(read_html(h, i, options=o)))(opts)
    preds, speed = timed_runs(html_readers, html_pages, args.rounds)
    results = table("(a) HTML pages", preds, speed, gold, score)
    figures["html"] = results
    ours, traf = results["quotewire HTML reader"], results["trafilatura.extract (defaults)"]
    ratio = ours["pages_per_s"] / traf["pages_per_s"]  # type: ignore[operator]
    for g in [x for x in ("dev", "more", "all") if x in ours]:
        print(f"quotewire vs trafilatura on {g}: F1 {ours[g]['f1'] - traf[g]['f1']:+.3f}")
    print(f"quotewire speed: {ratio:.0%} of trafilatura's defaults in this run "
          f"(targets: F1 >= 0.95 and >= trafilatura + 0.01 on each set, speed >= 80%)")

    if not args.no_text:
        text_readers: dict[str, Reader] = {
            "quotewire text-dump reader": lambda i, t: body_of(read_text_dump(t, doc_id=i)),
            "baseline: whole dump": lambda i, t: t,
            "baseline: lines of 15+ words": lambda i, t: "\n".join(
                ln for ln in t.split("\n") if len(ln.split()) >= 15),
        }
        preds, speed = timed_runs(text_readers, dumps, args.rounds)
        figures["text"] = table("(b) text dumps", preds, speed, gold, score)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
