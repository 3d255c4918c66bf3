"""Numbers as written in news English: digits, words, mixed, ranges, N-for-N, N-unit compounds, vague amounts.

`find_numbers` returns every number-like span with its value; deciding which of them
are figures (not dates, names or ordinals) is the extractor's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import load, phrase_alternation

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGIT_SCALES = {"thousand": 1_000, "million": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
DURATION_UNITS = ("hour", "day", "week", "month", "year")

_NUMWORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", *_SCALES, "dozen"], key=len, reverse=True))
_WORDS = (rf"(?:{_NUMWORD})(?:(?:\s+|-)(?:{_NUMWORD})|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+(?:{_NUMWORD}))*")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s+(?:thousand|million|billion)|\s*(?:mln|bn)\b)"
_NUM = rf"(?:{_DIGITS}{_SCALE}?|\b{_WORDS}\b)"


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: float
    value_high: float | None = None
    vague: bool = False
    kind: str = "number"  # number, range, pair (one side of N-for-N), unit (N-hour), fraction, percent
    unit: str | None = None


def words_to_number(phrase: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(surface: str) -> float | None:
    """The value of one written number: '6,500', '1.5 million', 'twenty-seven', 'a dozen'."""
    s = surface.strip()
    lowered = s.lower()
    if lowered.startswith(("a ", "an ")):
        lowered = "one " + lowered.split(None, 1)[1]
    match = re.fullmatch(rf"({_DIGITS})\s*(thousand|million|billion|mln|bn)?", lowered)
    if match:
        value = float(match.group(1).replace(",", ""))
        return value * _DIGIT_SCALES[match.group(2)] if match.group(2) else value
    return words_to_number(lowered)


def compound_category(noun: str) -> str:
    """What an 'N-noun' compound measures: the categories lexicon's word for the noun or its plural, else `other`."""
    known = categories()
    return known.get(noun) or known.get(noun + "s") or "other"


@cache
def categories() -> dict[str, str]:
    return {row["word"]: row["category"] for row in load("categories")}


@cache
def _vague_amounts() -> dict[str, float]:
    return {row["phrase"]: float(row["value"]) for row in load("vague_amounts")}


