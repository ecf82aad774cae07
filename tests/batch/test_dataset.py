"""The three tables: rows from an article, part files in both formats, read back with the schemas."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest

from quotewire.batch import dataset
from quotewire.records import Article, Block, Quote, QuoteSpeaker, Span, Speaker


def _article() -> Article:
    text = "Ferry fares rise. \u201cIt is fair,\u201d said Ada Brill, the port director. Others disagreed."
    q_start = text.index("It is")
    q_end = text.index(",\u201d")
    cue_start = text.index("said")
    name_start = text.index("Ada Brill")
    return Article(
        doc_id="d1", title="Ferry fares rise", text=text, language="en", publisher="The Quillon Ledger",
        authors=["R. Delacourt"], tags=["transport"], published="2024-03-02",
        blocks=[Block(kind="paragraph", start=0, end=len(text), text=text)],
        speakers=[Speaker(name="Ada Brill", roles=["port director"], kind="person", aliases=["Brill"])],
        quotes=[Quote(kind="direct", content=Span(start=q_start, end=q_end, text=text[q_start:q_end]),
                      cue=Span(start=cue_start, end=cue_start + 4, text="said"),
                      speaker=QuoteSpeaker(name="Ada Brill", role="port director",
                                           mention=Span(start=name_start, end=name_start + 9, text="Ada Brill")),
                      confidence=0.875),
                Quote(kind="indirect", content=Span(start=0, end=17, text=text[:17], parts=[(0, 5), (6, 17)]))],
    )


def test_rows_of_article_gives_one_row_per_article_quote_speaker() -> None:
    rows = dataset.rows_of(_article().to_dict(), "pages/a.html")
    assert len(rows["articles"]) == 1 and len(rows["quotes"]) == 2 and len(rows["speakers"]) == 1
    art = rows["articles"][0]
    assert art["origin"] == "pages/a.html" and art["quote_count"] == 2 and art["speaker_count"] == 1
    q = rows["quotes"][0]
    assert (q["speaker_name"], q["cue"], q["speaker_mention_start"], q["confidence"]) == \
        ("Ada Brill", "said", art["text"].index("Ada Brill"), 0.875)
    assert art["text"][q["content_start"]:q["content_end"]] == q["content"]
    assert rows["quotes"][1]["content_parts"] == [[0, 5], [6, 17]]
    assert rows["quotes"][1]["content"] == "Ferry … fares rise."  # the quoted words, as the archive has them
    assert art["published"] == "2024-03-02" and art["published_date"] == date(2024, 3, 2)
    assert rows["quotes"][1]["speaker_name"] is None
    assert rows["speakers"][0] == {"doc_id": "d1", "origin": "pages/a.html", "name": "Ada Brill", "kind": "person",
                                   "roles": ["port director"], "aliases": ["Brill"], "quote_count": 1}


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_part_files_read_back_with_the_documented_schemas(tmp_path: Path, fmt: str) -> None:
    rows = dataset.rows_of(_article().to_dict(), "a.html")
    dataset.write_part(tmp_path, "0001-000000", rows, fmt)
    for table in dataset.TABLES:
        files = dataset.part_files(tmp_path, table)
        assert [f.name for f in files] == [f"part-0001-000000.{fmt}"]
        assert not list((tmp_path / table).glob(".*")), "no temporary file left behind"
        got = dataset.read_table(tmp_path, table)
        assert got.schema.equals(dataset.SCHEMAS[table], check_metadata=False)
        assert got.to_pylist() == rows[table]


def test_parquet_files_carry_the_schema_and_open_as_a_dataset(tmp_path: Path) -> None:
    a = _article()
    rows = dataset.rows_of(a.to_dict(), "a.html")
    dataset.extend(rows, dataset.rows_of(a.model_copy(update={"doc_id": "d2"}).to_dict(), "b.html"))
    dataset.write_part(tmp_path, "0001-000000", rows, "parquet")
    dataset.write_part(tmp_path, "0001-000001", dataset.empty_rows(), "parquet")
    f = dataset.part_files(tmp_path, "quotes")[0]
    assert pq.read_schema(f).equals(dataset.QUOTES, check_metadata=False)
    assert pq.read_schema(f).metadata[b"quotewire.table"] == b"quotes"
    # what DuckDB / Spark see: the folder as one dataset, hidden and _ files ignored
    (tmp_path / "quotes" / ".part-x.parquet.tmp").write_bytes(b"junk")
    ds = pads.dataset(tmp_path / "quotes", format="parquet")
    assert ds.count_rows() == 4
    assert sorted(ds.to_table(columns=["doc_id"]).column("doc_id").to_pylist()) == ["d1", "d1", "d2", "d2"]


def test_jsonl_rows_are_plain_json(tmp_path: Path) -> None:
    rows = dataset.rows_of(_article().to_dict(), "a.html")
    dataset.write_part(tmp_path, "0001-000000", rows, "jsonl")
    lines = (tmp_path / "quotes" / "part-0001-000000.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows["quotes"]


def test_describe_lists_every_column() -> None:
    text = dataset.describe()
    for name, schema in dataset.SCHEMAS.items():
        assert f"{name}:" in text
        assert all(f"  {f.name}:" in text for f in schema)
