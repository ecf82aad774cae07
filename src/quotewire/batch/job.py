"""One batch job: input specs -> an engine (local pool or Ray) -> a resumable dataset folder."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotewire.batch.dataset import FORMATS
from quotewire.batch.local import DEFAULT_CHUNK, RunStats, default_workers, iter_outcomes
from quotewire.batch.outcome import Outcome
from quotewire.batch.output import DatasetWriter
from quotewire.batch.progress import RunProgress
from quotewire.errors import ConfigError

ENGINES = ("local", "ray")


@dataclass
class JobReport:
    out: Path
    fmt: str
    engine: str
    workers: int
    stats: RunStats
    parts: int = 0
    total_articles: int = 0  # in the folder, this run and earlier ones
    removed_orphans: int = 0
    interrupted: bool = False
    failures: list[dict[str, Any]] = field(default_factory=list)  # this run's
    clusters: int | None = None  # in OUT/clusters/ (batch/clusters.py), when quotes were attributed


def count_total(specs: Sequence[str]) -> int | None:
    """How many inputs there are, when the sources can tell cheaply (for the ETA)."""
    try:
        from quotewire.sources.expand import count_inputs  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return count_inputs(list(specs))
    except Exception:  # noqa: BLE001 - a count is a nicety; the run reports real errors
        return None


def run_job(specs: Sequence[str], out: str | os.PathLike[str], *, fmt: str = "parquet", engine: str = "local",
            workers: int | None = None, chunk_size: int = DEFAULT_CHUNK, part_size: int = 1000,
            attribute: bool = True, form: str = "auto", restart: bool = False, address: str | None = None,
            progress: bool = True) -> JobReport:
    """Run every input through the pipeline into ``out``; rerunning after a kill resumes."""
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt}", "choose parquet or jsonl")
    if engine not in ENGINES:
        raise ConfigError(f"--engine {engine}", "choose local or ray")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers {workers}", "give 1 or more")
    if address and engine != "ray":
        raise ConfigError(f"--address {address}", "only applies to --engine ray")
    if engine == "ray":
        from quotewire.batch.ray_runner import require_ray

        require_ray()  # before touching the output folder
        if workers is None and not address:
            workers = default_workers()  # a local Ray: this machine's cores
    else:
        workers = workers or default_workers()
    stats = RunStats()
    writer = DatasetWriter(out, fmt, part_size=part_size, restart=restart)
    writer.open()
    report = JobReport(out=Path(out), fmt=fmt, engine=engine, workers=workers or 0, stats=stats,
                       removed_orphans=writer.checkpoint.removed_orphans)
    failures_before = len(writer.checkpoint.failures)
    total = count_total(specs)
    chunks: Iterator[list[Outcome]]
    if engine == "ray":
        from quotewire.batch.ray_runner import iter_outcomes_ray

        chunks = iter_outcomes_ray(specs, workers=workers, chunk_size=chunk_size, attribute=attribute, form=form,
                                   done=writer.checkpoint.done, stats=stats, address=address)
    else:
        from quotewire.sources import iter_inputs

        if total is not None:  # a pool costs seconds to start: never more workers than inputs
            workers = max(1, min(workers or 1, total))
        stats.workers = workers or 1
        chunks = iter_outcomes(iter_inputs(list(specs), form=form), workers=workers or 1, chunk_size=chunk_size,
                               attribute=attribute, skip=writer.is_done, stats=stats)
    try:
        label = f"{workers} worker{'s' if workers != 1 else ''}" if workers else "cluster"
        with RunProgress(f"run ({engine}, {label})", total,
                         enabled=progress) as bar:
            for chunk in chunks:
                for outcome in chunk:
                    writer.add(outcome)
                bar.update(stats.resumed + stats.processed, stats.articles, stats.failed, stats.rate)
    except KeyboardInterrupt:
        report.interrupted = True
        raise
    finally:
        try:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # stop the pool / Ray before the last flush
        finally:
            writer.close()  # commits what was buffered: a Ctrl-C loses nothing finished
            report.parts = writer.parts
            report.total_articles = writer.checkpoint.committed_articles
            report.failures = writer.checkpoint.failures[failures_before:]
            report.workers = stats.workers or report.workers
    if attribute and not report.interrupted:
        from quotewire.batch.clusters import write_clusters

        report.clusters = write_clusters(out, fmt)  # the same quote across articles: after the run
    return report
