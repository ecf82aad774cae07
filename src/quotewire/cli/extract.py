"""`quotewire extract`: pages to article records on stdout."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from quotewire.cli.app import app, fail, warn, write_out


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    md = "md"


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, http(s) URLs, or - for standard input.",
                                                metavar="FILE|URL|-")],
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="json (one input), jsonl, or md. "
                                                  "Default: json for one input, jsonl for several.")] = None,
    as_body: Annotated[bool, typer.Option("--as-body", help="Take the input as a clean article body: "
                                          "text is the input unchanged.")] = False,
    form: Annotated[Optional[str], typer.Option("--form", help="Force the input form: html, text or body.")] = None,
    doc_id: Annotated[Optional[str], typer.Option("--id", help="doc_id of the record (one input only).")] = None,
    no_quotes: Annotated[bool, typer.Option("--no-quotes", help="Skip attribution (faster).")] = False,
) -> None:
    """Read news pages into article records with their quotes and speakers."""
    from quotewire.errors import QuotewireError
    from quotewire.pipeline import process_many
    from quotewire.records import RawDocument
    from quotewire.sources import open_input

    if as_body:
        form = "body"
    if form not in (None, "auto", "html", "text", "body"):
        fail(f"--form {form}: choose html, text or body")
    if doc_id and len(inputs) > 1:
        fail("--id names one record: give one input")
    fmt = fmt or (Format.json if len(inputs) == 1 else Format.jsonl)
    if fmt == Format.json and len(inputs) > 1:
        fmt = Format.jsonl

    failures: list[str] = []
    raws: list[RawDocument] = []
    for spec in inputs:
        try:
            raws.append(open_input(spec, form=form or "auto", doc_id=doc_id))
        except QuotewireError as exc:
            failures.append(exc.one_line())
            warn(f"skipped {exc.one_line()}")
    written = 0
    for result in process_many(raws, attribute=not no_quotes):
        if result.article is None:
            assert result.skipped is not None
            line = f"{result.skipped.origin}: {result.skipped.message} [{result.skipped.reason}]"
            failures.append(line)
            warn(f"skipped {line}")
            continue
        written += 1
        if fmt == Format.json:
            write_out(result.article.to_json(indent=2) + "\n")
        elif fmt == Format.jsonl:
            write_out(result.article.to_json() + "\n")
        else:
            from quotewire.cli.markdown import article_markdown

            write_out(article_markdown(result.article) + "\n")
    if failures:
        if len(inputs) > 1:
            warn(f"{written} of {len(inputs)} inputs read; {len(failures)} failed:")
            for line in failures:
                warn(f"  {line}")
        raise typer.Exit(1 if written else 2)
