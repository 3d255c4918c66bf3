"""Per-document results cached by content and code: a re-run recomputes only new or changed documents.

A document's key is its source_id (a hash of its bytes); the cache's version is a hash of
the code and lexicons that compute the results, so any change to them starts afresh.

Each stage keeps one append-only journal file of frames (key, pickled value, checksum),
so a warm run opens one file instead of one per document (10,000 opens cost seconds).
Appends are single writes to a file opened in append mode, so processes computing
different documents at once (the scale-out batches) do not interleave their frames. A
frame whose checksum does not match (a run killed mid-write) is skipped and its
document recomputed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import struct
import zlib
from functools import cache
from pathlib import Path
from typing import Any, Callable

from pipeline.memory import bulk_objects

PACKAGE = Path(__file__).resolve().parent
CODE_FOLDERS = ("text", "extract", "lexicons")
JOURNAL = "entries.journal"
_MAGIC = b"DCJ1"
_HEADER = struct.Struct(">4sHII")  # magic, key length, value length, crc32 of key and value


@cache
def code_version() -> str:
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.suffix in (".py", ".tsv"):
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def frame(key: str, value: Any) -> bytes:
    body = key.encode() + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(_MAGIC, len(key.encode()), len(body) - len(key.encode()), zlib.crc32(body)) + body


def read_frames(data: bytes) -> dict[str, memoryview]:
    """Key -> pickled value of every intact frame; a damaged stretch is skipped up to the next frame's mark."""
    found: dict[str, memoryview] = {}
    view, pos = memoryview(data), 0
    while pos + _HEADER.size <= len(data):
        magic, key_length, value_length, checksum = _HEADER.unpack_from(data, pos)
        end = pos + _HEADER.size + key_length + value_length
        if magic == _MAGIC and end <= len(data) and zlib.crc32(view[pos + _HEADER.size:end]) == checksum:
            key_end = pos + _HEADER.size + key_length
            found[bytes(view[pos + _HEADER.size:key_end]).decode()] = view[key_end:end]
            pos = end
        else:
            next_mark = data.find(_MAGIC, pos + 1)
            if next_mark < 0:
                break
            pos = next_mark
    return found


class DocumentCache:
    def __init__(self, folder: Path | None, stage: str):
        self.folder = None if folder is None else Path(folder) / code_version() / stage
        self.hits = 0
        self.misses = 0
        self._stored: dict[str, memoryview] | None = None

    def map(self, keys: list[str], compute: Callable[[list[int]], list[Any]]) -> list[Any]:
        """Values for all keys: cached ones read, the others computed together (by position) and stored."""
        with bulk_objects():
            values: list[Any] = [self._get(key) for key in keys]
        todo = [i for i, value in enumerate(values) if value is _MISSING]
        computed = compute(todo) if todo else []
        for i, value in zip(todo, computed):
            values[i] = value
        self._put_all([(keys[i], value) for i, value in zip(todo, computed)])
        self.hits, self.misses = self.hits + len(keys) - len(todo), self.misses + len(todo)
        return values

    def _get(self, key: str) -> Any:
        if self.folder is None:
            return _MISSING
        if self._stored is None:
            try:
                self._stored = read_frames((self.folder / JOURNAL).read_bytes())
            except OSError:
                self._stored = {}
        stored = self._stored.get(key)
        if stored is None:
            return _MISSING
        try:
            return pickle.loads(stored)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return _MISSING  # written by code that no longer exists

    def _put_all(self, items: list[tuple[str, Any]]) -> None:
        if self.folder is None or not items:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.folder / JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            for key, value in items:
                data = frame(key, value)
                written = os.write(handle, data)  # one write per frame: appends from several processes never interleave
                while written < len(data):  # a short write: the rest follows; the checksum guards a frame torn here
                    written += os.write(handle, data[written:])
        finally:
            os.close(handle)


_MISSING = object()
