"""`quotewire ingest`, `search`, `export` and `db upgrade|status|failures`: the archive on the command line."""
from __future__ import annotations

import json
import sys
import time
from typing import Annotated, Optional

import typer

from quotewire.cli.app import app, err, fail, warn, write_out

DB_HELP = "Archive: a SQLite file (default ./quotewire.db) or postgresql://user@host/db. Env: QUOTEWIRE_DB."
DbOpt = Annotated[Optional[str], typer.Option("--db", envvar="QUOTEWIRE_DB", help=DB_HELP, show_default=False)]
SpeakerOpt = Annotated[Optional[str], typer.Option("--speaker", "-s", help="Speaker name (whole words) or id.")]
OutletOpt = Annotated[Optional[str], typer.Option("--outlet", "-o", help="Outlet name, domain or id.")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Published on or after (YYYY[-MM[-DD]]).")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Published on or before (YYYY[-MM[-DD]]).")]
KindOpt = Annotated[Optional[str], typer.Option("--kind", "-k", help="direct, mixed or indirect (comma list).")]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language code of the article, e.g. en.")]
ActOpt = Annotated[str, typer.Option("--act", help="What the cue reports: statement (said, told, wrote, according "
                                     "to ...), belief (thinks, expects, wants, plans ...), other; several with "
                                     "commas, or all.", metavar="ACTS")]
QUERY_HELP = ('Words to find (all must match); "exact phrase", prefix*, -exclude, a OR b. '
              "Leave out to list the newest quotes.")

