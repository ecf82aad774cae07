"""How fast the web-archive reader turns a WARC into RawDocuments, and how much memory it needs.

Writes a synthetic .warc.gz (invented pages, one gzip member per record, 1 in 4 records an
image, 1 in 200 a corrupt member), reads it with ``iter_archive`` and prints records/s, MB/s
(compressed input) and peak RSS. Usage: python benchmarks/bench_sources.py [--records N] [--page-kb K]
"""
from __future__ import annotations

import argparse
import gzip
import os
import platform
import random
import resource
import tempfile
import time
from pathlib import Path

from quotewire.sources.warc import ArchiveStats, iter_archive

WORDS = ("harbour council ferry pier vote tuesday mayor said budget quarry mill river bridge school "
         "tide market road station library plan residents").split()


from _machine import cpu_model as _cpu  # noqa: E402


def _record(i: int, body: bytes, ctype: str) -> bytes:
    block = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i:08d}-0000-0000-0000-000000000000>\r\n"
            f"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: https://bench.example/story/{i}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def build(path: Path, records: int, page_kb: int) -> None:
    rnd = random.Random(7)
    with open(path, "wb") as fh:
        for i in range(records):
            if i % 200 == 199:
                fh.write(b"\x1f\x8b\x08\x00" + b"\xee" * 64)
                continue
            if i % 4 == 3:
                fh.write(gzip.compress(_record(i, bytes(rnd.getrandbits(8) for _ in range(2048)), "image/jpeg"), 1))
                continue
            words = " ".join(rnd.choice(WORDS) for _ in range(page_kb * 1024 // 7))
            body = f"<html><head><title>Story {i}</title></head><body><p>{words}</p></body></html>".encode()
            fh.write(gzip.compress(_record(i, body, "text/html; charset=utf-8"), 6))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=4000)
    ap.add_argument("--page-kb", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        build(path, args.records, args.page_kb)
        size = path.stat().st_size
        stats = ArchiveStats()
        t0 = time.perf_counter()
        pages = failed = 0
        page_bytes = 0
        for item in iter_archive(path, stats=stats):
            if hasattr(item, "data"):
                pages += 1
                page_bytes += len(item.data)
            else:
                failed += 1
        dt = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {os.cpu_count()} cores, {_cpu()}")
    print(f"input: {args.records} records, {size / 1e6:.1f} MB .warc.gz; pages {pages}, failures {failed}, "
          f"non-HTML {stats.not_html}")
    print(f"read: {dt:.2f} s = {stats.records / dt:,.0f} records/s, {pages / dt:,.0f} pages/s, "
          f"{size / 1e6 / dt:.1f} MB/s compressed, {page_bytes / 1e6 / dt:.1f} MB/s of HTML")
    print(f"peak RSS (whole process, includes building the file): {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
