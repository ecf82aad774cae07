"""Kill -9 a `quotewire run --workers 2` mid-run, rerun it: the dataset equals an uninterrupted run's."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotewire.batch import dataset, run_job

from .conftest import BAD_FILES, write_pages

QUOTEWIRE = [sys.executable, "-c", "from quotewire.cli import main; main()"]


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.timeout(300)
def test_resume_after_kill_gives_the_uninterrupted_dataset(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 60)
    reference = tmp_path / "reference"
    run_job([str(pages)], reference, workers=1, progress=False)

    out = tmp_path / "out"
    cmd = [*QUOTEWIRE, "run", str(pages), "--out", str(out), "--workers", "2", "--chunk-size", "2",
           "--part-size", "4", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    log_path = out / "_quotewire" / "done.log"
    while not (dataset.part_files(out, "articles") and log_path.exists() and log_path.stat().st_size):
        assert proc.poll() is None, proc.communicate()[1].decode()
        assert time.monotonic() < deadline, "no part file landed"
        time.sleep(0.02)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    done_before = set()
    for line in log_path.read_text().splitlines(keepends=True):
        if line.endswith("\n"):  # a torn last line does not count (and is cut on resume)
            done_before.update(json.loads(line)["keys"])
    assert 0 < len(done_before) < 60 + len(BAD_FILES), "the kill must land mid-run"

    # orphaned pool workers notice the parent is gone and exit
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "workers outlived their killed parent"

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    bad_left = any(Path(k).name in BAD_FILES for k in set(map(str, pages.iterdir())) - done_before)
    assert rerun.returncode == (1 if bad_left else 0), rerun.stderr  # 1: this run met bad files
    assert "already done by an earlier run" in rerun.stderr
    for table in dataset.TABLES:
        assert dataset.sorted_rows(out, table) == dataset.sorted_rows(reference, table), table
    failures = [json.loads(x)["origin"] for x in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(Path(f).name for f in failures) == sorted(BAD_FILES)
    origins = [a["origin"] for a in dataset.read_rows(out, "articles")]
    assert len(origins) == len(set(origins)) == 60


@pytest.mark.timeout(240)
def test_ctrl_c_exits_130_with_one_line_and_the_rerun_completes(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 60, bad=False)
    out = tmp_path / "out"
    cmd = [*QUOTEWIRE, "run", str(pages), "--out", str(out), "--workers", "2", "--chunk-size", "2",
           "--part-size", "6", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log_path = out / "_quotewire" / "done.log"
    deadline = time.monotonic() + 180
    while not (log_path.exists() and log_path.stat().st_size) and proc.poll() is None:
        assert time.monotonic() < deadline, "no part committed"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt landed")
    assert proc.returncode == 130, stderr
    lines = [x for x in stderr.splitlines() if x.startswith("quotewire:")]
    assert len(lines) == 1 and "interrupted" in lines[0] and "run the same command again" in lines[0], stderr
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr
    assert "already done by an earlier run" in rerun.stderr
    origins = [a["origin"] for a in dataset.read_rows(out, "articles")]
    assert len(origins) == len(set(origins)) == 60


def test_an_interrupt_commits_what_was_buffered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quotewire.sources
    from quotewire.records import RawDocument

    from .conftest import make_page

    def stream(specs: list[str], form: str = "auto"):  # noqa: ANN202
        for i in range(7):
            yield RawDocument(data=make_page(i).encode(), origin=f"gen/{i}.html")
        raise KeyboardInterrupt

    monkeypatch.setattr(quotewire.sources, "iter_inputs", stream)
    with pytest.raises(KeyboardInterrupt):
        run_job(["gen"], tmp_path / "out", workers=1, chunk_size=2, part_size=1000, attribute=False, progress=False)
    # 3 full chunks (6 pages) finished before the interrupt: committed in one part, not lost
    assert sorted(a["origin"] for a in dataset.read_rows(tmp_path / "out", "articles")) == \
        [f"gen/{i}.html" for i in range(6)]


def test_a_ctrl_c_while_an_input_enters_the_buffer_keeps_its_key_and_rows_together(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C between adding an input's key and its rows once committed the key alone, and
    the resumed run then skipped that input for good (an article lost)."""
    import quotewire.batch.output as output
    from quotewire.batch.output import DatasetWriter
    from quotewire.batch.local import outcome_of
    from quotewire.pipeline import process

    real_extend = output.extend

    def extend_after_ctrl_c(into, rows):  # noqa: ANN001, ANN202
        os.kill(os.getpid(), signal.SIGINT)  # lands mid-add, as a user's Ctrl-C would
        real_extend(into, rows)

    monkeypatch.setattr(output, "extend", extend_after_ctrl_c)
    result = process(b"<html><head><title>Ferry times</title></head><body><article><h1>Ferry times</h1>"
                     b"<p>The harbour ferry keeps its winter timetable until the end of March this year.</p>"
                     b"</article></body></html>", doc_id="gen/0.html", attribute=False)
    out = tmp_path / "out"
    writer = DatasetWriter(out, "jsonl", part_size=1000).open()
    with pytest.raises(KeyboardInterrupt):
        writer.add(outcome_of(result))
    writer.close()  # what the runner does on Ctrl-C: commit the buffer
    assert [a["origin"] for a in dataset.read_rows(out, "articles")] == ["gen/0.html"]
