"""Search hits to CSV, JSON Lines or Parquet: one writer for the CLI and the web download."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

from quotewire.errors import ConfigError, StoreError
from quotewire.records import QuoteHit

FORMATS = ("csv", "jsonl", "parquet")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                 "parquet": "application/vnd.apache.parquet"}
# the fields of QuoteHit, and the date part of `published` as a typed column beside it
_HIT = list(QuoteHit.model_fields)
FIELDS = _HIT[:_HIT.index("published") + 1] + ["published_date"] + _HIT[_HIT.index("published") + 1:]
PARQUET_BATCH = 5000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def column_types() -> dict:  # noqa: ANN202 - pyarrow imported lazily
    """Arrow types of the columns that are not strings: the one definition for an export and a
    `quotewire run` dataset (batch/dataset.py), so the same field has the same type in both."""
    import pyarrow as pa

    ids = {name: pa.int64() for name in ("quote_id", "article_id", "speaker_id", "outlet_id")}
    return {**ids, "content_start": pa.int64(), "content_end": pa.int64(),
            "content_parts": pa.list_(pa.list_(pa.int64())), "confidence": pa.float64(), "rank": pa.float64(),
            "published_date": pa.date32()}


def published_day(published: str | None) -> date | None:
    """The date of an ISO 8601 ``published`` ("2024-03-01T09:30:00+01:00" -> 2024-03-01, as the
    page gives it: no time zone conversion); None without a whole date ("2024-03", null)."""
    if not published or not _DAY.match(published):
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _schema():  # noqa: ANN202 - pyarrow imported lazily
    import pyarrow as pa

    types = column_types()
    return pa.schema([(name, types.get(name, pa.string())) for name in FIELDS])


def _row(hit: QuoteHit) -> dict:
    row = hit.model_dump(mode="json")
    row["published_date"] = published_day(hit.published)
    return {name: row.get(name) for name in FIELDS}


@contextmanager
def _open(out: BinaryIO | str | os.PathLike[str]) -> Iterator[BinaryIO]:
    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        if path.is_dir():
            raise ConfigError(str(path), "is a folder: give a file name for the export")
        tmp = path.with_name(f".{path.name}.part")
        try:
            with open(tmp, "wb") as fh:
                yield fh
            os.replace(tmp, path)  # a failed export never leaves a half-written file under the real name
        except OSError as exc:
            raise StoreError(str(path), f"cannot write the export ({exc.strerror or exc})") from None
        finally:
            if tmp.exists():
                tmp.unlink()
    else:
        yield out


def write_export(hits: Iterable[QuoteHit], fmt: str, out: BinaryIO | str | os.PathLike[str]) -> int:
    """Writes every hit to ``out`` (a path or a binary file object); returns the number of rows."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt}", "choose csv, jsonl or parquet")
    with _open(out) as fh:
        if fmt == "jsonl":
            return _jsonl(hits, fh)
        if fmt == "csv":
            return _csv(hits, fh)
        return _parquet(hits, fh)


def _jsonl(hits: Iterable[QuoteHit], fh: BinaryIO) -> int:
    n = 0
    for hit in hits:
        row = _row(hit)
        if row["published_date"] is not None:
            row["published_date"] = row["published_date"].isoformat()
        fh.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def _csv(hits: Iterable[QuoteHit], fh: BinaryIO) -> int:
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=FIELDS, quoting=csv.QUOTE_NONNUMERIC)  # OWASP: text cells quoted
        writer.writeheader()
        n = 0
        for hit in hits:
            writer.writerow({k: _cell(v) for k, v in _row(hit).items()})
            n += 1
        text.flush()
        return n
    finally:
        text.detach()  # leave the caller's file open


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs: OWASP's rule, a single
    quote before a cell that starts with ``= + - @``, a tab or a carriage return. Every CSV
    the project writes goes through this (``write_export``: the CLI and the web download)."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _cell(value: object) -> object:
    """A CSV cell: empty for null, JSON for a list (the parts of an interrupted quote), text
    neutralised by ``csv_safe``; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value)
    if isinstance(value, str):
        return csv_safe(value)
    return value


def _parquet(hits: Iterable[QuoteHit], fh: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    n = 0
    with pq.ParquetWriter(fh, schema, compression="zstd") as writer:
        batch: list[dict] = []
        for hit in hits:
            batch.append(_row(hit))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
