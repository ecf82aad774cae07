"""CSV formula injection (OWASP): a cell that starts with = + - @, a tab or a carriage return is
written with a single quote before it, in every CSV the project writes; other formats keep the text."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotewire.cli import app
from quotewire.store import Archive
from quotewire.store.export import FORMULA_TRIGGERS, csv_safe, write_export
from tests.store.conftest import make_article

TITLE = '=HYPERLINK("http://example.invalid/x","Click")'
WORDS = {  # speaker -> quoted words, one per trigger
    "Ana Lima": TITLE,
    "Bo Sandvik": "+1+2 is what the ledger showed that week",
    "Cy Dornan": "-2+3 was the count the clerk gave",
    "Di Ekwall": "@SUM(1,2) appeared in the minutes",
    "Ed Forsman": "\tTabbed words from the council",
    "Fa Gullik": "\rCarriage words from the council",
    "Gus Holm": "Plain words, and = + - @ inside them stay as they are",
}


def formula_archive(url: str) -> Archive:
    archive = Archive.open(url)
    archive.add(make_article("formulas", [(name, words, None) for name, words in WORDS.items()],
                             title=TITLE, publisher="@Lantern Gazette", url="https://lantern.example/f"))
    archive.add(make_article("role", [("Ida Jensen", "Nothing to see", "=cmd|' /C calc'!A0")],
                             url="https://lantern.example/r"))
    return archive


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def assert_neutralised(rows: list[dict[str, str]]) -> None:
    assert rows
    for row in rows:
        for key, cell in row.items():
            assert not cell.startswith(FORMULA_TRIGGERS), f"{key} is a live formula: {cell!r}"
    by_speaker = {r["speaker_name"]: r for r in rows}
    for name, words in WORDS.items():
        cell = by_speaker[name]["content"]
        assert cell == (("'" + words) if words[0] in "=+-@\t\r" else words), (name, cell)
    assert by_speaker["Ana Lima"]["article_title"] == "'" + TITLE
    assert by_speaker["Ana Lima"]["outlet_name"] == "'@Lantern Gazette"
    assert by_speaker["Ida Jensen"]["speaker_role"] == "'=cmd|' /C calc'!A0"
    assert all(r["confidence"] == "0.8" for r in rows)  # numbers are not text: left alone


def assert_text_cells_quoted(data: bytes) -> None:
    """OWASP's second half: every text cell is wrapped in double quotes; numbers are not."""
    header, first = data.decode("utf-8").split("\r\n")[:2]
    assert header.startswith('"quote_id","article_id"')
    assert re.match(r'^\d+,\d+,"', first), first


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("a=1", "a=1"), (" =1", " =1"), ("'=1", "'=1"), ("", ""), ("Plain", "Plain"),
])
def test_csv_safe(value: str, expected: str) -> None:
    assert csv_safe(value) == expected


def test_write_export_neutralises_csv_only(tmp_path: Path) -> None:
    archive = formula_archive(f"sqlite:///{tmp_path / 'f.db'}")
    try:
        buf = io.BytesIO()
        assert write_export(archive.iter_search(None), "csv", buf) == len(WORDS) + 1
        assert_neutralised(read_csv(buf.getvalue()))
        assert_text_cells_quoted(buf.getvalue())
        buf = io.BytesIO()
        write_export(archive.iter_search(None), "jsonl", buf)
        rows = [json.loads(line) for line in buf.getvalue().decode("utf-8").splitlines()]
        assert {r["speaker_name"]: r["content"] for r in rows}["Ana Lima"] == TITLE  # data, not a spreadsheet
    finally:
        archive.close()


def test_cli_export_csv_neutralises_formulas(tmp_path: Path) -> None:
    archive = formula_archive(f"sqlite:///{tmp_path / 'f.db'}")
    archive.close()
    out = tmp_path / "hits.csv"
    res = CliRunner().invoke(app, ["export", "--db", archive.url, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert_neutralised(read_csv(out.read_bytes()))
    assert_text_cells_quoted(out.read_bytes())
