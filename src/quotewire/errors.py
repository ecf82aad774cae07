"""The one exception tree. Every error has a machine-readable ``reason`` and names its input.

QuotewireError
├── InputError            reason: bad_input       (the input itself is unusable)
│   ├── MissingInput      not_found
│   ├── NotAFile          is_directory
│   ├── EmptyInput        empty
│   ├── BinaryInput       binary
│   ├── UndecodableInput  undecodable
│   ├── TooLarge          too_large
│   ├── TruncatedInput    truncated
│   └── UnsupportedInput  unsupported
├── FetchError            fetch_failed    (network sources)
│   ├── FetchTimeout      timeout
│   ├── HTTPStatusError   http_status
│   └── RobotsDisallowed  robots_disallowed
├── ArchiveError          archive_corrupt (WARC/ARC records)
├── ModelError            model_missing   (spaCy pipeline)
├── StoreError            store_failed    (database)
│   └── NoArchive         no_archive      (a read-only command on a path/URL with no archive)
└── ConfigError           bad_config      (options, URLs)
"""
from __future__ import annotations


class QuotewireError(Exception):
    reason: str = "error"

    def __init__(self, origin: str, message: str, *, reason: str | None = None) -> None:
        self.origin = origin
        self.message = message
        if reason:
            self.reason = reason
        super().__init__(f"{origin}: {message}" if origin else message)

    def one_line(self) -> str:
        """The form the CLI prints: never more than one line."""
        return " ".join(str(self).split())


class InputError(QuotewireError):
    reason = "bad_input"


class MissingInput(InputError):
    reason = "not_found"


class NotAFile(InputError):
    reason = "is_directory"


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class UndecodableInput(InputError):
    reason = "undecodable"


class TooLarge(InputError):
    reason = "too_large"


class TruncatedInput(InputError):
    reason = "truncated"


class UnsupportedInput(InputError):
    reason = "unsupported"


class FetchError(QuotewireError):
    reason = "fetch_failed"


class FetchTimeout(FetchError):
    reason = "timeout"


class HTTPStatusError(FetchError):
    reason = "http_status"


class RobotsDisallowed(FetchError):
    reason = "robots_disallowed"


class ArchiveError(QuotewireError):
    reason = "archive_corrupt"


class ModelError(QuotewireError):
    reason = "model_missing"


class StoreError(QuotewireError):
    reason = "store_failed"


class NoArchive(StoreError):
    """Nothing to read at ``origin`` (a missing file, or a database without the quotewire schema)."""

    reason = "no_archive"

    def __init__(self, origin: str) -> None:
        super().__init__(origin, "no archive here; `quotewire ingest` creates one")

    def __str__(self) -> str:
        return f"no archive at {self.origin}; `quotewire ingest` creates one"


class ConfigError(QuotewireError):
    reason = "bad_config"


REASONS: dict[str, type[QuotewireError]] = {
    cls.reason: cls
    for cls in (InputError, MissingInput, NotAFile, EmptyInput, BinaryInput, UndecodableInput, TooLarge,
                TruncatedInput, UnsupportedInput, FetchError, FetchTimeout, HTTPStatusError, RobotsDisallowed,
                ArchiveError, ModelError, StoreError, ConfigError)
}
