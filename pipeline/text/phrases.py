"""Many lexicon phrases found in a text in one pass, with an Aho-Corasick automaton (ahocorasick-rs).

A regular expression that alternates hundreds of phrases is tried at every position of the text,
and on this machine that costs more than the rest of reading a number or a party. The automaton
reads the text once. Callers decide what a word boundary is and which match wins.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def lowered(text: str) -> str | None:
    """The text in lower case for a case-blind search, or None when lower-casing would shift offsets ("İ" grows)."""
    low = text.lower()
    return low if len(low) == len(text) else None


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
