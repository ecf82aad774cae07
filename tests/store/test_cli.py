"""`quotewire search` and `quotewire db ...` on the command line."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotewire.cli import app
from quotewire.store import Archive
from quotewire.store.schema import head_revision
from tests.store.conftest import make_article

runner = CliRunner()


def _filled(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    a = Archive.open(url)
    a.add(make_article("c1", [("Marta Kovel", "The troops left the valley at dawn", "colonel"),
                              ("Oskar Brenn", "Markets reopen on Monday", None)],
                       url="https://lantern.example/c1", published="2024-06-01"))
    a.close()
    return url


def test_search_table_and_json(tmp_path: Path) -> None:
    url = _filled(tmp_path)
    res = runner.invoke(app, ["search", "troops", "--speaker", "Marta Kovel", "--db", url])
    assert res.exit_code == 0, res.output
    assert "Marta Kovel" in res.output and "valley" in res.output
    res = runner.invoke(app, ["search", "troops", "--json", "--db", url])
    data = json.loads(res.stdout)
    assert data["total"] == 1 and data["items"][0]["snippet"].startswith("The [[troops]]")
    res = runner.invoke(app, ["search", "'; DROP TABLE quotes; --", "--db", url])
    assert res.exit_code == 1 and "no quotes found" in res.output
    assert Archive.open(url).stats()["quotes"] == 2


def test_bad_input_is_one_line_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = _filled(tmp_path)
    cmd = [sys.executable, "-c", "from quotewire.cli import main; main()"]
    for args, needle in ((["search", "troops", "--from", "yesterday", "--db", url], "--from yesterday"),
                         (["search", "troops", "--kind", "loud", "--db", url], "--kind loud"),
                         (["search", "x", "--db", "mysql://nobody@localhost/x"], "mysql://"),
                         (["search", "x", "--db", str(tmp_path / "missing" / "a.db")], "does not exist"),
                         (["ingest", str(tmp_path / "nothing-here"), "--db", url, "-q"], "nothing-here")):
        res = subprocess.run(cmd + args, capture_output=True, text=True, timeout=120)
        assert res.returncode == 2, (args, res.stderr)
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith("quotewire: error") or "Traceback" in ln]
        assert "Traceback" not in res.stderr and needle in res.stderr, res.stderr


def test_db_upgrade_status_failures(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    res = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert res.exit_code == 0 and f"upgraded from empty to {head_revision()}" in res.output
    res = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert f"already at revision {head_revision()}" in res.output
    res = runner.invoke(app, ["db", "status", "--json", "--db", url])
    assert json.loads(res.stdout)["articles"] == 0
    a = Archive.open(url)
    a.record_failure("x.html", "empty", "empty input")
    a.close()
    res = runner.invoke(app, ["db", "failures", "--json", "--db", url])
    assert json.loads(res.stdout.splitlines()[0])["reason"] == "empty"
