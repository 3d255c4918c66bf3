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
        numbered = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for (line_number, _), row in zip(numbered[1:], reader):
        # A lost tab or a comment glued to a row would otherwise load as a silent, wrong entry.
        if None in row or None in row.values():
            raise ValueError(f"{path.name}: line {line_number} ({'|'.join(str(v) for v in row.values())!r}) "
                             f"does not have exactly the columns {reader.fieldnames}: fix the tabs in that line")
        rows.append({key: value.strip() for key, value in row.items()})
    return tuple(rows)


def phrase_alternation(phrases) -> str:
    """A regular-expression alternation of lexicon phrases: longest first, so the longest phrase wins; any white space between words."""
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)))
