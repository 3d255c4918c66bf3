"""Normalization of one document: unicode cleanup, then spin repair, with one offset map for both.

Also reads the two facts a text states about itself: its headline and its publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.text.cleanup import cleanup_edits
from pipeline.text.dates import OTHER_CALENDAR_DATE, find_dates
from pipeline.text.sentences import split_sentences
from pipeline.text.edits import Applied, apply_edits, compose
from pipeline.text.spin import judge_and_repair

_PUBLISHED_LINE = re.compile(r"^[ \t]*(?:Published|Updated|Posted|Date|Dated)\b[^\n]{0,40}$|^[^\n]{0,60}\b(?:Published|Updated|Posted)\b", re.I | re.M)
# "KYIV, Ukraine (Reuters) — May 24, 2025 —" or "KYIV, May 24, 2025": a place, then the date right away.
_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z ./’'-]{1,40}(?:,\s*[A-Z][A-Za-z .-]{1,30})?\s*(?:\([A-Za-z .]+\))?\s*[—–]+|[A-Z][A-Z ./’'-]{1,40}(?:\s*\([A-Za-z .]+\))?\s*,)\s*")


# Only capitalized words and separators, as a dateline's place and outlet: no headline verb, number or lower-case word.
_TIME_OF_DAY = re.compile(r"\s*[,|·-]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?\s*")  # "February 5, 2025 11:48 AM"
_PLACE_AFTER_DATE = re.compile(r"\s*[|·—–-]\s*[A-Z][A-Z .’'-]{1,40}")  # "Nov 28th 2026 | KYIV": a magazine's date line, then its place
_BY = re.compile(r"\s*[Bb]y\s+[A-Z]")  # "By BBC News staff, 28 March 2025"
_BYLINE_SEPARATOR = re.compile(r"\s[—–|·-]\s*$")
# "25 Tir 1404 (16 July 2025)", "3 Jumada al-Akhirah 1448 AH, corresponding to 13 November 2026": what joins a date of
# another calendar to the same day in the Gregorian one.
_SAME_DAY_LINK = re.compile(r"[\s(,/=-]*(?:(?:corresponding|equivalent)\s+to|i\.\s?e\.|that is)?[\s(,:]*")
_PLACE_WORDS = re.compile(r"[ \t]*\(?(?:(?:and[ \t]+)?[A-Z][\w.’'()/-]*[ \t]*[,—–-]*[ \t]*){1,6}")  # "Baku and Yerevan, 13 December 2023", "(Vilnius, May 7, 2026) -"


@dataclass(frozen=True)
class NormalizedDocument:
    text: str
    repairs: list[Applied]
    spin_score: float
    is_spun: bool
    title: str | None
    published_date: dt.date | None


def normalize(raw_text: str) -> NormalizedDocument:
    cleaned, unicode_repairs = apply_edits(raw_text, cleanup_edits(raw_text))
    judgement = judge_and_repair(cleaned)
    text, spin_repairs = apply_edits(cleaned, judgement.edits)
    repairs = compose(unicode_repairs, spin_repairs)
    return NormalizedDocument(text, repairs, judgement.score, judgement.is_spun, find_title(text), find_published_date(text))


def find_title(text: str) -> str | None:
    """The first line, when it reads as a headline: one short sentence followed by more text."""
    lines = text.strip().split("\n")
    if len(lines) < 2:
        return None
    first = lines[0].strip()
    if not first or len(first) > 200 or len(split_sentences(first)) != 1:
        return None
    return first.rstrip()


def find_published_date(text: str) -> dt.date | None:
    """A publication date the text states: a 'Published ...' line or a dateline ('KYIV, May 24, 2025 —')."""
    head = text[:1500]
    for match in _PUBLISHED_LINE.finditer(head):
        line_end = head.find("\n", match.start())
        line = head[match.start(): line_end if line_end >= 0 else len(head)]
        full = [d for d in find_dates(line) if d.precision == "day" and d.year is not None]
        if full:
            return dt.date(full[0].year, full[0].month, full[0].day)
    yearless = None
    for line in head.split("\n")[:6]:
        m = _DATELINE.match(line)
        if m:
            dates = [d for d in find_dates(line[m.end():m.end() + 40]) if d.start == 0 and d.precision == "day"]
            if dates and dates[0].year is not None:
                return dt.date(dates[0].year, dates[0].month, dates[0].day)
            yearless = yearless or (dates[0] if dates else None)
        # "PORT SUDAN, Sudan, Feb. 11, 2025 (Reuters) -", "YEMEN — RADIO BULLETIN, 14 April 2023": names, then the date;
        # "TEHRAN, 25 Tir 1404 (16 July 2025)": the Gregorian date after one in another calendar
        named = [d for d in find_dates(line[:120]) if d.precision == "day" and d.year is not None]
        place_end = named[0].start if named else 0
        other = OTHER_CALENDAR_DATE.search(line, 0, place_end) if named and " 1" in line[:place_end] else None
        if other is not None and _SAME_DAY_LINK.fullmatch(line, other.end(), place_end):
            place_end = other.start()
        if named and _PLACE_WORDS.fullmatch(line, 0, place_end):
            return dt.date(named[0].year, named[0].month, named[0].day)
        # "Dmytro Lubinets, Ombudsman — 31 December 2024", "By Jane Roe | 4 March 2025": a byline that ends with the date.
        last = named[-1] if named else None
        if last is not None and last.end == len(line.rstrip()) and len(line) <= 160 and (
                _BYLINE_SEPARATOR.search(line, 0, last.start) or _BY.match(line) and line[:last.start].rstrip().endswith(",")):
            return dt.date(last.year, last.month, last.day)
        only = find_dates(line.strip())
        rest = line.strip()[only[0].end:] if only else ""
        if only and only[0].start == 0 and (not rest or _TIME_OF_DAY.fullmatch(rest) or _PLACE_AFTER_DATE.fullmatch(rest)) and only[0].precision == "day" and only[0].year:
            return dt.date(only[0].year, only[0].month, only[0].day)
    if yearless is not None:  # "MOSCOW, Aug. 24 (Xinhua) --" ... "Editor: Liu Wen 2023-08-24 21:15:02": the same day, with its year
        same_day = [d for d in find_dates(text) if d.precision == "day" and d.year is not None and (d.month, d.day) == (yearless.month, yearless.day)]
        if same_day:
            return dt.date(same_day[0].year, same_day[0].month, same_day[0].day)
    return None
