"""Curated reference data kept as tab-separated files, reviewable without reading Python.

Each file starts with `#` comment lines that say what it is for, then a header row.
This module only reads them; what the columns mean is said in each file.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `<name>.tsv` as dicts, comment and blank lines skipped."""
    path = LEXICON_DIR / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({key: (value or "").strip() for key, value in row.items()} for row in reader)


def phrase_alternation(phrases) -> str:
    """A regular-expression alternation of lexicon phrases: longest first, so the longest phrase wins; any white space between words."""
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)))
