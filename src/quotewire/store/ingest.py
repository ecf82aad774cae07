"""Inputs -> pipeline.process_many -> archive, one transaction per article.

``store_result`` is the one step from a pipeline Result to the archive; the local and Ray
runners call it too. ``ingest`` drives a whole run: it skips inputs already stored byte for
byte (so a rerun after an interruption only does what is left) and records every failure.
"""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from quotewire.errors import QuotewireError, StoreError
from quotewire.records import RawDocument, Result, Skipped
from quotewire.store.archive import Archive

Outcome = str  # inserted | updated | unchanged | skipped (already stored) | failed


@dataclass
class IngestStats:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (origin, reason, message), first 1000

    @property
    def done(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.skipped + self.failed

    @property
    def stored(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.skipped

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def bytes_hash(raw: RawDocument) -> str:
    return hashlib.sha256(raw.data).hexdigest()


Note = Callable[..., None]


def noter(stats: IngestStats, on_item: Callable[[Outcome, str, IngestStats], None] | None) -> Note:
    """``note(outcome, origin, reason="", message="")``: counts, keeps the first 1000 failures, reports."""
    def note(outcome: Outcome, origin: str, reason: str = "", message: str = "") -> None:
        stats.count(outcome)
        if outcome == "failed" and len(stats.failures) < 1000:
            stats.failures.append((origin, reason, message))
        if on_item is not None:
            on_item(outcome, origin, stats)
    return note


def admit(archive: Archive, items: Iterable[RawDocument | Skipped], note: Note, *, force: bool,
          remember: Callable[[str, str], None]) -> Iterator[RawDocument]:
    """The inputs worth reading, shared by the serial and the parallel ingest: unreadable ones are
    recorded as failures, ones already stored byte for byte are skipped (so a rerun after an
    interruption does only what is left), and ``remember(origin, bytes hash)`` sees the rest."""
    for item in items:
        if isinstance(item, Skipped):
            archive.record_failure(item.origin, item.reason, item.message)
            note("failed", item.origin, item.reason, item.message)
            continue
        digest = bytes_hash(item)
        if not force and archive.seen(item.origin, digest):
            note("skipped", item.origin)
            continue
        remember(item.origin, digest)
        yield item


def store_result(archive: Archive, result: Result, *, source_hash: str | None = None) -> Outcome:
    """Stores one pipeline result; a skipped input or a refused article is recorded as a failure.

    Raises StoreError only when the archive itself cannot be written.
    """
    if result.article is None:
        skipped = result.skipped or Skipped(origin=result.origin, reason="error", message="no article")
        archive.record_failure(skipped.origin or result.origin, skipped.reason, skipped.message)
        return "failed"
    try:
        return archive.add(result.article, origin=result.origin, source_hash=source_hash)
    except StoreError:
        raise
    except QuotewireError as exc:  # too_large and other refusals of this one article
        archive.record_failure(result.origin, exc.reason, exc.message)
        return "failed"


def keep(archive: Archive, result: Result, note: Note, stats: IngestStats, *, origin: str,
         source_hash: str | None) -> None:
    """Store one result and report it: the step the serial and the parallel ingest share."""
    outcome = store_result(archive, result, source_hash=source_hash)
    if outcome == "failed":
        sk = result.skipped
        if sk is not None:
            reason, message = sk.reason, sk.message
        else:  # refused by the archive: read back what was recorded
            rec = next((f for f in archive.failures(limit=5) if f.origin == result.origin), None)
            reason, message = (rec.reason, rec.message) if rec else ("error", "not stored")
        note("failed", result.origin, reason, message)
        return
    if result.article is not None and outcome != "unchanged":
        stats.quotes += len(result.article.quotes)
    note(outcome, origin)


def ingest(archive: Archive, items: Iterable[RawDocument | Skipped], *, force: bool = False,
           attribute: bool = True, batch_size: int = 16,
           on_item: Callable[[Outcome, str, IngestStats], None] | None = None) -> IngestStats:
    """Stores every input; ``on_item(outcome, origin, stats)`` is called after each (progress)."""
    stats = IngestStats()
    pending: deque[tuple[str, str]] = deque()  # (origin, bytes hash) of raws handed to the pipeline, in order
    note = noter(stats, on_item)
    raws = admit(archive, items, note, force=force, remember=lambda origin, digest: pending.append((origin, digest)))

    for raw_chunk in _chunks(raws, batch_size):
        for result in _process_chunk(raw_chunk, attribute=attribute, batch_size=batch_size):
            origin, digest = pending.popleft() if pending else (result.origin, None)
            keep(archive, result, note, stats, origin=origin, source_hash=digest)
    return stats


def _chunks(items: Iterator[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    from itertools import islice

    while chunk := list(islice(items, size)):
        yield chunk


def _process_chunk(chunk: list[RawDocument], *, attribute: bool, batch_size: int) -> list[Result]:
    """The pipeline over one chunk; if it crashes, each input alone, so only the culprit fails."""
    from quotewire.pipeline import process_many

    try:
        return list(process_many(chunk, batch_size=batch_size, attribute=attribute))
    except Exception:  # noqa: BLE001 - a pipeline bug must not stop the run or lose the rest
        pass
    out = []
    for raw in chunk:
        try:
            out.extend(process_many([raw], batch_size=1, attribute=attribute))
        except Exception as exc:  # noqa: BLE001
            out.append(Result(origin=raw.origin, skipped=Skipped(
                origin=raw.origin, reason="internal_error", message=f"{type(exc).__name__}: {exc}"[:500])))
    return out
