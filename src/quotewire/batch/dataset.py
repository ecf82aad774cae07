"""The batch output: three tables (articles, quotes, speakers) as Parquet or JSON Lines part files.

One conversion (``rows_of``) turns an article dict into rows, and every engine (the local
runner, the Ray runner) writes through it, so their outputs are the same rows. The schemas
below are the documented contract (docs/scale.md); readers such as DuckDB, pandas, Spark SQL
and ``pyarrow.dataset`` read ``OUT/articles/`` etc. directly (they skip ``.``/``_`` files).

Spans are Python ``str`` offsets into ``articles.text`` (as in the article record). A field that
``quotewire export`` writes too has the same name, meaning and Arrow type here (``content`` is the
quoted words, ``content_parts`` [start, end] pairs, ``published_date`` a date): the shared types
come from ``quotewire.store.export.column_types`` (docs/scale.md, docs/archive.md).
"""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from quotewire.store.export import column_types, published_day
from quotewire.store.quoted import quoted_words

Format = Literal["parquet", "jsonl"]
FORMATS: tuple[str, ...] = ("parquet", "jsonl")
TABLES: tuple[str, ...] = ("articles", "quotes", "speakers")
DATASET_VERSION = 2  # 2: the export's names and types (content, cue, speaker_mention, int64, published_date)

_SHARED = column_types()
_str = pa.string()
_int = pa.int64()

ARTICLES = pa.schema([
    pa.field("doc_id", _str, nullable=False),
    pa.field("origin", _str, nullable=False),  # path, URL or archive position the page came from
    pa.field("url", _str),
    pa.field("title", _str),
    pa.field("publisher", _str),
    pa.field("authors", pa.list_(_str)),
    pa.field("published", _str),  # ISO 8601, as precise as the page gives it
    pa.field("published_date", _SHARED["published_date"]),  # its date, when it has one
    pa.field("updated", _str),
    pa.field("language", _str),
    pa.field("category", _str),
    pa.field("tags", pa.list_(_str)),
    pa.field("source_form", _str),
    pa.field("text", _str),
    pa.field("blocks", pa.list_(pa.struct([("kind", _str), ("start", _int), ("end", _int)]))),
    pa.field("images", pa.list_(pa.struct([("caption", _str), ("credit", _str), ("src", _str)]))),
    pa.field("quote_count", _int),
    pa.field("speaker_count", _int),
    pa.field("schema_version", _int),
], metadata={"quotewire.table": "articles", "quotewire.dataset_version": str(DATASET_VERSION)})

QUOTES = pa.schema([
    pa.field("doc_id", _str, nullable=False),
    pa.field("origin", _str, nullable=False),  # the article's origin: unique per input, the safe join key
    pa.field("quote_index", _int, nullable=False),  # position in the article's quotes
    pa.field("kind", _str),  # direct | mixed | indirect
    pa.field("content", _str),  # the quoted words: an interrupted quote's parts joined with " … "
    pa.field("content_start", _SHARED["content_start"]),
    pa.field("content_end", _SHARED["content_end"]),
    pa.field("content_parts", _SHARED["content_parts"]),  # [start, end] of each part of an interrupted quote
    pa.field("cue", _str),
    pa.field("cue_start", _int),
    pa.field("cue_end", _int),
    pa.field("speaker_name", _str),
    pa.field("speaker_role", _str),
    pa.field("speaker_mention", _str),
    pa.field("speaker_mention_start", _int),
    pa.field("speaker_mention_end", _int),
    pa.field("confidence", _SHARED["confidence"]),
], metadata={"quotewire.table": "quotes", "quotewire.dataset_version": str(DATASET_VERSION)})

SPEAKERS = pa.schema([
    pa.field("doc_id", _str, nullable=False),
    pa.field("origin", _str, nullable=False),
    pa.field("name", _str, nullable=False),
    pa.field("kind", _str),  # person | organization | unknown
    pa.field("roles", pa.list_(_str)),
    pa.field("aliases", pa.list_(_str)),
    pa.field("quote_count", _int),  # quotes in this article attributed to this speaker
], metadata={"quotewire.table": "speakers", "quotewire.dataset_version": str(DATASET_VERSION)})

SCHEMAS: dict[str, pa.Schema] = {"articles": ARTICLES, "quotes": QUOTES, "speakers": SPEAKERS}

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {t: [] for t in TABLES}


class _SpanView(NamedTuple):  # what quoted_words reads of a Span, without validating a model per quote
    text: str
    parts: list


def _span(span: dict[str, Any] | None, text: str = "") -> tuple[Any, Any, Any, Any]:
    """(words, start, end, parts) of a span: the words as the archive stores them (``quoted_words``)."""
    if not span:
        return None, None, None, None
    parts = span.get("parts")
    parts_rows = [[int(s), int(e)] for s, e in parts] if parts else None
    words = quoted_words(_SpanView(span.get("text") or "", parts), text) if parts else span.get("text")
    return words, span.get("start"), span.get("end"), parts_rows


