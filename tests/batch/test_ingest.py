"""`ingest` through the pool: the same archive as the in-process ingest, written by this process only."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotewire.sources import iter_inputs

from .conftest import BAD_FILES

store = pytest.importorskip("quotewire.store.ingest")


def test_parallel_ingest_stores_what_the_plain_ingest_stores(pages30: Path, tmp_path: Path) -> None:
    from quotewire.batch.ingest import ingest_parallel
    from quotewire.store import Archive

    plain = Archive.open(f"sqlite:///{tmp_path / 'plain.db'}")
    par = Archive.open(f"sqlite:///{tmp_path / 'par.db'}")
    try:
        s1 = store.ingest(plain, iter_inputs([str(pages30)]))
        seen: list[str] = []
        s2 = ingest_parallel(par, iter_inputs([str(pages30)]), workers=2,
                             on_item=lambda outcome, origin, stats: seen.append(origin))
        assert (s2.inserted, s2.failed, s2.quotes) == (s1.inserted, s1.failed, s1.quotes)
        assert s2.inserted == 30 and s2.failed == len(BAD_FILES)
        assert len(seen) == 30 + len(BAD_FILES)
        assert par.stats() == plain.stats()
        assert sorted(Path(f.origin).name for f in par.failures()) == sorted(BAD_FILES)
        again = ingest_parallel(par, iter_inputs([str(pages30)]), workers=2)
        assert again.skipped == 30 and again.inserted == 0
    finally:
        plain.close()
        par.close()


def test_ingest_command_takes_workers(pages30: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quotewire.cli import app
    from quotewire.store import Archive

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    res = CliRunner().invoke(app, ["ingest", str(pages30), "--db", db, "--workers", "2", "-q"])
    assert res.exit_code == 1, res.output  # 1: stored the pages, some inputs failed
    assert "30 new" in res.output and f"{len(BAD_FILES)} failed" in res.output
    with Archive.open(db) as archive:
        assert archive.stats()["articles"] == 30


def test_parallelism_never_exceeds_the_inputs(pages30: Path) -> None:
    from quotewire.batch.ingest import parallelism

    assert parallelism(8, [str(pages30 / "story-001.html")]) == 1
    assert parallelism(2, [str(pages30)]) == 2
    assert parallelism(None, [str(pages30)]) >= 1
