"""Running at scale: a local process pool or a Ray cluster, resumable Parquet/JSONL datasets.

    from quotewire.batch import run_job, iter_results
    report = run_job(["pages/"], "out/", workers=4)        # OUT/articles, OUT/quotes, OUT/speakers
    for result in iter_results(iter_inputs(specs), workers=4):   # pipeline Results, e.g. to store
        ...

Every engine runs pages through ``pipeline.process_many`` and writes through
``dataset.rows_of``, so a local run and a Ray run give the same rows. Names are imported on
first use: a pool worker that imports ``quotewire.batch.local`` does not pay for pyarrow.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "ARTICLES": "dataset", "QUOTES": "dataset", "SPEAKERS": "dataset", "SCHEMAS": "dataset",
    "read_table": "dataset", "rows_of": "dataset",
    "JobReport": "job", "run_job": "job",
    "RunStats": "local", "default_workers": "local", "iter_outcomes": "local", "iter_results": "local",
    "DatasetWriter": "output", "Outcome": "outcome",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quotewire.batch' has no attribute {name!r}")
    return getattr(import_module(f"quotewire.batch.{module}"), name)
