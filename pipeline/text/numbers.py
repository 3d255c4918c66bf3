"""Numbers as written in news English: digits, words, mixed, ranges, N-for-N, N-unit compounds, vague amounts.

`find_numbers` returns every number-like span with its value; deciding which of them
are figures (not dates, names or ordinals) is the extractor's job.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.lexicons import load, phrase_alternation
from pipeline.text.phrases import PhraseIndex, folded

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
# "lakh" and "crore" are the scales of South Asian English: "1.5 lakh" is 150,000, "Rs 2 crore" 20,000,000.
_SCALES = {"thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_DIGIT_SCALES = {"thousand": 1_000, "lakh": 100_000, "crore": 10_000_000, "million": 1_000_000, "mln": 1_000_000,
                 "billion": 1_000_000_000, "bn": 1_000_000_000,
                 "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
DURATION_UNITS = ("hour", "day", "week", "month", "year")

# The scale words, written out and abbreviated after digits ("2 million", "$1.2bn"): one list for every pattern below.
_SCALE_WORDS = "|".join(_SCALES)
_SCALE_ABBREVIATIONS = "|".join(k for k in _DIGIT_SCALES if k not in _SCALES and len(k) > 1)
# One letter right after the digits, case kept: "6k", "2.8M"; a lower-case "m" is read as million only after a currency
# sign ("$5m"), since "5m" alone may be metres, and a "B" (billions) only after one ("US$4.2B", not "Block 4B"; find_numbers
# checks the sign).
_TIGHT_SCALE = r"(?-i:[kKMB]|m)\b"
_NUMWORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", *_SCALES, "dozen"], key=len, reverse=True))
_WORDS = (rf"(?:{_NUMWORD})(?:(?:\s+|-)(?:{_NUMWORD})|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+(?:{_NUMWORD}))*")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = rf"(?:\s+(?:{_SCALE_WORDS})|\s*(?:{_SCALE_ABBREVIATIONS})\b|(?-i:[kKM])\b)"
_NUM = rf"(?:{_DIGITS}{_SCALE}?|\b{_WORDS}\b)"


class NumberMention(NamedTuple):  # a tuple: built for every number, and a frozen dataclass costs three times as much
    start: int
    end: int
    value: float
    value_high: float | None = None
    vague: bool = False
    kind: str = "number"  # number, range, pair (one side of N-for-N), unit (N-hour), fraction, percent, money
    unit: str | None = None


_WORD_SEPARATOR = re.compile(r"[\s-]+")
_DIGIT_NUMBER = re.compile(rf"({_DIGITS})\s*({_SCALE_WORDS}|{_SCALE_ABBREVIATIONS}|k|m|b)?")


def words_to_number(phrase: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in _WORD_SEPARATOR.split(phrase.lower()):
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


@lru_cache(maxsize=4096)  # the same few surfaces ("two", "100") recur in every text
def parse_number(surface: str) -> float | None:
    """The value of one written number: '6,500', '1.5 million', 'twenty-seven', 'a dozen'."""
    s = surface.strip()
    lowered = s.lower()
    if lowered.startswith(("a ", "an ")):
        lowered = "one " + lowered.split(None, 1)[1]
    match = _DIGIT_NUMBER.fullmatch(lowered) if lowered[:1].isdigit() else None
    if match:
        value = float(match.group(1).replace(",", ""))
        return round(value * _DIGIT_SCALES[match.group(2)], 6) if match.group(2) else value  # 8.2 * 1e6 is 8199999.999999999
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


# A number is read in two steps, each one compiled match: its core ("1,000", "twenty-seven", "2 million"), then what
# follows it ("-for-1,000", "-hour", "-thirds", " percent"). Trying one alternation of every form at each candidate
# re-read the core once per form, with backtracking. Digits are read atomically: nothing after them may shorten them.
_CORE_WORDS = rf"(?:{_WORDS})\b"
_CORE_DIGITS = rf"(?>{_DIGITS})(?:\s+(?:{_SCALE_WORDS})\b|\s*(?:{_SCALE_ABBREVIATIONS})\b|{_TIGHT_SCALE})?"
_CORE = re.compile(rf"{_CORE_DIGITS}|{_CORE_WORDS}", re.IGNORECASE)
_CIRCA = re.compile(r"(?<![\w.])(?:c|ca)\.$")  # "c.20", "ca.1,500": circa, written tight
_BEFORE_NUMBER = frozenset("_.,:-")  # with letters and digits: a number never starts right after one ("COP29", "1,000")
CURRENCY_SIGNS = frozenset("$€£¥₽₴₹")  # a number in digits after one is an amount of money: "£40,000", "$6 billion"
# A currency written as a code or an abbreviation before the amount: "USD 20,000", "Rs 1.2 crore", "Tk 5 lakh".
_CURRENCY_CODE_BEFORE = re.compile(r"(?<![\w.])(?:USD|EUR|GBP|CHF|JPY|CNY|RUB|UAH|INR|PKR|BDT|NPR|LKR|AED|SAR|QAR|KWD|OMR|TRY|IRR|ILS|NIS|EGP|NGN|KES|ZAR"
                                   r"|SEK|NOK|DKK|PLN|CAD|AUD|Rs|Rs\.|Tk|Tk\.)\s?$")
# "forty-two (42)", "42 (forty-two)": a legal text writes one number twice; the second, in parentheses, is no number of its own.
_RESTATED_OPEN = re.compile(r"\s*\(\s*")
_RESTATED_CLOSE = re.compile(r"\s*\)")


@cache
def _tails() -> tuple[re.Pattern, re.Pattern]:
    """What may follow a number written in digits, and one written in words."""
    units = "|".join(DURATION_UNITS)
    pair = rf"(?P<pair>(?:\s*-\s*|\s+)for(?:\s*-\s*|\s+)(?P<p2>{_CORE_DIGITS}|{_CORE_WORDS})(?![\w]))"
    unit = rf"(?P<unit>-(?P<uname>{units})s?)(?![\w-])"
    compound = rf"(?P<compound>-(?!(?:{_NUMWORD}|for|odd)\b)(?P<cname>[a-z]+))(?![\w-])"
    plain = r"(?P<num>)(?![\w]|-(?!for\b))"
    and_a_half = r"(?P<andhalf>\s+and\s+a\s+half\b)"  # "two and a half years", "3 and a half months"
    odd = r"(?P<odd>-odd)(?![\w-])"  # "2,000-odd days", "twenty-odd men": a little over the number
    after_digits = [pair, r"(?P<drange>[ \t]*(?:-|–|—)[ \t]*(?P<d2>(?>" + _DIGITS + r")))(?![\w-])",  # not across lines: "2025\n- 6 Armenians"
                    r"(?P<torange>\s+to\s+(?P<t2>(?>" + _DIGITS + r")))(?![\w-]|[.,]\d)", unit,
                    r"(?P<percent>\s*(?:%|percent\b|per\s+cent\b))", r"(?P<plus>\+|-plus\b)(?![\w+])", and_a_half, odd, compound, plain,
                    r"(?P<measure>(?-i:kg|kgs|km|kms|cm|mm|lb|lbs)\b)"]  # "20kg", "40km": a measure, written tight
    word_range = rf"(?P<wrange>\s+(?:to|or)\s+(?P<w2>{_CORE_WORDS}))(?![\w-])"  # "four to six weeks", "two or three days"
    after_words = [pair, word_range, unit, rf"(?P<fraction>[\s-](?P<fden>{'|'.join(_FRACTIONS)})\b)", and_a_half, odd, compound, plain]
    return tuple(re.compile("|".join(alternatives), re.IGNORECASE) for alternatives in (after_digits, after_words))


@cache
def _word_forms() -> re.Pattern:
    """Numbers that start with a word that is not a number: ranges, shares, vague amounts, "a dozen"."""
    vague = phrase_alternation(_vague_amounts())
    fractions = "|".join(_FRACTIONS)
    alternatives = [
        rf"(?P<range>(?:between\s+(?P<r1>{_NUM})\s+and\s+(?P<r2>{_NUM})|from\s+(?P<r3>{_NUM})\s+to\s+(?P<r4>{_NUM})))(?![\w-])",
        # "a quarter of a million", "a third of a billion": a share of a scale is a number
        r"(?P<fracscale>an?\s+(?P<fsden>quarter|third|half)\s+of\s+an?\s+(?P<fss>thousand|million|billion)\b)(?!-)",
        # "a third" is a share only before "of": "A third, in the spring, ..." is an ordinal.
        rf"(?P<fraction>(?P<fnum>an?)(?=[\s-](?:{fractions})\s+of\b)[\s-](?P<fden>{fractions})\b)",
        rf"(?P<vague>(?:{vague})\b)(?!-)",
        # "a hundred and twenty-six", "a thousand two hundred": the article is "one" and the words go on
        rf"(?P<aword>an?\s+(?:dozen|hundred|thousand|million)\b(?:(?:\s+and)?\s+(?:{_WORDS})\b)?)(?!-)",
        rf"(?P<halfunit>half\s+an?\s+(?P<hu>{'|'.join(DURATION_UNITS)})\b)(?!-)",  # "half a year", "half an hour"
        r"(?P<halfscale>half\s+an?\s+(?P<hs>dozen|hundred|thousand|million|billion)\b)(?!-)",  # "half a dozen", "half a million"
        r"(?<!first\s)(?<!second\s)(?<!last\s)(?P<half>half)(?=\s+(?:of|the)\b)",  # "half of them": a share, like "two-thirds" ("the first half of the year" is a period)
    ]
    return re.compile("|".join(alternatives), re.IGNORECASE)


@cache
def _number_words() -> frozenset[str]:
    return frozenset([*_UNITS, *_TENS, "hundred", *_SCALES, "dozen"])


@cache
def _other_start_words() -> frozenset[str]:
    """Lower-case first words of the forms `_word_forms` reads."""
    return frozenset({"between", "from", "half", "a", "an", *(phrase.split()[0] for phrase in _vague_amounts())})


@cache
def _start_index() -> tuple[PhraseIndex, re.Pattern]:
    """Where a number may start: a digit, a number word, or a word some other number form starts with.

    "a" and "an" count only before a word that makes them a number ("a dozen", "a third of", "a few hundred"):
    the pattern checks that at each article.
    """
    words = _number_words() | _other_start_words() - {"a", "an"}
    after_article = {"dozen", "hundred", "thousand", "million", *_FRACTIONS,
                     *(phrase.split()[1] for phrase in _vague_amounts() if phrase.split()[0] in ("a", "an"))}
    articles = ["a ", "a-", "an ", "an-"]
    index = PhraseIndex([*"0123456789", *sorted(words), *articles])
    return index, re.compile(rf"[\s-]+(?:{'|'.join(sorted(after_article, key=len, reverse=True))})\b")


def _candidate_starts(text: str) -> list[int]:
    """Start offsets, in order, of the spans `find_numbers` tries to read."""
    index, article_number = _start_index()
    low = folded(text)
    starts = []
    for phrase, start, end in index.occurrences(low, ordered=False):
        word = index.phrases[phrase]
        if start > 0 and (low[start - 1].isalnum() or low[start - 1] in _BEFORE_NUMBER
                          or low[start - 1] in CURRENCY_SIGNS and not word[0].isdigit()) and not (word[0].isdigit() and written_circa(low, start)):
            continue  # inside a word or a number ("often", "COP29", "1,000"); not "c.20", circa 20
        if word[0].isdigit():
            starts.append(start)
        elif word[-1] in " -":
            if article_number.match(low, start + len(word.rstrip(" -"))):
                starts.append(start)
        elif end == len(low) or not low[end].isalnum():
            starts.append(start)
    return sorted(set(starts))


def _currency_code_before(text: str, start: int) -> bool:
    """Whether a currency code ("USD ", "Rs.") stands right before `start`; every code has a capital, so the pattern runs
    only over a window that holds one."""
    window = text[max(0, start - 5):start]
    return window.lower() != window and _CURRENCY_CODE_BEFORE.search(text, max(0, start - 5), start) is not None


def written_circa(text: str, start: int) -> bool:
    """Whether 'c.' or 'ca.' stands tight before the number at `start` ("c.20"): circa."""
    return text[start - 1:start] == "." and _CIRCA.search(text, max(0, start - 3), start) is not None


def find_numbers(text: str) -> list[NumberMention]:
    """Every number-like span in reading order, none overlapping."""
    found: list[NumberMention] = []
    other_words = _other_start_words()
    (after_digits, after_words), word_forms = _tails(), _word_forms()
    covered = 0
    for start in _candidate_starts(text):
        if start < covered:
            continue
        first = text[start]
        if not first.isdigit():
            m = word_forms.match(text, start) if _first_word(text, start) in other_words else None
            if m:
                found.extend(_read_word_form(m))
                covered = m.end()
                continue
        ratio = _RATIO.match(text, start) if " in " in text[start:start + 12] else None
        if ratio:  # "one in five of those families": a share
            found.append(NumberMention(start, ratio.end(), parse_number(ratio.group(1)) / parse_number(ratio.group(2)), kind="fraction"))
            covered = ratio.end()
            continue
        core = _CORE.match(text, start)
        if core and not first.isdigit() and (ordinal := _ORDINAL_UNIT_AFTER.match(text, core.end())) and core.group().lower().split("-")[-1] in _TENS \
                and not (ordinal.group(1).lower() == "second" and _ARTICLE_BEFORE.search(text, max(0, start - 4), start)):
            covered = ordinal.end()
            continue  # "the forty-second exchange", "Eighty-second year": an ordinal; but "a forty-second pause" lasts 40 seconds
        if core and core.group()[-1] in "mB" and not (start and text[start - 1] in CURRENCY_SIGNS) and first.isdigit() \
                and not (core.group()[-1] == "m" and _MILLIONS_OF.match(text, core.end())):
            continue  # "5m" without a currency sign may be metres: no count (but "1.2m people" are millions)
        tail = core and (after_digits if first.isdigit() else after_words).match(text, core.end())
        if tail:
            read = _read_number(core, tail)
            if start and text[start - 1] in CURRENCY_SIGNS and read and read[0].kind == "number":
                read = [read[0]._replace(start=start - 1, kind="money", unit="other")]  # the sign is part of it
            elif first.isdigit() and read and read[0].kind == "number" and text[start - 1:start] in (" ", ".", "") \
                    and _currency_code_before(text, start):
                read = [read[0]._replace(kind="money", unit="other")]
            found.extend(read)
            covered = read[-1].end if read else tail.end()  # the last reading ends last; a tail read as no part of the number is read again
    if "(" in text:
        found = _without_restatements(text, found)
    return _with_spaced_thousands(text, found) if _SPACED_GROUP.search(text) else found


_SPACED_GROUP = re.compile(r"(?<![\d,.])(?<!\d )[1-9]\d{0,2}(?: \d{3})+(?![\d,]| \d)")
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")


def _with_spaced_thousands(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """'1 200 Swedish nationals', '12 500 000': a number whose thousands are set off by spaces is one number. Not a
    telephone number's groups ('+46 8 405 10 00': a group of other than three digits is beside them) and not a day
    after its month ('May 5 200 prisoners')."""
    runs = {m.start(): m.end() for m in _SPACED_GROUP.finditer(text) if not _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start())}
    kept: list[NumberMention] = []
    for number in found:
        end = runs.get(number.start)
        if end is not None and number.kind == "number" and number.end < end:
            groups = [n for n in found if number.start <= n.start < end]
            if all(n.kind == "number" for n in groups) and groups[-1].end == end:
                kept.append(number._replace(end=end, value=float(text[number.start:end].replace(" ", ""))))
                continue
        if kept and number.start < kept[-1].end:
            continue  # a later group of a number joined above
        kept.append(number)
    return kept


def _without_restatements(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """'forty-two (42) members': one number, spanning both writings, so the noun after the parenthesis is its noun."""
    kept: list[NumberMention] = []
    for number in found:
        previous = kept[-1] if kept else None
        opened = previous is not None and _RESTATED_OPEN.fullmatch(text, previous.end, number.start)
        closed = opened and _RESTATED_CLOSE.match(text, number.end)
        if closed and previous.value == number.value and previous.kind == number.kind and previous.value_high is None:
            kept[-1] = previous._replace(end=closed.end())
            continue
        kept.append(number)
    return kept


_WORD_AT = re.compile(r"[^\W\d_]+")
_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|[1-9]\d?)"
_RATIO = re.compile(rf"({_SMALL})\s+in\s+(?:every\s+)?({_SMALL})\b(?!\s*(?:%|per\s*cent|percent))", re.I)  # "one in five", "1 in 4"
_ORDINAL_UNIT_AFTER = re.compile(r"-(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_MILLIONS_OF = re.compile(r"\s+(?:people|[a-z]+s)\b")  # "1.2m people", "2.5m refugees"; not "a 5m wall", "100m away"


def _first_word(text: str, start: int) -> str:
    m = _WORD_AT.match(text, start)
    return m.group().lower() if m else ""


def _read_number(core: re.Match, tail: re.Match) -> list[NumberMention]:
    start, end = core.start(), tail.end()
    value = parse_number(core.group())
    if value is None:
        return []
    form = tail.lastgroup  # the outermost group closes last: the form's name
    if form == "pair":
        second = parse_number(tail.group("p2"))
        pairs = [NumberMention(start, core.end(), value, kind="pair")]
        return pairs + ([NumberMention(tail.start("p2"), end, second, kind="pair")] if second is not None else [])
    if form in ("drange", "percent") and not core.group()[-1].isdigit():
        return [NumberMention(start, core.end(), value)]  # "5 million-6 million" is no digit range, "2 mln %" no share
    if form == "drange":
        return [NumberMention(start, end, value, parse_number(tail.group("d2")), kind="range")]
    if form == "torange":  # "2,500 to 5,000 fighters"; "won 3 to 1" counts no range: two numbers
        high = parse_number(tail.group("t2"))
        if high is not None and high > value and core.group()[-1].isdigit():
            return [NumberMention(start, end, value, high, kind="range")]
        return [NumberMention(start, core.end(), value)]
    if form == "wrange":  # a range only upwards: "ten to one" is two numbers
        high = parse_number(tail.group("w2"))
        if high is not None and high > value:
            return [NumberMention(start, end, value, high, kind="range")]
        return [NumberMention(start, core.end(), value)]
    if form == "unit":
        return [NumberMention(start, end, value, kind="unit", unit=tail.group("uname").lower() + "s")]
    if form == "measure":
        return [NumberMention(start, end, value, kind="unit", unit="other")]
    if form == "andhalf":
        return [NumberMention(start, end, value + 0.5)]
    if form == "fraction":
        return [NumberMention(start, end, value / _FRACTIONS[tail.group("fden").lower()], kind="fraction")]
    if form == "percent":
        return [NumberMention(start, end, value, kind="percent", unit="percent")]
    if form == "compound":
        return [NumberMention(start, end, value, kind="unit", unit=compound_category(tail.group("cname")))]
    return [NumberMention(start, end, value)]


def _read_word_form(m: re.Match) -> list[NumberMention]:
    if m.group("range"):
        lo_g, hi_g = ("r1", "r2") if m.group("r1") else ("r3", "r4")
        lo, hi = parse_number(m.group(lo_g)), parse_number(m.group(hi_g))
        return [NumberMention(m.start(), m.end(), lo, hi, kind="range")] if lo is not None and hi is not None else []
    if m.group("fraction"):
        return [NumberMention(m.start(), m.end(), 1.0 / _FRACTIONS[m.group("fden").lower()], kind="fraction")]
    if m.group("vague"):
        phrase = " ".join(m.group("vague").lower().split())
        return [NumberMention(m.start(), m.end(), _vague_amounts()[phrase], vague=True, kind="vague")]
    if m.group("fracscale"):
        return [NumberMention(m.start(), m.end(), parse_number(f"a {m.group('fss')}") / _FRACTIONS[m.group("fsden").lower()])]
    if m.group("halfscale"):
        return [NumberMention(m.start(), m.end(), parse_number(f"a {m.group('hs')}") / 2)]
    if m.group("halfunit"):
        return [NumberMention(m.start(), m.end(), 0.5, kind="unit", unit=m.group("hu").lower() + "s")]
    if m.group("half"):
        return [NumberMention(m.start(), m.end(), 0.5, kind="fraction")]
    return [NumberMention(m.start(), m.end(), parse_number(m.group("aword")))]
