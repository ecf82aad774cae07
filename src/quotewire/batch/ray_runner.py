"""The Ray runner: the same outcomes as the local runner, computed by a Ray Data actor pool.

Plan: the driver expands folders and globs into input files (one row each); read tasks
expand each file into pages (``sources.iter_inputs``: one file can be a WARC of thousands of
records) as Arrow blocks; an actor pool, in which every actor loads the pipeline once in
``__init__``, runs ``pipeline.process_many`` over batches; the driver streams the results back
and writes them through the same ``DatasetWriter`` as the local runner (same rows, same
checkpoint, same failures file). Ray is optional: ``pip install 'quotewire[ray]'``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from quotewire.batch.local import THREAD_VARS, RunStats
from quotewire.batch.outcome import Outcome
from quotewire.errors import ConfigError

INSTALL_HINT = "pip install 'quotewire[ray]'"
READ_BLOCK = 64  # pages per Arrow block out of a read task

_RAW_FIELDS = ("origin", "doc_id", "url", "form", "content_type", "date", "encoding", "reason", "message")


def require_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError("--engine ray", f"needs Ray, which is not installed: {INSTALL_HINT}") from None
    return ray


def join_cluster(ray: Any, address: str, kwargs: dict[str, Any]) -> None:
    """``ray.init(address=...)``, with each way it fails as one line naming ``--address``."""
    import warnings

    try:
        with warnings.catch_warnings():  # Ray Client warns about ports on stderr before it raises
            warnings.simplefilter("ignore")
            ray.init(address=address, **kwargs)
    except Exception as exc:  # noqa: BLE001 - whatever Ray raises, the user gets one line
        raise ConfigError(f"--address {address}", _join_failure(address, exc)) from None


def _join_failure(address: str, exc: Exception) -> str:
    said = " ".join(str(exc).split())
    if "ray[client]" in said:  # grpcio missing: the ray:// form needs Ray Client
        return f"the ray:// form needs Ray Client, which is not installed: {INSTALL_HINT}"
    if isinstance(exc, ConnectionError) and address.startswith("ray://"):
        return ("no Ray Client server answered there: is the cluster's head node up, and its Ray Client "
                "port (10001 unless `ray start --ray-client-server-port` says otherwise) reachable from here?")
    if isinstance(exc, ConnectionError) and address == "auto":
        return ("no running Ray cluster found on this machine: start one with `ray start --head` "
                "(or join one with --address ray://HEAD:10001), or leave out --address to start a local Ray")
    if isinstance(exc, ConnectionError):
        return f"no Ray cluster answered there ({said[:200]})"
    return f"cannot join the Ray cluster: {type(exc).__name__}: {said[:300]}"


def _raw_schema() -> Any:
    import pyarrow as pa

    return pa.schema([("data", pa.binary())] + [(f, pa.string()) for f in _RAW_FIELDS])


def _out_schema() -> Any:
    import pyarrow as pa

    return pa.schema([("origin", pa.string()), ("article_json", pa.large_string()), ("reason", pa.string()),
                      ("message", pa.string()), ("seconds", pa.float64())])


def expand_specs(specs: Iterable[str]) -> list[str]:
    """Folders and globs to files on the driver, so Ray can spread the files over the cluster."""
    from quotewire.sources.expand import expand_paths

    files: list[str] = []
    for spec in specs:
        if spec == "-":
            raise ConfigError("-", "standard input cannot be read by a Ray cluster; give files or URLs")
        paths = expand_paths(spec)
        files.extend([spec] if not paths else [str(p) for p in paths])
    return files


class _ReadSpecs:
    """Read task: input files to Arrow blocks of pages (bytes plus what the source knows)."""

    def __init__(self, form: str, done: frozenset[str]) -> None:
        self.form = form
        self.done = done

    def __call__(self, batch: Any) -> Iterator[Any]:
        import pyarrow as pa

        from quotewire.records import Skipped
        from quotewire.sources import iter_inputs

        schema = _raw_schema()
        rows: list[dict[str, Any]] = []
        for spec in batch.column("spec").to_pylist():
            try:
                for item in iter_inputs([spec], form=self.form):
                    if item.origin in self.done:
                        continue
                    if isinstance(item, Skipped):
                        rows.append({"data": b"", "origin": item.origin, "reason": item.reason,
                                     "message": item.message})
                    else:
                        rows.append({"data": item.data, **{f: getattr(item, f) for f in _RAW_FIELDS[:-2]}})
                    if len(rows) >= READ_BLOCK:
                        yield pa.Table.from_pylist(rows, schema=schema)
                        rows = []
            except Exception as exc:  # noqa: BLE001 - one unreadable file must not fail the cluster job
                if spec not in self.done:
                    rows.append({"data": b"", "origin": spec, "reason": "internal_error",
                                 "message": f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:500]})
        if rows:
            yield pa.Table.from_pylist(rows, schema=schema)


class _Process:
    """Actor: loads the pipeline once, then runs ``process_many`` over each batch of pages."""

    def __init__(self, attribute: bool) -> None:
        from quotewire.batch.local import init_worker_in_actor

        self.attribute = attribute
        init_worker_in_actor(attribute)

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        from quotewire.batch.local import process_chunk
        from quotewire.records import RawDocument

        rows = batch.to_pylist()
        out: list[dict[str, Any]] = []
        todo = []
        for r in rows:
            if r["reason"]:
                out.append({"origin": r["origin"], "article_json": None, "reason": r["reason"],
                            "message": r["message"], "seconds": 0.0})
            else:
                todo.append(RawDocument(data=r["data"], **{f: r[f] for f in _RAW_FIELDS[:-2] if r[f] is not None}))
        for o in process_chunk(todo, self.attribute) if todo else []:
            out.append({"origin": o.origin, "reason": o.reason, "message": o.message, "seconds": o.seconds,
                        "article_json": json.dumps(o.article, ensure_ascii=False) if o.article is not None else None})
        return pa.Table.from_pylist(out, schema=_out_schema())


def iter_outcomes_ray(specs: Iterable[str], *, workers: int | None, chunk_size: int = 16, attribute: bool = True,
                      form: str = "auto", done: Iterable[str] = (), stats: RunStats | None = None,
                      address: str | None = None) -> Iterator[list[Outcome]]:
    """Outcomes in chunks as the actor pool finishes them. Starts a local Ray with ``workers``
    CPUs (or joins ``address``) unless Ray is already initialised, and shuts down what it started.
    ``workers=None``: one actor per CPU of the cluster, less one for the driver and the reads."""
    ray = require_ray()
    stats = stats if stats is not None else RunStats()
    files = expand_specs(specs)
    done_set = frozenset(done)
    stats.resumed = len(done_set)  # filtered on the workers; an earlier run's keys
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"log_to_driver": False, "include_dashboard": False,
                                  "configure_logging": False}
        if address:
            join_cluster(ray, address, kwargs)
        else:
            ray.init(num_cpus=workers, **kwargs)
        started = True
    try:
        if workers is None:
            workers = max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
        stats.workers = workers
        import logging

        logging.getLogger("ray.data").setLevel(logging.ERROR)  # our progress and summary say it
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # ours is on stderr already
        ctx.print_on_execution_start = False
        if not files:
            return
        # a few files per read task (a WARC is thousands of pages; a folder of HTML, one page each);
        # reads take no CPU slot, so they never starve the actors, and run at most `workers` at a time
        ds = ray.data.from_items([{"spec": f} for f in files], override_num_blocks=min(len(files), 4 * workers))
        ds = ds.map_batches(_ReadSpecs(form, done_set), batch_size=None, batch_format="pyarrow", num_cpus=0,
                            compute=ray.data.TaskPoolStrategy(size=max(1, workers)))
        ds = ds.map_batches(_Process, fn_constructor_args=(attribute,), batch_size=max(1, chunk_size),
                            batch_format="pyarrow", num_cpus=1,
                            compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
                            runtime_env={"env_vars": {v: "1" for v in THREAD_VARS}})
        seen: set[str] = set()
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            out = []
            for r in batch.to_pylist():
                if r["origin"] in seen:  # the same input given twice: read once, as locally
                    stats.duplicates += 1
                    continue
                seen.add(r["origin"])
                art = json.loads(r["article_json"]) if r["article_json"] is not None else None
                out.append(Outcome(r["origin"], art, r["reason"], r["message"], r["seconds"] or 0.0))
            stats.count(out)
            yield out
    finally:
        if started:
            ray.shutdown()


def ray_available() -> bool:
    try:
        require_ray()
    except ConfigError:
        return False
    return True

