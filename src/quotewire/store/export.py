"""Search hits to CSV, JSON Lines or Parquet: one writer for the CLI and the web download."""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from quotewire.errors import ConfigError, StoreError
from quotewire.records import QuoteHit

FORMATS = ("csv", "jsonl", "parquet")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                 "parquet": "application/vnd.apache.parquet"}
FIELDS = list(QuoteHit.model_fields)
PARQUET_BATCH = 5000


def _schema():  # noqa: ANN202 - pyarrow imported lazily
    import pyarrow as pa

    types = {"quote_id": pa.int64(), "article_id": pa.int64(), "speaker_id": pa.int64(), "outlet_id": pa.int64(),
             "content_start": pa.int64(), "content_end": pa.int64(), "content_parts": pa.list_(pa.list_(pa.int64())),
             "confidence": pa.float64(), "rank": pa.float64()}
    return pa.schema([(name, types.get(name, pa.string())) for name in FIELDS])


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
        fh.write(json.dumps(hit.model_dump(mode="json"), ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def _csv(hits: Iterable[QuoteHit], fh: BinaryIO) -> int:
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=FIELDS)
        writer.writeheader()
        n = 0
        for hit in hits:
            writer.writerow({k: _cell(v) for k, v in hit.model_dump(mode="json").items()})
            n += 1
        text.flush()
        return n
    finally:
        text.detach()  # leave the caller's file open


def _cell(value: object) -> object:
    """A CSV cell: empty for null, JSON for a list (the parts of an interrupted quote)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value)
    return value


def _parquet(hits: Iterable[QuoteHit], fh: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    n = 0
    with pq.ParquetWriter(fh, schema, compression="zstd") as writer:
        batch: list[dict] = []
        for hit in hits:
            batch.append(hit.model_dump(mode="json"))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
