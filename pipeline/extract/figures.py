"""Figures: every number a text states about something countable or measurable.

For each number found by `text.numbers`, decide whether it is a figure at all (not a
date, a year, an ordinal, a name, a time or list numbering), then read what it counts
(the head noun after it), how hedged it is (the words before it), whose it is
(demonyms, captor phrases), and what happened to them (the governing verb or noun).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from functools import cache
from itertools import accumulate, islice
from typing import NamedTuple

from pipeline.extract.parties import PartyMention, find_parties, main_sides, party_of_word
from pipeline.extract.parties import parties as gazetteer
from pipeline.lexicons import load, phrase_alternation
from pipeline.text.dates import OTHER_CALENDAR_DATE, find_dates
from pipeline.text.numbers import NumberMention, categories, find_numbers, parse_number, words_to_number, written_circa
from pipeline.text.phrases import PhraseIndex, WholePhrases, folded
from pipeline.text.sentences import Sentence, split_sentences

DURATIONS = {"days", "weeks", "months", "years", "hours"}
GROUPS = frozenset({"women", "men", "children"})  # people counted by who they are, not by what happened to them
UNKNOWN_NOUN = "other (unknown noun)"  # read as `other`, unless the figure is listed with one whose noun is known
PEOPLE_PREDICATES = {"released", "returned", "held", "missing", "killed", "wounded", "killed_or_wounded", "captured", "exchanged"}
# Words that may stand between a number and its noun ("14 ballistic missiles", "62 Russian servicemen").
_NOT_MODIFIERS = frozenset(
    "and or of in on at to for from with by were was are is be been being have has had the a an that who which as "
    "per each every than but not all its their his her our this these those some about into over under after before "
    "during since until while when where more between among across against without within through via behind "
    "remain remains remained stay stays stayed still".split())  # verbs and prepositions end a phrase, capitalized in a headline too
_REFERENCE_NOUNS = r"(?:sides|countries|nations|parties|governments|leaders|delegations|presidents|states|neighbours|neighbors|armies|capitals|camps|factions|groups|communities|allies|rivals|teams|forces|militaries|monarchies|republics|kingdoms|powers|superpowers|regimes|administrations)"
_PARENTHETICAL = re.compile(r",\s+(?:including|among them|some of whom|many of whom|most of whom|some|who|which|most of them|all of them|\w+\s+of\s+(?:them|whom))\b[^,;.]*,")
# Word patterns, each with the stems one of its words must hold: a case-blind pattern tried at every position of a
# sentence costs tens of microseconds, a look for a plain stem in the lowered text a fraction of that.
_DEAL_WORDS = (re.compile(r"\b(?:deal|agreement|agreed|accord|pact|arrangement)\b", re.IGNORECASE), ("deal", "agree", "accord", "pact", "arrangement"))
_EXCHANGE_WORDS = (re.compile(r"\b(?:exchange|exchanges|swap|swaps|prisoners?|POWs?|captives?)\b", re.IGNORECASE), ("exchange", "swap", "prisoner", "pow", "captive"))
_CAPTIVE_WORDS = (re.compile(r"\b(?:prisoners?|POWs?|captives?|detainees?|hostages?)\b", re.IGNORECASE), ("prisoner", "pow", "captive", "detainee", "hostage"))
_CAPTOR = re.compile(r"\b(?:in|from)\s+(?P<captor>[A-Z][\w.]+)\s+(?:captivity|prisons?|custody|jails?|detention)\b|\bheld\s+by\s+(?P<holder>[A-Z][\w.]+)")
_PARTICLE = re.compile(r"\b(?:hand|hands|handed|handing|turn|turned|turning|took|take|taken|taking|carried|carry|passed|pass|sent)\s+(?:over|under)\s+$", re.I)
_BODIES_BEFORE = re.compile(r"\b(?:bodies|remains|corpses)\s+of\s+(?:the\s+)?$", re.I)
# "a sellout crowd of 11,500", "an audience of about 300": a gathering's size counts people
_GATHERING_BEFORE = re.compile(r"\b(?:crowds?|audiences?|attendance|turnout|gathering)\s+of\s+(?:[a-z]+\s+){0,2}$", re.I)
_COMPARED = re.compile(r"\b(?:down|up|rising|falling|rose|fell)\s+from\s+(?:\w+\s+){0,2}$|\bcompared\s+(?:with|to)\s+(?:\w+\s+){0,2}$|\bthan\s+$", re.I)
_COPULA = re.compile(r"\s+(?:of\s+(?:(?:them|those|these|whom)\s+(?:[a-z]+\s+){0,2}|the\s+\d[\d,]*\s+))?(?:were|are|was|is)\s+(?:all\s+)?")  # "two of the 84 are civilians"
_WHOLE_OF_BEFORE = re.compile(r"\bof\s+the\s+$")  # "two of the 84 are ...": what the verb says is said of the part
_ELLIPSIS_END = re.compile(r"\s*(?:[.;!?]|,\s|$)|\s+(?:to|from)\s+[A-Z]|\s+(?:back|home|in\s+return)\b")  # "Kyiv received 757 bodies and Moscow 34.", "... and returned 89 to Russia", "... and got 150 back"
# "Of those released, 250 had been ...": a part of the people just named by what happened to them
_OF_THOSE_BEFORE = re.compile(r"\b[Oo]f\s+(?:those|the\s+people|the\s+ones)\s+(?:\w+\s+)?[a-z]+ed,\s+(?:[a-z]+\s+){0,3}$")
# "The hostages were transferred in two groups, seven in the morning and 13 later": bare counts of the sentence's subject
_SUBJECT_NOUN = re.compile(r"[\"“]?(?:The|All|These|Those)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\s+(?:were|are|had|have|was|is)\b")
# "each side released 350 more," / "350 more were freed": "more" ends the phrase (not "3 more Estonian citizens", "more than")
_MORE_AFTER = re.compile(r"\s+more(?=\s*[,.;:)]|\s+(?:and|or|were|was|are|is|had|have|on|in|at|to|from|of|later|each"
                         r"|could|would|will|may|might|can|should|must|remain|still|came|went|returned)\b)")  # "1,200 more could be home"
# "a father of two", "mother of three": the number counts the parent's children
_PARENT_OF_BEFORE = re.compile(r"\b(?:father|mother|parent|dad|mum|mom|grandfather|grandmother)\s+of\s+$", re.I)
# "Russia received 84 of its own in exchange": a group's own people, with no noun after "own" ("95 of its own servicemen")
_OF_ITS_OWN = re.compile(r"\s+of\s+(?:its|their|our|his|her)\s+own(?=\s*[,.;:)]|\s*$|\s+(?:in|on|at|to|from|and|as|after|before|with|under|back|home)\b)")
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:each|every|any|no|which|this|that)\s+$", re.IGNORECASE)  # "Each one took weeks"
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-*•–—·][ \t]+$")
# "the total number of captives freed ... to more than 1,200", "put the number of their soldiers held at between 3,000 and 5,000"
_NUMBER_OF_BEFORE = re.compile(r"\bnumber\s+of\s+(?P<words>(?:[a-z-]+\s+){0,2}[a-z-]+)\b(?:[^.;:\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,80}?\b(?:to|at|is|was|stands\s+at|stood\s+at|reached|as)\s+(?:[a-z]+\s+){0,2}$")
# "Air defences shot down 87 drones; 25 were lost": a bare number opening a clause counts what the clause before counted.
_OF_THE_WHOLE_BEFORE = re.compile(r"\b[Oo]f\s+(?:the|these|those)\s+(?P<whole>\d[\d,]*)(?:\s+[a-z]+){0,2},\s+(?:[a-z]+\s+){0,3}$")  # "Of the 200 (prisoners), 120 ..."
_SUBJECT_START = re.compile(r"[\"“]?(?:(?:Only|Just|Some|About|Nearly|Almost|Another|All|But|And|So\s+far,?|Of\s+those,?)\s+)?(?:[a-z]+\s+)?", re.IGNORECASE)
# "; by Friday about 4,800 had been handed over", "52 Political Prisoners Freed, but More Than 1,100 Remain"
_CLAUSE_OPENS_BEFORE = re.compile(r"(?:[;:]|,\s+(?:but|yet))\s*(?:[a-z]\w*\s+|[A-Z]\w*\s+){0,3}$")
_SENTENCE_END_AFTER = re.compile(r"\s*[.!;]")
_PUT_AT_BEFORE = re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:it|that|this|the\s+(?:number|figure|total|count|toll|tally))\s+at\s+"
                            r"(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?$", re.I)
_TAKING_VERB_BEFORE = re.compile(r"\b(?:took|takes|got|gets|received|receives|accepted|accepts|returned|released|freed|handed\s+over|gave\s+back|sent\s+back)"
                                 r"\s+(?:(?:only|just|back|in)\s+)?$")
_VERB_AFTER = re.compile(r"\s+(?:were|was|are|is|had|have|has|remain|remained|went|got|came)\b", re.I)  # "Remain" in a headline
_DISTRIBUTIVE_AFTER = re.compile(r"\s+(?:each|apiece|per\s+side|a\s+side|(?:on|from)\s+each\s+side|each\s+way)\b", re.IGNORECASE)
_EACH_SIDE_BEFORE = re.compile(r"\b(?:each|either|both)\s+sides?\s+(?:released|freed|handed\s+over|returned|exchanged|swapped)\s+$", re.IGNORECASE)  # "each side released 60"
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)  # "hand over its 500" (no noun after)
_SWAP_PREDICATES = frozenset({"exchanged", "released", "returned", "agreed"})
# "How many people came home?": the question an answer's bare numbers count for (up to two words before the noun).
_HOW_MANY = re.compile(r"\bhow\s+many\s+((?:[A-Za-z’'-]+\s+){0,2}[A-Za-z’'-]+)", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\b(?:death|casualty|civilian|overall)\s+toll\b[^.;]{0,30}$", re.I)  # "death toll passes 46,000"
_LINKING_WORDS = ("including", "included", "includes", "among them", "of whom", "comprising", "comprised", "together with")
LINKED = re.compile(rf"(?:{'|'.join(_LINKING_WORDS)}|\band)\s*$")
_LINKED_LAST_LETTERS = frozenset(word[-1] for word in (*_LINKING_WORDS, "and"))
# A word that may stand inside the counted noun phrase: lower case, or a name ("40 Red Cross staff", "120 ICRC volunteers").
_MODIFIER = re.compile(r"[a-z][a-z-]*(?:['’]s)?|[A-Z][a-z-]+(?:-[A-Z0-9]\w*)?|[A-Z]{1,5}-\w+|[A-Z]{2,7}")  # "the group's", "Iskander-M", "Kh-101", "UN", "HIMARS"
_WORD = re.compile(r"[A-Za-z%][\w’'.-]*|%")
_HEDGE_SIGNS = {"~": "about", "≈": "about", ">": "more_than", "<": "fewer_than", "≥": "at_least", "≤": "at_most"}
_SHARED_NOUN = re.compile(r"\s+(?P<number>\d[\d,.]*\d|\d|[a-z]+(?:-[a-z]+)?)\s+(?=[A-Z])")
_PHONE_WORD_LIST = ("tel", "phone", "fax", "hotline", "whatsapp", "mobile")
_PHONE_WORDS = rf"\b(?:{'|'.join(_PHONE_WORD_LIST)})\b"
_OPENING = string.punctuation + "“”‘’—–«»"  # what may stand right before a hedge that starts a phrase
_AUXILIARY_BEFORE = re.compile(r"\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?$", re.I)
_EXCHANGE_FOR_ANYWHERE = re.compile(r"\bin\s+(?:exchange|return)\s+for\b", re.I)
# Compiled once: they run for every number.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TIME_AFTER = re.compile(r":\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|GMT\b)")
_HOURS_OF_DAY_AFTER = re.compile(r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o['’]clock)\b")  # "since 6 in the morning"
# "the 1300 bulletin", "at 2100 hours": a 24-hour clock time written as four digits
_CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_WORD_AFTER = re.compile(r"\s+(?:hours|hrs|h|GMT|UTC|local\s+time|bulletin|news|newscast|broadcast|edition)\b", re.IGNORECASE)
# "brought back 97", "has freed 40": a count right after its verb (not "freed 240 prisoners, a ratio of three")
_VERB_OBJECT_BEFORE = re.compile(r"\b(?:brought|brings|bring|got|gets|freed|frees|released|releases|returned|returns|handed|hands|sent|sends|exchanged|swapped|repatriated)(?:\s+(?:back|home|over|out))?\s+(?:another\s+|some\s+|about\s+|nearly\s+|almost\s+)?$")
_DIED_AT_BEFORE = re.compile(r"\b(?:die[sd]?|dying|dead|passed\s+away)\s+at\s+(?:the\s+age\s+of\s+)?$", re.IGNORECASE)  # "dies at 78": an age
_LINE_START_BEFORE = re.compile(r"(?:^|\n)\s*$")
_LIST_MARK_AFTER = re.compile(r"[.)]\s")
_NUMBER_SIGN_BEFORE = re.compile(r"(?:No\.|#|number)\s*$")
_AGE_LIMIT_BEFORE = re.compile(r"\b(?:children|kids|minors)\s+(?:under|over)\s+$", re.I)
_AGE_AFTER = re.compile(r"-year-old|\s+years?\s+old\b")
# "Serhiy was 23 when ...", "she turned three while ...": a person's age, said with a verb and no noun after
_AGE_VERB_BEFORE = re.compile(r"(?:(?:\b(?:he|she|I|who)|[A-Z][a-z]+|\b(?:youngest|oldest)(?:\s+[a-z]+){0,2})\s+(?:was|is)|\bturn(?:ed|s)|\bthe\s+(?:youngest|oldest))\s+(?:just\s+)?$")  # "the youngest freed soldier is 21."
_AGE_VERB_AFTER = re.compile(r"\s+(?:when|while|as|at\s+the\s+time)\b|\s*[.,;]")
_AGE_BEFORE = re.compile(r"\b(?:aged?|age|ages)\s+(?:(?:between\s+)?\d{1,3}(?:,\s*|\s+(?:and|or|to)\s+|\s*-\s*))*$")  # "aged 19 and 20"
# "the journalist, 34, was ...": a number between commas after a singular noun, a verb after it
_PERSON_COMMA_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+){0,2}[a-z]+[^s\W],\s*$")
_VERB_AFTER_AGE = re.compile(r",\s+(?:was|is|had|has|said|says|told|who|spent|remains|became|returned|came)\b")
_AGE_ITEM = r"(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)"
_AGE_WHEN_AFTER = re.compile(rf"(?:(?:,\s*|,?\s+and\s+){_AGE_ITEM})*\s+(?:years?\s+old\s+)?when\b")
_AGE_WHEN_BEFORE = re.compile(rf"(?P<there>\b[Tt]here\s+)?\b(?:was|were)\s+(?:only\s+|just\s+|barely\s+)?(?:{_AGE_ITEM}(?:,\s*|,?\s+and\s+))*$")
_NOUN_THEN_TOTAL = re.compile(r"\b(?P<noun>[a-z]+),\s+$")
_IN_ALL_AFTER = re.compile(r"\s+(?:in\s+all|in\s+total|altogether|all\s+told)\b")
_NAME_COMMA_BEFORE = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u017F][a-z\u00DF-\u00FF\u0100-\u017F]+,\s*$")  # "Julián, 26,": Latin letters with accents
_OVER_A_PERIOD = re.compile(r"(?<!\bfor)(?<!\bof)(?<!\bjust)(?<!\bafter)(?<!\bin)(?<!\blasting)(?<!\btook)(?<!\btaking)\s+over\s+(?:the\s+(?:next|past|last|following)\s+)?$", re.IGNORECASE)
_GROUPS_JOINED = re.compile(r"\s+(?:and|or)\s+(?P<noun>[a-z]+)\b")
# An active verb's object starts here: a number, or a determiner that is not a time ("released the next day").
_OBJECT_AFTER = re.compile(r"\s+(?:\d|more\s+than\b|at\s+(?:least|most)\b|up\s+to\b|over\s+\d|(?:a|an|their|its|his|her|some|about|nearly|almost|all|both|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|the(?!\s+(?:next|following|same|previous|day|week|month|year)\b))\b)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[A-Za-z-]+\s+)?$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "the remaining three", "the other two", "those 95": a number standing for a group counted earlier in the text.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|all)\s+(?:(?:remaining|other|last|first|same|freed|released|returned|missing)\s+)?$", re.IGNORECASE)
_REFERRING_NUMBERS = frozenset({"two", "three", "four", "five", "2", "3", "4", "5"})  # "the 2 sides" too, as spinners write it
_REFERENCE_AFTER = re.compile(rf"\s+(?:[A-Za-z]+\s+){{0,2}}{_REFERENCE_NOUNS}\b")  # "the two (warring) parties", "the two Central Asian neighbours"
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s|$)")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|them\b|those\b|(?:our|their|its|his|her|these)\s+)?")
_SCALE_WORD = re.compile(r"dozen|hundred|thousand|million", re.IGNORECASE)
_PEOPLE_ADJECTIVE = re.compile(r"(?:dead|injured|wounded|missing|displaced|detained|disappeared|freed|released|living)\b")  # "the dead": people
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
_DIGIT_COUNT = re.compile(r"\d[\d,]*\s+")
_OF_US = re.compile(r"\s+of\s+(?:us|you)\b")
_OF_THEM_VERB = re.compile(r"\s+of\s+them\s+(?:were|was|are|is|had|have|has|will|would|[a-z]+ing)\b|\s+of\s+them\s*[.;,)]|\s+of\s+them\s+(?:on|in|with|at|from|by|without|still)\b")  # "... 32 of them serving life", "interviewed 205 of them.", "six of them on crutches"
_OF_THEM = re.compile(r"\s+of\s+them\s+(?=(?![a-z]+ing\b)[a-z]+\b(?!\s+(?:were|was|are|is|had|have|has|will|would)\b))")  # "two of them minors"
_OF_OURS = re.compile(r"\s+of\s+(?:ours|theirs|yours)\b")  # "185 of ours are home": our people
_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|the|these|those|his|her|our)\s+(?:[a-z]+['’]s\s+(?=\d))?")  # "three of the country's 15 governors"
# A number that opens a list item, maybe after a bullet and a hedge ("- Up to 40: detainees ...").
_ITEM_START_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•–—][ \t]+)?(?:[A-Za-z]+[ \t]+){0,2}$")
_COLON = re.compile(r":\s*")
_DASH_LABEL = re.compile(r"[ \t]+[-–—][ \t]+")
_LABEL_NOUN_STARTS = frozenset(("share", "proportion", "percentage", "number"))  # "Nine in ten - share of returning prisoners"
_SHARE_OF = re.compile(rf"(?:{'|'.join(sorted(_LABEL_NOUN_STARTS))})\s+of\s+(?:the\s+|all\s+)?", re.I)

# "who had been held", "of the Kursk region who had been held": a relative clause right after the noun or a short complement
_RELATIVE_CLAUSE = re.compile(r"\s*(?:(?:of|from|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s*)?,?\s*(?:who|whom|which|that)\b", re.IGNORECASE)
_OF_WHOM_BEFORE = re.compile(r"\bof\s+whom\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_OF_NEXT = re.compile(r"\s+of\b")
# Words right after a plural noun that show it was the head: verbs and adverbs a counted noun phrase never holds.
_PHRASE_BREAKERS = frozenset("remain remained remains still also now stay stayed lie lay lies were are was is have has had will would could can may might must".split())
_SUCH_OR_OF = re.compile(r"\s+(?:such|of)\b", re.IGNORECASE)


class FigureMention(NamedTuple):  # a tuple: one is built per number, and a frozen dataclass costs three times as much
    start: int
    end: int
    surface: str
    value: float
    value_high: float | None
    qualifier: str
    category: str
    party: str | None
    predicate: str | None
    sentence: str
    kind: str
    phrase_end: int  # end of the counted noun phrase ("84 prisoners"), for readers of the words after it


@cache
def _qualifiers() -> tuple[dict[str, str], int, frozenset[str]]:
    """Hedge phrase -> qualifier, the most words a phrase has, and the words a phrase ends with."""
    table = {" ".join(row["phrase"].lower().split()): row["qualifier"] for row in load("qualifiers")}
    return table, max(len(phrase.split()) for phrase in table), frozenset(phrase.split()[-1] for phrase in table)


@cache
def _in_exchange_for() -> re.Pattern:
    """'in exchange for' right before a number, maybe with a hedge of the qualifiers lexicon ('in return for almost 2,000')."""
    return re.compile(rf"\bin\s+(?:exchange|return)\s+for\s+(?:(?:{phrase_alternation(_qualifiers()[0])})\s+)?$", re.I)


@cache
def _predicate_index() -> tuple[PhraseIndex, dict[str, tuple[str | None, ...]]]:
    """The phrases that say what happened, of both sides of the number ('before' it, 'after' its noun), in one index, and
    per side each phrase's predicate there (None: the phrase is of the other side only)."""
    tables = {side: {" ".join(row["phrase"].lower().split()): row["predicate"] for row in load("predicates") if row["side"] == side}
              for side in ("before", "after")}
    index = PhraseIndex([*tables["before"], *tables["after"]])
    return index, {side: tuple(table.get(phrase) for phrase in index.phrases) for side, table in tables.items()}


