import datetime as dt

import pytest

from pipeline.text.dates import find_dates, resolve
from pipeline.text.normalize import find_published_date
from pipeline.text.numbers import find_numbers, parse_number
from pipeline.text.sentences import split_sentences


@pytest.mark.parametrize("surface, value", [
    ("8,000", 8000), ("1.5 million", 1_500_000), ("three", 3), ("twenty-seven", 27), ("three hundred and seven", 307),
    ("one thousand", 1000), ("2 million", 2_000_000), ("a dozen", 12), ("ninety nine", 99), ("12", 12),
])
def test_parse_number(surface, value):
    assert parse_number(surface) == value


def spans(text):
    return [(text[n.start:n.end], n.value, n.value_high, n.kind) for n in find_numbers(text)]


def test_numbers_in_context():
    assert spans("a 1,000-for-1,000 deal") == [("1,000", 1000, None, "pair"), ("1,000", 1000, None, "pair")]
    assert spans("between 25 and 60 soldiers") == [("between 25 and 60", 25, 60, "range")]
    assert spans("from 26 to 59 days") == [("from 26 to 59", 26, 59, "range")]
    assert spans("a two-hour meeting") == [("two-hour", 2, None, "unit")]
    assert spans("two-thirds of them")[0][1] == pytest.approx(2 / 3)
    assert spans("hundreds of thousands and tens of thousands") == [
        ("hundreds of thousands", 100000, None, "vague"), ("tens of thousands", 10000, None, "vague")]
    assert spans("dozens of captives") == [("dozens", 12, None, "vague")]


def test_an_article_before_a_scale_word_reads_on_through_the_words_after_it():
    assert spans("a hundred and nine wounded") == [("a hundred and nine", 109, None, "number")]
    assert spans("A thousand three hundred families") == [("A thousand three hundred", 1300, None, "number")]
    assert spans("a hundred three-day visits")[0][:2] == ("a hundred", 100)  # the next number is its own


def test_half_a_period_is_half_of_that_unit():
    assert spans("within half a year, or half an hour") == [("half a year", 0.5, None, "unit"), ("half an hour", 0.5, None, "unit")]


def test_a_dotted_date_is_day_first():
    found = find_dates("Kyiv, 03.07.2024 09:30 and 31.12.2023; not 1.2.2025.4 or 13.13.2024")
    assert [(d.year, d.month, d.day) for d in found] == [(2024, 7, 3), (2023, 12, 31)]


def test_a_digit_range_does_not_cross_a_line_break():
    assert spans("- on Nov. 15, 2025\n- 6 Armenians went home")[-1][:2] == ("6", 6)
    assert spans("aged 18-25")[-1][:4] == ("18-25", 18, 25, "range")


def test_numbers_inside_names_and_ordinals_are_not_numbers():
    assert spans("an Il-76 and S-300 systems at COP29 with the 36th Brigade and 49th exchange") == []


def test_dates_with_parts_and_precision():
    text = "On Friday, May 23, 2025, after talks on 16 May; the April 19 swap; in January 2024; since 2022; on Saturday; 2025-03-19"
    found = {text[d.start:d.end]: d for d in find_dates(text)}
    assert found["Friday, May 23, 2025"].weekday_confirms
    assert (found["16 May"].day, found["16 May"].month, found["16 May"].year) == (16, 5, None)
    assert found["January 2024"].precision == "month"
    assert found["2022"].precision == "year"
    assert found["Saturday"].precision == "weekday"
    assert found["2025-03-19"].precision == "day"


def test_weekday_that_contradicts_its_date_is_flagged():
    (date,) = find_dates("on Friday, May 24, 2025")
    assert date.weekday_conflicts and not date.weekday_confirms


def test_resolution_against_the_articles_date():
    reference = dt.date(2025, 5, 23)  # a Friday
    (saturday,) = find_dates("on Saturday")
    assert resolve(saturday, reference, "future").date == dt.date(2025, 5, 24)
    assert resolve(saturday, reference, "past").date == dt.date(2025, 5, 17)
    (april,) = find_dates("the April 19 swap")
    resolved = resolve(april, reference, "past")
    assert resolved.date == dt.date(2025, 4, 19) and resolved.inferred
    (december,) = find_dates("the December 30 swap")
    assert resolve(december, reference, "past").date == dt.date(2024, 12, 30)


def test_sentences_do_not_split_after_abbreviations():
    text = 'U.S. President Donald Trump spoke. On Feb. 5 they met.\n“It is done.” Officials agreed'
    assert [s.text for s in split_sentences(text)] == [
        "U.S. President Donald Trump spoke.", "On Feb. 5 they met.", "“It is done.”", "Officials agreed"]
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_today_yesterday_and_tomorrow_resolve_against_the_articles_date():
    reference = dt.date(2023, 4, 14)
    mentions = find_dates("Yesterday 318 were freed; today 357 more, and the last tomorrow.")
    assert [m.relative for m in mentions] == [-1, 0, 1]
    assert [resolve(m, reference).date for m in mentions] == [dt.date(2023, 4, 13), dt.date(2023, 4, 14), dt.date(2023, 4, 15)]
    assert resolve(mentions[0], None) is None  # without the text's own date there is nothing to count from


