"""Quality gate for German: the whole pipeline over ../shared/data/de-wikinews (850 articles, read as
bodies, scored by ../shared/tools/e2e_score.py, called, never copied) never falls below the floors.

The floors sit a little under the figures measured when they were set (docs/languages.md); the
issue's targets (attribution F1 >= 0.65, direct >= 0.85) are not met yet and are checked as xfail.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED, TOOLS, need_shared

DATA = SHARED / "data" / "de-wikinews"
FLOORS = {"attribution": 0.600, "direct": 0.683, "quote_found": 0.722}  # session 13: 0.605 / 0.688 / 0.727 measured
TARGETS = {"attribution": 0.65, "direct": 0.85}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    from quotewire import pipeline
    from quotewire.records import RawDocument

    need_shared(DATA / "text")
    scorer = need_shared(TOOLS / "e2e_score.py")
    files = sorted((DATA / "text").glob("*.txt"))
    raws = [RawDocument(data=f.read_bytes(), origin=str(f), doc_id=f.stem, form="body", encoding="utf-8") for f in files]
    pred = tmp_path_factory.mktemp("dewiki") / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for result in pipeline.process_many(raws):
            assert result.article is not None, result.skipped
            out.write(result.article.model_dump_json() + "\n")
    res = subprocess.run([sys.executable, str(scorer), "--gold", str(DATA / "gold.jsonl"), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def _figures(report: dict) -> dict[str, float]:  # type: ignore[type-arg]
    return {"attribution": report["attribution"]["f1"], "direct": report["by_kind"]["attribution"]["direct"]["f1"],
            "quote_found": report["quote_found"]["f1"]}


@pytest.mark.slow
def test_every_article_is_read_as_german(report: dict) -> None:  # type: ignore[type-arg]
    assert report["articles"]["predicted"] == report["articles"]["gold"] == 850


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(report: dict, name: str) -> None:  # type: ignore[type-arg]
    assert _figures(report)[name] >= FLOORS[name], _figures(report)


@pytest.mark.slow
@pytest.mark.xfail(reason="issue 18 targets (0.65 / 0.85) not reached by the rules yet; see docs/languages.md", strict=False)
@pytest.mark.parametrize("name", sorted(TARGETS))
def test_target(report: dict, name: str) -> None:  # type: ignore[type-arg]
    assert _figures(report)[name] >= TARGETS[name], _figures(report)
