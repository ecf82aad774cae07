"""`quotewire ingest --workers N`: the local pool computes, this process alone writes the archive.

Same contract as ``store.ingest.ingest`` (skip inputs already stored byte for byte, record every
failure, one transaction per article through ``store.ingest.keep``), but the pages
are read and attributed by ``workers`` processes. Results arrive in completion order, so each
is matched to its input by origin, not by position.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from quotewire.batch.local import DEFAULT_CHUNK, iter_outcomes
from quotewire.records import Article, RawDocument, Result, Skipped
from quotewire.store.archive import Archive
from quotewire.store.ingest import IngestStats, Outcome, admit, keep, noter


def ingest_parallel(archive: Archive, items: Iterable[RawDocument | Skipped], *, workers: int, force: bool = False,
                    attribute: bool = True, chunk_size: int = DEFAULT_CHUNK,
                    on_item: Callable[[Outcome, str, IngestStats], None] | None = None) -> IngestStats:
    """Stores every input; ``on_item(outcome, origin, stats)`` after each, as ``store.ingest.ingest``."""
    stats = IngestStats()
    digests: dict[str, str] = {}
    note = noter(stats, on_item)
    raws = admit(archive, items, note, force=force, remember=digests.__setitem__)

    for chunk in iter_outcomes(raws, workers=workers, chunk_size=chunk_size, attribute=attribute):
        for o in chunk:
            if o.article is not None:
                result = Result(origin=o.origin, article=Article.from_dict(o.article))
            else:
                result = Result(origin=o.origin, skipped=Skipped(origin=o.origin, reason=o.reason or "error",
                                                                 message=o.message or ""))
            keep(archive, result, note, stats, origin=o.origin, source_hash=digests.pop(o.origin, None))
    return stats


def parallelism(workers: int | None, specs: list[str]) -> int:
    """Workers to use: the cores by default, never more than there are inputs (a pool costs a few
    seconds to start, wasted on one page)."""
    from quotewire.batch.local import default_workers

    n = workers or default_workers()
    try:
        from quotewire.sources.expand import count_inputs

        total = count_inputs(specs)
    except Exception:  # noqa: BLE001 - a count only caps the pool
        total = None
    return max(1, min(n, total)) if total is not None else n
