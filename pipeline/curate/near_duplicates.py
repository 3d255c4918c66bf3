"""Near-duplicate sources: the same article reposted, trimmed or spun.

Word 5-gram shingles of the normalized text (spin already repaired, so a spun copy
comes back close to its original); a pair is near-duplicate when the shingles of the
shorter text are mostly contained in the longer one. The copy points at the original:
the unspun one, else the longer one, else the smaller source_id.
"""

from __future__ import annotations

import re
from collections import Counter

SHINGLE = 5
MIN_CONTAINMENT = 0.5
# A shingle found in more documents than this is boilerplate (a template, a standard sign-off),
# not evidence of copying; ignoring it keeps the comparison linear in the corpus.
MAX_DOCUMENTS_PER_SHINGLE = 20


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i:i + SHINGLE])) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_near_duplicates(documents: list[dict]) -> dict[str, str]:
    """documents: dicts with source_id, text, is_spun. Returns copy source_id -> original source_id."""
    shingles = {d["source_id"]: _shingles(d["text"]) for d in documents}
    rank = {d["source_id"]: (d["is_spun"], -len(d["text"]), d["source_id"]) for d in documents}
    postings: dict[int, list[str]] = {}
    for sid in sorted(shingles):
        for shingle in shingles[sid]:
            postings.setdefault(shingle, []).append(sid)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in postings.values():
        if 1 < len(ids) <= MAX_DOCUMENTS_PER_SHINGLE:
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    shared[(a, b)] += 1
    copies: dict[str, str] = {}
    for (a, b), count in sorted(shared.items()):
        if count / min(len(shingles[a]), len(shingles[b])) >= MIN_CONTAINMENT:
            original, copy = sorted((a, b), key=rank.get)
            copies.setdefault(copy, original)
    # Point every copy at an original that is not itself a copy.
    for copy, original in list(copies.items()):
        seen = {copy}
        while original in copies and original not in seen:
            seen.add(original)
            original = copies[original]
        copies[copy] = original
    return copies
