"""`quotewire serve` (the web UI and API over an archive) and `quotewire demo` (samples, then serve)."""
from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotewire.cli.app import app, err, fail, warn

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

DbOpt = Annotated[Optional[str], typer.Option(
    "--db", metavar="URL|PATH",
    help="Archive: a SQLite file path, sqlite:///path, or postgresql://... Default: ./quotewire.db.")]
HostOpt = Annotated[str, typer.Option(
    "--host", help="Address to listen on. The default serves this machine only; 0.0.0.0 opens it to the network.")]
PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]
WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", "-w", min=1, max=64, show_default=False,
    help="Processes that answer requests, each with its own archive connections. Default: the number of cores.")]
CacheOpt = Annotated[float, typer.Option(
    "--cache-mb", min=0, max=4096,
    help="Memory per worker for cached answers, dropped on any write to the archive; 0 turns the cache off.")]


def archive_url(db: str | None) -> str | None:
    """A --db value as the URL Archive.open takes: a bare path becomes a sqlite URL."""
    if db is None:
        return None
    db = db.strip()
    if not db:
        fail("--db: empty value (give a file path or a database URL)")
    if "://" in db:
        return db
    path = Path(db).expanduser()
    if path.is_dir():
        fail(f"--db {db}: is a directory (give a database file, e.g. {path / 'quotewire.db'})")
    if not path.parent.exists():
        fail(f"--db {db}: folder {path.parent} does not exist")
    return f"sqlite:///{path.resolve()}"


def _check_port(host: str, port: int) -> None:
    """Fail with one line before uvicorn starts when the address cannot be bound."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        fail(f"--host {host}: cannot resolve ({exc.strerror})")
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                fail(f"{host}:{port} is already in use (is another `quotewire serve` running? try --port {port + 1})")
            fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_server(url: str | None, host: str, port: int, workers: int | None = None,
               cache_mb: float | None = None) -> None:
    """Serve read-only: the archive must exist (one line and nothing created otherwise)."""
    from quotewire.errors import QuotewireError
    from quotewire.web import create_app
    from quotewire.web.server import default_workers, serve_here, serve_workers

    n = workers or default_workers()
    _check_port(host, port)
    try:
        if n == 1:
            web = create_app(url) if cache_mb is None else create_app(url, cache_mb=cache_mb)
            name = web.state.archive.name
        else:  # check the archive here, so a bad one fails before any worker starts
            from quotewire.store import Archive

            with Archive.open(url, create=False, readonly=True) as archive:
                archive.stats()
                name = archive.name
    except QuotewireError as exc:
        fail(exc.one_line())
    if not _is_loopback(host):
        warn(f"listening on {host}: anyone who can reach this machine can read the archive")
    shown = f"[{host}]" if ":" in host else host
    procs = "1 process" if n == 1 else f"{n} worker processes"
    err.print(f"quotewire: serving {name} at http://{shown}:{port}/ with {procs} (Ctrl-C to stop)",
              markup=False, highlight=False)
    if n == 1:
        serve_here(web, host, port)
        return
    status = serve_workers(url, host, port, n, on_error=lambda message: fail(message, code=1), cache_mb=cache_mb)
    if status:
        raise typer.Exit(status)


@app.command()
def serve(db: DbOpt = None, host: HostOpt = DEFAULT_HOST, port: PortOpt = DEFAULT_PORT,
          workers: WorkersOpt = None, cache_mb: CacheOpt = 32) -> None:
    """Serve the archive's web UI and JSON API (read-only; ingest with `quotewire ingest`)."""
    run_server(archive_url(db), host, port, workers, cache_mb)


def ingest_samples(url: str | None, folder: Path | None = None) -> tuple[int, int]:
    """Read every sample page into the archive; returns (stored, failed). One bad page never stops the rest.

    Uses the archive's own ingest (the same as `quotewire ingest`), so a rerun skips pages already stored.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from quotewire.errors import QuotewireError
    from quotewire.sources import iter_inputs
    from quotewire.store import Archive
    from quotewire.store.ingest import IngestStats, ingest

    folder = folder or SAMPLES
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    if not files:
        fail(f"{folder}: no sample pages shipped with this install")
    try:
        archive = Archive.open(url)
    except QuotewireError as exc:
        fail(exc.one_line())
    try:
        with Progress(TextColumn("reading sample pages"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("samples", total=len(files))

            def on_item(outcome: str, origin: str, stats: IngestStats) -> None:
                progress.update(task, completed=stats.done)

            try:
                stats = ingest(archive, iter_inputs([str(folder)]), batch_size=8, on_item=on_item)
            except QuotewireError as exc:
                fail(exc.one_line())
        for origin, reason, message in stats.failures:
            warn(f"skipped {origin}: {message} [{reason}]")
        counts = archive.stats()
        where = archive.name
    finally:
        archive.close()
    failed = f"; {stats.failed} failed" if stats.failed else ""
    err.print(f"quotewire: {stats.stored} sample pages in {where} ({counts.get('quotes', 0)} quotes, "
              f"{counts.get('speakers', 0)} speakers){failed}", markup=False, highlight=False)
    return stats.stored, stats.failed


@app.command()
def demo(db: DbOpt = None, host: HostOpt = DEFAULT_HOST, port: PortOpt = DEFAULT_PORT, workers: WorkersOpt = None,
         no_serve: Annotated[bool, typer.Option("--no-serve", help="Ingest the samples and exit.")] = False) -> None:
    """Ingest the sample pages shipped with quotewire into a local archive, then serve it."""
    url = archive_url(db)
    if not no_serve:
        _check_port(host, port)  # fail before the slow part
    stored, failed = ingest_samples(url)
    if not stored:
        fail("no sample page could be stored", code=1)
    if no_serve:
        if failed:
            raise typer.Exit(1)
        return
    run_server(url, host, port, workers)
