"""Dates as news text writes them, with their precision, and weekdays resolved like a careful reader.

Recognition is a handful of patterns whose groups are the date's parts, so each date
keeps its exact span; resolution against a reference date (the article's own date)
fills in a missing year or turns "on Saturday" into a day.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from dataclasses import dataclass

from pipeline.text.numbers import parse_number
from pipeline.text.phrases import PhraseIndex, stretches

MONTHS = {name: i for i, name in enumerate(
    "January February March April May June July August September October November December".split(), start=1)}
_MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
                        "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = {name: i for i, name in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}

# Capitals too, as wire slugs and scripts write them ("SUN 08 NOV 2026", "MOSCOW, NOVEMBER 8")
_MONTH_UPPER = [name.upper() for name in [*MONTHS, *_MONTH_ABBREVIATIONS]]
_MONTH = "(?:" + "|".join([*MONTHS, *(rf"{a}\.?" for a in _MONTH_ABBREVIATIONS), *(rf"{a}\.?" for a in _MONTH_UPPER)]) + ")"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
# Before a date only, a weekday may be short or in capitals ("Sun 8 Nov", "SUN 08 NOV 2026"); alone, "Sun" is no day
_WEEKDAY_SHORT = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4, "Sat": 5, "Sun": 6}
_WEEKDAY_BEFORE_DATE = "(?:" + "|".join([*WEEKDAYS, *(n.upper() for n in WEEKDAYS), *(rf"{a}\.?" for a in _WEEKDAY_SHORT),
                                         *(rf"{a.upper()}\.?" for a in _WEEKDAY_SHORT)]) + ")"
_YEAR = r"(?:19|20)\d\d"
_YEAR_PREPOSITIONS = r"(?:in|In|since|Since|until|by|during|of|early|late|mid-|throughout|before|after|from|to|in early|in late|in mid-)"

RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_MONTHS = {"last": -1, "next": 1, "this": 0}
# A year goes with the day or month before it across spaces or one line break, never across a blank line
# ("On this day: 9 March" over an almanac whose first line opens with "1982").
_YEAR_JOIN = r",?(?!\s*\n\s*\n)\s+"
# The lookahead lets the engine skip, in one test, the positions where no date can start.
_STARTS = r"[A-Z0-9]|(?:in|since|until|by|during|of|early|late|mid|throughout|before|after|from|to|today|yesterday|tomorrow|last|next|this)\b"
# "Sixty-five years ago today": that day, so many years before the text's own date. It may start at any word, and letting
# every word through the lead costs a third of reading dates: it is tried only on stretches that hold "ago".
_YEARS_AGO_START = r"[a-z]+(?:-[a-z]+)?\s+years?\s+ago\b"
_YEARS_AGO = r"(?P<yearsago>\b(?P<years>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)\s+years?\s+ago\s+(?:today|to\s+the\s+day)\b)"
_FORMS = [
    rf"(?P<iso>\b(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)",
    # "22.11.2025": day first, as European outlets write it (slashes stay unread: "11/12/2025" is either order)
    rf"(?P<dotted>\b(?P<dd>[0-3]?\d)\.(?P<dm>[01]?\d)\.(?P<dy>{_YEAR})(?![\d.]\d))",
    # A range of days ("April 6-12, 2026", "6–12 April 2026", "between 14 and 16 April") is read as its first day, with the
    # range's month and year. "this 6th day of October 2026", a treaty's way, is a day like any other.
    rf"(?P<mdy>(?:(?P<wd1>{_WEEKDAY_BEFORE_DATE}),?\s+)?(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)(?:\s*[-–]\s*[0-3]?\d(?!\d|:\d))?(?:{_YEAR_JOIN}(?P<y1>{_YEAR})(?!\d))?)",
    rf"(?P<dmy>(?:(?P<wd2>{_WEEKDAY_BEFORE_DATE}),?\s+)?(?:the\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-3]?\d|\s+(?:and|to)\s+[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:(?:day\s+)?of\s+)?(?P<m2>{_MONTH})(?:{_YEAR_JOIN}(?P<y2>{_YEAR})(?!\d))?)",
    rf"(?P<my>\b(?P<m3>{_MONTH}){_YEAR_JOIN}(?:of\s+)?(?P<y3>{_YEAR})(?!\d))",
    rf"(?P<yonly>\b{_YEAR_PREPOSITIONS}\s+(?P<y4>{_YEAR})(?![\d-]))",
    # "in October", no day and no year: the month of the year the text's own date gives (the latest one, for the past).
    rf"(?P<monly>\b(?:in|since|until|by|during|through|from)\s+(?:(?:early|late|mid)-?\s*)?(?P<m4>{_MONTH})(?![\w-])(?!,?\s+(?:of\s+)?{_YEAR})(?!\s+[0-3]?\d\b))",
    rf"(?P<wdonly>\b(?P<wd5>{_WEEKDAY})\b)",
    r"(?P<relative>\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow)\b)",
    # "last month", "next month", "earlier this month": a month counted from the text's own date
    r"(?P<relmonth>\b(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+month\b)",
]
_PATTERN = re.compile(rf"\b(?={_STARTS})(?:" + "|".join(_FORMS) + ")")
_PATTERN_WITH_AGO = re.compile(rf"\b(?={_STARTS}|{_YEARS_AGO_START})(?:" + "|".join([_YEARS_AGO, *_FORMS]) + ")")


# "25 Tir 1404", "3 Ramadan 1446": a day of the Iranian or the Islamic calendar, a date as any other
OTHER_CALENDAR_DATE = re.compile(r"\d{1,2}\s+(?:Farvardin|Ordibehesht|Khordad|Tir|Mordad|Amordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand"
                                  r"|Muharram|Safar|Rabi[’'\s-]*(?:al|ul|I|II)[\w’'\s-]*?|Jumad[ae][\w’'\s-]*?|Rajab|Sha[’']?ban|Ramadan|Shawwal"
                                  r"|Dhu[’'\s-]*al[’'\s-]*(?:Qa[’']?dah|Hijjah))\s+1[34]\d\d\b(?:\s*AH\b)?")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None  # 0 = Monday
    relative: int | None = None  # "yesterday" = -1: days from the text's own date
    relative_months: int | None = None  # "last month" = -1: months from the text's own date
    relative_years: int | None = None  # "65 years ago today" = -65: that day, years from the text's own date

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None or self.relative_months is not None:
            return "month"
        if self.year is not None:
            return "year"
        return "weekday"  # a day named relative to the text's own date: "on Saturday", "yesterday"

    @property
    def weekday_conflicts(self) -> bool:
        """A stated weekday that does not fall on the stated full date ('Friday, May 24, 2025')."""
        if self.weekday is None or None in (self.year, self.month, self.day):
            return False
        try:
            return dt.date(self.year, self.month, self.day).weekday() != self.weekday
        except ValueError:
            return True

    @property
    def weekday_confirms(self) -> bool:
        return self.weekday is not None and None not in (self.year, self.month, self.day) and not self.weekday_conflicts


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    precision: str
    inferred: bool  # the year or the day came from the reference date, not the words


def _month(name: str) -> int:
    name = name.rstrip(".")
    name = name.capitalize() if name.isupper() else name
    return MONTHS.get(name) or _MONTH_ABBREVIATIONS[name]


def _weekday(name: str) -> int:
    name = name.rstrip(".").capitalize()
    return WEEKDAYS[name] if name in WEEKDAYS else _WEEKDAY_SHORT[name]


def find_dates(text: str) -> list[DateMention]:
    return list(_dates_of(text))


# Every date holds a month, a weekday or a year: the pattern runs only on the stretches around those, as running it over
# every word of the text cost more than all the rest of reading dates. A date starts at most 30 characters before its
# month, weekday or year ("Wednesday, the 31st of May") and ends at most 20 after it, so a stretch holds whole dates.
_LEAD, _TRAIL = 30, 20
# A pattern led by a literal is found with a fast string search; "(?:19|20)" is tried at every position.
_YEAR_ANCHORS = (re.compile(r"19\d\d"), re.compile(r"20\d\d"))


@cache
def _name_index() -> PhraseIndex:
    return PhraseIndex([*MONTHS, *_MONTH_ABBREVIATIONS, *_MONTH_UPPER, *WEEKDAYS, *RELATIVE_DAYS, *(day.capitalize() for day in RELATIVE_DAYS), "month", "ago"])


def _stretches(text: str) -> list[tuple[int, int]]:
    anchors = [(start, end) for _, start, end in _name_index().occurrences(text, ordered=False)]
    return stretches(anchors + [m.span() for pattern in _YEAR_ANCHORS for m in pattern.finditer(text)], _LEAD, _TRAIL, len(text))


@lru_cache(maxsize=16)  # both extractors read the same text's dates: find them once
def _dates_of(text: str) -> tuple[DateMention, ...]:
    found = []
    for m in (m for start, end in _stretches(text)
              for m in (_PATTERN_WITH_AGO if text.find("ago", start, end) >= 0 else _PATTERN).finditer(text, start, end)):
        if m.re is _PATTERN_WITH_AGO and m.group("yearsago"):
            years = 1 if m.group("years").lower() in ("a", "an") else parse_number(m.group("years"))
            if years is not None and years == int(years) and 0 < years < 1000:
                found.append(DateMention(m.start(), m.end(), None, None, None, None, relative_years=-int(years)))
        elif m.group("iso"):
            found.append(DateMention(m.start(), m.end(), int(m.group("iy")), int(m.group("im")), int(m.group("id")), None))
        elif m.group("dotted"):
            day, month = int(m.group("dd")), int(m.group("dm"))
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append(DateMention(m.start(), m.end(), int(m.group("dy")), month, day, None))
        elif m.group("mdy") or m.group("dmy"):
            k = "1" if m.group("mdy") else "2"
            day = int(m.group(f"d{k}"))
            if not 1 <= day <= 31:
                continue
            year = m.group(f"y{k}")
            weekday = m.group(f"wd{k}")
            found.append(DateMention(m.start(), m.end(), int(year) if year else None, _month(m.group(f"m{k}")), day,
                                     _weekday(weekday) if weekday else None))
        elif m.group("my"):
            found.append(DateMention(m.start(), m.end(), int(m.group("y3")), _month(m.group("m3")), None, None))
        elif m.group("monly"):
            found.append(DateMention(m.start("m4"), m.end("m4"), None, _month(m.group("m4")), None, None))
        elif m.group("yonly"):
            found.append(DateMention(m.start("y4"), m.end("y4"), int(m.group("y4")), None, None, None))
        elif m.group("wdonly"):
            found.append(DateMention(m.start(), m.end(), None, None, None, WEEKDAYS[m.group("wd5")]))
        elif m.group("relative"):
            found.append(DateMention(m.start(), m.end(), None, None, None, None, RELATIVE_DAYS[m.group("relative").lower()]))
        elif m.group("relmonth"):
            found.append(DateMention(m.start(), m.end(), None, None, None, None, relative_months=RELATIVE_MONTHS[m.group("which").lower()]))
    return tuple(found)


def resolve(mention: DateMention, reference: dt.date | None, direction: str = "past") -> ResolvedDate | None:
    """The calendar date a mention means, read against the article's own date.

    direction: 'past' for something that happened (a bare weekday is the latest such day
    on or before the reference), 'future' for something planned (the next such day after it).
    """
    if mention.precision == "weekday":  # a weekday, or "today", "yesterday", "tomorrow"
        if reference is None:
            return None
        if mention.relative is not None:
            return ResolvedDate(reference + dt.timedelta(days=mention.relative), "day", True)
        if mention.relative_years is not None:  # 29 February, so many years before, is the 28th where that year has none
            day = safe_date(reference.year + mention.relative_years, reference.month, reference.day)
            return ResolvedDate(day or dt.date(reference.year + mention.relative_years, reference.month, 28), "day", True)
        delta = (mention.weekday - reference.weekday()) % 7
        if direction == "future":
            return ResolvedDate(reference + dt.timedelta(days=delta or 7), "day", True)
        return ResolvedDate(reference - dt.timedelta(days=(7 - delta) % 7), "day", True)
    if mention.relative_months is not None:
        if reference is None:
            return None
        months = reference.year * 12 + reference.month - 1 + mention.relative_months
        return ResolvedDate(dt.date(months // 12, months % 12 + 1, 1), "month", True)
    year, inferred = mention.year, False
    if year is None:
        if reference is None:
            return None
        year, inferred = reference.year, True
        candidate = safe_date(year, mention.month, mention.day or 1)
        if candidate is not None and direction == "past" and candidate > reference + dt.timedelta(days=31):
            year -= 1
        elif candidate is not None and direction == "future" and candidate < reference - dt.timedelta(days=31):
            year += 1
    date = safe_date(year, mention.month or 1, mention.day or 1)
    if date is None:
        return None
    return ResolvedDate(date, mention.precision, inferred)


def safe_date(year: int, month: int | None, day: int) -> dt.date | None:
    try:
        return dt.date(year, month or 1, day)
    except ValueError:
        return None
