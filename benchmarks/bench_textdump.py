"""Quality and speed of the text-dump reader (quotewire.page.textdump).

    .venv/bin/python benchmarks/bench_textdump.py [--passes N] [--no-quality] [--no-speed]

Quality, scored with ../shared/tools/extraction_score.py (4-token shingle F1, averaged per page):

* on ../shared/data/extraction-dev/text (61 dumps) and ../shared/data/extraction-more/text
  (the 291 dumps of ids-text.txt, whose dump shows the gold), each set, and the fixed
  hash-based halves of extraction-more (half A: sha256("half:" + id) has an even first byte);
  "fit" is dev + more A (the part the reader's constants were chosen on), "decide" is more B
  (the part the choices were checked on);
* beside it the whole dump and the "lines of 15+ words" baseline;
* how many headlines equal the HTML reading's headline (the page's html/ID.html.gz read by
  quotewire.page.html), on the 61 dev dumps and on each half of extraction-more, and on how
  many a publisher is found (on both sets).

Speed: every dev dump read once to warm up, then N timed passes (each with the line-feature
cache cleared, so a pass sees the pages as new): pages/s by wall clock and per CPU second,
and the peak memory of the process; then the machine (cores, CPU model, load).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import re
import resource
import sys
import time
from pathlib import Path

from quotewire.page.lines import line_features
from quotewire.page.textdump import read_text_dump

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "extraction-dev"
MORE = SHARED / "data" / "extraction-more"

from _machine import cpu_model  # noqa: E402


def _ids(path: Path) -> list[str]:
    return [i.strip() for i in path.read_text().splitlines() if i.strip() and not i.startswith("#")]


def half(doc_id: str) -> str:
    return "A" if hashlib.sha256(("half:" + doc_id).encode()).digest()[0] % 2 == 0 else "B"


def reader_body(text: str, doc_id: str) -> tuple[str, object]:
    a = read_text_dump(text, doc_id)
    return "\n\n".join(b.text for b in a.blocks if b.kind != "title"), a


def long_lines(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if len(re.findall(r"\w+", ln)) >= 15)


def quality() -> None:
    sys.path.insert(0, str(SHARED / "tools"))
    import extraction_score as es

    sets = {"dev": (DEV, _ids(DEV / "ids.txt")), "more": (MORE, _ids(MORE / "ids-text.txt"))}
    groups: dict[str, dict[str, list]] = {}
    publishers: dict[str, int] = {}
    articles = {}
    for name, (d, ids) in sets.items():
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        publishers[name] = 0
        for doc_id in ids:
            text = (d / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
            g = es.body(gold[doc_id])
            body, art = reader_body(text, doc_id)
            publishers[name] += bool(art.publisher)
            articles[(name, doc_id)] = art
            keys = [name, "fit" if name == "dev" or half(doc_id) == "A" else "decide"]
            if name == "more":
                keys.append("more " + half(doc_id))
            for k in keys:
                grp = groups.setdefault(k, {"reader": [], "whole": [], "15+": []})
                grp["reader"].append(es.match(g, body))
                grp["whole"].append(es.match(g, text))
                grp["15+"].append(es.match(g, long_lines(text)))
    print(f"{'text dumps':<10} {'pages':>5} {'reader F1':>9} {'P':>6} {'R':>6} {'whole dump':>10} {'15+ words':>9}")
    for k in ("dev", "more", "more A", "more B", "fit", "decide"):
        g = groups[k]
        r = es.aggregate(g["reader"])
        print(f"{k:<10} {len(g['reader']):>5} {r['f1']:>9.4f} {r['precision']:>6.3f} {r['recall']:>6.3f} "
              f"{es.aggregate(g['whole'])['f1']:>10.3f} {es.aggregate(g['15+'])['f1']:>9.3f}")
    from quotewire.page.html import read_html

    same: dict[str, int] = {}
    counted: dict[str, int] = {}
    for (name, doc_id), art in articles.items():
        html = gzip.decompress((sets[name][0] / "html" / f"{doc_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        k = name if name == "dev" else f"more {half(doc_id)}"
        counted[k] = counted.get(k, 0) + 1
        same[k] = same.get(k, 0) + ((art.title or "").strip() == (read_html(html, doc_id=doc_id).title or "").strip())
    print("headline equal to the HTML reading's: " + ", ".join(f"{same.get(k, 0)} of {counted[k]} {k}"
                                                              for k in ("dev", "more A", "more B") if k in counted))
    print("publisher found: " + ", ".join(f"{publishers[n]} of {len(sets[n][1])} {n}" for n in sets))


# The region and headline rules of issue 15's second pass, switched off: the reference the
# reader's speed is measured against in the same run (module constants of quotewire.page.textdump).
RULES_OFF = {"TITLE_SAID": False, "TITLE_TWO": False, "TITLE_GATE": False, "TITLE_DEK": 0.0,
             "TITLE_GLUED": False, "TITLE_PERIOD": False, "TITLE_LONG": 20, "END_FULL": False,
             "BARRIER_SHARE": 0.0, "CHROME_SHARE": 0.0}


def _pass(pages: list[str]) -> tuple[float, float]:
    line_features.cache_clear()  # each pass reads the pages as new: only repeats within the pass hit
    w0, c0 = time.perf_counter(), time.process_time()
    for p in pages:
        read_text_dump(p, "bench")
    return time.perf_counter() - w0, time.process_time() - c0


def speed(passes: int) -> None:
    from quotewire.page import textdump, textdump_title

    def module(k: str) -> object:   # the headline's constants live in textdump_title
        return textdump_title if hasattr(textdump_title, k) else textdump

    files = sorted((DEV / "text").glob("*.txt"))
    pages = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    for p in pages:
        read_text_dump(p, "warm")
    on = {k: getattr(module(k), k) for k in RULES_OFF}
    best_wall = best_cpu = best_off = 0.0
    for _ in range(max(1, passes)):
        wall, cpu = _pass(pages)
        best_wall = max(best_wall, len(pages) / wall)
        best_cpu = max(best_cpu, len(pages) / cpu if cpu > 0 else 0.0)
        for k, v in RULES_OFF.items():   # the reference, in turn with the reader (load hits both alike)
            setattr(module(k), k, v)
        try:
            _, cpu = _pass(pages)
        finally:
            for k, v in on.items():
                setattr(module(k), k, v)
        best_off = max(best_off, len(pages) / cpu if cpu > 0 else 0.0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed: {len(pages)} dev dumps ({mb:.1f} MB), best of {passes} passes: "
          f"{best_wall:.0f} pages/s wall, {best_cpu:.0f} pages/s per CPU second, peak RSS {peak:.0f} MB; "
          f"with the second pass's rules off {best_off:.0f} pages/s per CPU second "
          f"(ratio {best_cpu / best_off if best_off else 0:.2f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--no-quality", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    a = ap.parse_args()
    if not (DEV / "text").is_dir() or not (MORE / "text").is_dir():
        print(f"bench_textdump: the extraction data is not under {SHARED / 'data'}", file=sys.stderr)
        return 2
    if not a.no_quality:
        quality()
    if not a.no_speed:
        speed(a.passes)
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
