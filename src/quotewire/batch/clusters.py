"""``OUT/clusters/``: the quote clusters of a `quotewire run` dataset, computed after the run.

The same linking rules as the archive (quotewire.linking), over every quote of the finished
dataset in a stable order (published date, then origin, then position), so the result does not
depend on which worker finished first; a Ray run gets it the same way, on the driver, from the
part files its actors wrote. One row per linked quote (direct and mixed quotes of four words or
more), with its cluster's text, speaker, counts and first appearance. Rewritten whole at the end
of every run (a resumed run included).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq

from quotewire.batch.dataset import _fsync_write, fsync_dir, read_table
from quotewire.linking import Clusterer, Member
from quotewire.linking.cluster import first_appearance

_str, _int = pa.string(), pa.int32()
CLUSTERS = pa.schema([
    pa.field("origin", _str, nullable=False),      # joins quotes/ on (origin, quote_index)
    pa.field("doc_id", _str, nullable=False),
    pa.field("quote_index", _int, nullable=False),
    pa.field("cluster_id", _int, nullable=False),
    pa.field("kind", _str),                         # verbatim | re-punctuated | shortened | altered
    pa.field("cluster_text", _str),                 # the longest faithful text
    pa.field("cluster_speaker", _str),
    pa.field("cluster_quotes", _int),
    pa.field("cluster_articles", _int),
    pa.field("cluster_outlets", _int),
    pa.field("first_origin", _str),                 # the first appearance (earliest published; ties: order)
    pa.field("first_quote_index", _int),
    pa.field("first_published", _str),
    pa.field("is_first", pa.bool_()),
], metadata={"quotewire.table": "clusters"})


def _outlet(publisher: str | None, url: str | None) -> str | None:
    if publisher:
        return publisher.strip().casefold()
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None


def cluster_rows(out: str | os.PathLike[str]) -> list[dict]:
    arts = read_table(out, "articles").select(["origin", "published", "publisher", "url"]).to_pylist()
    by_origin = {a["origin"]: a for a in arts}
    quotes = read_table(out, "quotes").select(["origin", "doc_id", "quote_index", "kind", "content",
                                               "speaker_name"]).to_pylist()

    def day(q: dict) -> str | None:
        p = (by_origin.get(q["origin"]) or {}).get("published")
        return p[:10] if p and len(p) >= 10 else None

    quotes.sort(key=lambda q: (day(q) is None, day(q) or "", q["origin"], q["quote_index"]))
    cl = Clusterer()
    for order, q in enumerate(quotes):
        cl.add(Member((q["origin"], q["quote_index"]), q["content"] or "", q["speaker_name"], None, day(q),
                      order), q["kind"])
    doc = {(q["origin"], q["quote_index"]): q["doc_id"] for q in quotes}
    rows = []
    for cid, members in cl.members.items():
        c = cl.clusters[cid]
        first = first_appearance(members)
        origins = {m.quote[0] for m in members}
        outlets = {o for o in (_outlet((by_origin.get(x) or {}).get("publisher"), (by_origin.get(x) or {}).get("url"))
                               for x in origins) if o}
        for m in members:
            rows.append(dict(origin=m.quote[0], doc_id=doc[m.quote], quote_index=m.quote[1], cluster_id=cid,
                             kind=m.kind, cluster_text=c.text, cluster_speaker=c.speaker_name,
                             cluster_quotes=len(members), cluster_articles=len(origins),
                             cluster_outlets=len(outlets), first_origin=first.quote[0],
                             first_quote_index=first.quote[1], first_published=first.date, is_first=m is first))
    rows.sort(key=lambda r: (r["cluster_id"], r["origin"], r["quote_index"]))
    return rows


def write_clusters(out: str | os.PathLike[str], fmt: str = "parquet") -> int:
    """Computes and writes ``OUT/clusters/`` (replacing an earlier one); returns the number of clusters."""
    out = Path(out)
    rows = cluster_rows(out)
    folder = out / "clusters"
    folder.mkdir(parents=True, exist_ok=True)
    name = "part-clusters." + ("parquet" if fmt == "parquet" else "jsonl")
    for old in folder.iterdir():
        if old.name.startswith("part-") and old.name != name:
            old.unlink()
    path = folder / name
    if fmt == "parquet":
        tbl = pa.Table.from_pylist(rows, schema=CLUSTERS)
        _fsync_write(path, lambda tmp: pq.write_table(tbl, tmp, compression="zstd"))
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        _fsync_write(path, lambda tmp: tmp.write_text(lines, encoding="utf-8"))
    fsync_dir(folder)
    return len({r["cluster_id"] for r in rows})
