"""`quotewire run` datasets and `quotewire export` write the same fields under the same names with
the same types (content, content_parts as [start, end] pairs, cue, published_date as a date...)."""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from quotewire.batch import dataset
from quotewire.cli import app
from quotewire.records import Article, Quote, QuoteSpeaker, Span
from quotewire.store import Archive
from quotewire.store.export import FIELDS, column_types, write_export

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "quotewire" / "samples"
# export column -> the dataset's (table, column) for the same field
SAME = {"kind": ("quotes", "kind"), "content": ("quotes", "content"), "content_start": ("quotes", "content_start"),
        "content_end": ("quotes", "content_end"), "content_parts": ("quotes", "content_parts"),
        "cue": ("quotes", "cue"), "confidence": ("quotes", "confidence"),
        "speaker_name": ("quotes", "speaker_name"), "speaker_role": ("quotes", "speaker_role"),
        "published": ("articles", "published"), "published_date": ("articles", "published_date"),
        "language": ("articles", "language"), "article_title": ("articles", "title"),
        "article_url": ("articles", "url")}


def test_the_shared_fields_have_one_type() -> None:
    export = pa.schema([(n, column_types().get(n, pa.string())) for n in FIELDS])
    for col, (table, name) in SAME.items():
        assert export.field(col).type == dataset.SCHEMAS[table].field(name).type, col
    assert export.field("content_parts").type == pa.list_(pa.list_(pa.int64()))
    assert export.field("published_date").type == pa.date32()
    quotes = set(dataset.QUOTES.names)
    assert not {"content_text", "cue_text", "speaker_mention_text"} & quotes  # the old dataset-only names


def _interrupted() -> Article:
    text = 'Harbour talks stall\n\n"We will," said Ana Lima, "not sign this week."'
    a, b = text.index("We will,"), text.index("not sign")
    return Article(doc_id="cut", title="Harbour talks stall", url="https://lantern.example/cut", language="en",
                   published="2025-02-03T08:15:00+01:00", publisher="Lantern", text=text, source_form="body",
                   quotes=[Quote(kind="direct", content=Span(start=a, end=len(text) - 1, text=text[a:-1],
                                                             parts=[(a, a + 8), (b, len(text) - 1)]),
                                 cue=Span(start=text.index("said"), end=text.index("said") + 4, text="said"),
                                 speaker=QuoteSpeaker(name="Ana Lima"), confidence=0.9)])


def test_the_same_quote_has_the_same_values(tmp_path: Path) -> None:
    article = _interrupted()
    rows = dataset.rows_of(article.to_dict(), "cut.txt")
    dataset.write_part(tmp_path / "ds", "0001-000000", rows, "parquet")
    archive = Archive.open(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        archive.add(article)
        write_export(archive.iter_search(None), "parquet", tmp_path / "e.parquet")
    finally:
        archive.close()
    hit = pq.read_table(tmp_path / "e.parquet").to_pylist()[0]
    row = {**dataset.read_rows(tmp_path / "ds", "articles")[0], **dataset.read_rows(tmp_path / "ds", "quotes")[0]}
    for col, (_, name) in SAME.items():
        assert hit[col] == row[name], (col, hit[col], row[name])
    assert hit["content"] == "We will, … not sign this week."
    assert hit["published_date"] == date(2025, 2, 3) and hit["published"] == "2025-02-03T08:15:00+01:00"


def test_run_and_export_files_agree(tmp_path: Path) -> None:
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'a.db'}"
    res = runner.invoke(app, ["run", str(SAMPLES), "--out", str(tmp_path / "ds"), "--workers", "1", "--quiet"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db, "--workers", "1", "--quiet"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["export", "--db", db, "--out", str(tmp_path / "e.parquet")])
    assert res.exit_code == 0, res.output
    export = pq.read_schema(tmp_path / "e.parquet")
    tables = {t: pq.read_schema(dataset.part_files(tmp_path / "ds", t)[0]) for t in ("articles", "quotes")}
    for col, (table, name) in SAME.items():
        assert export.field(col).type == tables[table].field(name).type, col
    hits = pq.read_table(tmp_path / "e.parquet").to_pylist()
    quotes = dataset.read_rows(tmp_path / "ds", "quotes")
    assert hits and quotes
    # the same words under the same name (the archive may list fewer: it shows statements by default)
    assert Counter(h["content"] for h in hits) <= Counter(q["content"] for q in quotes)
    assert any(h["published_date"] for h in hits)


def test_a_version_1_run_folder_is_not_resumed_with_other_columns(tmp_path: Path) -> None:
    import json

    runner = CliRunner()
    out = tmp_path / "ds"
    args = ["run", str(SAMPLES), "--out", str(out), "--workers", "1", "--no-quotes", "--quiet"]
    assert runner.invoke(app, args).exit_code == 0
    meta_path = out / "_quotewire" / "run.json"
    meta = json.loads(meta_path.read_text())
    assert meta["dataset_version"] == dataset.DATASET_VERSION == 2
    del meta["dataset_version"]  # as a run of an earlier build left it
    meta_path.write_text(json.dumps(meta))
    res = runner.invoke(app, args)
    assert res.exit_code == 2 and "holds a version 1 dataset" in res.output and "--restart" in res.output
    assert runner.invoke(app, [*args, "--restart"]).exit_code == 0
    assert len(dataset.read_rows(out, "articles")) == 5
