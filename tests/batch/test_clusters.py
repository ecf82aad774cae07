"""``OUT/clusters/`` after `quotewire run`: the same quote across the dataset's articles."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from quotewire.batch import dataset, run_job
from quotewire.batch.clusters import CLUSTERS, cluster_rows


def _rows(out: Path) -> list[dict]:
    files = list((out / "clusters").glob("part-*.parquet"))
    assert len(files) == 1
    table = pq.read_table(files[0])
    assert table.schema.names == CLUSTERS.names
    return table.to_pylist()


def test_run_writes_clusters(tmp_path: Path) -> None:
    from tests.batch.conftest import write_pages

    pages = write_pages(tmp_path / "pages", 12, bad=False)
    out = tmp_path / "out"
    report = run_job([str(pages)], out, workers=1, progress=False)
    rows = _rows(out)
    assert report.clusters == len({r["cluster_id"] for r in rows}) > 0
    quotes = {(q["origin"], q["quote_index"]): q for q in dataset.read_rows(out, "quotes")}
    by_cluster: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        q = quotes[(r["origin"], r["quote_index"])]  # every row joins a quote of the dataset
        assert q["kind"] in ("direct", "mixed")
        by_cluster[r["cluster_id"]].append(r)
    multi = [ms for ms in by_cluster.values() if len({m["origin"] for m in ms}) > 1]
    assert multi, "the generated pages repeat quotes: some cluster spans articles"
    for ms in by_cluster.values():
        assert sum(m["is_first"] for m in ms) == 1
        names = {quotes[(m["origin"], m["quote_index"])]["speaker_name"] for m in ms}
        last = {n.split()[-1] for n in names if n}
        assert len(last) <= 1, f"one cluster, one speaker: {names}"
        dated = sorted(m["first_published"] for m in ms if m["first_published"])
        first = next(m for m in ms if m["is_first"])
        assert first["first_published"] == min(dated) if dated else True
    # the same computation again gives the same rows (the order of part files does not matter)
    assert cluster_rows(out) == sorted(rows, key=lambda r: (r["cluster_id"], r["origin"], r["quote_index"]))


def test_no_quotes_no_clusters(tmp_path: Path) -> None:
    from tests.batch.conftest import write_pages

    pages = write_pages(tmp_path / "pages", 3, bad=False)
    report = run_job([str(pages)], tmp_path / "out", workers=1, progress=False, attribute=False)
    assert report.clusters is None and not (tmp_path / "out" / "clusters").exists()


@pytest.mark.ray
@pytest.mark.timeout(240)
def test_ray_run_gives_the_local_clusters(pages30: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    local, remote = tmp_path / "local", tmp_path / "ray"
    run_job([str(pages30)], local, workers=1, progress=False)
    run_job([str(pages30)], remote, engine="ray", workers=2, chunk_size=8, part_size=10, progress=False)
    strip = lambda rows: sorted((r["origin"], r["quote_index"], r["kind"], r["cluster_text"], r["is_first"])  # noqa: E731
                                for r in rows)
    assert strip(_rows(local)) == strip(_rows(remote))
