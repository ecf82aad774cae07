"""`quotewire extract`: pages to article records on stdout.

Errors go to stderr, one line each (``quotewire: error: INPUT: reason``); one bad input
never stops the others, and a run with several inputs ends with a one-line summary.
Exit status: 0 all read, 1 some failed, 2 none read (or bad options).
"""
from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Optional

import typer

from quotewire.cli.app import app, err, fail, write_out


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    md = "md"


class Form(str, Enum):
    auto = "auto"
    html = "html"
    text = "text"
    body = "body"


def _error(line: str) -> None:
    err.print(f"quotewire: error: {' '.join(line.split())}", markup=False)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Page files (.html, .html.gz, .txt), http(s) URLs, "
                                                "or - for standard input.", metavar="FILE|URL|-")],
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="json (one record), jsonl (one "
                                                  "record a line) or md (readable Markdown). Default: "
                                                  "json for one input, jsonl for several.")] = None,
    as_body: Annotated[bool, typer.Option("--as-body", help="The input is a clean article body: text is "
                                          "the input unchanged, so offsets index it. Same as --form body.")] = False,
    form: Annotated[Form, typer.Option("--form", help="Input form; auto detects html, a browser text "
                                       "dump (text) or a clean body.", case_sensitive=False)] = Form.auto,
    doc_id: Annotated[Optional[str], typer.Option("--id", help="doc_id of the record (one input only; "
                                                  "default: the file name without extensions).")] = None,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Skip quote attribution: structure and "
                                            "metadata only (much faster).")] = False,
    act: Annotated[str, typer.Option("--act", help="Which quotes to write, by what the cue reports: "
                                     "statement (said, told, wrote, according to ...), belief (thinks, "
                                     "expects, wants, plans ...), other, or all; several with commas.",
                                     metavar="ACTS")] = "statement",
    join_runs: Annotated[bool, typer.Option("--join-runs", help="One quote per run of speech (\"A,\" she "
                                            "said. \"B.\" as one quote in parts), as PolNeAR annotates; "
                                            "default: one quote per pair of quotation marks.")] = False,
) -> None:
    """Read news pages into article records with their quotes and speakers.

    Examples:

      quotewire extract page.html

      quotewire extract a.html b.html.gz dump.txt > articles.jsonl

      curl -s URL | quotewire extract - --format md

      quotewire extract --as-body body.txt --id story-42
    """
    from quotewire.errors import QuotewireError
    from quotewire.pipeline import process_many
    from quotewire.records import RawDocument
    from quotewire.sources import open_input

    from quotewire.records import parse_acts

    try:
        acts = parse_acts(act)
    except ValueError as exc:
        fail(f"--act: {exc}")
    chosen = form.value
    if as_body:
        if chosen not in ("auto", "body"):
            fail(f"--as-body contradicts --form {chosen}")
        chosen = "body"
    if doc_id is not None and len(inputs) > 1:
        fail("--id names one record: give one input")
    if doc_id is not None and not doc_id.strip():
        fail("--id: empty id")
    if inputs.count("-") > 1:
        fail("-: standard input can be read only once")
    fmt = fmt or (Format.json if len(inputs) == 1 else Format.jsonl)
    if fmt == Format.json and len(inputs) > 1:
        fmt = Format.jsonl  # several records: one a line, so the output stays parseable

    failures: list[str] = []

    def raws() -> Iterator[RawDocument]:
        for spec in inputs:
            try:
                yield open_input(spec, form=chosen, doc_id=doc_id)
            except QuotewireError as exc:
                failures.append(f"{exc.origin or spec} ({exc.reason})")
                _error(exc.one_line() if exc.origin else f"{spec}: {exc.message}")

    progress = None
    task = None
    if len(inputs) > 1 and err.is_terminal:
        from rich.progress import Progress

        progress = Progress(console=err, transient=True)
        progress.start()
        task = progress.add_task("reading", total=len(inputs))
    written = 0
    try:
        for result in process_many(raws(), batch_size=8, attribute=not no_quotes):
            if progress is not None and task is not None:
                progress.advance(task)
            if result.article is None:
                assert result.skipped is not None
                failures.append(f"{result.skipped.origin} ({result.skipped.reason})")
                _error(f"{result.skipped.origin}: {result.skipped.message}")
                continue
            written += 1
            article = result.article.with_acts(acts)
            if join_runs:
                article = article.joined()
            if fmt == Format.json:
                write_out(article.to_json(indent=2) + "\n")
            elif fmt == Format.jsonl:
                write_out(article.to_json() + "\n")
            else:
                from quotewire.cli.markdown import article_markdown

                write_out(article_markdown(article) + ("\n\n---\n\n" if len(inputs) > 1 else "\n"))
    finally:
        if progress is not None:
            progress.stop()
    if failures:
        if len(inputs) > 1:
            err.print(f"quotewire: {written} of {len(inputs)} inputs read; failed: {', '.join(failures)}",
                      markup=False)
        raise typer.Exit(1 if written else 2)
