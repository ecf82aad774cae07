"""`quotewire search` shows title, outlet, date and cue; `quotewire show QUOTE_ID` one quote in its paragraph."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from quotewire.cli import app
from quotewire.store import Archive
from tests.store.conftest import make_article

runner = CliRunner()


def _filled(tmp_path: Path) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'show.db'}"
    a = Archive.open(url)
    a.add(make_article("s1", [("Marta Kovel", "The troops left the valley at dawn", "colonel"),
                              ("Oskar Brenn", "Markets reopen on Monday", None)],
                       title="Valley quiet after the withdrawal", url="https://lantern.example/s1",
                       published="2024-06-01"))
    qid = a.search("troops").items[0].quote_id
    a.close()
    return url, qid


def test_search_prints_title_outlet_date_and_cue(tmp_path: Path) -> None:
    url, _ = _filled(tmp_path)
    res = runner.invoke(app, ["search", "troops", "--db", url], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "Valley quiet after the withdrawal" in out
    assert "The Lantern Gazette" in out and "2024-06-01" in out
    assert "direct · said" in out  # kind, then the reporting verb


def test_show_prints_the_quote_in_its_paragraph(tmp_path: Path) -> None:
    url, qid = _filled(tmp_path)
    res = runner.invoke(app, ["show", str(qid), "--db", url])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith(f"quote {qid} · direct")
    assert "speaker: Marta Kovel, colonel" in lines
    assert "cue: said" in lines and "article: Valley quiet after the withdrawal" in lines
    assert "outlet: The Lantern Gazette · 2024-06-01" in lines
    assert "link: https://lantern.example/s1" in lines
    assert lines[-1] == '"»The troops left the valley at dawn«," said Marta Kovel.'
    data = json.loads(runner.invoke(app, ["show", str(qid), "--json", "--db", url]).stdout)
    assert data["quote"]["quote_id"] == qid and data["quote"]["speaker_name"] == "Marta Kovel"
    assert data["paragraph"] == '"The troops left the valley at dawn," said Marta Kovel.'


def test_show_bad_ids_are_one_line_errors(tmp_path: Path) -> None:
    url, _ = _filled(tmp_path)
    cmd = [sys.executable, "-c", "from quotewire.cli import main; main()", "show"]
    for arg, code, needle in (("abc", 2, "abc: not a quote id"), ("0", 2, "0: not a quote id"),
                              ("-3", 2, "not a quote id"), ("987654", 1, "no quote with id 987654"),
                              ("99999999999999999999999", 1, "no quote with id 99999999999999999999999")):
        res = subprocess.run(cmd + ["--db", url, "--", arg], capture_output=True, text=True, timeout=120)
        assert res.returncode == code, (arg, res.stderr)
        assert "Traceback" not in res.stderr and needle in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
