"""The cross-validation command: its records follow the contract; bad arguments exit 2 in one line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quotewire.attribution.candidates import Candidate
from quotewire.attribution.crossval import main, records
from quotewire.attribution.train import pick_threshold


def test_records_hold_kept_quotes_with_parts_and_mentions() -> None:
    text = 'Ada Pell said the ferry runs. "It will," she said, "all winter."'
    a = text.index('"It'); b = text.index(',', a) + 2
    c2 = text.index('"all'); d = len(text) - 1
    keep = Candidate(kind="surface", cue=(0, 1), content=[(a, b), (c2, d)], score=0.9, quoted="full",
                     char_source=(text.index("she"), text.index("she") + 3))
    drop = Candidate(kind="ccomp", cue=(0, 1), content=[(14, 28)], score=0.1, char_source=(0, 8))
    [rec] = records(["doc"], [text], [([keep, drop], [1, 0], 1)], threshold=0.5)
    assert rec["doc_id"] == "doc" and rec["text"] == text
    [q] = rec["quotes"]
    assert q["content"]["parts"] == [[a, b], [c2, d]]
    assert q["content"]["text"] == text[a:d]
    assert q["speaker"]["mention"]["text"] == "she"


def test_threshold_is_the_lowest_that_holds_the_precision() -> None:
    pairs = [(0.95, 1), (0.9, 1), (0.8, 1), (0.6, 0), (0.5, 1), (0.45, 0), (0.35, 0)]
    assert pick_threshold(pairs, 0.75) == 0.46


def test_missing_data_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(tmp_path) in err[0]


def test_help_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "quotewire.attribution.crossval", "--help"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "--folds" in out.stdout
