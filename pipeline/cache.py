"""Per-document results cached by content and code: a re-run recomputes only new or changed documents.

A document's key is its source_id (a hash of its bytes); the cache's version is a hash of
the code and lexicons that compute the results, so any change to them starts afresh.
Entries are pickles written atomically; a damaged or unreadable entry is recomputed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, Callable

PACKAGE = Path(__file__).resolve().parent
CODE_FOLDERS = ("text", "extract", "lexicons")


@cache
def code_version() -> str:
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.suffix in (".py", ".tsv"):
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class DocumentCache:
    def __init__(self, folder: Path | None, stage: str):
        self.folder = None if folder is None else Path(folder) / code_version() / stage
        self.hits = 0
        self.misses = 0

    def map(self, keys: list[str], compute: Callable[[list[int]], list[Any]]) -> list[Any]:
        """Values for all keys: cached ones read, the others computed together (by position) and stored."""
        values: list[Any] = [_MISSING] * len(keys)
        for i, key in enumerate(keys):
            values[i] = self._get(key)
        todo = [i for i, value in enumerate(values) if value is _MISSING]
        for i, value in zip(todo, compute(todo)):
            values[i] = value
            self._put(keys[i], value)
        self.hits, self.misses = self.hits + len(keys) - len(todo), self.misses + len(todo)
        return values

    def _get(self, key: str) -> Any:
        if self.folder is None:
            return _MISSING
        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return _MISSING

    def _put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        path = self.folder / f"{key}.pickle"
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{key}-", dir=self.folder)
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp_name, path)


_MISSING = object()
