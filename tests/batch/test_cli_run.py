"""`quotewire run` from the outside: help, one-line errors, exit codes, the optional Ray extra."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from quotewire.batch import dataset
from quotewire.cli import app

from .conftest import write_pages

runner = CliRunner()


def test_help_lists_the_options() -> None:
    res = runner.invoke(app, ["run", "--help"])
    assert res.exit_code == 0
    for opt in ("--out", "--workers", "--format", "--engine", "--address", "--restart"):
        assert opt in res.output


def test_schema_prints_the_tables() -> None:
    res = runner.invoke(app, ["run", "--schema"])
    assert res.exit_code == 0
    assert "quotes:" in res.output and "speaker_name" in res.output


def test_missing_out_is_a_one_line_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["run", str(tmp_path)])
    assert res.exit_code == 2
    assert res.output.strip().count("\n") == 0 and "--out" in res.output


def test_foreign_out_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "thesis.docx").write_bytes(b"mine")
    res = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert res.exit_code == 2
    assert "not a quotewire run folder" in res.output


def test_all_bad_inputs_exit_2_and_are_listed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.html").write_bytes(b"")
    res = runner.invoke(app, ["run", str(tmp_path / "in"), str(tmp_path / "nowhere.html"), "--out",
                              str(tmp_path / "out"), "--workers", "1", "--no-quotes", "-q"])
    assert res.exit_code == 2, res.output
    assert "blank.html" in res.output and "nowhere.html" in res.output
    assert len((tmp_path / "out" / "failures.jsonl").read_text().splitlines()) == 2


def test_good_run_exits_0_and_writes_the_tables(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "in", 3, bad=False)
    res = runner.invoke(app, ["run", str(pages), "-o", str(tmp_path / "out"), "-w", "1", "-f", "jsonl", "-q"])
    assert res.exit_code == 0, res.output
    assert len(dataset.read_rows(tmp_path / "out", "articles")) == 3
    assert "3 articles" in res.output


def test_engine_ray_without_ray_says_how_to_install(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None\n"
            "from quotewire.cli import main\n"
            f"sys.argv = ['quotewire', 'run', {str(tmp_path)!r}, '--out', {str(tmp_path / 'o')!r}, '--engine', 'ray']\n"
            "main()")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "pip install 'quotewire[ray]'" in res.stderr
    assert not (tmp_path / "o").exists(), "nothing is written before the engine is known to work"
