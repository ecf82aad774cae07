"""A number no archive id can be (beyond 64 bits) names nothing: never a driver's OverflowError."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotewire.errors import ConfigError
from quotewire.store import Archive
from quotewire.store.ids import MAX_ID
from tests.store.conftest import make_article

HUGE = 99999999999999999999
EXE = Path(sys.executable).parent / "quotewire"


@pytest.fixture
def one(archive: Archive) -> Archive:
    archive.add(make_article("h1", [("Rina Vasko", "The tide gauge is fixed", None)], url="https://h.example/1"))
    return archive


@pytest.mark.parametrize("big", [HUGE, MAX_ID + 1, MAX_ID])
def test_lookups_by_an_impossible_id_find_nothing(one: Archive, big: int) -> None:
    assert one.article(big) is None
    assert one.speaker(big) is None and one.speaker_summary(big) is None
    assert one.outlet(big) is None
    assert one.delete_article(big) is False
    assert one.stats()["articles"] == 1


@pytest.mark.parametrize("option", ["speaker", "outlet"])
def test_filters_by_an_impossible_id_name_the_option(one: Archive, option: str) -> None:
    with pytest.raises(ConfigError, match=f"--{option} {HUGE}"):
        one.search(None, **{option: str(HUGE)})
    with pytest.raises(ConfigError, match=f"--{option} {HUGE}"):
        list(one.iter_search("tide", **{option: HUGE}))
    with pytest.raises(ConfigError, match=f"--outlet {HUGE}"):
        one.articles(outlet=str(HUGE))
    assert one.search(None, **{option: str(MAX_ID)}).total == 0  # the largest id: just not there
    assert one.search(None, **{option: "²"}).total == 0  # a digit that is no ASCII number is a name


def test_paging_past_any_archive_is_an_empty_page(one: Archive) -> None:
    page = one.search(None, page=HUGE, per_page=20)
    assert page.items == [] and page.total == 1
    assert one.articles(page=HUGE)[0] == []
    assert one.speakers(page=HUGE)[0] == []
    assert one.failures(limit=HUGE) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    a = Archive.open(url)
    a.add(make_article("h1", [("Rina Vasko", "The tide gauge is fixed", None)], url="https://h.example/1"))
    a.close()
    return url


@pytest.mark.parametrize("option,args", [
    ("speaker", ["search", "--speaker", str(HUGE)]),
    ("outlet", ["search", "tide", "--outlet", str(HUGE)]),
    ("speaker", ["export", "--speaker", str(HUGE), "--out", "{tmp}/x.csv"]),
])
def test_cli_filter_by_an_impossible_id_is_one_line(cli_db: str, tmp_path: Path, option: str,
                                                     args: list[str]) -> None:
    proc = _cli(*[a.replace("{tmp}", str(tmp_path)) for a in args], "--db", cli_db)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"quotewire: error: --{option} {HUGE}: no {option} has that id"), proc.stderr
    assert not (tmp_path / "x.csv").exists()


def test_cli_paging_past_the_end(cli_db: str) -> None:
    proc = _cli("search", "--page", str(HUGE), "--db", cli_db)
    assert proc.returncode == 0 and proc.stderr.startswith(f"no quotes found on page {HUGE} (there are 1)"), proc.stderr
    proc = _cli("db", "failures", "--limit", str(HUGE), "--db", cli_db)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


@pytest.mark.parametrize("args", [["show", str(HUGE)], ["clusters", "show", str(HUGE)]])
def test_cli_lookup_by_an_impossible_id_is_one_line(cli_db: str, args: list[str]) -> None:
    if _cli(args[0], "--help").returncode != 0:
        pytest.skip(f"no `quotewire {args[0]}` command in this build")
    proc = _cli(*args, "--db", cli_db)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode != 0 and len(lines) == 1 and lines[0].startswith("quotewire: error: "), proc.stderr
    assert str(HUGE) in lines[0] and "internal error" not in proc.stderr and "Traceback" not in proc.stderr
