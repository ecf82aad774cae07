"""`quotewire check` on pages we wrote, read by the real pipeline and ingested into SQLite."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotewire.cli import app
from tests.linking import pages

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = pages.write(tmp_path_factory.mktemp("pages"))
    url = f"sqlite:///{folder / 'check.db'}"
    res = runner.invoke(app, ["ingest", str(folder), "--db", url, "--quiet", "--workers", "1"])
    assert res.exit_code == 0, res.output
    return url


def _check(db: str, words: str, speaker: str | None) -> tuple[int, dict]:
    args = ["check", words, "--db", db, "--json"] + (["--speaker", speaker] if speaker else [])
    res = runner.invoke(app, args)
    return res.exit_code, json.loads(res.stdout)


@pytest.mark.parametrize("words, speaker, verdict, code", [
    (pages.FULL, "Marisol Ventana", "verbatim", 0),
    (pages.FULL.upper() + "!", "Ventana", "verbatim", 0),
    ("the new river crossing before the autumn floods, and every family in Dunmore", "Mayor Ventana", "shortened", 0),
    (pages.FULL.replace("for free", "for a small fee"), "Marisol Ventana", "altered", 1),
    (pages.FULL, "Tomas Earnshaw", "other", 1),
    ("Nobody in Dunmore has ever said anything like this sentence about the moon", "Marisol Ventana",
     "not_found", 1),
])
def test_verdicts(db: str, words: str, speaker: str, verdict: str, code: int) -> None:
    exit_code, data = _check(db, words, speaker)
    assert data["verdict"] == verdict, data
    assert exit_code == code
    if verdict == "not_found":
        assert data["matches"] == []
    else:
        m = data["matches"][0]
        assert m["closest"]["article_id"] and m["closest"]["outlet_name"] in {o for _, o, _, _ in pages.STORIES}


def test_cluster_spans_three_outlets_first_appearance(db: str) -> None:
    _, data = _check(db, pages.FULL, "Marisol Ventana")
    m = data["matches"][0]
    assert (m["articles"], m["outlets"], m["first_seen"]) == (3, 3, "2024-09-03")
    assert m["speaker_name"] == "Marisol Ventana"


def test_text_output_and_bad_input(db: str) -> None:
    res = runner.invoke(app, ["check", pages.SHORT, "--db", db, "-s", "Marisol Ventana"])
    assert res.exit_code == 0 and res.stdout.startswith("verdict: shortened by Marisol Ventana")
    assert "/articles/" in res.stdout
    res = runner.invoke(app, ["check", "   ", "--db", db])
    assert res.exit_code == 2 and "TEXT is empty" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["check", "anything at all here", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert res.exit_code != 0 and "Traceback" not in res.output
