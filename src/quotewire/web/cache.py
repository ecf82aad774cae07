"""A bounded response cache in front of the app, keyed on the request and the archive's data version.

The archive changes only when something writes to it (`quotewire ingest`, `db upgrade`...), and
the server never writes, so the same search against the same data has the same answer: working
it out again for every reader is per-request work that can be done once. ``ResponseCache``
keeps the bytes of each answer (status, headers, body) under

    (path, query parameters sorted by name, archive data version)

and replays them, before any of the framework runs. The version (``store.version``: SQLite's
``PRAGMA data_version``, PostgreSQL's snapshot) is read for every request, before the answer is
computed, so any committed write, from any process, makes every older entry unreachable at
once; they then age out. Memory is bounded: entries are evicted least recently used first once
their bytes pass ``max_bytes``, and an answer larger than ``max_entry`` is never kept.

Only what depends on nothing but the path, the query and the data is cached: GET answers with
status 200 of the JSON API (not the export download) and the search pages (``/``, ``/search``);
templates read no header, so no header can change them. A response says
``x-quotewire-cache: hit`` or ``miss``. ``quotewire serve --cache-mb 0`` turns it off.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl

from quotewire.store.version import DataVersion

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MB = 32  # per worker process
MAX_ENTRY = 512 * 1024  # bytes: one answer larger than this is served, not kept
MAX_QUERY = 2048  # bytes of query string: longer requests are not cached
PAGES = frozenset({"/", "/search"})
NOT_CACHED = ("/api/export",)  # a file download, dated by the day
HEADER = b"x-quotewire-cache"
OVERHEAD = 200  # bytes counted per entry besides its body and headers (key, tuple, list)


def cacheable_path(path: str) -> bool:
    return (path.startswith("/api/") and not path.startswith(NOT_CACHED)) or path in PAGES


def request_key(scope: Scope) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(path, sorted query parameters), or None for a request that is not cached.

    Parameters are decoded (``%20`` and ``+`` are the same space) and sorted by name; the order of
    a repeated name is kept. A query that is not valid UTF-8 or is very long is not cached."""
    if scope.get("method") != "GET" or not cacheable_path(scope.get("path", "")):
        return None
    raw: bytes = scope.get("query_string", b"")
    if len(raw) > MAX_QUERY:
        return None
    try:
        pairs = parse_qsl(raw.decode("ascii"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return scope["path"], tuple(sorted(pairs, key=lambda kv: kv[0]))


class ResponseCache:
    """LRU of answers; ``max_bytes`` bounds the bodies and headers it holds."""

    def __init__(self, version: DataVersion, max_bytes: int = DEFAULT_MB * 1024 * 1024,
                 max_entry: int = MAX_ENTRY) -> None:
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry = min(max_entry, max_bytes)
        self.entries: OrderedDict[Any, tuple[str, int, list[tuple[bytes, bytes]], bytes, int]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: Any, version: str) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry[0] != version:  # written to since: never served again
            self._remove(key)
            return None
        self.entries.move_to_end(key)
        return entry[1], entry[2], entry[3]

    def put(self, key: Any, version: str, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        cost = len(body) + sum(len(k) + len(v) for k, v in headers) + OVERHEAD
        if cost > self.max_entry:
            return
        if key in self.entries:
            self._remove(key)
        self.entries[key] = (version, status, headers, body, cost)
        self.size += cost
        while self.size > self.max_bytes and self.entries:
            self._remove(next(iter(self.entries)))

    def _remove(self, key: Any) -> None:
        entry = self.entries.pop(key)
        self.size -= entry[4]

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0

    async def serve(self, scope: Scope, receive: Receive, send: Send, app: ASGIApp) -> None:
        """Answers from the cache, or runs ``app`` and keeps its answer."""
        key = request_key(scope)
        version = self.version.current() if key is not None else None
        if key is None or version is None:
            await app(scope, receive, send)
            return
        found = self.get(key, version)
        if found is not None:
            self.hits += 1
            status, headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": [*headers, (HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message.get("status") == 200
                message = {**message, "headers": [*message.get("headers", []), (HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > self.max_entry:
                    keep = False
                    chunks.clear()
            await send(message)

        await app(scope, receive, capture)
        if keep and start is not None:
            self.put(key, version, int(start["status"]), list(start.get("headers", [])), b"".join(chunks))