@pytest.mark.parametrize("head, published", [
    ("PORT SUDAN, Sudan, Feb. 11, 2025 (Reuters) - The army said", dt.date(2025, 2, 11)),
    ("YEMEN — RADIO BULLETIN, 14 April 2023\n\nGood evening.", dt.date(2023, 4, 14)),
    ("KYIV, May 24, 2025 — Ukraine said", dt.date(2025, 5, 24)),
    # A headline is no dateline: its lower-case words and numbers say so.
    ("Russia and Ukraine swap 390 prisoners on May 23, 2025\n\nText.", None),
    # A byline that ends with the date, or a date line with a time of day (session 5).
    ("Oksana Ivanova, press officer — 3 March 2025\n\nText.", dt.date(2025, 3, 3)),
    ("By Sam Lee | 12 July 2024\nText.", dt.date(2024, 7, 12)),
    ("The last swap happened on 12 July 2024\nText.", None),
    ("Swap report\n\nby A. Writer\nMarch 9, 2025 10:15 AM\n\nText.", dt.date(2025, 3, 9)),
    ("Swap report\n\nMarch 9, 2025 was a long day.\n", None),
    # A press release's dateline in parentheses (session 8).
    ("FOR IMMEDIATE RELEASE\n\nTitle\n\n(Riga, 3 March 2031) - The group said", dt.date(2031, 3, 3)),
    ("Title\n\nTEHRAN, 12 Aban 1410 (3 November 2031) (IRNA) - The spokesman said", dt.date(2031, 11, 3)),
    # A magazine's date line with its place after a bar (session 10).
    ("The price of return\n\nMar 3rd 2031 | BAKU\n\nText.", dt.date(2031, 3, 3)),
    # The same day in two calendars joined by words, after the place and a weekday (session 10).
    ("Aden, Saba – Sunday, 9 Rajab 1453 AH, corresponding to 5 October 2031\n\nText.", dt.date(2031, 10, 5)),
    ("DOHA, 2 Shawwal 1452 AH, equivalent to 13 February 2031 - Text.", dt.date(2031, 2, 13)),
])
def test_published_date_from_a_dateline(head, published):
    assert find_published_date(head) == published


def test_a_bare_month_after_a_preposition_is_the_latest_such_month():
    reference = dt.date(2025, 2, 11)
    (october,) = find_dates("The two sides last exchanged captives in October, when 30 were freed.")
    assert (october.month, october.year, october.precision) == (10, None, "month")
    assert resolve(october, reference, "past").date == dt.date(2024, 10, 1)
    # With a day or a year it is the fuller date; without a preposition "May" is no month.
    assert [d.precision for d in find_dates("in October 2024, in October 12, 2024")] == ["month", "day"]
    assert find_dates("Officials may meet; May said so.") == []


def test_a_yearless_dateline_is_dated_by_a_full_date_of_the_same_day_elsewhere():
    from pipeline.text.normalize import find_published_date
    assert find_published_date("MOSCOW, Aug. 24 (Xinhua) -- Text.\n\nEditor: Liu Wen 2023-08-24 21:15:02") == dt.date(2023, 8, 24)
    assert find_published_date("MOSCOW, Aug. 24 (Xinhua) -- Text written on 2023-08-25.") is None


def test_one_letter_scales_keep_their_case():
    assert spans("some 4k detainees and 2.5M people") == [("4k", 4000, None, "number"), ("2.5M", 2_500_000, None, "number")]
    assert spans("aid worth €30m") == [("€30m", 30_000_000, None, "money")]
    assert spans("a 15m-deep well and a 3m wall") == []  # metres, not millions: no currency sign before


def test_a_numbered_items_marker_is_no_sentence_of_its_own():
    text = "Statement\n\n1. Four sailors were released.\n2. In return, 11 fishermen went home.\nThe total was 15. 3 more wait."
    assert [s.text for s in split_sentences(text)] == [
        "Statement", "Four sailors were released.", "In return, 11 fishermen went home.", "The total was 15.", "3 more wait."]


def test_a_range_of_days_is_read_as_its_first_day_with_the_ranges_year():
    (first,) = find_dates("Digest for October 20-26, 2025: two releases")
    assert (first.year, first.month, first.day) == (2025, 10, 20)
    (first,) = find_dates("The talks ran 3–5 June 2024 in Doha.")
    assert (first.year, first.month, first.day) == (2024, 6, 3)


def test_a_range_of_days_joined_by_and_is_its_first_day():
    (first,) = find_dates("moved between 2 and 4 March 2024 on nine flights")
    assert (first.year, first.month, first.day) == (2024, 3, 2)


