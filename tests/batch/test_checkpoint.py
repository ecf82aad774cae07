"""The done-log: what counts as committed, what a restart cleans up, what it refuses."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotewire.batch import dataset
from quotewire.batch.checkpoint import Checkpoint
from quotewire.batch.output import DatasetWriter, Outcome
from quotewire.errors import ConfigError

ART = {"doc_id": "d", "text": "Some text.", "quotes": [], "speakers": []}


def _outcome(i: int, ok: bool = True) -> Outcome:
    if ok:
        return Outcome(f"in/{i}.html", {**ART, "doc_id": f"d{i}"})
    return Outcome(f"in/{i}.html", None, "empty", "empty input")


def test_committed_parts_survive_and_keys_are_done(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "parquet", part_size=2) as w:
        for i in range(5):
            w.add(_outcome(i, ok=i != 3))
    assert w.parts == 3
    cp = Checkpoint(tmp_path, "parquet").open()
    try:
        assert cp.done == {f"in/{i}.html" for i in range(5)}
        assert cp.committed_articles == 4
        assert cp.attempt == 2
        assert [f["origin"] for f in cp.failures] == ["in/3.html"]
    finally:
        cp.close()
    assert [json.loads(x)["origin"] for x in (tmp_path / "failures.jsonl").read_text().splitlines()] == ["in/3.html"]
    assert len(dataset.read_rows(tmp_path, "articles")) == 4


def test_uncommitted_part_files_and_torn_log_line_are_discarded(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "parquet", part_size=2) as w:
        w.add(_outcome(0))
        w.add(_outcome(1))
    # a kill after the rename but before the log line: part files no line names
    dataset.write_part(tmp_path, "0001-000009", dataset.rows_of({**ART, "doc_id": "ghost"}, "in/9.html"), "parquet")
    (tmp_path / "articles" / ".part-0001-000010.parquet.tmp").write_bytes(b"half")
    with open(tmp_path / "_quotewire" / "done.log", "a") as fh:
        fh.write('{"part": "0001-000009", "keys": ["in/9.ht')  # a kill mid-write
    cp = Checkpoint(tmp_path, "parquet").open()
    cp.close()
    assert cp.removed_orphans == 3
    assert cp.done == {"in/0.html", "in/1.html"}
    assert [r["doc_id"] for r in dataset.sorted_rows(tmp_path, "articles")] == ["d0", "d1"]
    assert not list((tmp_path / "articles").glob(".*"))
    assert (tmp_path / "_quotewire" / "done.log").read_bytes().endswith(b"}\n")


def test_refuses_other_format_foreign_folder_and_a_second_writer(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path / "out", "parquet") as w:
        w.add(_outcome(0))
    with pytest.raises(ConfigError, match="parquet run"):
        Checkpoint(tmp_path / "out", "jsonl").open()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="not a quotewire run folder"):
        Checkpoint(tmp_path / "mine", "parquet").open()
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    first = Checkpoint(tmp_path / "out", "parquet").open()
    try:
        with pytest.raises(ConfigError, match="another quotewire run"):
            Checkpoint(tmp_path / "out", "parquet").open()
    finally:
        first.close()


def test_restart_discards_earlier_output_only(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "parquet") as w:
        w.add(_outcome(0))
    (tmp_path / "README.txt").write_text("user notes")
    cp = Checkpoint(tmp_path, "jsonl", restart=True).open()
    cp.close()
    assert cp.done == set() and cp.attempt == 1
    assert dataset.part_files(tmp_path, "articles") == []
    assert (tmp_path / "README.txt").exists()
