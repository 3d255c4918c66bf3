"""Near-duplicate sources: the same article reposted, trimmed or spun.

Word 5-gram shingles of the normalized text (spin already repaired, so a spun copy
comes back close to its original); a pair is near-duplicate when the shingles of the
shorter text are mostly contained in the longer one. The copy points at the original:
the unspun one, else the longer one, else the smaller source_id.

Shingles are 64-bit values of a stable hash of their words' crc32 (not Python's `hash`, which changes from one
process to the next), so they can be cached per document; pairs are counted with numpy.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Callable

import numpy as np

from pipeline.cache import DocumentCache

SHINGLE = 5
MIN_CONTAINMENT = 0.5
# A shingle found in more documents than this is boilerplate (a template, a standard sign-off),
# not evidence of copying; ignoring it keeps the comparison linear in the corpus.
MAX_DOCUMENTS_PER_SHINGLE = 20
_WORD = re.compile(r"\w+")


# Odd 64-bit multipliers, one per position in the run: a run's value is a weighted sum of its words' crc32 (mod 2**64).
_WEIGHTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)


def shingles(texts: list[str]) -> list[np.ndarray]:
    """Each text's shingles: every run of 5 words as one 64-bit value (repeats kept; the pair count drops them).

    Computed for all texts at once: one crc32 per word, then the runs of the whole batch in a few numpy operations.
    """
    word_lists = [_WORD.findall(text.lower()) for text in texts]
    lengths = np.array([len(words) for words in word_lists], dtype=np.int64)
    codes = np.fromiter((zlib.crc32(w.encode()) for words in word_lists for w in words), dtype=np.uint64, count=int(lengths.sum()))
    n = max(0, len(codes) - SHINGLE + 1)
    runs = codes[:n] * _WEIGHTS[0]
    for k in range(1, SHINGLE):
        runs += codes[k:k + n] * _WEIGHTS[k]
    starts = np.r_[0, np.cumsum(lengths)[:-1]] if len(texts) else np.empty(0, dtype=np.int64)
    # The runs of text t start at starts[t] .. starts[t] + lengths[t] - 5: a run that would cross into the next text is dropped.
    return [runs[start:start + max(0, length - SHINGLE + 1)] for start, length in zip(starts.tolist(), lengths.tolist())]


def find_near_duplicates(documents: list[dict], shingles_of: Callable[[list[dict]], list[np.ndarray]] | None = None) -> dict[str, str]:
    """documents: dicts with source_id, text, is_spun. Returns copy source_id -> original source_id.

    `shingles_of` may supply every document's shingles (from a cache); by default they are computed here.
    """
    documents = sorted(documents, key=lambda d: d["source_id"])
    ids = [d["source_id"] for d in documents]
    sets = shingles_of(documents) if shingles_of is not None else shingles([d["text"] for d in documents])
    rank = {d["source_id"]: (d["is_spun"], -len(d["text"]), d["source_id"]) for d in documents}
    copies: dict[str, str] = {}
    for a, b in _contained_pairs(sets):
        original, copy = sorted((ids[a], ids[b]), key=rank.get)
        copies.setdefault(copy, original)
    # Point every copy at an original that is not itself a copy.
    for copy, original in list(copies.items()):
        seen = {copy}
        while original in copies and original not in seen:
            seen.add(original)
            original = copies[original]
        copies[copy] = original
    return copies


def _contained_pairs(sets: list[np.ndarray]) -> list[tuple[int, int]]:
    """Pairs of documents a < b, sorted, where most distinct shingles of the smaller one are shared with the other.

    Only shingles held by at most 20 documents count. Templated corpora share many shingles between
    unrelated texts, so the ratio is computed in numpy and only the near-duplicates come back to Python.
    """
    owners = np.repeat(np.arange(len(sets), dtype=np.int64), [len(s) for s in sets])
    values = np.concatenate(sets) if sets else np.empty(0, dtype=np.uint64)
    order = np.lexsort((owners, values))  # by shingle, then document
    values, owners = values[order], owners[order]
    distinct = np.r_[True, (values[1:] != values[:-1]) | (owners[1:] != owners[:-1])] if len(values) else np.empty(0, dtype=bool)
    values, owners = values[distinct], owners[distinct]  # a shingle repeated within one text counts once
    sizes = np.bincount(owners, minlength=len(sets))
    if not len(values):
        return []
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    lengths = np.diff(np.r_[starts, len(values)])
    pairs = []
    for k in range(2, MAX_DOCUMENTS_PER_SHINGLE + 1):
        first = starts[lengths == k]
        if not len(first):
            continue
        members = owners[first[:, None] + np.arange(k)]  # one row of k owners per shingle, in document order
        i, j = np.triu_indices(k, 1)
        pairs.append(members[:, i].ravel() * len(sets) + members[:, j].ravel())
    if not pairs:
        return []
    keys, counts = np.unique(np.concatenate(pairs), return_counts=True)
    first, second = keys // len(sets), keys % len(sets)
    near = counts >= MIN_CONTAINMENT * np.minimum(sizes[first], sizes[second])
    return list(zip(first[near].tolist(), second[near].tolist()))


def cached_shingles(cache_folder: Path | None) -> Callable[[list[dict]], list[np.ndarray]]:
    """Shingles read from the per-document cache where a run already computed them."""
    def of(documents: list[dict]) -> list[np.ndarray]:
        cache = DocumentCache(cache_folder, f"shingles-{_code_version()}")
        # Stored as raw bytes: 10,000 numpy arrays unpickle five times slower than their bytes.
        stored = cache.map([d["source_id"] for d in documents], lambda todo: [s.tobytes() for s in shingles([documents[i]["text"] for i in todo])])
        return [np.frombuffer(data, dtype=np.uint64) for data in stored]
    return of


def _code_version() -> str:
    return f"{zlib.crc32(Path(__file__).read_bytes()):08x}"  # this file's rules change: the cached shingles start afresh
