"""Sentence spans: split at end punctuation or line breaks, never after a known abbreviation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.lexicons import load

# End punctuation (and a closing quote) then space before a capital or digit, or a line break. The `gap` group is the
# space between sentences; matching the punctuation itself, not looking behind for it, is what keeps this fast.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]?(?P<gap>\s+)(?=[\"“‘(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row["word"] for row in load("abbreviations"))


def split_sentences(text: str) -> list[Sentence]:
    return list(_sentences_of(text))


@lru_cache(maxsize=16)  # the extractors split the same text: split it once
def _sentences_of(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        gap_start = m.start("gap") if m.group("gap") is not None else m.start()
        if "\n" not in text[gap_start:m.end()]:
            before = text[max(0, gap_start - 40):gap_start]
            word = before.rsplit(None, 1)[-1] if before.strip() else ""
            word = word.lstrip("\"“‘(").rstrip("\"”’')]")
            if word in _abbreviations() or re.fullmatch(r"[A-Z]\.", word):
                continue
        _append(sentences, text, start, gap_start)
        start = m.end()
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