def test_last_and_next_month_count_from_the_texts_own_date():
    reference = dt.date(2031, 1, 20)
    last, this, following = find_dates("Talks began last month; a deal came earlier this month, and the swap is due next month.")
    assert [d.precision for d in (last, this, following)] == ["month"] * 3
    assert [resolve(d, reference).date for d in (last, this, following)] == [dt.date(2030, 12, 1), dt.date(2031, 1, 1), dt.date(2031, 2, 1)]
    assert resolve(last, None) is None


def test_a_line_broken_inside_a_sentence_does_not_end_it():
    text = ("Families waited at the crossing\nuntil the buses came.\nA second convoy left at noon, and\nSixty more followed, "
            "guards said.\nRelease day\nThe first names were read out.")
    assert [s.text for s in split_sentences(text)] == [
        "Families waited at the crossing\nuntil the buses came.", "A second convoy left at noon, and\nSixty more followed, guards said.",
        "Release day", "The first names were read out."]


def test_a_subtitles_timing_line_stays_apart_from_its_words():
    text = "7\n00:01:02,300 --> 00:01:05,900\nand the rest came home later."
    assert [s.text for s in split_sentences(text)][-1] == "and the rest came home later."


def test_a_number_written_twice_is_one_number_and_south_asian_scales_and_currency_codes_are_read():
    text = "It frees twelve (12) hostages, then 7 (seven) more; 2.5 lakh fled and Tk 3 crore was paid, with PKR 40,000 each."
    assert [(text[n.start:n.end], n.value, n.kind) for n in find_numbers(text)] == [
        ("twelve (12)", 12, "number"), ("7 (seven)", 7, "number"), ("2.5 lakh", 250_000, "number"),
        ("3 crore", 30_000_000, "money"), ("40,000", 40_000, "money")]
    assert [n.value for n in find_numbers("ten (11) guards")] == [10, 11]  # two different numbers stay two


def test_a_treaty_day_of_the_month_is_a_date():
    (mention,) = find_dates("Signed at Doha on this 3rd day of May 2031.")
    assert (mention.year, mention.month, mention.day) == (2031, 5, 3)


def test_odd_tails_a_tight_circa_and_a_score_are_numbers():
    text = "Some 300-odd men, thirty-odd women, c.40 guards and a score of boys; not sec.5 or abc.6."
    assert [(text[n.start:n.end], n.value) for n in find_numbers(text)] == [
        ("300-odd", 300), ("thirty-odd", 30), ("40", 40), ("a score", 20)]


@pytest.mark.parametrize("text, expected", [
    ("Thirty years ago today the first convoy crossed.", dt.date(1996, 8, 14)),
    ("It is 12 years ago to the day that the ship was seized.", dt.date(2014, 8, 14)),
    ("A year ago today, the families were still waiting.", dt.date(2025, 8, 14)),
])
def test_so_many_years_ago_today_is_that_day_so_many_years_before(text, expected):
    (mention,) = find_dates(text)
    assert resolve(mention, dt.date(2026, 8, 14)).date == expected and resolve(mention, dt.date(2026, 8, 14)).precision == "day"


def test_years_ago_without_today_is_no_date_and_29_february_falls_back():
    assert find_dates("Five years ago the camp was built.") == []
    (mention,) = find_dates("Three years ago today")
    assert resolve(mention, dt.date(2028, 2, 29)).date == dt.date(2025, 2, 28)


def test_a_year_never_joins_a_date_across_a_blank_line():
    (mention,) = find_dates("Released on 9 March\n\n1982 was the year it began.")
    assert (mention.year, mention.month, mention.day) == (None, 3, 9)
    (mention,) = find_dates("Released on 9 March\n1982, a hard-wrapped line.")
    assert (mention.year, mention.month, mention.day) == (1982, 3, 9)


@pytest.mark.parametrize("text, date, weekday", [
    ("RUNDOWN | 0900 NEWS | TUE 03 MAR 2026", dt.date(2026, 3, 3), 1),
    ("Filed Thurs., Feb. 12, 2026", dt.date(2026, 2, 12), 3),
    ("KHARKIV, JANUARY 9, 2026", dt.date(2026, 1, 9), None),
])
def test_dates_in_capitals_and_short_weekdays_before_a_date_are_read(text, date, weekday):
    (found,) = find_dates(text)
    assert (found.year, found.month, found.day, found.weekday) == (date.year, date.month, date.day, weekday)


def test_a_short_weekday_alone_is_no_date_and_a_slug_line_ending_in_its_date_dates_the_script():
    assert find_dates("He reads The Sun and the Mon Repos gazette.") == []
    assert find_published_date("RUNDOWN | 0900 NEWS | TUE 03 MAR 2026\nSLUG: FERRY\n\nThe ferry sailed.") == dt.date(2026, 3, 3)
