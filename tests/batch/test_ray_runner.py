"""The Ray runner on a local Ray (2 CPUs) gives the same rows as the local runner."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotewire.batch import dataset, run_job

from .conftest import BAD_FILES

pytestmark = [pytest.mark.ray, pytest.mark.timeout(180)]
ray = pytest.importorskip("ray")


def test_ray_run_gives_the_local_rows(pages30: Path, tmp_path: Path) -> None:
    local = tmp_path / "local"
    run_job([str(pages30)], local, workers=1, progress=False)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        out = tmp_path / "ray"
        report = run_job([str(pages30)], out, engine="ray", workers=2, chunk_size=8, part_size=10, progress=False)
        assert report.stats.articles == 30 and report.stats.failed == len(BAD_FILES)
        for table in dataset.TABLES:
            assert dataset.sorted_rows(out, table) == dataset.sorted_rows(local, table), table
        failures = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
        assert sorted(Path(f["origin"]).name for f in failures) == sorted(BAD_FILES)
        assert all(f["reason"] for f in failures)

        # a rerun resumes: everything is done already, nothing is written twice
        again = run_job([str(pages30)], out, engine="ray", workers=2, progress=False)
        assert again.stats.processed == 0
        assert len(dataset.read_rows(out, "articles")) == 30
    finally:
        ray.shutdown()
