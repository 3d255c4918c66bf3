"""Synonym-spinner detection and repair, driven by the spin lexicon (lexicons/spin.tsv).

A spinner swaps words for "synonyms" without reading them ("Might 23" for "May 23",
"troopers" for "soldiers"). Each lexicon entry maps a spun phrase back, with the
context it needs. Entries of scope `anywhere` are safe in any text; entries of scope
`spun` are applied only once the whole document is judged spun, so that the
"trade deal" of a clean article stays a trade deal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import load
from pipeline.text.edits import Edit
from pipeline.text.phrases import PhraseIndex, folded

# A document is judged spun when it holds this many near-certain spinner phrases ...
MIN_ANYWHERE_HITS = 2
# ... or when this share of its words match the lexicon, from several distinct entries ...
MIN_SPIN_SCORE = 0.05
MIN_DISTINCT_ENTRIES = 3
# ... or, in a text long enough for a share to mean something, a higher share from fewer entries.
# Clean news articles measured here score under 0.02 with at most one distinct entry.
HIGH_SPIN_SCORE = 0.08
MIN_WORDS_FOR_HIGH_SCORE = 40

_WORD = re.compile(r"[A-Za-z0-9À-ÿ’'-]+")


@dataclass(frozen=True)
class SpinEntry:
    spun: str
    original: str
    scope: str
    exact_case: bool
    before: re.Pattern | None
    after: re.Pattern | None

    @property
    def rule(self) -> str:
        return f"spin:{self.spun}"


@dataclass(frozen=True)
class SpinJudgement:
    score: float
    is_spun: bool
    edits: list[Edit]


@cache
def _lexicon() -> tuple[PhraseIndex, dict[str, list[SpinEntry]]]:
    by_key: dict[str, list[SpinEntry]] = {}
    for row in load("spin"):
        entry = SpinEntry(
            spun=row["spun"], original=row["original"], scope=row["scope"], exact_case=row["case"] == "exact",
            before=re.compile(f"(?:{row['before']})\\s*$") if row["before"] else None,
            after=re.compile(row["after"]) if row["after"] else None,
        )
        by_key.setdefault(_key(entry.spun), []).append(entry)
    return PhraseIndex(by_key), by_key


def _spun_spans(text: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of spun phrases, leftmost first, the longest at one start ("a whole lot of hundreds" over
    "hundreds"), none overlapping. Words of a phrase may be parted by one white-space character, as a line break."""
    index, _ = _lexicon()
    haystack = folded(text)
    spans, covered = [], 0
    for _, start, end in index.occurrences(haystack):
        if start < covered or start > 0 and _INSIDE_WORD.match(text, start - 1) or _WORD_GOES_ON.match(text, end):
            continue
        spans.append((start, end))
        covered = end
    return spans


_INSIDE_WORD = re.compile(r"[\w’'-]")
_WORD_GOES_ON = re.compile(r"[\w-]")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _with_case(found: str, original: str) -> str:
    if "’" in found:  # keep the article's apostrophe style
        original = original.replace("'", "’")
    if len(found) > 1 and found.isupper():
        return original.upper()
    if found[:1].isupper():
        return original[:1].upper() + original[1:]
    if found[:1].islower():
        return original[:1].lower() + original[1:]
    return original


def _matching_entry(text: str, start: int, end: int) -> SpinEntry | None:
    found = text[start:end]
    _, by_key = _lexicon()
    for entry in by_key.get(_key(found), []):
        if entry.exact_case and " ".join(found.replace("’", "'").split()) != entry.spun:
            continue
        if entry.before and not entry.before.search(text, max(0, start - 80), start):
            continue
        if entry.after and not entry.after.match(text, end, min(len(text), end + 80)):
            continue
        return entry
    return None


def judge_and_repair(text: str) -> SpinJudgement:
    """Score how spun a text is and return the repairs to apply to it."""
    hits: list[tuple[str, int, int, SpinEntry]] = []
    for start, end in _spun_spans(text):
        entry = _matching_entry(text, start, end)
        if entry is not None:
            hits.append((text[start:end], start, end, entry))
    n_words = len(_WORD.findall(text))
    spun_words = sum(len(_WORD.findall(found)) for found, _, _, _ in hits)
    score = min(1.0, spun_words / n_words) if n_words else 0.0
    anywhere_hits = sum(1 for *_, entry in hits if entry.scope == "anywhere")
    distinct = len({entry.rule for *_, entry in hits})
    is_spun = (anywhere_hits >= MIN_ANYWHERE_HITS
               or (score >= MIN_SPIN_SCORE and distinct >= MIN_DISTINCT_ENTRIES)
               or (score >= HIGH_SPIN_SCORE and distinct >= 2 and n_words >= MIN_WORDS_FOR_HIGH_SCORE))
    edits = [
        Edit(start, end, _with_case(found, entry.original) if not entry.exact_case else entry.original, entry.rule)
        for found, start, end, entry in hits
        if entry.scope == "anywhere" or is_spun
    ]
    return SpinJudgement(round(score, 6), is_spun, edits)
