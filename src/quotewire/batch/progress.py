"""Progress on stderr for long runs: a Rich bar on a terminal, a log line every few seconds otherwise
(cluster logs, CI), so a run never looks hung."""
from __future__ import annotations

import sys
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text


def _fmt_eta(seconds: float) -> str:
    seconds = int(seconds)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:d}:{s:02d}"


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.fields.get('rate', 0.0):6.1f} articles/s", style="cyan")


class _Errors(ProgressColumn):
    def render(self, task: Task) -> Text:
        n = task.fields.get("errors", 0)
        return Text(f"{n} failed", style="red" if n else "dim")


class _Eta(ProgressColumn):
    """ETA from this run's own rate (inputs resumed from an earlier run do not inflate it)."""

    def render(self, task: Task) -> Text:
        rate = task.fields.get("rate", 0.0)
        if task.total is None or rate <= 0:
            return Text("eta -", style="dim")
        return Text(f"eta {_fmt_eta(max(0.0, task.total - task.completed) / rate)}", style="dim")


class RunProgress:
    """``update(done, articles, errors, rate)`` as often as you like; it redraws at most a few times a second."""

    def __init__(self, description: str, total: int | None, *, enabled: bool = True,
                 console: Console | None = None, log_every_s: float = 10.0) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.total = total
        self.enabled = enabled
        self.live = enabled and self.console.is_terminal
        self.log_every_s = log_every_s
        self._last_log = time.monotonic()
        self._progress: Progress | None = None
        self._task: Any = None
        self.description = description
        if self.live:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                TextColumn("{task.completed}/{task.total}" if total is not None else "{task.completed}"),
                _Rate(), _Errors(), TimeElapsedColumn(), _Eta(), console=self.console, transient=False)

    def __enter__(self) -> "RunProgress":
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total, rate=0.0, errors=0)
        return self

    def update(self, done: int, articles: int, errors: int, rate: float) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, rate=rate, errors=errors)
        elif self.enabled and time.monotonic() - self._last_log >= self.log_every_s:
            self._last_log = time.monotonic()
            of = f"/{self.total}" if self.total is not None else ""
            eta = (f", eta {_fmt_eta((self.total - done) / rate)}"
                   if self.total is not None and rate > 0 and self.total >= done else "")
            print(f"quotewire: {self.description}: {done}{of} inputs, {articles} articles, {errors} failed, "
                  f"{rate:.1f} articles/s{eta}", file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
