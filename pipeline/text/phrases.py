"""Many lexicon phrases found in a text in one pass, with an Aho-Corasick automaton (ahocorasick-rs).

A regular expression that alternates hundreds of phrases is tried at every position of the text,
and on this machine that costs more than the rest of reading a number or a party. The automaton
reads the text once. Callers decide what a word boundary is and which match wins.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, MatchKind



class PhraseIndex:
    """Every occurrence of a fixed set of phrases, overlapping ones included."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = tuple(dict.fromkeys(p for p in phrases if p))
        self._automaton = AhoCorasick(list(self.phrases), matchkind=MatchKind.Standard)

    def occurrences(self, haystack: str, ordered: bool = True) -> list[tuple[int, int, int]]:
        """(phrase index, start, end) of every occurrence; if `ordered`, leftmost first and, at one start, longest first."""
        found = self._automaton.find_matches_as_indexes(haystack, overlapping=True)
        if ordered:
            found.sort(key=lambda match: (match[1], -match[2]))
        return found


def stretches(anchors: Iterable[tuple[int, int]], lead: int, trail: int, length: int) -> list[tuple[int, int]]:
    """The stretches of a text from `lead` characters before each anchor span to `trail` after it, overlapping ones
    merged, in order: where a pattern whose matches hold an anchor need be tried."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(anchors):
        start, end = max(0, start - lead), min(length, end + trail)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_ASCII = bytes(range(128))


def lowered(text: str) -> str | None:
    """The text in lower case for a case-blind search, or None when lower-casing would shift offsets ("İ" grows)."""
    if not text.isascii():
        # str.lower reads a text with any non-ASCII character 30 times slower than an ASCII one. When none of its non-ASCII
        # characters (curly quotes, dashes, "ü") has a lower case, lowering the ASCII bytes of its UTF-8 is the same.
        encoded = text.encode("utf-8", "surrogatepass")
        others = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if others.lower() == others:
            return encoded.lower().decode("utf-8", "surrogatepass")
    low = text.lower()
    return low if len(low) == len(text) else None


@lru_cache(maxsize=8)  # one text is folded for its numbers, predicates and cue words in turn
def folded(text: str) -> str:
    """Lower case, one kind of apostrophe and every white-space character a plain space: offsets unchanged (the few
    characters that grow when lower-cased keep their case)."""
    low = lowered(text)
    if low is None:
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return spaced(low.replace("’", "'"))


def spaced(text: str) -> str:
    """Every white-space character a plain space (str.replace: str.translate with a table is ten times slower here)."""
    for space in "\n\t\r\f\v":
        text = text.replace(space, " ")
    return text


class Found(NamedTuple):
    """A phrase found in a text, with the accessors of a regular-expression match."""

    begin: int
    finish: int
    text: str
    phrase: int  # index of the phrase in its PhraseIndex

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text[self.begin:self.finish]


class WholePhrases:
    """Every whole-word occurrence of an index's phrases in one text (case-blind), read by window.

    `within` gives what `re.finditer(r"\\b(?:longest|...|shortest)\\b", text[start:end], re.I)` would: leftmost first,
    the longest at one start, none overlapping; except that a window that cuts a word never makes its piece a word.
    """

    def __init__(self, index: PhraseIndex, text: str):
        self.text = text
        self.found = [(start, end, phrase) for phrase, start, end in index.occurrences(folded(text))
                      if not (start > 0 and _is_word_char(text[start - 1]) or end < len(text) and _is_word_char(text[end]))]
        self.starts = [start for start, _, _ in self.found]

    def only(self, keep: Callable[[int], bool]) -> WholePhrases:
        """The same text's occurrences of the phrases (by index) that `keep` accepts: one pass of the automaton serves
        several sets of phrases."""
        kept = WholePhrases.__new__(WholePhrases)
        kept.text = self.text
        kept.found = [hit for hit in self.found if keep(hit[2])]
        kept.starts = [start for start, _, _ in kept.found]
        return kept

    def within(self, start: int = 0, end: int | None = None, skip: Iterable[tuple[int, int]] = ()) -> list[Found]:
        """Phrases inside [start, end), none inside a skipped span."""
        return [Found(s, e, self.text, phrase) for s, e, phrase in self.spans_within(start, end, skip)]

    def spans_within(self, start: int = 0, end: int | None = None, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, int]]:
        """What `within` finds, as (start, end, phrase index) tuples: the cheaper form for callers that read many windows."""
        end = len(self.text) if end is None else end
        chosen, covered, found = [], start, self.found
        for i in range(bisect_left(self.starts, start), len(found)):
            s, e, phrase = hit = found[i]
            if s >= end:
                break
            if s >= covered and e <= end and not (skip and any(a < e and s < b for a, b in skip)):
                chosen.append(hit)
                covered = e
        return chosen

    def any_within(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        return any(e <= end for s, e, _ in self.found[i:] if s < end) if i < len(self.found) else False


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"
