"""Exports of a search in CSV, JSON Lines and Parquet, read back."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from quotewire.cli import app
from quotewire.errors import ConfigError
from quotewire.store import Archive
from quotewire.store.export import FIELDS, write_export
from tests.store.conftest import make_article


@pytest.fixture
def filled(archive: Archive) -> Archive:
    archive.add(make_article("e1", [("Marta Kovel", "Tide tables, \"revised\", are out", "harbour master"),
                                    ("Oskar Brenn", "Nets dry on the quay; tide or not", None)],
                             url="https://lantern.example/e1", published="2024-03-01"))
    archive.add(make_article("e2", [("Ilse Marquardt", "Ünïcode tide — “quoted”\nacross lines", None)],
                             url="https://valley.example/e2", publisher="Valley Post"))
    return archive


def test_jsonl(filled: Archive, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    assert write_export(filled.iter_search("tide"), "jsonl", out) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and set(rows[0]) == set(FIELDS)
    assert {r["speaker_name"] for r in rows} == {"Marta Kovel", "Oskar Brenn", "Ilse Marquardt"}


def test_csv_round_trips_awkward_text(filled: Archive, tmp_path: Path) -> None:
    buf = io.BytesIO()
    assert write_export(filled.iter_search("tide", outlet="Valley Post"), "csv", buf) == 1
    assert not buf.closed
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"), newline="")))
    assert rows[0]["content"] == "Ünïcode tide — “quoted”\nacross lines"
    assert rows[0]["published"] == ""


def test_parquet(filled: Archive, tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    assert write_export(filled.iter_search("tide", speaker="kovel"), "parquet", out) == 1
    table = pq.read_table(out)
    assert table.num_rows == 1 and table.column_names == FIELDS
    row = table.to_pylist()[0]
    assert row["content"] == 'Tide tables, "revised", are out' and row["speaker_role"] == "harbour master"
    empty = tmp_path / "none.parquet"
    assert write_export(filled.iter_search("nothingmatches"), "parquet", empty) == 0
    assert pq.read_table(empty).num_rows == 0


def test_bad_format_and_target(filled: Archive, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--format xlsx"):
        write_export([], "xlsx", tmp_path / "a.xlsx")
    with pytest.raises(ConfigError, match="is a folder"):
        write_export([], "csv", tmp_path)


def test_cli_export_all_formats(filled: Archive, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"tide.{fmt}"
        res = runner.invoke(app, ["export", "tide", "--db", filled.url, "--out", str(out), "--kind", "direct"])
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 0
    assert pq.read_table(tmp_path / "tide.parquet").num_rows == 3
    res = runner.invoke(app, ["export", "tide", "--db", filled.url, "--out", str(tmp_path / "t.bin")])
    assert res.exit_code == 2 and "--format" in res.output
