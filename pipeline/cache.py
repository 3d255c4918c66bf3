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

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        if self.folder is None:
            self.misses += 1
            return compute()
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
            self.hits += 1
            return value
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        value = compute()
        self.misses += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{key}-", dir=self.folder)
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp_name, path)
        return value
