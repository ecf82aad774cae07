"""The local runner: 1 and 2 workers give the same rows; bad pages are reported, the rest written;
the input stream is read lazily (back-pressure)."""
from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotewire.batch import dataset, iter_results, run_job
from quotewire.batch.local import RunStats, chunked, iter_outcomes
from quotewire.records import RawDocument, Skipped
from quotewire.sources import iter_inputs

from .conftest import BAD_FILES, make_page


def _all_rows(out: Path) -> dict[str, list[dict]]:
    return {t: dataset.sorted_rows(out, t) for t in dataset.TABLES}


@pytest.fixture(scope="module")
def one_worker_run(pages30: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run1") / "out"
    report = run_job([str(pages30)], out, workers=1, part_size=7, progress=False)
    assert report.stats.processed == 30 + len(BAD_FILES)
    return out


def test_bad_pages_are_reported_with_reasons_and_the_rest_written(one_worker_run: Path, pages30: Path) -> None:
    failures = [json.loads(x) for x in (one_worker_run / "failures.jsonl").read_text().splitlines()]
    by_name = {Path(f["origin"]).name: f for f in failures}
    assert set(by_name) == set(BAD_FILES), failures
    assert by_name["empty.html"]["reason"] == "empty"
    assert all(f["reason"] and f["message"] for f in failures)
    arts = dataset.sorted_rows(one_worker_run, "articles")
    assert len(arts) == 30
    assert {Path(a["origin"]).name for a in arts} == {f"story-{i:03d}.html" for i in range(30)}
    assert all(a["text"] and a["language"] == "en" for a in arts)


def test_quotes_and_speakers_rows_point_into_their_article(one_worker_run: Path) -> None:
    texts = {a["doc_id"]: a["text"] for a in dataset.read_rows(one_worker_run, "articles")}
    quotes = dataset.read_rows(one_worker_run, "quotes")
    assert quotes, "the fictional pages carry direct quotes"
    for q in quotes:
        span = texts[q["doc_id"]][q["content_start"]:q["content_end"]]
        if q["content_parts"] is None:
            assert span == q["content"]
        else:  # an interrupted quote: its quoted words, each part from the text
            assert all(texts[q["doc_id"]][s:e].strip() in q["content"] for s, e in q["content_parts"])
    per_doc = {}
    for a in dataset.read_rows(one_worker_run, "articles"):
        per_doc[a["doc_id"]] = a["quote_count"]
    assert sum(per_doc.values()) == len(quotes)
    for s in dataset.read_rows(one_worker_run, "speakers"):
        assert s["doc_id"] in texts and s["name"]


def test_two_workers_give_the_same_rows_as_one(one_worker_run: Path, pages30: Path, tmp_path: Path) -> None:
    out = tmp_path / "out2"
    report = run_job([str(pages30)], out, workers=2, chunk_size=4, part_size=5, progress=False)
    assert report.workers == 2 and report.stats.articles == 30 and report.stats.failed == len(BAD_FILES)
    assert _all_rows(out) == _all_rows(one_worker_run)
    assert sorted(json.loads(x)["origin"] for x in (out / "failures.jsonl").read_text().splitlines()) == \
        sorted(json.loads(x)["origin"] for x in (one_worker_run / "failures.jsonl").read_text().splitlines())


def test_jsonl_format_gives_the_same_rows(one_worker_run: Path, pages30: Path, tmp_path: Path) -> None:
    out = tmp_path / "outj"
    run_job([str(pages30)], out, fmt="jsonl", workers=1, progress=False)
    assert all(p.suffix == ".jsonl" for p in dataset.part_files(out, "articles"))
    assert _all_rows(out) == _all_rows(one_worker_run)


def test_a_finished_run_rerun_does_nothing_and_duplicates_are_read_once(one_worker_run: Path,
                                                                        pages30: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    first = run_job([str(pages30), str(pages30 / "story-001.html")], out, workers=1, progress=False)
    assert first.stats.duplicates == 1 and first.stats.articles == 30
    second = run_job([str(pages30)], out, workers=1, progress=False)
    assert second.stats.processed == 0 and second.stats.resumed == 30 + len(BAD_FILES)
    assert _all_rows(out) == _all_rows(one_worker_run)


def _counting(n: int, pulled: list[int]) -> Iterator[RawDocument | Skipped]:
    for i in range(n):
        pulled[0] += 1
        yield RawDocument(data=make_page(i).encode(), origin=f"gen/{i}.html")


def test_input_is_consumed_lazily_with_bounded_chunks_in_flight() -> None:
    pulled = [0]
    it = iter_outcomes(_counting(200, pulled), workers=2, chunk_size=3, attribute=False, max_inflight=2)
    first = next(it)
    try:
        assert len(first) == 3
        # at most max_inflight chunks submitted, plus the one being cut
        assert pulled[0] <= 3 * 3, pulled[0]
    finally:
        it.close()
    assert pulled[0] < 200


def test_chunked_skips_done_keys_and_passes_read_errors_through() -> None:
    stats = RunStats()
    items: list[RawDocument | Skipped] = [RawDocument(data=b"x", origin=f"o{i}") for i in range(5)]
    items.insert(2, Skipped(origin="bad", reason="not_found", message="no such file"))
    chunks = list(chunked(items, 2, stats, skip=lambda k: k == "o0"))
    assert stats.resumed == 1
    assert [[r.origin for r in b] for b, _ in chunks] == [["o1", "o2"], ["o3", "o4"]]
    assert [o.reason for _, pre in chunks for o in pre] == ["not_found"]


def test_iter_results_gives_pipeline_results(pages30: Path) -> None:
    specs = [str(pages30 / "story-002.html"), str(pages30 / "empty.html")]
    results = list(iter_results(iter_inputs(specs), workers=1))
    assert [r.ok for r in results] == [True, False]
    assert results[0].article is not None and results[0].article.title
    assert results[1].skipped is not None and results[1].skipped.reason == "empty"


def _pool_workers() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and "spawn_main" in cmdline and "resource_tracker" not in cmdline:
            pids.append(int(entry.name))
    return pids


def test_a_worker_killed_mid_run_loses_no_page() -> None:
    """What the OOM killer does: the pool is rebuilt and the lost chunks are redone."""
    pulled = [0]
    it = iter_outcomes(_counting(40, pulled), workers=2, chunk_size=2, attribute=False)
    seen = [o.origin for o in next(it)]
    victims = _pool_workers()
    assert victims, "pool workers are children of this process"
    os.kill(victims[0], signal.SIGKILL)
    for chunk in it:
        seen.extend(o.origin for o in chunk)
        assert all(o.ok for o in chunk), [o for o in chunk if not o.ok]
    assert sorted(seen) == sorted(f"gen/{i}.html" for i in range(40))
