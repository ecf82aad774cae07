"""Archive ids: the schema declares them ``INTEGER``, 32 bits on PostgreSQL (SQLite's hold 64).

A number beyond that range names nothing, so it must never reach a database driver (SQLite
raises OverflowError past 64 bits, PostgreSQL "integer out of range" past 32): a lookup by such
an id finds nothing, and a filter by one is a ``ConfigError`` that names the option (a 400 on
the web, one line on the command line). The same bound on both backends, so both answer alike.
"""
from __future__ import annotations

from quotewire.errors import ConfigError

MAX_ID = 2**31 - 1


def fits(value: int) -> bool:
    """Whether ``value`` can be an archive id at all (ids start at 1)."""
    return 0 < int(value) <= MAX_ID


def is_digits(value: str) -> bool:
    """Whether a filter value is an id (ASCII digits) rather than a name: ``"²".isdigit()`` is true too."""
    return value.isascii() and value.isdigit()


def filter_id(option: str, digits: str) -> int:
    """The id a filter value of digits names; a ConfigError for a number no id can be."""
    value = int(digits)
    if value > MAX_ID:
        raise ConfigError(f"--{option} {digits}", f"no {option} has that id (archive ids are at most {MAX_ID})")
    return value
