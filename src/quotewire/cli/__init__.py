"""Command line: `quotewire --help`. Each command group lives in its own module."""
from __future__ import annotations

import os
import sys

from quotewire.cli.app import app, err

# Command modules register themselves on `app` when imported.
from quotewire.cli import extract  # noqa: E402,F401

for _optional in ("archive", "serve", "run", "clusters"):
    try:
        __import__(f"quotewire.cli.{_optional}")
    except ModuleNotFoundError as _exc:  # a module not written yet
        if _exc.name != f"quotewire.cli.{_optional}":
            raise


def main() -> None:
    """Entry point: known errors are one line; an unexpected one too, unless QUOTEWIRE_DEBUG=1."""
    from quotewire.errors import QuotewireError

    try:
        app()
    except QuotewireError as exc:
        err.print(f"quotewire: error: {exc.one_line()}", markup=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("quotewire: interrupted", markup=False)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if os.environ.get("QUOTEWIRE_DEBUG"):
            raise
        err.print(f"quotewire: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
                  "(set QUOTEWIRE_DEBUG=1 for the traceback)", markup=False)
        sys.exit(70)
