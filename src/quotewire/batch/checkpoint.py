"""Resumable output: a killed run restarts where it stopped, with no duplicates and nothing lost.

Layout of an output folder::

    OUT/articles/part-AAAA-NNNNNN.parquet   one file per committed part, per table
    OUT/quotes/...  OUT/speakers/...
    OUT/failures.jsonl                       one line per input that gave no article
    OUT/_quotewire/run.json                  format and attempt counter
    OUT/_quotewire/done.log                  append-only: one JSON line per committed part

A part is committed in this order: its part files are written to hidden temporary names,
fsynced and renamed into place; then one line naming the part and the input keys it covers
(including the failed ones) is appended to ``done.log`` and fsynced. Only that line makes the
part count. On start, part files that no line names (a kill between the two steps) are
deleted, a torn last line is cut off, and ``failures.jsonl`` is rebuilt from the log, so the
folder always holds exactly the committed parts. The key of an input is its ``origin`` (path,
URL or archive position), which sources make stable across runs.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import IO, Any

from quotewire.batch.dataset import DATASET_VERSION, TABLES, fsync_dir, part_files, part_id_of
from quotewire.errors import ConfigError

STATE_DIR = "_quotewire"
FAILURES = "failures.jsonl"


def _atomic_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


class Checkpoint:
    """The done-log of one output folder; ``open()`` before use, ``close()`` after."""

    def __init__(self, out: str | os.PathLike[str], fmt: str, *, restart: bool = False) -> None:
        self.out = Path(out)
        self.fmt = fmt
        self.restart = restart
        self.state = self.out / STATE_DIR
        self.done: set[str] = set()
        self.failures: list[dict[str, Any]] = []
        self.committed_parts: set[str] = set()
        self.committed_articles = 0
        self.attempt = 0
        self.removed_orphans = 0
        self._seq = 0
        self._log: IO[str] | None = None
        self._failures_fh: IO[str] | None = None
        self._lock_fd: int | None = None

    # --- opening

    def open(self) -> "Checkpoint":
        self._check_folder()
        self.state.mkdir(parents=True, exist_ok=True)
        self._lock()
        try:
            self._open_locked()
        except BaseException:
            self.close()
            raise
        return self

    def _open_locked(self) -> None:
        if self.restart:
            self._wipe()
        meta_path = self.state / "run.json"
        meta: dict[str, Any] = {}
        if meta_path.exists():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise ConfigError(str(meta_path), "unreadable run state; rerun with --restart to start over") from None
            if meta.get("format") != self.fmt:
                raise ConfigError(str(self.out), f"holds a {meta.get('format')} run; use --format "
                                  f"{meta.get('format')} to resume it, or --restart to start over")
            version = int(meta.get("dataset_version", 1))
            if version != DATASET_VERSION:  # its part files have other columns than this run would write
                raise ConfigError(str(self.out), f"holds a version {version} dataset, and this quotewire writes "
                                  f"version {DATASET_VERSION} (docs/scale.md); rerun with --restart to start over")
        self._read_log()
        self._remove_orphans()
        self._rebuild_failures()
        self.attempt = int(meta.get("attempts", 0)) + 1
        meta.update({"format": self.fmt, "dataset_version": DATASET_VERSION, "attempts": self.attempt,
                     "updated": time.strftime("%Y-%m-%dT%H:%M:%S")})
        meta.setdefault("created", meta["updated"])
        _atomic_json(meta_path, meta)
        self._log = open(self.state / "done.log", "a", encoding="utf-8")
        self._failures_fh = open(self.out / FAILURES, "a", encoding="utf-8")

    def _check_folder(self) -> None:
        if self.out.exists() and not self.out.is_dir():
            raise ConfigError(str(self.out), "--out must be a folder, and this is a file")
        if self.out.is_dir() and any(self.out.iterdir()) and not (self.out / STATE_DIR).is_dir():
            raise ConfigError(str(self.out), "is not empty and is not a quotewire run folder; choose another --out")

    def _wipe(self) -> None:
        """--restart: remove what earlier runs wrote here (only our own files)."""
        for name in TABLES:
            shutil.rmtree(self.out / name, ignore_errors=True)
        (self.out / FAILURES).unlink(missing_ok=True)
        for path in self.state.iterdir():
            if path.name != "lock":  # held by us
                shutil.rmtree(path) if path.is_dir() else path.unlink()

    def _lock(self) -> None:
        import fcntl

        self._lock_fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise ConfigError(str(self.out), "another quotewire run is writing this folder") from None

    def _read_log(self) -> None:
        path = self.state / "done.log"
        if not path.exists():
            return
        data = path.read_bytes()
        good = 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                break  # torn by a kill mid-write: that part never committed
            try:
                entry = json.loads(line)
            except ValueError:
                break
            good += len(line)
            self.committed_parts.add(entry["part"])
            self.done.update(entry["keys"])
            self.failures.extend(entry.get("failures", []))
            self.committed_articles += int(entry.get("articles", 0))
        if good < len(data):
            with open(path, "r+b") as fh:
                fh.truncate(good)
                os.fsync(fh.fileno())

    def _remove_orphans(self) -> None:
        for table in TABLES:
            folder = self.out / table
            if not folder.is_dir():
                continue
            for tmp in folder.glob(".part-*.tmp"):
                tmp.unlink(missing_ok=True)
            for path in part_files(self.out, table):
                if part_id_of(path) not in self.committed_parts:
                    path.unlink()
                    self.removed_orphans += 1
            fsync_dir(folder)

    def _rebuild_failures(self) -> None:
        tmp = self.out / f".{FAILURES}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            for f in self.failures:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.out / FAILURES)

    # --- running

    def is_done(self, key: str) -> bool:
        return key in self.done

    def next_part_id(self) -> str:
        part = f"{self.attempt:04d}-{self._seq:06d}"
        self._seq += 1
        return part

    def commit(self, part: str, keys: list[str], failures: list[dict[str, Any]], articles: int) -> None:
        """Make a part count: called after its part files are durably in place."""
        assert self._log is not None and self._failures_fh is not None, "open() first"
        entry = {"part": part, "keys": keys, "failures": failures, "articles": articles}
        self._log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._log.flush()
        os.fsync(self._log.fileno())
        self.committed_parts.add(part)
        self.done.update(keys)
        self.committed_articles += articles
        self.failures.extend(failures)
        for f in failures:  # a derived view of the log: rebuilt on every start
            self._failures_fh.write(json.dumps(f, ensure_ascii=False) + "\n")
        self._failures_fh.flush()

    def close(self) -> None:
        for fh in (self._log, self._failures_fh):
            if fh is not None:
                fh.close()
        self._log = self._failures_fh = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> "Checkpoint":
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()
