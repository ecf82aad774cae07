"""Speed of the text-dump reader (quotewire.page.textdump) on the extraction-dev text dumps.

    .venv/bin/python benchmarks/bench_textdump.py [--dir DIR] [--passes N]

Reads every *.txt under DIR (default ../shared/data/extraction-dev/text) into memory,
runs one warm-up pass, then N timed passes (each with the line-feature cache cleared,
so a pass sees the pages as new), and prints pages/s by wall clock and by
process CPU time (the CPU figure holds on a busy shared machine), the peak memory of
the process and the machine (cores, CPU model).
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

from quotewire.page.lines import line_features
from quotewire.page.textdump import read_text_dump

ROOT = Path(__file__).resolve().parent.parent


from _machine import cpu_model  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "data" / "extraction-dev" / "text")
    ap.add_argument("--passes", type=int, default=5)
    a = ap.parse_args()
    files = sorted(a.dir.glob("*.txt"))
    if not files:
        print(f"bench_textdump: no *.txt under {a.dir}", file=sys.stderr)
        return 2
    pages = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    for p in pages:
        read_text_dump(p, "warm")
    best_wall = best_cpu = 0.0
    for _ in range(max(1, a.passes)):
        line_features.cache_clear()  # each pass reads the pages as new: only repeats within the pass hit
        w0, c0 = time.perf_counter(), time.process_time()
        for p in pages:
            read_text_dump(p, "bench")
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        best_wall = max(best_wall, len(pages) / wall)
        best_cpu = max(best_cpu, len(pages) / cpu if cpu > 0 else 0.0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text-dump reader: {len(pages)} pages ({mb:.1f} MB), best of {a.passes} passes: "
          f"{best_wall:.0f} pages/s wall, {best_cpu:.0f} pages/s per CPU second, peak RSS {peak:.0f} MB")
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