def rows_of(article: dict[str, Any], origin: str) -> Rows:
    """One article dict (``Article.to_dict()``) as its rows in the three tables."""
    doc_id = article["doc_id"]
    quotes = article.get("quotes") or []
    speakers = article.get("speakers") or []
    counts: dict[str, int] = {}
    for q in quotes:
        name = (q.get("speaker") or {}).get("name")
        if name:
            counts[name] = counts.get(name, 0) + 1
    art = {
        "doc_id": doc_id,
        "origin": origin,
        "url": article.get("url"),
        "title": article.get("title"),
        "publisher": article.get("publisher"),
        "authors": list(article.get("authors") or []),
        "published": article.get("published"),
        "published_date": published_day(article.get("published")),
        "updated": article.get("updated"),
        "language": article.get("language"),
        "category": article.get("category"),
        "tags": list(article.get("tags") or []),
        "source_form": article.get("source_form"),
        "text": article.get("text", ""),
        "blocks": [{"kind": b["kind"], "start": b["start"], "end": b["end"]} for b in article.get("blocks") or []],
        "images": [{"caption": i.get("caption"), "credit": i.get("credit"), "src": i.get("src")}
                   for i in article.get("images") or []],
        "quote_count": len(quotes),
        "speaker_count": len(speakers),
        "schema_version": article.get("schema_version"),
    }
    quote_rows = []
    for i, q in enumerate(quotes):
        c_text, c_start, c_end, c_parts = _span(q.get("content"), article.get("text", ""))
        cue_text, cue_start, cue_end, _ = _span(q.get("cue"), article.get("text", ""))
        sp = q.get("speaker") or {}
        m_text, m_start, m_end, _ = _span(sp.get("mention"))
        quote_rows.append({
            "doc_id": doc_id, "origin": origin, "quote_index": i, "kind": q.get("kind"),
            "content": c_text, "content_start": c_start, "content_end": c_end, "content_parts": c_parts,
            "cue": " ".join(cue_text.split()) if cue_text else cue_text, "cue_start": cue_start, "cue_end": cue_end,
            "speaker_name": sp.get("name"), "speaker_role": sp.get("role"),
            "speaker_mention": m_text, "speaker_mention_start": m_start, "speaker_mention_end": m_end,
            "confidence": float(q.get("confidence", 0.5)),
        })
    speaker_rows = [{
        "doc_id": doc_id, "origin": origin, "name": s["name"], "kind": s.get("kind", "unknown"),
        "roles": list(s.get("roles") or []), "aliases": list(s.get("aliases") or []),
        "quote_count": counts.get(s["name"], 0),
    } for s in speakers]
    return {"articles": [art], "quotes": quote_rows, "speakers": speaker_rows}


def extend(into: Rows, rows: Rows) -> None:
    for t in TABLES:
        into[t].extend(rows[t])


def _fsync_write(path: Path, write: Any) -> None:
    """Write to a hidden temporary file, fsync it, and rename it into place: a reader (or a
    resumed run) sees the whole part file or none of it."""
    tmp = path.with_name(f".{path.name}.tmp")
    write(tmp)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def part_name(part_id: str, fmt: str) -> str:
    return f"part-{part_id}.{'parquet' if fmt == 'parquet' else 'jsonl'}"


def write_part(out: Path, part_id: str, rows: Rows, fmt: str) -> list[Path]:
    """Write one part file per table, each atomically; returns the paths written."""
    written = []
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / part_name(part_id, fmt)
        if fmt == "parquet":
            tbl = pa.Table.from_pylist(rows[table], schema=SCHEMAS[table])
            _fsync_write(path, lambda tmp, tbl=tbl: pq.write_table(tbl, tmp, compression="zstd"))
        else:
            lines = "".join(json.dumps(r, ensure_ascii=False, default=_json_value) + "\n" for r in rows[table])
            _fsync_write(path, lambda tmp, lines=lines: tmp.write_text(lines, encoding="utf-8"))
        written.append(path)
    for table in TABLES:
        fsync_dir(out / table)
    return written


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()  # published_date: YYYY-MM-DD in JSON Lines
    raise TypeError(f"{type(value).__name__} is not JSON")


def _dates_from_json(rows: list[dict[str, Any]], schema: pa.Schema) -> list[dict[str, Any]]:
    names = [f.name for f in schema if pa.types.is_date32(f.type)]
    for r in rows:
        for n in names:
            if isinstance(r.get(n), str):
                r[n] = date.fromisoformat(r[n])
    return rows


def part_files(out: Path, table: str) -> list[Path]:
    folder = out / table
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith("part-") and p.is_file())


def part_id_of(path: Path) -> str:
    """``part-0001-000002.parquet`` -> ``0001-000002``."""
    return path.name[len("part-"):].split(".", 1)[0]


def read_table(out: str | os.PathLike[str], table: str) -> pa.Table:
    """Read one table of a run's output (either format) back with its documented schema."""
    out = Path(out)
    schema = SCHEMAS[table]
    tables = []
    for path in part_files(out, table):
        if path.suffix == ".parquet":
            tables.append(pq.read_table(path, schema=schema))
        elif path.suffix == ".jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
            tables.append(pa.Table.from_pylist(_dates_from_json(rows, schema), schema=schema))
    if not tables:
        return schema.empty_table()
    return pa.concat_tables(tables)


def read_rows(out: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    return read_table(out, table).to_pylist()


def sort_key(table: str) -> Any:
    """A stable order for comparing runs (part files arrive in completion order)."""
    if table == "quotes":
        return lambda r: (r["origin"], r["quote_index"])
    if table == "speakers":
        return lambda r: (r["origin"], r["name"])
    return lambda r: r["origin"]


def sorted_rows(out: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    return sorted(read_rows(out, table), key=sort_key(table))


def describe() -> str:
    """The schemas as text (``quotewire run --schema``)."""
    out = []
    for name, schema in SCHEMAS.items():
        out.append(f"{name}:")
        out.extend(f"  {f.name}: {f.type}{'' if f.nullable else ' (not null)'}" for f in schema)
    return "\n".join(out)

