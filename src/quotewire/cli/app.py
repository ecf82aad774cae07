"""The Typer application object and the helpers every command shares."""
from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console

app = typer.Typer(
    name="quotewire",
    help="Read news pages and answer who said what: extract articles, attribute quotes, archive and search them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one error, one line, at any width


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr and a non-zero exit: the only way a command reports a fatal error."""
    err.print(f"quotewire: error: {' '.join(str(message).split())}", markup=False)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err.print(f"quotewire: {' '.join(str(message).split())}", markup=False)


def write_out(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `quotewire extract ... | head`
        raise typer.Exit(0) from None


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Read news pages and answer who said what."""
    if version:
        from quotewire import __version__

        typer.echo(f"quotewire {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
