"""Party names, demonyms and capitals in text, mapped to party codes (lexicons/parties.tsv)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import load


@dataclass(frozen=True)
class PartyMention:
    start: int
    end: int
    code: str
    alias: str


@dataclass(frozen=True)
class Party:
    code: str
    name: str
    kind: str


@cache
def parties() -> dict[str, Party]:
    return {row["code"]: Party(row["code"], row["name"], row["kind"]) for row in load("parties")}


@cache
def _alias_index() -> tuple[re.Pattern, dict[str, str]]:
    code_of: dict[str, str] = {}
    for row in load("parties"):
        for alias in row["aliases"].split("|"):
            code_of.setdefault(alias.strip(), row["code"])
    alternation = "|".join(re.escape(a) for a in sorted(code_of, key=len, reverse=True))
    # Whole words only; a trailing period of "U.S." is part of the alias.
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-]|\.\w)"), code_of


def find_parties(text: str) -> list[PartyMention]:
    pattern, code_of = _alias_index()
    return [PartyMention(m.start(), m.end(), code_of[m.group()], m.group()) for m in pattern.finditer(text)]


def party_of_word(word: str) -> str | None:
    """The party a single word names ('Russian' -> RU), if any."""
    return _alias_index()[1].get(word)


def main_sides(mentions: list[PartyMention], within: list[tuple[int, int]] | None = None) -> tuple[str, ...]:
    """The two parties a text is most about (state or armed group), most mentioned first."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if parties()[mention.code].kind == "organization":
            continue
        if within is None or any(s <= mention.start < e for s, e in within):
            counts[mention.code] += 1
    return tuple(code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
