"""Outcomes to committed part files: the one writer every engine (local, Ray) feeds."""
from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from quotewire.batch.checkpoint import Checkpoint
from quotewire.batch.dataset import empty_rows, extend, rows_of, write_part
from quotewire.batch.outcome import Outcome


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold a Ctrl-C until the buffer is consistent again, then raise it.

    An input's key and its rows enter (and leave) the buffer in several steps; a
    KeyboardInterrupt between two of them would commit a key without its rows, and the
    resumed run would skip that input for good.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


class DatasetWriter:
    """Buffers outcomes and commits them as a part every ``part_size`` inputs (or ``flush_s``
    seconds), so a kill loses at most one part of work."""

    def __init__(self, out: str | os.PathLike[str], fmt: str = "parquet", *, part_size: int = 1000,
                 flush_s: float = 60.0, restart: bool = False) -> None:
        self.out = Path(out)
        self.fmt = fmt
        self.part_size = max(1, part_size)
        self.flush_s = flush_s
        self.checkpoint = Checkpoint(self.out, fmt, restart=restart)
        self._rows = empty_rows()
        self._keys: list[str] = []
        self._failures: list[dict[str, Any]] = []
        self._articles = 0
        self._last_flush = time.monotonic()
        self.articles = 0  # written by this run
        self.quotes = 0
        self.failed = 0
        self.parts = 0

    def open(self) -> "DatasetWriter":
        self.checkpoint.open()
        return self

    def is_done(self, key: str) -> bool:
        return self.checkpoint.is_done(key)

    def add(self, outcome: Outcome) -> None:
        rows = rows_of(outcome.article, outcome.origin) if outcome.article is not None else None
        with _uninterrupted():
            self._keys.append(outcome.origin)
            if rows is not None:
                extend(self._rows, rows)
                self._articles += 1
                self.articles += 1
                self.quotes += len(rows["quotes"])
            else:
                self._failures.append(outcome.failure())
                self.failed += 1
        if len(self._keys) >= self.part_size or time.monotonic() - self._last_flush >= self.flush_s:
            self.flush()

    def flush(self) -> None:
        """Commit what is buffered (part files first, then the done-log line). The buffer is
        taken first: a Ctrl-C inside leaves an uncommitted part (cleaned up and redone on resume),
        never a part committed twice."""
        self._last_flush = time.monotonic()
        if not self._keys:
            return
        with _uninterrupted():
            rows, keys, failures, articles = self._rows, self._keys, self._failures, self._articles
            self._rows = empty_rows()
            self._keys, self._failures, self._articles = [], [], 0
        part = self.checkpoint.next_part_id()
        if articles:
            write_part(self.out, part, rows, self.fmt)
        self.checkpoint.commit(part, keys, failures, articles)
        self.parts += 1

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.checkpoint.close()

    def __enter__(self) -> "DatasetWriter":
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()
