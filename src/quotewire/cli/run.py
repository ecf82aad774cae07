"""`quotewire run`: many pages to a Parquet or JSON Lines dataset, in parallel, resumable."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from quotewire.cli.app import app, fail, warn


class DatasetFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command(epilog="Output: OUT/articles/, OUT/quotes/, OUT/speakers/ (one part file per committed part, "
                    "plus OUT/clusters/, the same quote across articles, after the run; "
                    "readable by DuckDB, pandas, Spark SQL), OUT/failures.jsonl. Killed or interrupted? Run the "
                    "same command again: it resumes where it stopped. `quotewire run --schema` prints the columns.")
def run(
    inputs: Annotated[Optional[list[str]], typer.Argument(
        help="Files, folders, globs, WARC files or http(s) URLs.", metavar="INPUT...", show_default=False)] = None,
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Output folder (created; resumed if it holds "
                                               "an earlier run).", metavar="DIR")] = None,
    fmt: Annotated[DatasetFormat, typer.Option("--format", "-f", help="parquet or jsonl part files.")]
    = DatasetFormat.parquet,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help="Worker processes (Ray: actors). "
                                                   "Default: the number of cores.", min=1)] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local (a process pool) or ray (Ray Data; "
                                           "pip install 'quotewire\\[ray]').")] = Engine.local,
    address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster to join (ray://host:10001 "
                                                   "or auto); default: start a local Ray.")] = None,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Extract articles only, skip attribution "
                                            "(much faster).")] = False,
    form: Annotated[Optional[str], typer.Option("--form", help="Force the input form: html, text or body.")] = None,
    restart: Annotated[bool, typer.Option("--restart", help="Discard what an earlier run wrote to --out and "
                                          "start over.")] = False,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Pages per worker task.", min=1)] = 16,
    part_size: Annotated[int, typer.Option("--part-size", help="Inputs per committed part file (a kill loses "
                                           "at most one part of work).", min=1)] = 1000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    schema: Annotated[bool, typer.Option("--schema", help="Print the output tables' columns and exit.")] = False,
) -> None:
    """Run many pages through extraction and attribution into a dataset (Parquet or JSON Lines)."""
    from quotewire.batch.job import run_job
    from quotewire.errors import QuotewireError

    if schema:
        from quotewire.batch.dataset import describe

        typer.echo(describe())
        raise typer.Exit(0)
    if not inputs:
        fail("give at least one INPUT (file, folder, glob, WARC or URL); see quotewire run --help")
    if not out:
        fail("--out DIR is required: the folder the dataset is written to")
    if form not in (None, "auto", "html", "text", "body"):
        fail(f"--form {form}: choose html, text or body")
    try:
        report = run_job(inputs, out, fmt=fmt.value, engine=engine.value, workers=workers, chunk_size=chunk_size,
                         part_size=part_size, attribute=not no_quotes, form=form or "auto", restart=restart,
                         address=address, progress=not quiet)
    except QuotewireError as exc:
        fail(exc.one_line())
    except KeyboardInterrupt:
        fail(f"interrupted; what finished is saved in {out}: run the same command again to resume", 130)
    s = report.stats
    resumed = f", {s.resumed} already done by an earlier run" if s.resumed else ""
    dups = f", {s.duplicates} duplicate inputs read once" if s.duplicates else ""
    warn(f"{s.processed} inputs in {s.elapsed:.1f} s ({s.rate:.1f}/s): {s.articles} articles, "
         f"{s.failed} failed{resumed}{dups}; {report.total_articles} articles in {out}")
    if report.clusters is not None:
        warn(f"{report.clusters} quote clusters in {out}/clusters/ (the same quote across articles)")
    if report.failures:
        for f in report.failures[:10]:
            warn(f"  failed {f['origin']}: {f['message']} [{f['reason']}]")
        if len(report.failures) > 10:
            warn(f"  ... and {len(report.failures) - 10} more")
        warn(f"failures are listed in {report.out / 'failures.jsonl'}")
    if s.processed and not s.articles and s.failed:
        raise typer.Exit(2)
    if s.failed:
        raise typer.Exit(1)
