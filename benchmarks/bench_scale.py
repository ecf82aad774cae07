"""Throughput of the batch runner: 1 vs N workers over a WARC of generated pages.

    .venv/bin/python benchmarks/bench_scale.py [--pages 2000] [--workers 1,2] [--keep DIR]

Builds a gzip-per-record WARC of varied fictional news pages, then, for each worker count, runs
the full pipeline (extract + language + spaCy parse + attribution) and the extract-only path
(``--no-quotes``: pages read, no nlp/attribution) into a Parquet dataset, each in a fresh
process. Prints articles/s (steady state, and wall including pool start and model load),
the median and p95 per-article worker time, peak RSS per worker, the machine and its load.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

FIRST = ["Mara", "Tobias", "Ilse", "Dev", "Petra", "Jonah", "Aiko", "Ruben", "Selma", "Kofi", "Lena", "Ivo",
         "Noor", "Emeric", "Talia", "Bram", "Odile", "Caspar", "Yara", "Henrik"]
LAST = ["Odenkirk", "Fenwright", "Carrowmore", "Anandraj", "Vollmann", "Achterberg", "Lindqvist", "Okafor",
        "Brill", "Maravilla", "Quennell", "Stroud", "Tamsin", "Weatherby", "Ziegler", "Halloran"]
ROLES = ["the mayor", "a council member", "the harbor master", "a school principal", "the police chief",
         "a spokesperson for the utility", "a local shop owner", "the county treasurer", "a union organizer",
         "a researcher at the regional institute", "the fire chief", "a parent of two"]
PLACES = ["Brackenford", "Ostrava Bay", "Millhaven", "Quillon", "Tarrowby", "Esker Point", "Larchmont Vale",
          "Saltreach", "Dunmore Falls", "Pellham"]
TOPICS = ["the ferry timetable", "the library budget", "a bridge repair", "school lunches", "water rates",
          "the night market permits", "a new bus line", "the stadium lease", "flood defenses", "the zoning map"]
CUES = ["said", "told reporters", "added", "argued", "warned", "explained", "insisted", "noted"]
FILLER = [
    "The proposal drew {n} written comments during the consultation period, according to the clerk.",
    "Officials expect the change to cost about {n} thousand dollars over the next two years.",
    "A public hearing is scheduled for next month at the community center on Market Street.",
    "Residents packed the meeting room on Tuesday evening, and several stood along the back wall.",
    "The vote followed {n} weeks of negotiation between the council and the regional authority.",
    "Critics have asked for an independent review of the figures before any contract is signed.",
    "Local businesses said the timing was difficult, with the summer season only weeks away.",
    "The plan will be reviewed again in the spring, when new budget numbers are available.",
]


def _person(rnd: random.Random) -> tuple[str, str]:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", rnd.choice(ROLES)


def make_page(i: int) -> str:
    rnd = random.Random(i)
    place, topic = rnd.choice(PLACES), rnd.choice(TOPICS)
    paras = [f"Officials in {place} moved forward this week with changes to {topic}, ending a debate that "
             f"has divided residents for {rnd.randint(2, 18)} months."]
    for _ in range(rnd.randint(3, 9)):
        name, role = _person(rnd)
        kind = rnd.random()
        if kind < 0.4:
            paras.append(f"\u201cWe heard every objection, and the plan reflects them,\u201d {rnd.choice(CUES)} "
                         f"{name}, {role}. \u201cNobody got everything they asked for.\u201d")
        elif kind < 0.7:
            paras.append(f"{name}, {role}, said the decision on {topic} came too quickly and that the costs "
                         f"would fall on families who could least afford them.")
        else:
            paras.append(f"According to {name}, {role}, the numbers presented to the council were "
                         f"\u201cincomplete at best\u201d and should be checked again.")
        paras.append(rnd.choice(FILLER).format(n=rnd.randint(3, 400)))
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    outlet = f"The {place} {rnd.choice(['Ledger', 'Courier', 'Gazette', 'Observer'])}"
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{place} moves on {topic} "
            f"| {outlet}</title><meta property=\"og:site_name\" content=\"{outlet}\">"
            f"<meta property=\"article:published_time\" content=\"2024-{1 + i % 12:02d}-{1 + i % 28:02d}\">"
            f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a> <a href=\"/sport\">Sport"
            f"</a></nav><div class=\"cookie\">This site keeps small files in your browser. "
            f"Accept or decline them.</div><article>"
            f"<h1>{place} moves forward on {topic}</h1><p class=\"byline\">By {_person(rnd)[0]}</p>{body}"
            f"</article><aside><h3>Related</h3><a href=\"/x\">More from {place}</a></aside>"
            f"<footer>&copy; {outlet}</footer></body></html>")


def _warc_record(headers: dict[str, str], payload: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {len(payload)}\r\n\r\n"
    return gzip.compress(head.encode() + payload + b"\r\n\r\n", compresslevel=6)


def build_warc(path: Path, pages: int) -> None:
    """One gzip member per record, as crawlers write them (CC-NEWS layout)."""
    with open(path, "wb") as fh:
        fh.write(_warc_record({"WARC-Type": "warcinfo", "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                               "WARC-Date": "2024-05-01T00:00:00Z", "Content-Type": "application/warc-fields"},
                              b"software: quotewire bench_scale\r\n"))
        for i in range(pages):
            html = make_page(i).encode("utf-8")
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f"Content-Length: {len(html)}\r\n\r\n".encode() + html)
            fh.write(_warc_record({"WARC-Type": "response", "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=i)}>",
                                   "WARC-Date": "2024-05-01T12:00:00Z",
                                   "WARC-Target-URI": f"https://news.example.invalid/story/{i}",
                                   "Content-Type": "application/http; msgtype=response"}, http))


from _machine import cpu_model  # noqa: E402


def child(warc: str, out: str, workers: int, attribute: bool) -> None:
    """One measurement in a fresh process, so peak memory and model loading are its own."""
    from quotewire.batch.local import RunStats, iter_outcomes
    from quotewire.batch.output import DatasetWriter
    from quotewire.sources import iter_inputs

    stats = RunStats()
    t0 = time.perf_counter()
    first = last = None
    n_first = 0
    with DatasetWriter(out, "parquet", restart=True) as writer:
        for chunk in iter_outcomes(iter_inputs([warc]), workers=workers, attribute=attribute, stats=stats):
            now = time.perf_counter()
            if first is None:
                first, n_first = now, len(chunk)
            last = now
            for o in chunk:
                writer.add(o)
    wall = time.perf_counter() - t0
    steady = (stats.processed - n_first) / (last - first) if first and last and last > first else 0.0
    lat = sorted(stats.latencies)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_self, rss_children = me.ru_maxrss / 1024, kids.ru_maxrss / 1024
    cpu_self, cpu_kids = me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime
    n = max(1, stats.processed)
    # CPU time per article: independent of how busy the machine is (others share it)
    worker_cpu = (cpu_self if workers == 1 else cpu_kids) / n
    main_cpu = 0.0 if workers == 1 else cpu_self / n
    print(json.dumps({
        "workers": workers, "attribute": attribute, "articles": stats.articles, "failed": stats.failed,
        "wall_s": wall, "rate_wall": stats.articles / wall, "rate_steady": steady,
        "lat_median_ms": 1000 * statistics.median(lat) if lat else 0.0,
        "lat_p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))] if lat else 0.0,
        "peak_rss_worker_mb": rss_self if workers == 1 else rss_children, "peak_rss_main_mb": rss_self,
        "worker_cpu_ms": 1000 * worker_cpu, "main_cpu_ms": 1000 * main_cpu,
    }))


def _projected(r: dict, cores: int) -> float:
    """Articles/s the run's CPU time allows on idle cores: every worker busy, the main process
    sharing the cores with them."""
    worker, main = r["worker_cpu_ms"] / 1000, r["main_cpu_ms"] / 1000
    if worker <= 0:
        return 0.0
    w = r["workers"]
    return min(w / worker, cores / (worker + main)) if w > 1 else 1 / worker


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000, help="pages in the generated WARC (default 2000)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--full-only", action="store_true", help="skip the extract-only runs")
    ap.add_argument("--keep", help="build the WARC and outputs here instead of a temporary folder")
    ap.add_argument("--child", nargs=4, metavar=("WARC", "OUT", "WORKERS", "ATTRIBUTE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        warc, out, workers, attribute = args.child
        child(warc, out, int(workers), attribute == "1")
        return

    counts = [int(w) for w in args.workers.split(",")]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cores} cores, {cpu_model()}, Python {sys.version.split()[0]}")
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="qw-bench-scale-"))
    base.mkdir(parents=True, exist_ok=True)
    warc = base / "pages.warc.gz"
    t = time.perf_counter()
    build_warc(warc, args.pages)
    print(f"built {warc} ({args.pages} pages, {warc.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    results = []
    for attribute in (True,) if args.full_only else (True, False):
        for w in counts:
            load0 = os.getloadavg()[0]
            cmd = [sys.executable, __file__, "--child", str(warc), str(base / f"out-{w}-{int(attribute)}"),
                   str(w), "1" if attribute else "0"]
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                sys.exit(f"bench_scale: run failed: {res.stderr.strip()[-2000:]}")
            r = json.loads(res.stdout.strip().splitlines()[-1])
            r["load"] = (load0, os.getloadavg()[0])
            results.append(r)
            stage = "full pipeline" if attribute else "extract only "
            print(f"{stage} workers={w}: {r['rate_steady']:7.1f} articles/s steady, {r['rate_wall']:7.1f} wall "
                  f"({r['wall_s']:.1f} s, {r['articles']} articles, {r['failed']} failed); per-article median "
                  f"{r['lat_median_ms']:.1f} ms, p95 {r['lat_p95_ms']:.1f} ms; peak RSS per worker "
                  f"{r['peak_rss_worker_mb']:.0f} MB (main {r['peak_rss_main_mb']:.0f} MB); CPU per article: "
                  f"workers {r['worker_cpu_ms']:.1f} ms, main {r['main_cpu_ms']:.1f} ms; "
                  f"load {r['load'][0]:.1f} -> {r['load'][1]:.1f}", flush=True)
    full = {r["workers"]: r for r in results if r["attribute"]}
    ext = {r["workers"]: r for r in results if not r["attribute"]}
    cores = cores or 1
    if 1 in full and 1 in ext and full[1]["rate_steady"] and ext[1]["rate_steady"]:
        for w in counts:
            if w != 1:
                print(f"speed-up {w} vs 1 worker: full {full[w]['rate_steady'] / full[1]['rate_steady']:.2f}x "
                      f"steady ({full[w]['rate_wall'] / full[1]['rate_wall']:.2f}x wall); extract only "
                      f"{ext[w]['rate_steady'] / ext[1]['rate_steady']:.2f}x steady")
        for w in counts:
            if w != 1:
                print(f"projected from CPU time (what {w} workers give on {min(w, cores)} idle cores): full "
                      f"{_projected(full[w], cores) / _projected(full[1], cores):.2f}x, extract only "
                      f"{_projected(ext[w], cores) / _projected(ext[1], cores):.2f}x")
        share = 1 - full[1]["rate_steady"] / ext[1]["rate_steady"] if ext[1]["rate_steady"] else 0.0
        print(f"nlp + attribution take {100 * share:.0f}% of a page's time with 1 worker")
    print(f"load average now: {os.getloadavg()[0]:.1f} (other users of the machine skew the figures)")


if __name__ == "__main__":
    main()