class _Predicates:
    """Every whole-word predicate phrase of one text, per side, found in one pass; read per number by window."""

    def __init__(self, text: str):
        index, predicates = _predicate_index()
        found = WholePhrases(index, text)
        self.phrases = {side: found.only(lambda phrase, of_side=of_side: of_side[phrase] is not None) for side, of_side in predicates.items()}

    def within(self, side: str, start: int, end: int, skip: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """(start, end, predicate) of the phrases inside [start, end), none inside a skipped span: leftmost first, the
        longest at one start, none overlapping."""
        predicates = _predicate_index()[1][side]
        return [(s, e, predicates[phrase]) for s, e, phrase in self.phrases[side].spans_within(start, end, skip)]


@cache
def _human_subject() -> re.Pattern:
    return re.compile(rf"\s+(?:{phrase_alternation(row['phrase'] for row in load('human_subjects'))})\b", re.IGNORECASE)


def _is_year(number: NumberMention, surface: str) -> bool:
    if number.kind == "range":  # "Between 2022 and 2024", "2019-2021": a span of years
        return all(v is not None and v.is_integer() and _YEAR.fullmatch(str(int(v))) for v in (number.value, number.value_high))
    return number.kind == "number" and _YEAR.fullmatch(surface) is not None


class _Spans:
    """Spans that no figure may overlap (dates, telephone numbers, ...), asked in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max, initial=-1))[1:]  # the furthest end of the spans so far

    def overlap(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans[:i] start before the number ends
        return i > 0 and self.reach[i - 1] > start


_PHRASE_SPACE = " \n"  # what may stand between the words of a noun phrase: a line break inside a sentence wraps it ("three\nborder guards")
_ZERO_LED = re.compile(r"(?<![\d.,])(?<!\d )0\d")  # not a thousands group set off by a space: "2 750 000"
_TALLY = re.compile(r"\d{1,3}[-–]\d{1,3}")


def _says(text: str, words: tuple[re.Pattern, tuple[str, ...]], low: str | None = None) -> bool:
    """Whether the text (`low`: it lowered, if at hand) holds one of the words of a (pattern, stems) pair."""
    pattern, stems = words
    low = text.lower() if low is None else low
    return any(stem in low for stem in stems) and pattern.search(text) is not None


def _ends_linked(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with a word that links a count to the one before ('including', 'and'). Each word ends
    in one of a few letters: the pattern, tried at every position of the window, runs only then."""
    last = text[start:end].rstrip()[-1:]
    return last in _LINKED_LAST_LETTERS and LINKED.search(text, start, end) is not None


def _one_more_of_a_list(text: str, number: NumberMention, previous: FigureMention | None, sentence: Sentence) -> bool:
    """Whether "one" and its noun follow a count of other things joined by "and" ("two shots and one assist"): a count
    too, as "one" rarely stands for a pronoun there."""
    return (previous is not None and previous.sentence == sentence.text and previous.category in ("other", UNKNOWN_NOUN)
            and text[max(sentence.start, number.start - 5):number.start].rstrip().endswith(" and")
            and _LOWER_WORD.match(text, number.end) is not None)


_LOWER_WORD = re.compile(r" (?!(?:for|from|with|each|who|that|which|was|were|is|are|had|has|more|other|another|still|less|per|apiece|in|at|to|by|on)\b)[a-z]{3,}\b(?! of\b)")


def _ends_compared(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a comparison ('down from', 'compared with', 'than'): the pattern runs only where
    one of its words is."""
    window = text[start:end].lower()
    return ("from" in window or "compared" in window or "than" in window) and _COMPARED.search(text, start, end) is not None


def _excluded(text: str, number: NumberMention, surface: str, date_spans: _Spans) -> bool:
    if date_spans.overlap(number.start, number.end):
        return True
    if number.kind == "range" and number.value_high is not None and number.value_high <= number.value and _TALLY.fullmatch(surface):
        return True  # "approved 4-1", "a 6–3 ruling", "won 2-2": a score or a vote, not a range (a range rises)
    if number.kind == "range" and "age" in text[max(0, number.start - 8):number.start]:
        return _AGE_BEFORE.search(text, max(0, number.start - 8), number.start) is not None  # "aged between 8 and 15"
    if "0" in surface and _ZERO_LED.search(surface):
        return True  # "27-05512 (E)", "Agent 007": a digit group led by a zero is a code, never a quantity
    if number.kind != "number":
        return False
    # Each pattern runs only where the words it needs are there: they run for every number.
    before, after = text[max(0, number.start - 12):number.start], text[number.end:number.end + 12]
    if (after[:1] == ":" or "m" in after or "GMT" in after or "UTC" in after) and _TIME_AFTER.match(after):
        return True  # a time of day
    if number.value <= 12 and (" in the " in after or " at " in after or "clock" in after) and _HOURS_OF_DAY_AFTER.match(text, number.end):
        return True  # "6 in the morning", "11 at night"
    if len(surface) == 4 and _CLOCK_TIME.fullmatch(surface) and _CLOCK_WORD_AFTER.match(text, number.end):
        return True  # "the 1300 bulletin"
    if before[-1:] in "+-−" and before[-4:-1] in ("GMT", "UTC"):
        return True  # a time zone: "4:37 PM GMT+3"
    if after[:1] in ".)" and after[:1] and _LINE_START_BEFORE.search(before) and _LIST_MARK_AFTER.match(after):
        return True  # list numbering
    if ("No." in before or "#" in before or "number" in before) and _NUMBER_SIGN_BEFORE.search(before):
        return True
    if "year" in after and _AGE_AFTER.match(after) or "age" in text[max(0, number.start - 30):number.start] and _AGE_BEFORE.search(
            text, max(0, number.start - 30), number.start):
        return True  # an age
    if number.value < 20 and ("under" in before or "over" in before) and _AGE_LIMIT_BEFORE.search(text, max(0, number.start - 25), number.start):
        return True  # "children under 12 free": an age limit
    if after.startswith(",") and number.value < 120 and (before.endswith((", now ", ", aged ")) or _NAME_COMMA_BEFORE.search(before) or _VERB_AFTER_AGE.match(text, number.end)
                                                          and _PERSON_COMMA_BEFORE.search(text, max(0, number.start - 40), number.start)):
        return True  # "Jane Roe, 54," and "The journalist, 34, was arrested" give ages
    if number.value < 100 and " when" in text[number.end:number.end + 40] and _AGE_WHEN_AFTER.match(text, number.end) and (
            m := _AGE_WHEN_BEFORE.search(text, max(0, number.start - 60), number.start)) and not m.group("there"):
        return True  # "Our daughters were four and seven when he left": ages
    if surface.lower() in _REFERRING_NUMBERS and _THE_BEFORE.search(before) and _REFERENCE_AFTER.match(text, number.end):
        return True  # "the two sides", "the three countries" refer, they do not count
    return False


# Numbers inside these are no counts: a telephone number ("+243 81 555 0123", "tel. 044 123 45 67"), a name joined by a plus ("5+5"), a footnote mark, a web address
# ("Emirates.[1]"), numbers joined by slashes ("1/6" numbering a thread, "24/7", "9/11"). One pattern each, each starting
# with a literal character or word, run only when that character is in the text: one combined pattern cost milliseconds.
_PHONE_DIGITS = r"\(?\d{1,4}\)?(?:[ .-]\(?\d{2,4}\)?){2,}"
_NOT_COUNTS = (("+", re.compile(r"\+\(?\d{1,4}\)?(?:[ .-]\(?\d{1,4}\)?){2,}")),  # "+370 5 000 0000": a group may be one digit
               ("+", re.compile(r"(?<![\w+])\d{1,2}\+\d{1,2}(?![\w+])")),  # "the 5+5 commission", "2+2 talks": a name
               ("[", re.compile(r"(?<=\S)\[\d{1,3}\]")),
               # "thebargainpod.com/212", "https://example.org/2026/05/": a web address
               ("/", re.compile(r"(?:https?://|www\.)\S+|(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/\S*")),
               # "50 U.S.C. § 4819", "§ 12(3)": a statute's title and section
               ("§", re.compile(r"(?:\d+\s+(?:U\.?\s?S\.?\s?C|C\.?F\.?R)\.?\s*)?§§?\s*\d[\w.()-]*")),
               ("\u20e3", re.compile(r"\d\ufe0f?\u20e3")),  # "1️⃣", a keycap emoji: a list mark
               )
# "0'40\"", "1′05″": minutes and seconds (a script's timings) or feet and inches, a measure, not a count
_TIMING = re.compile(r"(?<![\w.,])\d{1,3}['’′]\s?\d{1,2}(?:\"|”|″|'')")
# "North 24 Parganas", "South 24 Parganas": a place named by a compass word, a number and a name (not "North 24 Ukrainians")
_COMPASS_NAME = re.compile(r"(?:North|South|East|West)\s(?P<number>\d{1,3})\s+(?P<name>[A-Z][a-z]+)\b")
# "1 of 6 | Freed soldiers ...", "Photo 3 of 12:": a gallery's or a thread's counter at the start of a line. Searched from each
# line break (a literal the engine finds fast) in the text after a leading one: a multi-line "^" pattern cost 6% of all figures.
_COUNTER_LINE = re.compile(r"\n[ \t]*(?:(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Ss]lide)\s+)?\d{1,3}\s+of\s+\d{1,3}[ \t]*(?=[|:–—-]|\n|$)")
# A subtitle cue's number on the line before its timing ("3\n00:00:09,000 --> 00:00:13,500"), and the timing line itself.
_SUBTITLE_CUE = re.compile(r"^[ \t]*(?:\d{1,5}[ \t]*\n[ \t]*)?(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[^\n]*", re.M)
_SLASHED = re.compile(r"\d{1,4}(?:/\d{1,4})+")
_PHONE_AFTER_WORD = re.compile(_PHONE_WORDS + r"\.?:?\s*" + _PHONE_DIGITS, re.IGNORECASE)


def _not_count_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for mark, pattern in _NOT_COUNTS if mark in text for m in pattern.finditer(text)]
    if " of " in text:
        spans += [(max(0, m.start() - 1), m.end() - 1) for m in _COUNTER_LINE.finditer("\n" + text)]
    if "-->" in text:
        spans += [m.span() for m in _SUBTITLE_CUE.finditer(text)]
    # the pattern tried only where a compass word is: scanning every position cost 4% of figures
    spans += [m.span("number") for m in _matches_at_words(text, text, ("North ", "South ", "East ", "West "), _COMPASS_NAME)
              if m.group("name").lower() not in categories() and party_of_word(m.group("name")) is None]
    if (" 14" in text or " 13" in text) and _CALENDAR_YEAR.search(text):  # a literal-led scan first: the date's own one tests every position
        spans += [m.span() for m in OTHER_CALENDAR_DATE.finditer(text)]
    if "'" in text or "′" in text:
        spans += [m.span() for m in _timings(text)]
    slash = text.find("/")
    while slash > 0:  # digits on both sides of a slash: matched from the run of digits before it
        if text[slash - 1].isdigit() and text[slash + 1:slash + 2].isdigit():
            begin = slash - 1
            while begin > 0 and text[begin - 1].isdigit():
                begin -= 1
            m = _SLASHED.match(text, begin)
            if m and not (begin and text[begin - 1] == "/"):
                spans.append(m.span())
                slash = text.find("/", m.end())
                continue
        slash = text.find("/", slash + 1)
    # a case-blind pattern scan costs about a millisecond per article: find the telephone words as plain text
    spans += [m.span() for m in _matches_at_words(text, folded(text), _PHONE_WORD_LIST, _PHONE_AFTER_WORD)]
    return spans


_CALENDAR_YEAR = re.compile(r"1[34]\d\d")


def _timings(text: str) -> list[re.Match]:
    """Timings tried only at the digits right before a prime or an apostrophe: the pattern, tried at every position of
    the text, cost a third of a millisecond per article, and apostrophes seldom follow a digit."""
    found = []
    for mark in "'’′":
        at = text.find(mark, 1)
        while at > 0:
            begin = at
            while begin > 0 and text[begin - 1].isdigit() and at - begin < 4:
                begin -= 1
            m = _TIMING.match(text, begin) if begin < at else None
            if m:
                found.append(m)
            at = text.find(mark, at + 1)
    return found


def _matches_at_words(text: str, haystack: str, words, pattern: re.Pattern):
    """Matches of `pattern` in `text` tried only where one of `words` starts a word of `haystack` (the text, maybe lowered)."""
    for word in words:
        at = haystack.find(word)
        while at >= 0:
            m = pattern.match(text, at)
            if m and not (at and haystack[at - 1].isalnum()):
                yield m
            at = haystack.find(word, at + 1)


@cache
def _numbered_names() -> frozenset[str]:
    return frozenset(" ".join(row["word"].lower().split()) for row in load("numbered_names"))


def _names_a_thing(text: str, start: int, sentence_start: int) -> bool:
    """Whether the number at `start` follows a noun that numbers name ("Article 205", "Penal Colony No. 6", "stages two &
    three"): read back over the words before it, skipping "No."/"#" and earlier numbers of a list joined by and, &, or, to."""
    tokens = text[max(sentence_start, start - 40):start].replace(",", " , ").split()
    i = len(tokens) - 1
    if i >= 0 and tokens[i].lower() in ("no.", "no", "#"):
        i -= 1
    while i >= 1 and tokens[i].lower() in ("and", "&", "or", "to", ","):
        i -= 2  # the joining word and the number before it
    if i < 0:
        return False
    names = _numbered_names()
    if tokens[i][-1] in ",;:)]":
        return False  # "in the press room; two camera positions": the noun ends a clause, it names no number
    word = tokens[i].lower().lstrip("([").rstrip(".")  # "(IMO 9234561)", "[Article 5]", "Art. 5"
    return word in names or (i >= 1 and f"{tokens[i - 1].lower()} {word}" in names)


_VALUE_END = re.compile(r"[ \t]*(?:[|();]|\n|$)")
_LABEL_BEFORE = re.compile(r"(?:^|\n|[|(;])[ \t]*(?P<label>[A-Z][A-Za-z ]{2,40}):[ \t]*$")
_PEOPLE_HEADER_WORDS = frozenset("released freed returned exchanged swapped killed dead wounded injured missing detained held captured "
                                 "abducted deported displaced".split())


def _table_column_category(text: str, number: NumberMention) -> str | None:
    """A number alone in a cell of a plain-text table ('| 144 |') counts what its column's header names: 'Prisoners' ->
    prisoners, 'Released to A' -> people, anything else -> other. None when the number is not alone in a cell."""
    line_start = text.rfind("\n", 0, number.start) + 1
    line_end = text.find("\n", number.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if line.count("|") < 2:
        return None
    start, end = number.start - line_start, number.end - line_start
    left, right = line.rfind("|", 0, start), line.find("|", end)
    if (left < 0 and right < 0) or line[left + 1:start].strip() or line[end:right if right >= 0 else len(line)].strip():
        return None
    column = line.count("|", 0, start)
    header = None
    while line_start > 0:  # up the table's lines to its first one with words: the header
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = text[above_start:line_start - 1]
        if "|" not in above:
            break
        if any(ch.isalpha() for ch in above):
            header = above
        line_start = above_start
    cells = header.split("|") if header else []
    if column >= len(cells):
        return None
    return _header_category(cells[column])


def _header_category(header: str) -> str:
    """What a table header or a label counts: its known noun, else people for a word of what happens to people, else other."""
    words = [w.strip(".:()").lower() for w in header.split()]
    known = next((categories()[w] for w in words if w in categories()), None)
    return known or ("people" if any(w in _PEOPLE_HEADER_WORDS for w in words) else "other")


def _label_category(text: str, number: NumberMention) -> str | None:
    """A number right after a label at a line's or a cell's start ('Returned to Armenia: 12', '| Still held: 300+')
    counts what the label names; None when no label stands there."""
    m = _LABEL_BEFORE.search(text, max(0, number.start - 60), number.start)
    if m is None:
        return None
    return "people" if party_of_word(m.group("label").strip()) else _header_category(m.group("label"))  # "(Armenia: 6; ...)"


def _noun_phrase(text: str, number: NumberMention, sentence_end: int) -> tuple[str | None, str | None, int]:
    """(category, party, end of the noun phrase) read from the words after the number."""
    pos = number.end
    if number.kind in ("vague", "fraction") or number.kind == "number" and _OF_AFTER.match(text, pos, sentence_end) and _SCALE_WORD.search(text, number.start, number.end):
        m = _OF_AFTER.match(text, pos, sentence_end)
        if m:
            pos = m.end()
    if number.unit:
        return number.unit, None, number.end
    if text.find("of", max(0, number.start - 25), number.start) >= 0 and _BODIES_BEFORE.search(text, max(0, number.start - 25), number.start):
        return "bodies", None, number.end
    label_mark = _COLON.match(text, number.end) or _DASH_LABEL.match(text, number.end)
    if label_mark and label_mark.group()[:1] != ":":  # after a dash, a noun phrase ("- drones", "- Ukrainian prisoners"), not a
        named = _WORD.match(text, label_mark.end())   # unit's name ("• 73 — Armed Forces of Ukraine": part of the lead's count)
        if named is None or named.group()[:1].isupper() and party_of_word(named.group()) is None and named.group().lower() not in _LABEL_NOUN_STARTS:
            label_mark = None
    if label_mark and _ITEM_START_BEFORE.search(text, max(0, number.start - 30), number.start):
        # "- 537: detainees freed by ...", "150 - Ukrainian prisoners of war who came home": a list of figures and what they count
        pos = label_mark.end()
        share = _SHARE_OF.match(text, pos)  # "Nine in ten - share of returning prisoners": the share's whole
        if share:
            pos = share.end()
        first = _WORD.match(text, pos)
        if first and first.group().lower() not in categories() and _unknown_plural(first.group().lower()) and party_of_word(first.group()) is None:
            return UNKNOWN_NOUN, None, first.end()  # "* 15: flights operated ...": the item's own noun, one the lexicon lacks
    partitive = _PARTITIVE.match(text, number.end, sentence_end) or _OF_THEM.match(text, number.end, sentence_end)
    if partitive and number.kind == "number":
        pos = partitive.end() + pos - number.end
        idiom = _WORD.match(text, pos)
        idiom = idiom and f"{partitive.group().split()[-1]} {idiom.group()}".lower()
        if idiom in categories():  # "212 of our boys": a noun the lexicon knows with its determiner
            return categories()[idiom], None, pos + len(idiom.split()[-1])
        whole = _DIGIT_COUNT.match(text, pos, sentence_end)
        if whole:  # "47 of the 150 prisoners": a part counts what the whole counts
            pos = whole.end()
    share_of = _OF_AFTER.match(text, number.end, sentence_end) if number.kind in ("fraction", "number") else None
    adjective = share_of and share_of.group().rstrip().endswith("the") and _PEOPLE_ADJECTIVE.match(text, share_of.end(), sentence_end)
    if adjective:  # "half of the dead", "70 of the released" (not "114 of the freed prisoners": a noun follows)
        following = _WORD.match(text, adjective.end() + 1) if text.startswith(" ", adjective.end()) else None
        if following is None or following.group().rstrip(".’'").lower() not in categories():
            return "people", None, share_of.end()  # the verb reading starts at the adjective: "released", "dead"
    if number.kind == "number" and " of " in text[number.end:number.end + 5] and _OF_OURS.match(text, number.end):
        return "people", None, number.end
    if text.startswith(" of whom", number.end):
        return "people", None, number.end  # "200 prisoners, 120 of whom were serving life": a part of the people named before
    if number.kind == "number" and _OF_US.match(text, number.end):
        return "people", None, number.end  # "there were eight of us in the cell"
    copula = _COPULA.match(text, number.end, sentence_end)
    if copula and number.kind == "number" and not _WHOLE_OF_BEFORE.search(text, max(0, number.start - 8), number.start):
        # "1,200 were servicemen", "seven of those freed were civilians"
        following = _WORD.match(text, copula.end())
        noun = following.group().rstrip(".’'").lower() if following else None
        if noun in categories():
            return categories()[noun], None, following.start() + len(noun)
        second = _NEXT_WORD.match(text, following.end()) if following else None
        pair = f"{noun} {second.group(1).rstrip('.’').lower()}" if second else None
        if pair in categories():  # "78 are service members"
            return categories()[pair], None, second.end(1)
    own = _OF_ITS_OWN.match(text, number.end, sentence_end) if number.kind == "number" else None
    if own:
        return "people", None, own.end()  # "Russia received 84 of its own"
    party = None
    words = list(islice(_WORD.finditer(text, pos, min(sentence_end, pos + 80)), 7))  # the loop reads at most seven
    multi_word_starts = _multi_word_starts()
    skip = -1  # the second word of a two-word demonym, read with the first
    modifier = None  # "civilian" before a head noun that counts people of any kind
    for i, word_match in enumerate(words[:4]):
        if i == skip:
            continue
        if text[pos:word_match.start()].strip(_PHRASE_SPACE if i else _PHRASE_SPACE + "\"”’"):  # punctuation between: the phrase has ended
            break  # (a closing quote may end a quoted number: '"several thousand" civilians')
        word = word_match.group().rstrip(".’'")
        lowered = word.lower()
        for length in ((3, 2) if word_match.group().lower() in multi_word_starts else ()):  # multi-word nouns first: "prisoners of war"
            phrase = " ".join(w.group().lower() for w in words[i:i + length]).rstrip(".’'")  # "4 border guards."
            if phrase in categories() and len(words[i:i + length]) == length:
                return categories()[phrase], party, words[i + length - 1].start() + len(phrase.split()[-1])
        if lowered in categories() and not _noun_follows(text, words, i):
            category = categories()[lowered]
            if category == "people" and (modifier == "civilians" or lowered in _MEMBER_NOUNS and _armed_body_after(text, word_match.end())):
                category = modifier or "soldiers"  # "9 civilian officials"; "61 members of the National Defence Force"
            joined = _GROUPS_JOINED.match(text, word_match.end()) if category in GROUPS else None
            if joined and categories().get(joined.group("noun").lower()) in GROUPS | {"people"}:
                return "people", party, joined.end()  # "50 women and children": one count of both
            return category, party, word_match.end()
        if lowered in categories():  # "22 wounded Russian soldiers": "wounded" modifies the head noun after it
            modifier = categories()[lowered] if categories()[lowered] == "civilians" else modifier
            pos = word_match.end()
            continue
        if words_to_number(lowered) is not None and not (i == 0 and partitive):
            break  # another number starts: "three allies freed eight Russians" (not "two of the five Iranians")
        code = party_of_word(word) or (party_of_word(word_match.group()) if "." in word_match.group() else None)  # "U.S."
        last, after_last = word, i + 1  # the demonym's last word and the index after it
        if code is None and word[:1].isupper() and i + 1 < len(words) and text[word_match.end():words[i + 1].start()] == " ":
            second = words[i + 1].group().rstrip(".’'")
            code = party_of_word(f"{word} {second}")  # "six South Korean fishermen", "40 North Koreans"
            if code is not None:
                last, after_last, skip = second, i + 2, i + 1
        if code is not None:
            if last.endswith("s") and not last.endswith("ss") and last[0].isupper() and (  # "Swiss francs": an adjective
                    after_last >= len(words) or words[after_last].group().lower() not in categories()
                    or text[words[after_last - 1].end():words[after_last].start()].strip(_PHRASE_SPACE)):  # "2,500 Armenians, troops and civilians alike"
                return "people", code, words[after_last - 1].end()  # "84 Ukrainians"
            party = code
            if skip == i + 1:
                pos = words[i + 1].end()
                continue
        elif lowered == "more" and i + 1 < len(words) and (words[i + 1].group().rstrip(".’'").lower() in categories()
                                                           or party_of_word(words[i + 1].group().rstrip(".’'")) is not None):
            pass  # "200 more detainees", "3 more Estonian citizens"
        elif lowered in ("and", "or") and party is not None and i > 0:
            shared = _SHARED_NOUN.match(text, word_match.end())  # "207 Ukrainian and 195 Russian POWs": one noun for both
            if shared and parse_number(shared.group("number")) is not None:
                following = NumberMention(shared.start("number"), shared.end("number"), 0.0)
                category, _, _ = _noun_phrase(text, following, sentence_end)
                if category is not None and category != UNKNOWN_NOUN:
                    return category, party, words[i - 1].end()
            break
        elif lowered in _NOT_MODIFIERS or not _MODIFIER.fullmatch(word):
            break
        elif _unknown_plural(lowered) and (_OF_NEXT.match(text, word_match.end()) or not _noun_follows(text, words, i) and _phrase_ends(text, words, i)):
            return UNKNOWN_NOUN, party, word_match.end()  # a head noun the lexicon does not know: "300 cases of ...", "hundreds of graves remain"
        pos = word_match.end()
    return None, party, number.end


_MEMBER_NOUNS = frozenset({"members", "member"})
# "members of the Oromo Liberation Army", "of the armed forces": a body that fights. Not "of the police force".
_ARMED_BODY = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<name>(?:(?!police\b)[A-Za-z][\w'’-]*\s+){0,4}?(?:[Aa]rmy|[Aa]rmed\s+[Ff]orces|[Ff]orces?|[Gg]uard|[Mm]ilitia|[Nn]avy|[Bb]rigade|[Bb]attalion|[Rr]egiment)\b)?")


_CAPITALIZED_RUN = re.compile(r"[A-Z][\w'’/-]*(?:\s+[A-Z][\w'’/-]*){0,4}")


def _armed_body_after(text: str, end: int) -> bool:
    """Whether 'members' is followed by 'of' and an army, or an armed group the gazetteer names ('members of the ELN')."""
    m = _ARMED_BODY.match(text, end)
    if m is None:
        return False
    if m.group("name"):
        return True
    name = _CAPITALIZED_RUN.match(text, m.end())  # read word by word: find_parties on a slice would evict the text's own parties
    words = name.group().split() if name else []
    code = next((c for k in range(len(words), 0, -1) if (c := party_of_word(" ".join(words[:k]))) is not None), None)
    return code is not None and gazetteer()[code].kind == "armed_group"


def _unknown_plural(word: str) -> bool:
    """A plural noun the lexicon does not know ("graves", "families"), not an adjective ending in s ("various", "previous")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")) and word not in _NOT_MODIFIERS and len(word) > 3


def _phrase_ends(text: str, words: list[re.Match], i: int) -> bool:
    """Whether the noun phrase ends after words[i]: punctuation, the text's end, or a word that no noun phrase holds."""
    if i + 1 >= len(words) or text[words[i].end():words[i + 1].start()].strip(_PHRASE_SPACE):
        return True
    following = words[i + 1].group().lower()
    return following in _NOT_MODIFIERS or following in _PHRASE_BREAKERS or not _MODIFIER.fullmatch(words[i + 1].group())


@cache
def _multi_word_starts() -> frozenset[str]:
    """First words of the counted nouns of several words ("prisoners" of "prisoners of war")."""
    return frozenset(phrase.split()[0] for phrase in categories() if " " in phrase)


def _noun_follows(text: str, words: list[re.Match], i: int) -> bool:
    """Whether words[i] is followed, in the same phrase, by a counted noun ('wounded soldiers') or a demonym and one ('wounded Russian soldiers')."""
    following = [w for w in words[i + 1:i + 3]]
    if not following or text[words[i].end():following[0].start()].strip(_PHRASE_SPACE):
        return False
    first = following[0].group().rstrip(".’'")
    if first.lower() in categories():
        return categories()[first.lower()] not in DURATIONS  # "90 prisoners hours later": a duration never heads the phrase
    return (party_of_word(first) is not None and len(following) > 1 and not text[following[0].end():following[1].start()].strip(_PHRASE_SPACE)
            and following[1].group().rstrip(".’'").lower() in categories())


def _qualifier(text: str, number: NumberMention) -> str:
    if number.vague:
        return "vague"
    if text[number.end - 1] == "+" or text.endswith(("-plus", "-odd"), number.start, number.end):
        return "more_than"  # "600+ bodies", "a 40-plus-year sentence", "2,000-odd days"
    if written_circa(text, number.start):
        return "about"  # "c.20", circa, written tight
    window_start = max(0, number.start - 25)
    before = text[window_start:number.start]
    if before[-1:] in _HEDGE_SIGNS and before[-1:]:
        return _HEDGE_SIGNS[before[-1]]  # "~6k", ">300", "≤ 50" written as a sign
    if before[-2:-1] in _HEDGE_SIGNS and before[-2:-1] and before[-1] == " " and (len(before) < 3 or not before[-3].isalnum()):
        return _HEDGE_SIGNS[before[-2]]
    if not before[-1:].isspace():
        return "exact"
    table, longest, last_words = _qualifiers()
    words = before.split()
    if not words or words[-1].lower().lstrip(_OPENING) not in last_words:
        return "exact"
    cut = window_start > 0 and not before[0].isspace() and text[window_start - 1].isalnum()  # the window began mid-word
    for k in range(min(longest, len(words)), 0, -1):  # the longest hedge that ends right before the number
        if k == len(words) and cut:
            continue
        first = words[-k].lstrip(_OPENING)
        qualifier = table.get(" ".join([first, *words[len(words) - k + 1:]]).lower()) if first else None
        if qualifier is None:
            continue
        if k == 1 and first.lower() in ("over", "under"):  # "handed over 62": a verb particle, not a hedge
            hedge_start = window_start + len(before.rstrip()) - len(first)
            if _PARTICLE.search(text, max(0, hedge_start - 12), number.start):
                continue
        return qualifier
    return "exact"


# A verb before the count and "home"/"back" right after its noun: the people came home. Not "stayed home", "held back".
_HOME_AFTER_NOUN = re.compile(r"\s+(?:home|back)\b(?!\s+(?:in|on|at|when|then|and\s+forth)\b)")
_BRINGING_BEFORE = re.compile(r"\b(?:got|gets|get|getting|carried|carries|carrying|took|takes|taking|flew|flies|flying|bused|bussed|ferried|welcomed|welcomes|drove|brought|brings)\s+(?:\w+\s+){0,2}$", re.I)


def _predicate(text: str, number: NumberMention, np_end: int, sentence: Sentence, predicates: _Predicates) -> tuple[str | None, str | None]:
    """(predicate, side where it was found: 'after' the counted noun or 'before' the number)."""
    if text.find("for", max(sentence.start, number.start - 30), number.start) >= 0 and _in_exchange_for().search(text, max(sentence.start, number.start - 30), number.start):
        return "exchanged", "before"  # "in exchange for eight Russians held in the West": what they were held for comes later
    rest = text[np_end:sentence.end]
    blanked = [m.span() for m in _PARENTHETICAL.finditer(rest)] if "," in rest else []
    after_text = rest
    for a, b in blanked:
        after_text = after_text[:a] + " " * (b - a) + after_text[b:]
    after_text = _CLAUSE_END.split(after_text, maxsplit=1)[0]
    if "for" in after_text:
        after_text = _EXCHANGE_FOR_ANYWHERE.split(after_text, maxsplit=1)[0]  # what follows "in exchange for" is about the other side's people
    found = []
    relative = any(word in after_text for word in ("who", "which", "that")) and _RELATIVE_CLAUSE.match(after_text)
    reach = 16 if relative else 10  # the main verb may follow a relative clause: "... who had been illegally held in Ukraine were returned"
    for start, end, predicate in predicates.within("after", np_end, np_end + len(after_text), [(np_end + a, np_end + b) for a, b in blanked]):
        if len(after_text[:start - np_end].split()) > reach:
            break  # later phrases are further still
        if not _auxiliary_before(after_text, start - np_end) and _OBJECT_AFTER.match(text, end):
            break  # "three allies released eight Russians": they did it, it was not done to them
        if predicate == "held" and _FROM_BEFORE.search(text, max(np_end, start - 20), start):
            continue  # "103 defenders from Russian captivity": where they come from, not where they are
        following = _NEXT_WORD.match(text, end)
        if following and following.group(1).lower() in categories():
            continue  # "175 servicemen and 22 seriously wounded soldiers returned": an adjective of the next count's noun
        found.append((start - np_end, predicate))
    if not found and ("home" in after_text[:6] or "back" in after_text[:6]) and _HOME_AFTER_NOUN.match(text, np_end) \
            and _BRINGING_BEFORE.search(text, max(sentence.start, number.start - 25), number.start):
        return "returned", "after"  # "they carried 157 Ukrainians home", "Russia got 150 of its own back"
    clause_start = max(sentence.start, text.rfind(";", sentence.start, number.start) + 1, text.rfind(":", sentence.start, number.start) + 1)
    found_before = predicates.within("before", max(clause_start, number.start - 60), number.start)
    if found:
        # "Four soldiers held in Gaza since 2023 were released": the verb with its auxiliary is the main verb, the bare participle a modifier.
        bare = not _auxiliary_before(after_text, found[0][0])
        finite = [f for f in found[1:] if _auxiliary_before(after_text, f[0])] if bare else []
        if finite:
            return finite[0][1], "after"
        if found[0][1] == "held" and len(found) > 1 and relative:
            # "Five US citizens who had been detained in Iran landed in Doha": the clause says where they were, the verb after it what happened
            return next((p for _, p in found[1:] if p != "held"), "held"), "after"
        # "is to free 50 women held in Gaza", "the return of ten citizens who had been detained": a participle or relative
        # clause of captivity says where they were, the verb or noun before says what happens to them.
        if not (found_before and found[0][1] == "held" and (bare or relative)):
            return found[0][1], "after"
    if found_before:
        before = max(found_before, key=lambda f: (f[1], f[1] - f[0]))[2]
        if found and before == found[0][1]:
            return before, "after"  # "203 held by the RSF went north, 109 held by the army went south": its own participle, not the earlier count's
        return before, "before"
    return None, None


def _auxiliary_before(after_text: str, end: int) -> bool:
    """Whether an auxiliary ('were', 'has been', 'will be', and an adverb) ends at `end`; none is 40 characters long."""
    return _AUXILIARY_BEFORE.search(after_text, max(0, end - 40), end) is not None


def _continues_list(text: str, previous: FigureMention, number: NumberMention) -> bool:
    """Whether the number opens a bulleted item on the line right after the previous figure's: an item before it, or a
    lead line ending with a colon."""
    between = text[previous.end:number.start]
    if between.count("\n") != 1 or not _BULLET_BEFORE.search(text, max(0, number.start - 8), number.start):
        return False
    line_end = previous.end + between.index("\n")
    return text[previous.end:line_end].rstrip().endswith(":") or bool(_BULLET_BEFORE.search(text, max(0, previous.start - 8), previous.start))


def _number_of_category(text: str, number: NumberMention, sentence_start: int) -> str | None:
    """What 'the number of X ... to N' counts: the first counted noun among the words after 'number of'."""
    if text.find("number of", max(sentence_start, number.start - 150), number.start) < 0:
        return None
    stated = _NUMBER_OF_BEFORE.search(text, max(sentence_start, number.start - 150), number.start)
    words = stated.group("words").split() if stated else ()
    return next((categories()[w] for w in words if categories().get(w) not in (None, "other", "percent", *DURATIONS)), None)


def _asked_category(text: str, number: NumberMention) -> str | None:
    """What the question right before counts, when the number answers "How many X ...?" in the same or the next paragraph."""
    mark = text.rfind("?", max(0, number.start - 400), number.start)
    if mark < 0 or text.count("\n\n", mark, number.start) > 1:
        return None
    question_start = max(text.rfind(end, 0, mark) for end in ".!?\n") + 1
    asked = _HOW_MANY.search(text, question_start, mark)
    if asked is None:
        return None
    for word in asked.group(1).split():
        word = word.lower()
        if word in categories():
            return categories()[word]
        if party_of_word(word.capitalize()) is not None and word.endswith("s"):
            return "people"  # "How many Ukrainians are still held?"
    return None


def _captive_party(sentence_text: str, sides: tuple[str, ...]) -> str | None:
    """'in Russian captivity' -> the captives are the other side's people."""
    m = _CAPTOR.search(sentence_text)
    if not m or len(sides) != 2:
        return None
    captor = party_of_word((m.group("captor") or m.group("holder")).rstrip(".’'s"))
    if captor in sides:
        return sides[1] if captor == sides[0] else sides[0]
    return None


def extract_figures(text: str, parties: list[PartyMention] | None = None) -> list[FigureMention]:
    parties = find_parties(text) if parties is None else parties
    sides = main_sides(parties)
    sentences = split_sentences(text)
    date_spans = _Spans([(d.start, d.end) for d in find_dates(text) if d.precision != "weekday"] + _not_count_spans(text))
    figures: list[FigureMention] = []
    sentence_iter = iter(sentences)
    sentence = next(sentence_iter, None)
    predicates = _Predicates(text)
    previous: FigureMention | None = None
    previous_names_things = False
    last_counted: FigureMention | None = None  # the last figure that counts people or things
    counted: dict[float, FigureMention] = {}  # the last figure of each value that counts people or things
    exchanged: FigureMention | None = None  # the last count of people exchanged, released or returned
    has_pipes = "|" in text  # a plain-text table is possible only then
    for number in find_numbers(text):
        while sentence is not None and sentence.end <= number.start:
            sentence = next(sentence_iter, None)
        if sentence is None or number.start < sentence.start:
            continue
        surface = text[number.start:number.end]
        if _excluded(text, number, surface, date_spans):
            continue
        category, party, np_end = _noun_phrase(text, number, sentence.end)
        if category is None and number.kind == "number" and _GATHERING_BEFORE.search(text, max(sentence.start, number.start - 40), number.start):
            category = "people"
        if _is_year(number, surface) and (category is None or category in (UNKNOWN_NOUN, "other") and text.startswith(" ", number.end)):
            continue  # "in 2025", and "2025 prisoner exchanges": a year before a noun it does not count
        if category is None and number.kind == "number" and number.value < 120 and _AGE_VERB_BEFORE.search(text, max(sentence.start, number.start - 40), number.start) \
                and _AGE_VERB_AFTER.match(text, number.end):
            continue
        if category is None and number.kind == "number" and number.value < 120 and _DIED_AT_BEFORE.search(text, max(sentence.start, number.start - 30), number.start):
            continue  # "dies at 78", "died at the age of 91"
        if category in (None, UNKNOWN_NOUN, "other") and number.kind in ("number", "range") and _names_a_thing(text, number.start, sentence.start):
            continue  # "Article 205", "Flight 752", "stages two & three", "paras 3-4": the number names, it does not count
        if surface[:3].lower() == "one" and surface.lower().split("-")[0] == "one" and (
                category in (None, "other", UNKNOWN_NOUN) and not _one_more_of_a_list(text, number, previous, sentence)
                or _SUCH_OR_OF.match(text, number.end) or _PRONOUN_ONE_BEFORE.search(text, max(0, number.start - 8), number.start)):
            continue  # "one" as a pronoun ("one such case", "each one took weeks") counts nothing
        predicate, predicate_side = (None, None) if (category in DURATIONS or number.kind == "percent") else _predicate(text, number, np_end, sentence, predicates)
        if predicate == "returned" and number.unit:
            predicate = None  # "received at least €50m": money is not people brought home
        linked = previous is not None and previous.sentence == sentence.text and _ends_linked(text, max(sentence.start, number.start - 20), number.start)
        if predicate is None and linked and category not in DURATIONS:
            predicate = previous.predicate
        if number.kind == "fraction" and category is None:
            category = "other"  # "a third of those held" is a share, not a head count
        if number.kind == "pair":
            if category in (None, "other"):  # "a 103-for-103 exchange" counts people, in a text about captives
                category = "prisoners" if _says(sentence.text, _EXCHANGE_WORDS) or _says(text, _CAPTIVE_WORDS, folded(text)) else "other"
            if _says(sentence.text, _DEAL_WORDS):
                predicate = "agreed"
            elif category == "prisoners":
                predicate = "exchanged"  # "a 103-for-103 exchange": the pair is the swap itself
        compared = previous is not None and previous.sentence == sentence.text and _ends_compared(text, max(sentence.start, number.start - 30), number.start)
        names_things = category in (UNKNOWN_NOUN, "other")  # "300 names": what its elided followers count too
        if category == UNKNOWN_NOUN:  # "soldiers, including 41 officers": one of the soldiers
            known = linked and previous.category not in DURATIONS | {"other", "percent"}
            category = previous.category if known else "other"
        if category is None and number.kind == "number" and text[number.start - 2:number.start] == ": " and _VALUE_END.match(text, number.end):
            category = _label_category(text, number)  # a value standing alone after its label, not "Totals: 1,348 returned"
        if category is None and number.kind == "number" and has_pipes:
            category = _table_column_category(text, number)
        if category is None:
            elided = previous is not None and previous.sentence == sentence.text and number.kind in ("number", "vague") and (
                _ELLIPSIS_END.match(text, number.end)
                or _CLAUSE_OPENS_BEFORE.search(text, max(sentence.start, number.start - 30), number.start) and _VERB_AFTER.match(text, number.end))
            # "Some 19,500 children have been deported. Only 388 have been brought back.": the subject's noun is the one before.
            elided = elided or (previous is not None and number.kind == "number" and previous.sentence != sentence.text
                                and previous.end >= sentence.start - 400 and "\n\n" not in text[previous.end:number.start]
                                and (_SUBJECT_START.fullmatch(text, sentence.start, number.start) is not None and _VERB_AFTER.match(text, number.end)
                                     # "It offered 1,200 prisoners. Kyiv took 175.": the object of a taking verb, ending the sentence
                                     or _SENTENCE_END_AFTER.match(text, number.end) and _TAKING_VERB_BEFORE.search(text, max(sentence.start, number.start - 30), number.start)
                                     # "... said 60 soldiers had returned. The ministry put it at 64": the same count, told again
                                     or _PUT_AT_BEFORE.search(text, max(sentence.start, number.start - 45), number.start) is not None))
            antecedent = counted.get(number.value) if number.kind == "number" else None
            whole = _OF_THE_WHOLE_BEFORE.search(text, max(sentence.start, number.start - 50), number.start)
            if whole and parse_number(whole.group("whole")) in counted:  # "Of the 1,300, only about 170 ...": part of those 1,300
                antecedent = counted[parse_number(whole.group("whole"))]
                category, party = antecedent.category, party or antecedent.party
            elif antecedent and (_DEFINITE_BEFORE.search(text, max(0, number.start - 30), number.start)
                                 or antecedent is last_counted and antecedent.end >= sentence.start - 400 and "\n\n" not in text[antecedent.end:number.start]):
                # "the remaining three": named before; "185 defenders returned. Russia got 185 back as well": the same count again
                category, party = antecedent.category, party or antecedent.party
            elif (linked or compared or elided or _OF_THEM_VERB.match(text, number.end)) and previous is not None \
                    and previous.category not in DURATIONS | {"other", "percent"}:  # ("20 of them." may open a text: nothing before it)
                category = previous.category  # also "70 of them were deported": a part of what was counted before
            elif number.kind == "number" and (noun := _NOUN_THEN_TOTAL.search(text, max(sentence.start, number.start - 60), number.start)) \
                    and _IN_ALL_AFTER.match(text, number.end) and categories().get(noun.group("noun").lower()) not in (None, *DURATIONS):
                category = categories()[noun.group("noun").lower()]  # "the same number of its servicemen, 50 in all"
            elif number.kind == "number" and last_counted is not None and _MORE_AFTER.match(text, number.end):
                category, party = last_counted.category, party or last_counted.party  # "each side released 350 more"
            elif (linked or compared or elided) and previous.category == "other" and previous_names_things:
                category, names_things = "other", True  # "the list had 300 names, then 180, then a few dozen"
            elif number.kind == "number" and previous is not None and previous.category not in DURATIONS | {"other", "percent"} \
                    and _continues_list(text, previous, number):
                category = previous.category  # "90 of our defenders returned:\n• 50 — Army\n• 40 — Navy"
            elif number.kind in ("number", "range") and (counted_noun := _number_of_category(text, number, sentence.start)) is not None:
                category = counted_noun
            elif number.kind == "number" and _OF_THOSE_BEFORE.search(text, max(sentence.start, number.start - 60), number.start):
                category = "people"
            elif number.kind == "number" and (subject := _SUBJECT_NOUN.match(text, sentence.start, number.start)) is not None \
                    and categories().get(subject.group("noun")) not in (None, "other", "percent", *DURATIONS):
                category = categories()[subject.group("noun")]
            elif (number.kind == "number" and (previous is None or previous.sentence != sentence.text)  # a sentence's first number
                  and (asked := _asked_category(text, number)) is not None):
                category = asked  # "How many people came home?" "A hundred and twenty-six on our side."
            elif number.kind == "number" and exchanged is not None and (
                    _DISTRIBUTIVE_AFTER.match(text, number.end) or _POSSESSIVE_BEFORE.search(text, max(0, number.start - 8), number.start)
                    or _EACH_SIDE_BEFORE.search(text, max(0, number.start - 40), number.start)):
                category, party = exchanged.category, party  # "170 each", "500 per side", "hand over its 500": the swap's people
            elif number.kind == "number" and _PARENT_OF_BEFORE.search(text, max(sentence.start, number.start - 20), number.start):
                category = "children"
            elif number.kind == "number" and _TOLL_BEFORE.search(text, max(sentence.start, number.start - 50), number.start):
                category, predicate = "people", predicate or "killed"
            elif (number.vague or (predicate in PEOPLE_PREDICATES and predicate_side == "after") or _human_subject().match(text, number.end)
                  or text.find("whom", max(sentence.start, number.start - 30), number.start) >= 0
                  and _OF_WHOM_BEFORE.search(text, max(sentence.start, number.start - 30), number.start)):  # "of whom about 24 are alive"
                category = "people"
            elif predicate in _SWAP_PREDICATES and predicate_side == "before" and not linked and _says(sentence.text, _EXCHANGE_WORDS) \
                    and _VERB_OBJECT_BEFORE.search(text, max(sentence.start, number.start - 30), number.start):
                category = "prisoners"  # "The last exchange brought back 97": what an exchange brings back
            else:
                category = "other"
        if party is None and category not in DURATIONS and category not in ("percent", "other"):
            party = _captive_party(text[number.start:sentence.end], sides) if predicate == "held" else None
            if party is None and linked and previous.party and previous.category not in DURATIONS:
                party = previous.party
        qualifier = _qualifier(text, number)
        if qualifier == "more_than" and category in DURATIONS and _OVER_A_PERIOD.search(text, max(0, number.start - 30), number.start):
            qualifier = "exact"  # "freed over four days" spans them; "held for over four days" exceeds them
        figure = FigureMention(
            start=number.start, end=number.end, surface=surface, value=number.value, value_high=number.value_high,
            qualifier=qualifier, category=category, party=party, predicate=predicate,
            sentence=sentence.text, kind=number.kind, phrase_end=max(np_end, number.end),
        )
        figures.append(figure)
        previous, previous_names_things = figure, names_things
        if category not in DURATIONS | {"other", "percent"}:
            counted[number.value] = last_counted = figure
            if predicate in _SWAP_PREDICATES:
                exchanged = figure
    return figures
