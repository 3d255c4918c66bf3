"""Party names, demonyms and capitals in text, mapped to party codes (lexicons/parties.tsv)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.lexicons import load
from pipeline.text.phrases import PhraseIndex


class PartyMention(NamedTuple):  # a tuple: built for every sentence or mention, and a frozen dataclass's init is 5x slower
    start: int
    end: int
    code: str
    alias: str


@dataclass(frozen=True)
class Party:
    code: str
    name: str
    kind: str
    fights: str | None = None  # an armed group's home state, whose government it fights


@cache
def parties() -> dict[str, Party]:
    return {row["code"]: Party(row["code"], row["name"], row["kind"], row["fights"] or None) for row in load("parties")}


@cache
def _code_of_alias() -> dict[str, str]:
    """Every alias of the gazetteer and the party it names (the first row to list an alias keeps it)."""
    code_of: dict[str, str] = {}
    for row in load("parties"):
        for alias in row["aliases"].split("|"):
            code_of.setdefault(alias.strip(), row["code"])
    return code_of


def find_parties(text: str) -> list[PartyMention]:
    return list(_parties_of(text))


@cache
def _alias_index() -> PhraseIndex:
    return PhraseIndex(_code_of_alias())


# An alias goes on into a longer word ("Russians" is its own alias), except in a compound naming who leads or holds:
# "Houthi-run", "Saudi-led", "Russian-held". Not "Iran-backed": a backer is no side.
_ALIAS_END = re.compile(r"(?!-(?:led|run|controlled|held)\b)(?:[\w-]|\.\w)")


@lru_cache(maxsize=16)  # both extractors read the same text's parties: find them once
def _parties_of(text: str) -> tuple[PartyMention, ...]:
    """Whole-word alias matches, leftmost and longest first; a trailing period of "U.S." is part of the alias."""
    code_of, index = _code_of_alias(), _alias_index()
    found, covered = [], 0
    for alias_index, start, end in index.occurrences(text):
        if start < covered or start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-") or _ALIAS_END.match(text, end):
            continue
        alias = index.phrases[alias_index]
        found.append(PartyMention(start, end, code_of[alias], alias))
        covered = end
    return tuple(found)


def party_of_word(word: str) -> str | None:
    """The party a single word names ('Russian' -> RU), if any."""
    return _code_of_alias().get(word)


_HOLDING_AFTER = re.compile(r"\s+(?:captivity|custody|prisons?|jails?|detention|captors)\b")
_HELD_IN_BEFORE = re.compile(r"\b(?:detained|held|imprisoned|jailed|arrested)\s+in\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|via|outside)\s+$")
# "the Muscat agreement", "the Minsk accords", "the Doha talks": a capital names where a deal was made, not a side.
_DEMONYM_END = re.compile(r"(?:an|ish|ese|i|ic|s)$")  # "Russian-Ukrainian talks": a demonym before "talks" still names a side
_VENUE_AFTER = re.compile(r"\s+(?:agreements?|accords?|talks|process|format|protocol|memorandum|declaration|summit|negotiations|framework|understandings?)\b")
# "between X and Y", "X and Y exchanged": read around the two mentions, not by a pattern compiled for each pair of names.
_PAIR_MIDDLE = re.compile(r"\s+and\s+(?:the\s+)?")
_PAIR_BEFORE = re.compile(r"\b(?:between|both)\s+(?:the\s+)?$")
_WORD_GOES_ON = re.compile(r"\w")
_PAIR_VERB_AFTER = re.compile(r"\s+(?:have\s+|had\s+|on\s+\w+\s+)?(?:\w+ly\s+)?(?:exchanged|swapped|traded|completed|accomplished|concluded|finalized|finalised|staged|carried\s+out|conducted|executed|began|started|initiated|agreed|held|returned|freed|released"
                              r"|swap|exchange|trade|free|release|agree|complete|carry\s+out|return)\b(?!\s+(?:fire|blows|views|ideas|letters)\b)")  # headlines: "X and Y swap 90 POWs"


def is_place(text: str, mention: PartyMention) -> bool:
    """A capital after 'in'/'at' ('talks in Ankara') or before 'agreement' ('the Muscat agreement') says where, not who."""
    if _HOLDING_AFTER.match(text, mention.end) or _HELD_IN_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return False  # "from Russian captivity", "detained in Iran": the captor is a side
    if mention.alias == parties()[mention.code].name:
        return False
    return bool(_PLACE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
                or _VENUE_AFTER.match(text, mention.end) and not _DEMONYM_END.search(mention.alias))


def stated_pair(text: str, mentions: list[PartyMention], within: list[tuple[int, int]]) -> tuple[str, str] | None:
    """Two sides the text names together as the actors of the exchange: 'X and Y exchanged', 'between X and Y'."""
    for s, e in within:
        inside = [m for m in mentions if s <= m.start < e]
        for x in inside:
            for y in inside:
                if y.start <= x.end or x.code == y.code or y.start - x.end > 40:
                    continue
                if not _PAIR_MIDDLE.fullmatch(text, x.end, y.start):
                    continue
                named = (_PAIR_BEFORE.search(text, max(s, x.start - 20), x.start) and not _WORD_GOES_ON.match(text, y.end)
                         or _PAIR_VERB_AFTER.match(text, y.end, min(e, y.end + 60)))
                if named and parties()[x.code].kind != "organization" and parties()[y.code].kind != "organization":
                    return tuple(sorted((x.code, y.code)))
    return None


# "183 Palestinian prisoners" says where captives come from; "Hamas has released", "freed by Israel" say who acts.
_CAPTIVES_AFTER = re.compile(r"\s+(?:prisoners?|hostages?|captives?|detainees?|POWs?|inmates|women|children|minors|teenagers)\b")
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|dozen|hundred|thousand))\s+$", re.I)
_ACTS_AFTER = re.compile(r"\s+(?:(?:has|have|had)\s+|(?:will|would|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|agreed\s+to)\s+(?=free\b|release\b|hand\s+over\b))?"
                         r"(?:released|freed|frees|releases|free|release|handed\s+over|hands\s+over|hand\s+over|swapped|exchanged)\b"
                         # "Russia, for its part, got back 61 servicemen": a side that receives its people acts too
                         r"|(?:,[^,.;]{1,25},)?\s+(?:has\s+|have\s+|had\s+)?(?:got\s+back|gets\s+back|received|receives|welcomed\s+home|brought\s+home)\b")
_ACTS_BEFORE = re.compile(r"\b(?:released|freed|handed\s+over|returned)\s+by\s+(?:the\s+)?$")


def _weight(text: str | None, mention: PartyMention) -> float:
    """How much a mention says a party is a side: half for the origin of captives, double for the actor of a release."""
    if text is None:
        return 1
    if _CAPTIVES_AFTER.match(text, mention.end) or _COUNT_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return 0.5  # "39 Palestinian women", "39 Palestinians": where the people come from, not who acts
    if _ACTS_AFTER.match(text, mention.end) or _ACTS_BEFORE.search(text, max(0, mention.start - 25), mention.start):
        return 2
    return 1


def main_sides(mentions: list[PartyMention], within: list[tuple[int, int]] | None = None, text: str | None = None) -> tuple[str, ...]:
    """The two parties a text is most about (state or armed group), most mentioned first.

    With the text: places ('in Ankara') do not count, and a country named in the possessive
    before an armed group ('Yemen's Houthis') counts as that group's opponent.
    """
    counts: Counter[str] = Counter()  # weighted mentions
    for mention in mentions:
        if parties()[mention.code].kind == "organization":
            continue
        if within is not None and not any(s <= mention.start < e for s, e in within):
            continue
        if text is not None and is_place(text, mention):
            continue
        counts[mention.code] += _weight(text, mention)
        if text is not None and parties()[mention.code].kind == "state" and re.match(r"[’']s\s+", text[mention.end:mention.end + 3]):
            following = next((m for m in mentions if 0 < m.start - mention.end <= 4), None)
            if following is not None and parties()[following.code].kind == "armed_group":
                counts[mention.code] += 2
    return tuple(code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
