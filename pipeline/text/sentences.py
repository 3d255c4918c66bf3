"""Sentence spans: split at end punctuation or line breaks, never after a known abbreviation nor at a line break that
wraps a sentence."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.lexicons import load

# End punctuation (and a closing quote) then space before a capital or digit, or a line break. The `gap` group is the
# space between sentences. One pattern per first character: the engine finds a literal first character with a fast
# string search, while a character class is tested at every position (8x slower on text with non-ASCII characters).
_LIST_MARKER = re.compile(r"\d{1,3}\.")
_JOINING_WORDS = frozenset("and or but of the a an to by with in on at for from into between as than that who which".split())
_END_GAP = r"[\"”’')\]]?(?P<gap>\s+)(?=[\"“‘(\[]?[A-Z0-9])"
_BOUNDARIES = (re.compile(r"\." + _END_GAP), re.compile(r"!" + _END_GAP), re.compile(r"\?" + _END_GAP), re.compile(r"\n\n*"))  # not "\n+": a repeat first is tried at every position


class Sentence(NamedTuple):  # a tuple: built for every sentence or mention, and a frozen dataclass's init is 5x slower
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
    for m in _boundaries(text):
        gap_start = m.start("gap") if m.re.groups else m.start()
        if m.end() - gap_start == 1 and text[gap_start] == "\n" and _wrapped_line(text, gap_start):
            continue
        if "\n" not in text[gap_start:m.end()]:
            before = text[max(0, gap_start - 40):gap_start]
            word = before.rsplit(None, 1)[-1] if before.strip() else ""
            word = word.lstrip("\"“‘(").rstrip("\"”’')]")
            if word in _abbreviations() or len(word) == 2 and word[1] == "." and "A" <= word[0] <= "Z":  # "J. Smith"
                continue
        if gap_start - start > 8 or not _is_list_marker(text, start, gap_start):  # a marker is short: most pieces skip the test
            _append(sentences, text, start, gap_start)
        start = m.end()
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def _boundaries(text: str) -> list[re.Match]:
    """Every sentence boundary in order, none inside another: a gap after end punctuation takes the line breaks in it."""
    found = sorted((m for pattern in _BOUNDARIES for m in pattern.finditer(text)), key=re.Match.start)
    kept, covered = [], 0
    for m in found:
        if m.start() >= covered:
            kept.append(m)
            covered = m.end()
    return kept


def _wrapped_line(text: str, newline: int) -> bool:
    """A single line break inside a sentence, as in hard-wrapped text or subtitles ("each side\nhanded over 84"): the line
    before it ends without end punctuation, and the next starts in lower case or the line ends in a comma or joining word."""
    following = text[newline + 1:newline + 3].lstrip(" \t")[:1]
    if not following.isalnum():  # a bullet, a dash, a quote: a new line (tested first, as it runs at every line break)
        return False
    line = text[text.rfind("\n", 0, newline) + 1:newline].rstrip(" \t")
    if not line or line[-1] in ".!?:;\"”|" or "-->" in line:  # a subtitle's timing line is a line of its own
        return False
    if following.islower():
        return True
    # "Armenia and\nAzerbaijan exchanged": a line ending in a comma or a joining word goes on (a headline ends otherwise)
    return line[-1] == "," or line.rsplit(None, 1)[-1].lower() in _JOINING_WORDS


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """A numbered item's marker alone at the start of a line ("2." before "In turn, ..."): no sentence of its own."""
    line_start = text.rfind("\n", 0, start) + 1
    return _LIST_MARKER.fullmatch(text[start:end].strip()) is not None and not text[line_start:start].strip()


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        sentences.append(Sentence(start, start + len(stripped), stripped))
