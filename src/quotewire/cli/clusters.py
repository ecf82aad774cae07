"""`quotewire check` (did they really say that?) and `quotewire clusters rebuild|show`."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from quotewire.cli.app import app, fail, warn, write_out
from quotewire.cli.archive import DbOpt, _open, _open_to_read

clusters_app = typer.Typer(help="Quote clusters: the same quote across articles and outlets.", no_args_is_help=True)
app.add_typer(clusters_app, name="clusters")

_DIFF = {"same": "{t}", "added": "[+{t}]", "dropped": "[-{w}]", "changed": "[{w} -> {t}]", "cut": "[...]"}


def _diff_text(diff) -> str:  # noqa: ANN001
    return " ".join(_DIFF[d.op].format(t=d.text, w=d.was) for d in diff)


@app.command(epilog="Exit status: 0 verbatim or shortened, 1 altered, said by someone else, or not found.")
def check(
    quote: Annotated[str, typer.Argument(help="The words to check, as they were published.", metavar="TEXT")],
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Who is said to have said them.")]
    = None,
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The verdict and matches as one JSON object.")] = False,
) -> None:
    """Did they really say that? Verdict: verbatim, shortened, altered, said by someone else, or not found."""
    from quotewire.store.cluster_views import check as run_check

    if not quote.strip():
        fail("TEXT is empty: give the words to check")
    archive = _open_to_read(db)  # read-only: a mistyped --db creates nothing
    try:
        result = run_check(archive, quote, speaker)
    finally:
        archive.close()
    if as_json:
        write_out(result.model_dump_json(indent=2) + "\n")
    else:
        who = f" by {result.speaker}" if result.speaker else ""
        lines = [f"verdict: {result.label}{who}"]
        if result.verdict == "not_found":
            lines.append("no archived quote shares enough of these words; nothing is inferred")
        for m in result.matches:
            lines.append("")
            lines.append(f"cluster {m.cluster_id}: {m.speaker_name or 'unnamed source'}, in {m.articles} "
                         f"article(s), {m.outlets} outlet(s), first seen {m.first_seen or 'undated'}")
            lines.append(f"  archived: {m.text}")
            lines.append(f"  yours vs archived ({m.kind}): {_diff_text(m.diff)}")
            if m.closest is not None:
                c = m.closest
                lines.append(f"  closest: quote {c.quote_id} ({c.kind}) {c.outlet_name or '-'} {c.published or ''} "
                             f"/articles/{c.article_id}#q-{c.quote_id}")
        write_out("\n".join(lines) + "\n")
    if result.verdict not in ("verbatim", "shortened"):
        raise typer.Exit(1)


@clusters_app.command("rebuild")
def rebuild(db: DbOpt = None) -> None:
    """Cluster every archived quote again, in ingest order (after an upgrade from an older archive)."""
    from quotewire.store.clusters import rebuild as run_rebuild

    archive = _open(db, create=False)  # an existing archive only
    try:
        n, linked, secs = run_rebuild(archive)
    finally:
        archive.close()
    warn(f"{linked} quotes in {n} clusters ({secs:.1f} s)")


@clusters_app.command("show")
def show(
    quote_id: Annotated[int, typer.Argument(help="An archived quote's id (as search shows it).")],
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The cluster as JSON.")] = False,
) -> None:
    """A quote's cluster: where else it ran, when, and how it changed."""
    from quotewire.store.cluster_views import cluster_of_quote

    archive = _open_to_read(db)
    try:
        view = cluster_of_quote(archive, quote_id)
    finally:
        archive.close()
    if view is None:
        fail(f"quote {quote_id}: not in any cluster (no such quote, or not a direct quote of four words or more)", 1)
    if as_json:
        write_out(view.model_dump_json(indent=2) + "\n")
        return
    lines = [f"cluster {view.cluster_id}: {view.speaker_name or 'unnamed source'}, {view.quotes} quote(s) in "
             f"{view.articles} article(s), {view.outlets} outlet(s), first seen {view.first_seen or 'undated'}",
             f"  {view.text}"]
    for v in view.variants:
        mark = "first " if v.first else ""
        lines.append(f"  {mark}{v.published or 'undated'} {v.outlet_name or '-'} quote {v.quote_id} {v.kind}: "
                     f"{_diff_text(v.diff)}")
    write_out("\n".join(lines) + "\n")