db_app = typer.Typer(help="Manage the archive database (schema upgrades, status, failures).", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _open(db: str | None, *, create: bool = True):  # noqa: ANN202
    from quotewire.store import Archive

    return Archive.open(db, create=create)


def _open_to_read(db: str | None, *, any_revision: bool = False):  # noqa: ANN202
    """For commands that only read: the archive must exist (one line naming the path otherwise, and
    nothing is created), and its connections cannot write. Only ingest and db upgrade create one."""
    from quotewire.store import Archive

    return Archive.open(db, create=False, readonly=True, any_revision=any_revision)


def _filters(speaker: str | None, outlet: str | None, date_from: str | None, date_to: str | None,
             kind: str | None, lang: str | None, act: str = "statement") -> dict[str, str | None]:
    from quotewire.records import parse_acts

    try:
        parse_acts(act)
    except ValueError as exc:
        fail(f"--act {act}: {exc}")
    return dict(speaker=speaker, outlet=outlet, date_from=date_from, date_to=date_to, kind=kind, language=lang,
                act=act)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or http(s) URLs of pages.",
                                               metavar="PATH...")],
    db: DbOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Read inputs again even when already stored unchanged.")]
    = False,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Store articles without attributing quotes.")]
    = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar; the summary only.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Processes that read and "
                                                   "attribute pages (this one alone writes the archive). "
                                                   "Default: the number of cores.")] = None,
) -> None:
    """Read pages into the archive: idempotent, incremental, safe to interrupt and run again."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from quotewire.sources import iter_inputs
    from quotewire.sources.expand import expand_paths
    from quotewire.store.ingest import IngestStats, ingest as run_ingest

    archive = _open(db)
    total = 0
    for spec in paths:
        found = expand_paths(spec)
        total += 1 if found is None else max(1, len(found))
    started = time.monotonic()
    progress = Progress(TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]:>7.1f} articles/s"), TextColumn("{task.fields[errors]} errors"),
                        TimeElapsedColumn(), console=err, disable=quiet,
                        transient=False, refresh_per_second=4)
    task = progress.add_task("ingest", total=total, rate=0.0, errors=0)

    def on_item(outcome: str, origin: str, stats: IngestStats) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        progress.update(task, completed=stats.done, rate=stats.done / elapsed, errors=stats.failed)

    try:
        with progress:
            from quotewire.batch.ingest import ingest_parallel, parallelism  # --workers (batch engineer)

            n = parallelism(workers, paths)
            stats = (ingest_parallel(archive, iter_inputs(paths), workers=n, force=force, attribute=not no_quotes,
                                     on_item=on_item) if n > 1 else
                     run_ingest(archive, iter_inputs(paths), force=force, attribute=not no_quotes, on_item=on_item))
    finally:
        archive.close()
    elapsed = time.monotonic() - started
    rate = stats.done / elapsed if elapsed > 0 else 0.0
    warn(f"{stats.done} inputs in {elapsed:.1f}s ({rate:.1f}/s): {stats.inserted} new, {stats.updated} updated, "
         f"{stats.unchanged + stats.skipped} unchanged, {stats.failed} failed; {stats.quotes} quotes stored "
         f"in {archive.name}")
    if stats.failures:
        for origin, reason, message in stats.failures[:20]:
            warn(f"  failed {origin}: {message} [{reason}]")
        if stats.failed > 20:
            warn(f"  ... and {stats.failed - 20} more (quotewire db failures)")
        raise typer.Exit(1 if stats.stored else 2)


@app.command()
def search(
    query: Annotated[Optional[list[str]], typer.Argument(help=QUERY_HELP, metavar="QUERY...")] = None,
    speaker: SpeakerOpt = None, outlet: OutletOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
    kind: KindOpt = None, lang: LangOpt = None, act: ActOpt = "statement",
    page: Annotated[int, typer.Option("--page", "-p", min=1, help="Page of results.")] = 1,
    per_page: Annotated[int, typer.Option("--per-page", "-n", min=1, max=500, help="Results per page.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object (items, total, page) instead of a table.")]
    = False,
    db: DbOpt = None,
) -> None:
    """Search archived quotes: ranked full text with filters, a page at a time."""
    archive = _open_to_read(db)
    try:
        result = archive.search(" ".join(query or []) or None, page=page, per_page=per_page,
                                **_filters(speaker, outlet, date_from, date_to, kind, lang, act))
    finally:
        archive.close()
    if as_json:
        write_out(result.model_dump_json(indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    out = Console(highlight=False, soft_wrap=False)
    if not result.items:
        err.print("no quotes found" + (f" on page {page} (there are {result.total})" if result.total else ""),
                  markup=False)
        raise typer.Exit(1 if not result.total else 0)
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("quote", ratio=5)
    table.add_column("speaker", ratio=2)
    table.add_column("article / outlet / date", ratio=3)
    for hit in result.items:
        snippet = (hit.snippet or hit.content).replace("[", "\\[").replace("\\[\\[", "[bold yellow]")
        snippet = snippet.replace("]]", "[/bold yellow]")
        # quotation marks only around quoted words: direct in marks, mixed as written, indirect as reported
        if hit.kind == "direct":
            snippet = f"“{snippet}”"
        elif hit.kind == "indirect":
            snippet = f"[dim](reported)[/dim] {snippet}"
        if hit.speaker_kind == "unnamed":  # described, not named: never shown as a name
            who = (hit.speaker_mention or "-").replace("[", "\\[") + " [dim](unnamed source)[/dim]"
        else:
            who = (hit.speaker_name or "-").replace("[", "\\[")
        if hit.speaker_role:
            who += "\n[dim]" + hit.speaker_role.replace("[", "\\[") + "[/dim]"
        where = " ".join(x for x in (hit.outlet_name, hit.published and hit.published[:10]) if x) or "-"
        where = (hit.article_title or "Untitled article") + "\n" + where
        cue_note = (" · " + hit.cue.replace("[", "\\[")) if hit.cue else ""  # the reporting verb
        act_note = "" if hit.act == "statement" else f", {hit.act}"
        table.add_row(str(hit.quote_id), f"{snippet}\n[dim]{hit.kind}{act_note}{cue_note}[/dim]", who,
                      where.replace("[", "\\["))
    out.print(table)
    last = (result.total + result.per_page - 1) // result.per_page
    err.print(f"page {result.page} of {last}, {result.total} quotes", markup=False)


@app.command()
def show(
    quote_id: Annotated[str, typer.Argument(help="The quote's id (the # column of `quotewire search`).",
                                            metavar="QUOTE_ID", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object (the quote and its paragraph).")]
    = False,
    db: DbOpt = None,
) -> None:
    """One quote in its paragraph, with its speaker, cue, article, outlet, date and link."""
    from quotewire.cli.quote_view import paragraph_of, render_quote

    value = quote_id.strip()
    if not (value.isascii() and value.isdigit()) or int(value) == 0:
        fail(f"{quote_id}: not a quote id (a whole number from 1, as `quotewire search` shows)")
    archive = _open_to_read(db)
    try:
        hit = archive.quote(int(value))
        stored = archive.article(hit.article_id) if hit else None
    finally:
        archive.close()
    if hit is None or stored is None:
        fail(f"no quote with id {value} in {archive.name}", code=1)
    para, marked = paragraph_of(stored, hit.quote_id)
    if as_json:
        write_out(json.dumps({"quote": hit.model_dump(mode="json"), "paragraph": para,
                              "quote_in_paragraph": marked}, ensure_ascii=False, indent=2) + "\n")
        return
    write_out(render_quote(hit, para, marked))


@app.command()
def export(
    query: Annotated[Optional[list[str]], typer.Argument(help=QUERY_HELP, metavar="QUERY...")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or parquet (default: from --out's suffix).")]
    = "",
    out: Annotated[Optional[str], typer.Option("--out", help="File to write; - for standard output (csv, jsonl).")]
    = None,
    speaker: SpeakerOpt = None, outlet: OutletOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
    kind: KindOpt = None, lang: LangOpt = None, act: ActOpt = "statement", db: DbOpt = None,
) -> None:
    """Export every quote a search finds as CSV, JSON Lines or Parquet (statements unless --act says)."""
    from quotewire.store.export import FORMATS, write_export

    if out is None:
        fail("--out FILE is required (use - for standard output)")
    if not fmt:
        suffix = out.rsplit(".", 1)[-1].lower() if "." in out else ""
        fmt = {"csv": "csv", "jsonl": "jsonl", "ndjson": "jsonl", "parquet": "parquet", "pq": "parquet"}.get(suffix, "")
        if not fmt:
            fail(f"--out {out}: give --format ({', '.join(FORMATS)})")
    if fmt not in FORMATS:
        fail(f"--format {fmt}: choose {', '.join(FORMATS)}")
    if out == "-" and fmt == "parquet":
        fail("--format parquet needs a file for --out")
    archive = _open_to_read(db)
    try:
        hits = archive.iter_search(" ".join(query or []) or None,
                                   **_filters(speaker, outlet, date_from, date_to, kind, lang, act))
        n = write_export(hits, fmt, sys.stdout.buffer if out == "-" else out)
    finally:
        archive.close()
    warn(f"exported {n} quotes as {fmt}" + ("" if out == "-" else f" to {out}"))


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None,
               revision: Annotated[str, typer.Option("--revision", help="Target schema revision.")] = "head") -> None:
    """Create the archive's schema, or bring an existing archive up to date."""
    from quotewire.store.schema import describe, make_engine, upgrade

    engine = make_engine(db)
    try:
        before, after = upgrade(engine, revision)
    finally:
        engine.dispose()
    name = describe(str(engine.url))
    if before == after:
        warn(f"{name}: schema already at revision {after}")
    else:
        warn(f"{name}: schema upgraded from {before or 'empty'} to {after}")


@db_app.command("status")
def db_status(db: DbOpt = None,
              as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Schema revision and record counts of the archive."""
    from quotewire.store.schema import current_revision, head_revision

    archive = _open_to_read(db, any_revision=True)
    try:
        rev = current_revision(archive.engine)
        info = {"archive": archive.name, "revision": rev, "head": head_revision(), **archive.stats()}
    finally:
        archive.close()
    if as_json:
        write_out(json.dumps(info, indent=2) + "\n")
    else:
        write_out("".join(f"{k:>9}: {v}\n" for k, v in info.items()))


@db_app.command("failures")
def db_failures(db: DbOpt = None,
                limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many, newest first.")] = 50,
                as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False) -> None:
    """Inputs that could not be archived, with the reason, newest first."""
    archive = _open_to_read(db)
    try:
        failures = archive.failures(limit=limit)
    finally:
        archive.close()
    for f in failures:
        write_out((f.model_dump_json() if as_json else f"{f.at}  {f.reason:<14} {f.origin}: {f.message}") + "\n")