@cache
def _pattern() -> re.Pattern:
    vague = phrase_alternation(_vague_amounts())
    units = "|".join(DURATION_UNITS)
    fractions = "|".join(_FRACTIONS)
    alternatives = [
        rf"(?P<pair>(?P<p1>{_NUM})(?:\s*-\s*|\s+)for(?:\s*-\s*|\s+)(?P<p2>{_NUM}))(?![\w])",
        rf"(?P<range>\b(?:between\s+(?P<r1>{_NUM})\s+and\s+(?P<r2>{_NUM})|from\s+(?P<r3>{_NUM})\s+to\s+(?P<r4>{_NUM})))(?![\w-])",
        rf"(?P<drange>(?P<d1>{_DIGITS})\s*(?:-|–|—)\s*(?P<d2>{_DIGITS}))(?![\w-])",
        rf"(?P<unit>(?P<u1>{_NUM})-(?P<uname>{units})s?)(?![\w-])",
        # "a third" is a share only before "of": "A third, in the spring, ..." is an ordinal.
        rf"(?P<fraction>\b(?P<fnum>{_WORDS}|an?(?=[\s-](?:{fractions})\s+of\b))[\s-](?P<fden>{fractions})\b)",
        rf"(?P<vague>\b(?:{vague})\b)(?!-)",
        rf"(?P<percent>(?P<pc>{_DIGITS})\s*(?:%|percent\b|per\s+cent\b))",
        rf"(?P<aword>\b[Aa]n?\s+(?:dozen|hundred|thousand|million)\b)(?!-)",
        r"(?P<half>\bhalf)(?=\s+(?:of|the)\b)",  # "half of them": a share, like "two-thirds"
        # Any other "N-noun" compound ("a 40-kilometre drive", "a five-member team"); never "twenty-seven" or "1,000-for-".
        rf"(?P<compound>(?P<c1>{_NUM})-(?!(?:{_NUMWORD}|for|odd)\b)(?P<cname>[a-z]+))(?![\w-])",
        rf"(?P<num>{_NUM})(?![\w]|-(?!for\b))",
    ]
    return re.compile(r"(?<![\w.,:$€£-])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


@cache
def _start_words() -> tuple[str, ...]:
    """Lower-case words a number can start with; every alternative of `_pattern` starts with a digit or one of them."""
    vague_starts = {phrase.split()[0] if phrase.split()[0] != "a" else phrase for phrase in _vague_amounts()}
    articles = {f"{article} {word}" for article in ("a", "an") for word in ("dozen", "hundred", "thousand", "million", *_FRACTIONS)}
    return tuple(sorted({*_UNITS, *_TENS, "hundred", *_SCALES, "dozen", "between", "from", "half", *vague_starts, *articles}))


def _candidate_starts(text: str) -> list[int]:
    """Positions where a number may start, found with str.find (far faster than a regex over every position)."""
    starts = {m.start() for m in re.finditer(r"\d+", text)}
    lowered = text.lower()
    for word in _start_words():
        i = lowered.find(word)
        while i >= 0:
            end = i + len(word)
            if (i == 0 or not lowered[i - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalpha()):
                starts.add(i)
            i = lowered.find(word, end)
    return sorted(starts)


def find_numbers(text: str) -> list[NumberMention]:
    """Every number-like span in reading order, none overlapping."""
    found: list[NumberMention] = []
    pattern = _pattern()
    matches = []
    covered = 0
    for start in _candidate_starts(text):
        if start < covered:
            continue
        m = pattern.match(text, start)
        if m:
            matches.append(m)
            covered = m.end()
    for m in matches:
        if m.group("pair"):
            for g in ("p1", "p2"):
                value = parse_number(m.group(g))
                if value is not None:
                    found.append(NumberMention(m.start(g), m.end(g), value, kind="pair"))
        elif m.group("range") or m.group("drange"):
            lo_g, hi_g = next((a, b) for a, b in (("r1", "r2"), ("r3", "r4"), ("d1", "d2")) if m.group(a))
            lo, hi = parse_number(m.group(lo_g)), parse_number(m.group(hi_g))
            if lo is not None and hi is not None:
                start = m.start(lo_g) if m.group("drange") else m.start()
                found.append(NumberMention(start, m.end(), lo, hi, kind="range"))
        elif m.group("unit"):
            value = parse_number(m.group("u1"))
            if value is not None:
                found.append(NumberMention(m.start(), m.end(), value, kind="unit", unit=m.group("uname").lower() + "s"))
        elif m.group("fraction"):
            numerator = 1.0 if m.group("fnum").lower() in ("a", "an") else parse_number(m.group("fnum"))
            if numerator is not None:
                found.append(NumberMention(m.start(), m.end(), numerator / _FRACTIONS[m.group("fden").lower()], kind="fraction"))
        elif m.group("vague"):
            phrase = " ".join(m.group("vague").lower().split())
            found.append(NumberMention(m.start(), m.end(), _vague_amounts()[phrase], vague=True, kind="vague"))
        elif m.group("half"):
            found.append(NumberMention(m.start(), m.end(), 0.5, kind="fraction"))
        elif m.group("compound"):
            value = parse_number(m.group("c1"))
            if value is not None:
                found.append(NumberMention(m.start(), m.end(), value, kind="unit", unit=compound_category(m.group("cname"))))
        elif m.group("percent"):
            found.append(NumberMention(m.start(), m.end(), float(m.group("pc").replace(",", "")), kind="percent", unit="percent"))
        else:
            value = parse_number(m.group())
            if value is not None:
                found.append(NumberMention(m.start(), m.end(), value))
    return found
