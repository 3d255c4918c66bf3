"""Per-document work spread over the machine's cores, in input order, so results are the same as a serial run."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many documents a process pool costs more than it saves.
MIN_DOCUMENTS_PER_WORKER = 100


def workers() -> int:
    """EXCHANGES_WORKERS, default the number of cores; 1 runs everything in this process."""
    return max(1, int(os.environ.get("EXCHANGES_WORKERS") or os.cpu_count() or 1))


def map_documents(function: Callable[[T], R], items: Iterable[T]) -> list[R]:
    items = list(items)
    n = min(workers(), len(items) // MIN_DOCUMENTS_PER_WORKER)
    if n <= 1:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=n) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (n * 8))))
