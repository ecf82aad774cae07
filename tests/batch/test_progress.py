"""Progress on stderr: a bar with rate, failures and ETA on a terminal, log lines otherwise."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from quotewire.batch.progress import RunProgress


def test_terminal_bar_shows_rate_failures_and_eta() -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=140, color_system=None)
    with RunProgress("run", 100, console=console) as bar:
        bar.update(40, 38, 2, 20.0)
    text = buf.getvalue()
    assert "40/100" in text and "20.0 articles/s" in text and "2 failed" in text
    assert "eta 0:03" in text  # 60 left at 20/s


def test_log_lines_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    console = Console(file=io.StringIO(), force_terminal=False)
    with RunProgress("run", None, console=console, log_every_s=0.0) as bar:
        bar.update(5, 4, 1, 2.5)
    err = capsys.readouterr().err
    assert "5 inputs, 4 articles, 1 failed, 2.5 articles/s" in err
    assert "eta" not in err  # no total, no ETA


def test_disabled_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with RunProgress("run", 10, enabled=False, log_every_s=0.0) as bar:
        bar.update(5, 5, 0, 1.0)
    assert capsys.readouterr().err == ""
