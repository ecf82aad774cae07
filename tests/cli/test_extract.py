"""`quotewire extract` run as users run it: the installed script, in a subprocess."""
from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "quotewire" / "samples"
EXE = Path(sys.executable).parent / "quotewire"


def run(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(EXE), *args], input=stdin, capture_output=True, timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def one_error_line(stderr: str, name: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"quotewire: error: {name}:"), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    html = (SAMPLES / "harbour-bridge-vote.html").read_bytes()
    files = {
        "binary": (d / "photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        "empty": (d / "empty.html", b""),
        "undecodable": (d / "broken.txt", b"\xef\xbb\xbf" + b"caf\xe9 \xff\xfe na\xefve " * 20),
        "truncated": (d / "cut.html", html[: len(html) // 2]),
    }
    out = {}
    for kind, (path, data) in files.items():
        path.write_bytes(data)
        out[kind] = path
    huge = d / "huge.html"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    out["huge"] = huge
    out["directory"] = d
    out["missing"] = d / "nowhere.html"
    return out


@pytest.mark.parametrize("kind,reason_word", [
    ("missing", "no such file"), ("directory", "directory"), ("binary", "PNG"), ("empty", "empty"),
    ("undecodable", "utf-8"), ("truncated", "truncated"), ("huge", "MB"),
])
def test_bad_input_one_line(bad: dict[str, Path], kind: str, reason_word: str) -> None:
    path = bad[kind]
    t = time.perf_counter()
    proc = run("extract", str(path), "--no-quotes")
    took = time.perf_counter() - t
    assert proc.returncode != 0
    assert proc.stdout == ""
    line = one_error_line(proc.stderr, str(path))
    assert reason_word in line
    if kind == "huge":
        assert took < 20  # refused from its size, not read and parsed


def test_multi_file_bad_one_in_the_middle(bad: dict[str, Path]) -> None:
    good1, good2 = SAMPLES / "orchestra-strike.html", SAMPLES / "glacier-survey.html.gz"
    proc = run("extract", str(good1), str(bad["binary"]), str(bad["missing"]), str(good2), "--no-quotes")
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["doc_id"] for r in records] == ["orchestra-strike", "glacier-survey"]
    err = proc.stderr.strip().splitlines()
    assert len(err) == 3
    assert {line.split(": ")[2] for line in err[:2]} == {str(bad["binary"]), str(bad["missing"])}
    assert err[-1].startswith("quotewire: 2 of 4 inputs read; failed:")
    assert str(bad["binary"]) in err[-1] and "(binary)" in err[-1]


def test_json_record_with_quotes() -> None:
    proc = run("extract", str(SAMPLES / "harbour-bridge-vote.html"), timeout=300)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["doc_id"] == "harbour-bridge-vote"
    assert rec["title"] == "Council backs Kettle Street bridge after late-night vote"
    assert rec["language"] == "en"
    for b in rec["blocks"]:
        assert rec["text"][b["start"]:b["end"]] == b["text"]
    for q in rec["quotes"]:
        c = q["content"]
        assert rec["text"][c["start"]:c["end"]] == c["text"]


def test_format_md() -> None:
    proc = run("extract", str(SAMPLES / "orchestra-strike.html"), "--format", "md", "--no-quotes")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# Valmont Philharmonic musicians walk out over pay\n")
    assert "## Subscribers\u2019 concerts unaffected" in proc.stdout


def test_as_body_keeps_text_unchanged(tmp_path: Path) -> None:
    text = ("Home\nThe ferry will run twice a day.\n\n\u201cIt is not enough,\u201d said Ida Lund.  \n"
            "Share\n")
    f = tmp_path / "body.txt"
    f.write_text(text, encoding="utf-8")
    proc = run("extract", str(f), "--as-body", "--no-quotes", "--id", "story-1")
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["text"] == text and rec["doc_id"] == "story-1" and rec["source_form"] == "body"


def test_stdin() -> None:
    data = (SAMPLES / "orchestra-strike.html").read_bytes()
    proc = run("extract", "-", "--no-quotes", "-f", "jsonl", stdin=data)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["doc_id"] == "stdin" and rec["source_form"] == "html"
    assert "Zo\u00eb Kessler-Brand\u00e3o" in rec["text"]


def test_empty_stdin() -> None:
    proc = run("extract", "-", "--no-quotes", stdin=b"")
    assert proc.returncode != 0
    one_error_line(proc.stderr, "<stdin>")


def test_bad_options() -> None:
    proc = run("extract", "a.html", "b.html", "--id", "x")
    assert proc.returncode == 2 and "--id" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = run("extract", "a.html", "--form", "pdf")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = run("extract", "a.html", "--as-body", "--form", "html")
    assert proc.returncode == 2 and "--as-body" in proc.stderr


def test_help() -> None:
    for args in (["--help"], ["extract", "--help"]):
        proc = run(*args)
        assert proc.returncode == 0 and "Usage" in proc.stdout
    assert "--as-body" in run("extract", "--help").stdout


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(SAMPLES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_input(server: str) -> None:
    proc = run("extract", f"{server}/harbour-bridge-vote.html", "--no-quotes")
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["title"] == "Council backs Kettle Street bridge after late-night vote"
    assert rec["url"] == f"{server}/harbour-bridge-vote.html"


def test_url_not_found(server: str) -> None:
    url = f"{server}/missing-page.html"
    proc = run("extract", url, "--no-quotes")
    assert proc.returncode != 0
    assert "404" in one_error_line(proc.stderr, url)
