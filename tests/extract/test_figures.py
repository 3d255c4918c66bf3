import pytest

from pipeline.extract.figures import extract_figures
from pipeline.text.normalize import normalize
from tests.conftest import SEEDS, read_article


def figs(text):
    return [(f.surface, f.value, f.qualifier, f.category, f.party, f.predicate) for f in extract_figures(text)]


def value_categories(text):
    """(value, category) of every figure, in order: what most cases below check."""
    return [(f[1], f[3]) for f in figs(text)]


def one(text):
    (figure,) = figs(text)
    return figure


@pytest.mark.parametrize("text, expected", [
    ("Officials said nearly 800 people were freed.", ("800", 800, "nearly", "people", None, "released")),
    ("About 120 civilians returned home.", ("120", 120, "about", "civilians", None, "returned")),
    ("More than 8,000 Ukrainians remain in Russian prisons.", ("8,000", 8000, "more_than", "people", "UA", "held")),
    ("At least 1,500 soldiers are listed as missing.", ("1,500", 1500, "at_least", "soldiers", None, "missing")),
    ("Fewer than 40 detainees were moved.", ("40", 40, "fewer_than", "prisoners", None, None)),
    ("Up to 300 prisoners could be exchanged.", ("300", 300, "at_most", "prisoners", None, "exchanged")),
    ("Some 1,200 companies are listed.", ("1,200", 1200, "about", "other", None, None)),
    ("The army launched 250 drones overnight.", ("250", 250, "exact", "drones", None, "launched")),
    ("Kyiv said 270 Russian servicemen have been freed.", ("270", 270, "exact", "soldiers", "RU", "released")),
    ("The war has killed or wounded hundreds of thousands.", ("hundreds of thousands", 100000, "vague", "people", None, "killed_or_wounded")),
    ("Dozens of captives were handed over.", ("Dozens", 12, "vague", "prisoners", None, "released")),
    ("He was held for 22 months.", ("22", 22, "exact", "months", None, None)),
    ("a two-hour meeting", ("two-hour", 2, "exact", "hours", None, None)),
    ("a 30-day truce", ("30-day", 30, "exact", "days", None, None)),
    ("Turnout was 12%.", ("12%", 12, "exact", "percent", None, None)),
    ("Russia handed over 84 captives.", ("84", 84, "exact", "prisoners", None, "released")),
    ("The bodies of 909 fallen soldiers were returned.", ("909", 909, "exact", "bodies", None, "returned")),
    ("Three hundred and seven prisoners came home.", ("Three hundred and seven", 307, "exact", "prisoners", None, "returned")),
])
def test_one_figure_per_case(text, expected):
    surface, value, qualifier, category, party, predicate = one(text)
    assert (surface, value, qualifier, category, party, predicate) == expected


def test_ranges_keep_both_ends():
    (figure,) = extract_figures("Between 25 and 60 soldiers were wounded.")
    assert (figure.value, figure.value_high, figure.category, figure.predicate) == (25, 60, "soldiers", "wounded")


def test_n_for_n_is_two_figures_agreed():
    found = figs("They reached a 1,000-for-1,000 deal.")
    assert [(f[1], f[5]) for f in found] == [(1000, "agreed"), (1000, "agreed")]


def test_coordinated_figures_share_verb_and_party():
    found = figs("Ukraine estimates 8,000 soldiers and 16,000 civilians remain in Russian captivity.")
    assert found == [("8,000", 8000, "exact", "soldiers", "UA", "held"), ("16,000", 16000, "exact", "civilians", "UA", "held")]
    found = figs("The release of 390 Ukrainians, including three women, was confirmed.")
    assert found[1] == ("three", 3, "exact", "women", "UA", "released")


@pytest.mark.parametrize("text", [
    "The swap took place on May 23, 2025.", "In 2022 the war began.", "It was the 49th exchange.",
    "An Il-76 and S-300 systems were seen at COP29.", "The 36th Brigade held the line.", "The two sides met at 10:30.",
    "One such individual spoke.", "1. First point\n2. Second point", "Natalia Apetyk, 54, waited.",
    "A 22-year-old soldier spoke.", "It was the first and second stage.",
    "The two warring parties met.", "Both leaders thanked the two neighbouring countries.",
    "Qatar, Egypt and the US mediate; the three countries meet weekly.",
])
def test_not_figures(text):
    assert figs(text) == []


def test_spun_seed_figures():
    doc = normalize((SEEDS / "000_b666787848e09ea1.txt").read_text(encoding="utf-8"))
    found = figs(doc.text)
    assert ("800", 800, "nearly", "people", None, None) in found
    assert ("387", 387, "exact", "men", None, None) in found
    assert ("three", 3, "exact", "women", None, None) in found
    assert ("8,000", 8000, "exact", "soldiers", "UA", "held") in found
    assert ("16,000", 16000, "exact", "civilians", "UA", "held") in found
    assert ("hundreds of thousands", 100000, "vague", "people", None, "killed_or_wounded") in found
    assert ("tens of thousands", 10000, "vague", "civilians", "UA", "killed") in found
    assert ("two-hour", 2, "exact", "hours", None, None) in found
    assert ("thousands", 1000, "vague", "people", None, "held") in found
    assert [f for f in found if f[0] == "1,000" and f[5] == "agreed"]
    assert not [f for f in found if f[0] in ("23", "2025", "16", "19")]


def test_clean_seed_figures():
    found = figs((SEEDS / "004_e2a61d9615fb6b58.txt").read_text(encoding="utf-8"))
    assert ("250", 250, "exact", "drones", None, "launched") in found
    assert ("14", 14, "exact", "missiles", None, "launched") in found
    assert ("22", 22, "exact", "months", None, None) in found
    assert ("8,000", 8000, "more_than", "people", "UA", "held") in found
    assert ("270", 270, "exact", "soldiers", None, "exchanged") in found


def test_whole_article_in_wire_style():
    found = figs(read_article("wire_dateline.txt"))
    assert ("62", 62, "exact", "soldiers", "UA", "returned") in found  # "84 Ukrainians who came home included 62 soldiers"
    assert ("10,000", 10000, "about", "people", "UA", "held") in found
    assert ("1,500", 1500, "at_least", "people", None, "missing") in found
    assert ("150", 150, "exact", "prisoners", None, "exchanged") in found
    assert not [f for f in found if f[0] in ("14", "2025", "5", "2022")]


def test_market_article_figures_are_not_people():
    found = figs(read_article("market_news.txt"))
    assert ("2.5%", 2.5, "exact", "percent", None, None) in found
    assert all(f[3] in ("percent", "other") for f in found)
    assert not [f for f in found if f[0] == "1985"]


def test_spans_point_into_the_text():
    text = read_article("caucasus_swap.txt")
    for f in extract_figures(text):
        assert text[f.start:f.end] == f.surface and f.surface in f.sentence


# Rules added after held-out round 4 (bench/heldout/expected_round4.tsv); each case is written for the test.
@pytest.mark.parametrize("text, expected", [
    ("* March 12: 64 for 64, with Saudi help. Prisoners were bussed home.", [(64, "prisoners"), (64, "prisoners")]),
    ("A 52-for-52 exchange followed in June.", [(52, "prisoners"), (52, "prisoners")]),
    ("The market closed 3-for-1 on the split.", [(3, "other"), (1, "other")]),
    ("Of the 200, eleven of those released were women.", [(200, "other"), (11, "women")]),
    ("Some 45 of them were children.", [(45, "children")]),
    ("Monitors logged 420 reports of shelling.", [(420, "other")]),
    ("Nearly half of the detainees were tortured.", [(0.5, "prisoners")]),  # a share of them, as "two-thirds of the prisoners"
    ("Roughly half of them came home.", [(0.5, "other")]),
    ("Gaza got 90 bodies and Israel 12.", [(90, "bodies"), (12, "bodies")]),
    ("Kyiv freed 30 soldiers; Moscow, 41.", [(30, "soldiers"), (41, "soldiers")]),
    ("after a 40-kilometre drive and a 12-page report", [(40, "other"), (12, "other")]),
    ("a five-member team met for a three-week course", [(5, "people"), (3, "weeks")]),  # members count people
    ("twenty-seven soldiers and a one-off payment", [(27, "soldiers")]),
    # After held-out round 5 (bench/heldout/expected_round5.tsv):
    ("Talks between the two camps resumed with 12 observers.", [(12, "people")]),
    ("About 40 Red Cross staff and 7 UN volunteers checked the lists.", [(40, "people"), (7, "people")]),
    ("Among them were 22 National Guardsmen.", [(22, "soldiers")]),
    ("Of the group, 58 said they had been beaten and 3 died in custody.", [(58, "people"), (3, "people")]),
    ("The war left 8 million in need of aid.", [(8_000_000, "people")]),
    ("The index fell 40 points in March.", [(40, "other")]),
    # A spinner's words for counted nouns keep their category in a text too short to be judged spun:
    ("The rebels released 67 troopers and 4 ladies.", [(67, "soldiers"), (4, "women")]),
    # After held-out round 7: "a third" is a share only before "of".
    ("A third, in June, freed 48 captives; a third of them were women.", [(48, "prisoners"), (0.3333333333333333, "other")]),
    # After held-out round 8 (bench/heldout/expected_round8.tsv):
    ('Officials counted "several thousand" civilians and "nearly 300" soldiers.', [(2000, "civilians"), (300, "soldiers")]),
    ("Key figures:\n- 537: detainees freed in the first batch.\n- Up to 40: hostages left behind.\n* 12: buses used.",
     [(537, "prisoners"), (40, "prisoners"), (12, "other")]),
    ("Hundreds of graves remain unmarked and dozens of families still wait.", [(100, "other"), (12, "other")]),
    ("Guards counted 60 tents, 9 previous visits and 300 cases of abuse.", [(60, "other"), (9, "other"), (300, "other")]),
    ("Kyiv freed 200 soldiers, including 41 officers, on Friday.", [(200, "soldiers"), (41, "soldiers")]),
    ("Two foreign mediators joined; 37 needed care and four were carried off on stretchers.", [(2, "people"), (37, "people"), (4, "people")]),
    # After held-out round 9 (bench/heldout/expected_round9.tsv): "whom" stands only for people.
    ("The militia holds 59 hostages, of whom about 24 are thought to be alive.", [(59, "prisoners"), (24, "people")]),
    ("A panel of five judges heard 11 relatives.", [(5, "people"), (11, "people")]),
    # After held-out round 10 (bench/heldout/expected_round10.tsv):
    ("Some 600+ bodies were found; a fund raised £40,000 and $6 billion was unfrozen, not €2 million.",
     [(600, "bodies"), (40_000, "other"), (6e9, "other"), (2e6, "other")]),
    ("At least four other Europeans and 12 foreigners are held.", [(4, "people"), (12, "people")]),
    ("Three British nationals are held. The embassy asked to see the remaining three.", [(3, "people"), (3, "people")]),
    ("Iran holds 5 soldiers and 9 hostages. Those 9 are safe; the other 5 are not.", [(5, "soldiers"), (9, "prisoners"), (9, "prisoners"), (5, "soldiers")]),
])
def test_value_and_category(text, expected):
    assert [(f.value, f.category) for f in extract_figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Hamas is to free 50 women and children held in Gaza.", [("50", 50, "exact", "people", None, "released")]),
    ("The rebels freed 40 men and women over three days.", [("40", 40, "exact", "people", None, "released"), ("three", 3, "exact", "days", None, None)]),
    ("He was held for over four years.", [("four", 4, "more_than", "years", None, None)]),
    ("Russia said 50 soldiers are held in Kursk.", [("50", 50, "exact", "soldiers", None, "held")]),
    # After held-out round 11: the subject of an active verb did it; "individual" modifies a noun.
    ("Three allies freed eight Russians.", [("Three", 3, "exact", "other", None, None), ("eight", 8, "exact", "people", "RU", "released")]),
    ("It covers 1,240 individual cases.", [("1,240", 1240, "exact", "other", None, None)]),
    # After held-out round 12: tolls, "the dead", a clause-opening number, hyphenated names, two-word nouns before a stop.
    ("The death toll passed 46,000 on Tuesday.", [("46,000", 46000, "exact", "people", None, "killed")]),
    ("More than half of the dead were women.", [("half", 0.5, "more_than", "people", None, "killed")]),
    # "got" reads as "received" since round 67 ("Russia got 255 servicemen in return"): the bodies came home
    ("Kyiv got 501 bodies and returned 89 to Russia.", [("501", 501, "exact", "bodies", None, "returned"), ("89", 89, "exact", "bodies", None, "returned")]),
    ("Defences shot down 87 drones; 25 were jammed.", [("87", 87, "exact", "drones", None, "intercepted"), ("25", 25, "exact", "drones", None, None)]),
    ("Russia fired 120 drones and four Iskander-M ballistic missiles.", [("120", 120, "exact", "drones", None, "launched"), ("four", 4, "exact", "missiles", None, "launched")]),
    ("Among them were 4 border guards.", [("4", 4, "exact", "soldiers", None, None)]),
    # After held-out round 13: trillions; "the first half of the year" is a period, not a share.
    ("Revenues fell to about 4.7 trillion roubles in the first half of the year.", [("4.7 trillion", 4.7e12, "about", "other", None, None)]),
    ("Israel freed 90 Palestinian prisoners hours later.", [("90", 90, "exact", "prisoners", "PS", "released")]),
    ("Russia had returned 60 Ukrainian soldiers and Ukraine had freed 60 Russians.",
     [("60", 60, "exact", "soldiers", "UA", "returned"), ("60", 60, "exact", "people", "RU", "released")]),
])
def test_after_round_10_groups_periods_and_participles(text, expected):
    assert figs(text) == expected


def test_money_and_plus_signs_belong_to_the_figure():
    assert figs("Donors gave $1.2bn; 300-plus soldiers came back and 600+ bodies were returned.") == [
        ("$1.2bn", 1.2e9, "exact", "other", None, None), ("300-plus", 300, "more_than", "soldiers", None, "returned"),
        ("600+", 600, "more_than", "bodies", None, "returned")]


def test_a_date_before_a_colon_is_a_date_not_a_figure():
    assert figs("* January 3: The swap went ahead.") == []
    assert [f[1] for f in figs("The clock read 3:15 when 20 men walked out.")] == [20]


def test_the_verb_with_its_auxiliary_is_the_predicate_not_a_participle_modifier():
    assert one("Six soldiers held in Kherson since 2022 were released on Monday.")[5] == "released"
    assert one("8,000 soldiers remain in Russian captivity.")[5] == "held"
    assert one("Fifty soldiers returned home after being held for a year.")[5] == "returned"


def test_a_relative_clause_of_captivity_does_not_outweigh_the_release_before_the_number():
    (freed,) = extract_figures("Washington welcomed the return of ten citizens who had been detained in Venezuela.")
    assert (freed.value, freed.predicate) == (10, "returned")
    (still,) = extract_figures("Officials said ten citizens who had been detained were still missing.")
    assert still.predicate != "returned"


@pytest.mark.parametrize("text, expected", [
    # After held-out round 14: numbers that name a thing, telephone numbers, footnote marks and slashed numbering.
    ("The court cited Article 318 and Paragraph 4 of the code.", []),
    ("Phase 3 of the accord starts in June.", []),
    ("Phases one and two went smoothly; 64 detainees were freed.", [("64", 64, "exact", "prisoners", None, "released")]),
    ("In the second round 52 captives walked free.", [("52", 52, "exact", "prisoners", None, "released")]),
    ("Relatives may ring the hotline on +380 44 281 1904.", []),
    ("Relatives may ring the hotline (tel. 0800 505 333).", []),
    ("The mediator was Qatar.[14] Some 75 prisoners came home.[15]", [("75", 75, "about", "prisoners", None, "returned")]),
    ("3/8 Next: 210 sailors were released.", [("210", 210, "exact", "soldiers", None, "released")]),
    ("Volunteers staff the shelter 24/7 for 90 returnees.", [("90", 90, "exact", "people", None, None)]),
])
def test_after_round_14_numbers_that_name_or_mark_are_not_figures(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Roughly ~3k civilians remain in custody.", ("3k", 3000, "about", "civilians", None, "held")),
    ("Officials counted >450 detainees.", ("450", 450, "more_than", "prisoners", None, None)),
    ("The list has approx. 230 names of hostages.", ("230", 230, "about", "other", None, None)),
    ("The shelter hosts 1.2M displaced people.", ("1.2M", 1_200_000, "exact", "people", None, None)),
])
def test_after_round_14_signs_and_one_letter_scales(text, expected):
    assert one(text) == expected


def test_after_round_14_an_elided_count_of_each_side_takes_the_swaps_noun():
    found = figs("The first flight carried 120 for 120 prisoners. The next two flights bring 95 each, "
                 "and Baku will hand over its 95 on Friday. That makes 310 per side.")
    assert [(f[1], f[3]) for f in found] == [(120, "prisoners"), (120, "prisoners"), (2, "other"), (95, "prisoners"), (95, "prisoners"), (310, "prisoners")]
    assert one("Both chess clubs lost 4 each.")[3] == "other"  # no swap named before: nothing to take


def test_after_round_14_two_demonyms_share_the_noun_after_the_second():
    assert figs("Officials swapped 84 Armenian and 91 Azerbaijani detainees.") == [
        ("84", 84, "exact", "prisoners", "AM", "exchanged"), ("91", 91, "exact", "prisoners", "AZ", "exchanged")]


def test_after_round_15_a_number_alone_in_a_table_cell_counts_what_its_column_header_names():
    table = ("Region | Detainees | Freed to Kyiv | Convoys\n"
             "-------|-----------|---------------|--------\n"
             "North  | 310       | 45            | 3\n")
    assert [(f[1], f[3]) for f in figs(table)] == [(310, "prisoners"), (45, "people"), (3, "other")]
    assert figs("A pipe | in prose: 40 soldiers | came back.")[0][3] == "soldiers"  # not alone in its cell: read as usual


def test_after_round_15_long_acronyms_and_unmanned_aerial_vehicles():
    assert value_categories("Crews intercepted 2 ATACMS missiles and 56 unmanned aerial vehicles overnight.") == [
        (2, "missiles"), (56, "drones")]


def test_after_round_16_listed_ages_a_part_of_whom_and_a_range_with_to():
    assert [f[:4] for f in figs("The two nurses, aged 41 and 38, came home.")] == [("two", 2, "exact", "people")]
    assert value_categories("Kyiv freed 300 detainees, 45 of whom were women.") == [(300, "prisoners"), (45, "people")]
    (militia,) = extract_figures("The militia has 1,200 to 3,000 fighters.")
    assert (militia.value, militia.value_high, militia.category) == (1200, 3000, "soldiers")
    assert [f[1] for f in figs("The committee voted 9 to 4 on the swap.")] == [9, 4]  # a tally, not a range


def test_after_round_17_a_count_after_a_semicolon_and_a_few_words_takes_the_noun_before():
    found = value_categories("Kyiv expects 2,000 bodies in all; so far roughly 1,200 have been returned.")
    assert found == [(2000, "bodies"), (1200, "bodies")]


def test_after_round_18_spans_of_years_parts_of_a_whole_and_a_subject_left_out():
    assert figs("Between 2019 and 2021, the camp held 400 detainees.") == [("400", 400, "exact", "prisoners", None, "held")]
    found = value_categories("Some 2,000 civilians were detained. Of the 2,000, roughly 90 have been freed.")
    assert found == [(2000, "civilians"), (2000, "civilians"), (90, "civilians")]
    found = value_categories("About 640 children were taken across the border. Only 57 have come back.")
    assert found == [(640, "children"), (57, "children")]
    found = figs("About 640 children were taken across the border.\n\n57 were counted again later.")
    assert found[1][3] == "other"  # another paragraph: no noun to take


def test_after_round_19_n_of_us_counts_people():
    assert value_categories("There were twelve of us in the truck.") == [(12, "people")]


def test_after_round_20_a_part_of_a_counted_whole_ranks_prepositions_and_invariant_demonyms():
    assert value_categories("Doctors treat 30 of the 210 returned prisoners.") == [(30, "prisoners"), (210, "prisoners")]
    assert value_categories("Among them were 9 officers and 40 privates.") == [(9, "soldiers"), (40, "soldiers")]
    assert [f[3] for f in figs("They relayed 800 letters between detainees and families.")] == ["other"]
    assert figs("The appeal seeks 90 million Swiss francs.")[0][3] == "other"
    assert value_categories("He spent three and a half years in jail.") == [(3.5, "years")]


def test_after_exchanges_round_21_an_adjective_before_the_next_counts_noun_is_no_predicate():
    found = figs("In all 60 marines and 9 badly wounded sailors came home.")
    assert [(f[1], f[3], f[5]) for f in found] == [(60, "soldiers", "returned"), (9, "soldiers", "returned")]


def test_after_round_21_answers_to_how_many_questions_shares_of_our_and_things_named_before():
    found = value_categories("Q: How many detainees did you visit?\n\nA: Roughly two hundred. Later, another ninety.")
    assert found == [(200, "prisoners"), (90, "prisoners")]
    assert value_categories("How many Georgians are still held?\nAbout 30, the ministry says.") == [(30, "people")]
    assert figs("How long did it take? Almost 40, and it felt longer.")[0][3] == "other"  # no "how many": no noun asked
    assert figs("Nearly half of their medical staff left.")[0][3] == "people"
    found = value_categories("The draft first listed 70 names, later 45, then only dozens.")
    assert found == [(70, "other"), (45, "other"), (12, "other")]


def test_after_exchanges_round_22_a_time_zone_offset_is_no_figure():
    assert [f[0] for f in figs("Updated 9:15 AM GMT+2, May 4, 2025. Kyiv got 40 soldiers back. UTC-5 is New York.")] == ["40"]


def test_after_round_22_an_age_told_with_a_verb_is_no_figure():
    assert [f[0] for f in figs("Olena was 31 when she was detained, and her son turned four while she was away.")] == []
    assert [f[1] for f in figs("The toll was 31, officials said.")] == [31]  # no person before the verb


def test_after_round_23_counts_of_the_subject_parts_of_those_released_ages_of_the_youngest_and_the_two_forces():
    found = value_categories("The detainees were bussed out in three convoys, 40 at dawn and 25 at noon.")
    assert found == [(3, "other"), (40, "prisoners"), (25, "prisoners")]
    assert value_categories("Of those freed, nine were taken to hospital.") == [(9, "people")]
    assert figs("The youngest was 19, the oldest is 70.") == []
    assert figs("Talks between the two forces went on.") == []


def test_after_the_spun_pair_a_number_of_something_counts_that_thing():
    assert value_categories("Monitors put the number of detained journalists at about 40.") == [(40, "people")]
    found = value_categories("Monitors put the number of letters delivered at about 40.")
    assert found == [(40, "other")]  # letters are no counted noun: no category to take
    assert value_categories("This raised the total number of civilians returned to 312.") == [(312, "civilians")]
    assert value_categories("Officials estimate the number of their soldiers held at 2,000 to 3,000.") == [(2000, "soldiers")]


def test_any_hedge_of_the_lexicon_may_follow_in_exchange_for():
    found = figs("Hamas is to free 20 hostages in exchange for almost 1,500 prisoners.")
    assert [(f[1], f[2], f[5]) for f in found] == [(20, "exact", "released"), (1500, "nearly", "exchanged")]


def test_lower_than_is_a_hedge():
    assert figs("Lower than 40 detainees remain.")[0][:4] == ("40", 40, "fewer_than", "prisoners")


def test_the_verb_after_a_relative_clause_of_captivity_says_what_happened():
    found = figs("Four Canadians who had been held in China landed in Toronto on Friday.")
    assert [(f[1], f[5]) for f in found] == [(4, "returned")]
    found = figs("Four Canadians who had been held in China remain there.")
    assert [(f[1], f[5]) for f in found] == [(4, "held")]


def test_bulleted_items_under_a_lead_count_count_what_it_counts():
    found = value_categories("Today 90 of our soldiers came home:\n• 50 — Army\n• 40 — Navy\n\nSeparately:\n• 7 — drones shot down")
    assert found == [(90, "soldiers"), (50, "soldiers"), (40, "soldiers"), (7, "drones")]  # another list, its own noun after the dash


def test_n_more_ending_its_phrase_counts_what_was_counted_last():
    found = figs("On Monday 200 prisoners went home. On Tuesday 150 more were freed, and 3 more Estonian citizens wait.")
    assert [(f[1], f[3], f[4]) for f in found] == [(200, "prisoners", None), (150, "prisoners", None), (3, "people", "EE")]
    assert [f[5] for f in found[:2]] == ["returned", "released"]


def test_after_round_28_two_word_nouns_after_a_copula_own_people_and_the_age_of_the_youngest_soldier():
    assert value_categories("Of them, 40 are service members and two are civilians.") == [(40, "soldiers"), (2, "civilians")]
    assert value_categories("Moscow got 40 of its own back.") == [(40, "people")]
    assert value_categories("Moscow got 40 of its own soldiers back.") == [(40, "soldiers")]
    assert figs("The youngest freed soldier is 21.") == []


def test_the_four_men_restating_a_count_is_a_count_but_the_two_sides_still_refer():
    found = value_categories("Hamas freed four hostages. The four men were handed to the Red Cross, the two sides said.")
    assert found == [(4, "prisoners"), (4, "men")]


def test_each_one_is_a_pronoun_and_handed_back_is_a_release():
    assert figs("There were 60 swaps. Each one took weeks.") == [("60", 60, "exact", "other", None, None)]
    found = figs("Georgia held three men for a year, and Russia handed back two Georgian soldiers.")
    assert [(f[1], f[5]) for f in found][-1] == (2, "released")


def test_a_part_of_a_groups_members_and_an_accented_name_with_an_age():
    found = value_categories("The commission freed 14 of the movement's fighters; Jesús, 31, was among them, and Zoë, 27, too.")
    assert found == [(14, "soldiers")]


def test_after_round_32_word_ranges_dotted_demonyms_and_ages_after_a_noun():
    assert figs("Talks take two to four days.") == [("two to four", 2, "exact", "days", None, None)]
    assert [f[1] for f in figs("Fans saw a ten to one win.")] == [10]  # downwards: no range
    assert [(f[1], f[3], f[4]) for f in figs("Moscow freed three U.S. citizens.")] == [(3, "people", "US")]
    assert figs("A retired nurse, 45, said she was beaten. The youngest is 19, the oldest 70.") == []


def test_after_round_33_digit_references_and_a_count_elided_before_back():
    assert figs("Talks between the 3 countries resumed.") == []
    assert value_categories("Critics said Kyiv sent 200 Russians and received only 90 back.") == [(200, "people"), (90, "people")]


def test_after_round_34_a_part_of_a_whole_with_its_noun_and_of_them_before_a_verb():
    found = value_categories("Of the 80 detainees, 50 were held without charge; 12 of them were later freed.")
    assert found == [(80, "prisoners"), (50, "prisoners"), (12, "prisoners")]


def test_after_round_35_page_and_issue_numbers_years_before_nouns_and_two_word_demonyms():
    assert figs("Issue 12 of the bulletin: see paras 2-3 and pages 4 and 5.") == []
    assert figs("The 2024 prisoner swaps were slower.") == []
    found = figs("Pyongyang sent back three South Korean fishermen and Seoul freed 12 North Koreans.")
    assert [(f[1], f[3], f[4], f[5]) for f in found] == [(3, "people", "KR", "released"), (12, "people", "KP", "released")]


def test_after_round_36_age_ranges_totals_in_apposition_and_suspects():
    assert figs("The hostages, aged between 9 and 14, were freed.") == []
    found = value_categories("Kyiv got back the same number of its soldiers, 75 in all. Police held 6 suspects.")
    assert found == [(75, "soldiers"), (6, "people")]


def test_of_its_own_ending_a_headline_counts_people():
    assert value_categories("Georgia frees two Russians, gets back 3 of its own") == [(2, "people"), (3, "people")]


def test_after_round_41_a_part_of_them_doing_something_and_family_words():
    found = value_categories("Israel freed 90 prisoners, 12 of them serving long terms. Two Georgian brothers were among them.")
    assert found == [(90, "prisoners"), (12, "prisoners"), (2, "people")]


def test_after_round_43_labelled_values_and_more_nouns():
    found = value_categories("Board, 2 May 2026\nReleased to Armenia: 12 | Still held: 300+\nSwaps this year: 4")
    assert found == [(12, "people"), (300, "people"), (4, "other")]
    assert value_categories("Totals: 900 returned to Kyiv.") == [(900, "people")]  # a verb after: no label value
    found = value_categories("Dozens of families waited as 30 schoolgirls and two rebel commanders were freed.")
    assert found == [(12, "other"), (30, "children"), (2, "soldiers")]


def test_after_round_44_values_labelled_with_a_party_count_people():
    assert value_categories("Who went home (Georgia: 4; Russia: 3)") == [(4, "people"), (3, "people")]


def test_cellmates_comrades_and_colleagues_are_people():
    found = value_categories("Three of his cellmates and two comrades are still held; 40 colleagues signed a letter.")
    assert found == [(3, "people"), (2, "people"), (40, "people")]


def test_a_key_figure_counts_its_own_line_noun_even_one_the_lexicon_lacks():
    found = value_categories("Key figures\n* 300: detainees released\n* 9: convoys sent\n* 4: Armenians returned")
    assert found == [(300, "prisoners"), (9, "other"), (4, "people")]


def test_rebels_are_combatants():
    assert value_categories("The army freed 14 jailed rebels.") == [(14, "soldiers")]


def test_people_named_by_their_office_are_counted_as_people():
    assert value_categories("Three of the country's 15 provincial governors resigned, and two ministers followed.") == [
        (3, "people"), (15, "people"), (2, "people")]


def test_a_parent_of_n_counts_children_and_our_boys_are_soldiers():
    assert value_categories("Maria, a mother of four from Kherson, waited at the border.") == [(4, "children")]
    assert value_categories("Finally, 212 of our boys are free.") == [(212, "soldiers")]
    assert value_categories("Two of the boys were still missing.") == [(2, "children")]


def test_n_more_before_a_modal_counts_what_was_counted_last():
    assert value_categories("Some 300 detainees were freed. Officials said 450 more might follow within days.") == [
        (300, "prisoners"), (450, "prisoners")]


def test_the_verb_after_a_relative_clause_says_what_happened():
    (figure,) = figs("Six fishermen from the coastal district who had been detained by the navy since spring were sent back to India.")
    assert figure[3:] == ("people", None, "released")
    (walked,) = figs("Eleven captives walked to freedom at the border crossing.")
    assert walked[5] == "released"


def test_gallery_counters_and_phone_numbers_with_short_groups_count_nothing():
    text = ("Photo 2 of 9: Freed detainees board a bus.\n3 of 9 | Relatives wait at the gate.\n\n"
            "Media contact: +44 1 234 5678")
    assert figs(text) == []


def test_a_headline_clause_after_but_shares_the_noun_before():
    assert value_categories("60 Prisoners Released, but Nearly 900 Remain Behind Bars") == [(60, "prisoners"), (900, "prisoners")]


def test_half_a_scale_ratios_and_millions_written_with_m():
    assert value_categories("Half a dozen guards and half a million residents were affected.") == [(6, "people"), (500000, "people")]
    assert value_categories("Some 2.4m refugees left; a 5m wall was built.") == [(2400000, "people")]
    assert value_categories("One in four of the detainees was ill.") == [(0.25, "prisoners")]


def test_all_n_and_n_of_them_at_a_clause_end_count_what_was_counted_before():
    text = "Thailand returned 14 Cambodian soldiers. Phnom Penh had demanded all 14 for months, and the ICRC visited 9 of them."
    assert value_categories(text) == [(14, "soldiers"), (14, "soldiers"), (9, "soldiers")]
    assert value_categories("Cambodia released three Thai rangers.") == [(3, "soldiers")]


def test_dates_of_other_calendars_and_statute_citations_count_nothing():
    assert figs("The ruling of 3 Ramadan 1446 AH and the appeal of 18 Mehr 1404 both stood.") == []
    assert figs("He admitted violating 18 U.S.C. § 1956 and § 2(b) of the act.") == []
    assert value_categories("Roughly 4,100 foreign offenders are held in Dutch jails.") == [(4100, "prisoners")]


def test_a_column_of_values_each_labelled_after_a_dash():
    text = ("THE MONTH IN NUMBERS\n\n84 - Armenian prisoners freed in March.\n\nSeven in ten - share of freed prisoners needing care.\n\n"
            "A third of a million - people displaced by the fighting.")
    assert value_categories(text) == [(84, "prisoners"), (0.7, "prisoners"), (1000000 / 3, "people")]


def test_accused_people_ages_after_now_and_tight_measures():
    assert value_categories("Two of the five defendants, and one of the kidnappers, appeared.") == [(2, "people"), (5, "people")]
    assert value_categories("The pilot, now 61, had lost 12kg and walked 30km.") == [(12, "other"), (30, "other")]


def test_subtitle_cues_count_nothing_and_a_sentence_wrapped_over_their_lines_keeps_its_noun():
    text = ("1\n00:00:00,500 --> 00:00:03,000\nThe two sides swapped\n57 detainees on Sunday.\n\n"
            "2\n00:00:03,100 --> 00:00:06,000\nAmong them were nine Guard members.\n\n"
            "WEBVTT note\n\n00:07.000 --> 00:09.500\nSeven women came home.")
    assert value_categories(text) == [(57, "prisoners"), (9, "soldiers"), (7, "women")]


def test_scores_votes_and_names_joined_by_a_plus_count_nothing_but_a_rising_range_does():
    text = "The council backed the plan 7-2, the visitors won 3–1 and the 2+2 dialogue resumed; 40-55 detainees may go free."
    assert value_categories(text) == [(40, "prisoners")]
    assert value_categories("Six members of one family and 14 National Guard members were freed.") == [(6, "people"), (14, "soldiers")]


def test_a_number_and_its_noun_on_either_side_of_a_wrapped_line_break():
    text = "On Friday the rebels freed nine\nsoldiers and four\ncivilians, a spokesman said."
    assert value_categories(text) == [(9, "soldiers"), (4, "civilians")]


def test_the_n_with_capitalized_modifiers_refers_and_web_addresses_count_nothing():
    assert figs("Talks between the two Gulf monarchies stalled; the three Nordic countries abstained.") == []
    assert figs("Read more at newsdesk.example.net/2026/11/17 or https://example.org/page/45.") == []
    assert value_categories("One in four readers and half of the population backed it.") == [(0.25, "people"), (0.5, "people")]


def test_billions_after_a_currency_sign_ages_before_when_and_family_and_security_nouns():
    assert value_categories("Donors gave US$1.3B of a $6B plan; Block 4B stayed shut.") == [(1.3e9, "other"), (6e9, "other")]
    assert value_categories("Her sons were nine and twelve when the war began.") == []
    assert value_categories("There were 30 when the talks began.") == [(30, "other")]
    text = "Three daughters, 8.2M internally displaced, 61 deaths and five gendarmes were recorded."
    assert value_categories(text) == [(3, "children"), (8.2e6, "people"), (61, "people"), (5, "soldiers")]


def test_members_of_an_army_or_an_armed_group_are_soldiers_and_civilian_before_a_people_noun_wins():
    text = ("The army freed 27 members of the Kachin Independence Army, 8 members of the armed forces, 12 members of the ELN "
            "and 4 civilian staffers; five members of the city council and 6 members of the police force also left.")
    assert value_categories(text) == [(27, "soldiers"), (8, "soldiers"), (12, "soldiers"), (4, "civilians"), (5, "people"), (6, "people")]


def test_a_part_of_a_restated_whole_takes_the_noun_after_its_verb_and_hired_fighters_and_guys_are_counted():
    text = "Kyiv got 120 POWs back; three of the 120 are civilians. Two dozen mercenaries and 9 guys from his unit were swapped too."
    assert value_categories(text) == [(120, "prisoners"), (3, "civilians"), (120, "prisoners"), (24, "soldiers"), (9, "men")]


def test_keycap_list_marks_and_a_place_named_with_a_number_count_nothing():
    text = "2️⃣ Homes in East 12 Kabupaten were hit.\n3️⃣ West 40 soldiers were freed."
    assert value_categories(text) == [(40, "soldiers")]


def test_idiomatic_hedges_set_the_qualifier_and_a_count_of_them_may_open_a_text():
    text = "Kyiv says Minsk holds north of 900 of its citizens, nigh on 70 journalists and the better part of 300 students; c.15 more."
    assert [(f.value, f.qualifier) for f in extract_figures(text)] == [(900, "more_than"), (70, "nearly"), (300, "nearly"), (15, "about")]
    assert [(f.value, f.qualifier) for f in extract_figures("Some 500-odd days passed.")] == [(500, "more_than")]
    assert value_categories("Nine of them, the army said, were freed.") == [(9, "other")]
    text = "The number of civilians freed since March 2022 has risen to upwards of 1,400."
    assert value_categories(text) == [(1400, "civilians")]


def test_a_verb_before_and_home_or_back_after_the_noun_tell_a_return():
    text = "The trucks took 64 Georgians home. Abkhazia got 21 of its own back. Some 30 soldiers stayed home."
    assert [(f.value, f.predicate) for f in extract_figures(text)] == [(64, "returned"), (21, "returned"), (30, None)]


@pytest.mark.parametrize("text", [
    "It was the thirty-fourth round of talks.",
    "Delegates marked the Seventy-ninth session of the Assembly.",
    "The twenty-third convoy reached the crossing.",
    "Their fifty-first flight landed at dawn.",
])
def test_a_tens_word_joined_to_an_ordinal_is_an_ordinal_not_a_count(text):
    assert figs(text) == []


def test_a_tens_word_joined_to_second_after_an_article_still_reads_as_a_number():
    """'a thirty-second clip' lasts thirty seconds: only the bare compound is an ordinal."""
    assert [f[1] for f in figs("The channel aired a thirty-second clip of the handover.")] == [30]


@pytest.mark.parametrize("text", [
    "The report carries the reference 14-00731 (F).",
    "Officers logged the parcel as 0042 at the gate.",
])
def test_a_digit_group_led_by_a_zero_is_a_code(text):
    assert figs(text) == []


def test_a_leading_zero_code_does_not_hide_a_count_beside_it():
    assert value_categories("Case 14-00731: police freed 12 hostages.") == [(12, "prisoners")]


@pytest.mark.parametrize("text", [
    "Under rule 61 of the procedure, the chair closed the debate.",
    "The committee moved on to item 9 of its agenda.",
])
def test_a_numbered_rule_or_agenda_item_is_a_name(text):
    assert figs(text) == []


def test_each_count_keeps_its_own_captivity_participle_after_a_comma():
    """'88 held by the militia ..., 40 held by the police ...': both counts are people held, each by its own participle."""
    found = value_categories("Monitors say 88 held by the militia were moved north, 40 held by the police stayed in town.")
    assert found == [(88, "people"), (40, "people")]


@pytest.mark.parametrize("text, expected", [
    ("The rebels offered to free 300 hostages in one go. The government accepted 120.", [(300, "prisoners"), (120, "prisoners")]),
    ("Belgrade proposed handing over 60 soldiers. Pristina got only 25.", [(60, "soldiers"), (25, "soldiers")]),
])
def test_a_count_closing_its_sentence_after_a_taking_verb_counts_what_came_before(text, expected):
    assert value_categories(text) == expected


def test_a_count_closing_a_sentence_after_another_verb_is_not_carried_over():
    assert value_categories("The team freed 300 hostages. The score was 120.")[1] == (120, "other")


@pytest.mark.parametrize("text, expected", [
    ("Moscow handed back six agents and two spies.", [(6, "people"), (2, "people")]),
    ("Among the freed were 3 army chaplains.", [(3, "people")]),
])
def test_agents_spies_and_chaplains_count_people(text, expected):
    assert value_categories(text) == expected


def test_a_numbered_point_of_a_decree_is_a_name():
    assert value_categories("The persons listed in point 2 shall be released within 10 days.") == [(10, "days")]


def test_a_count_someone_puts_it_at_counts_what_the_count_before_counted():
    found = value_categories("The paper said 30 Armenian soldiers were freed. Yerevan put the number at 32, including two officers.")
    assert found[:2] == [(30, "soldiers"), (32, "soldiers")]


@pytest.mark.parametrize("text", [
    "Veteran negotiator dies at 81\n\nHe brokered 12 swaps.",
    "The former envoy died at the age of 93 in Doha, having helped free 40 hostages.",
])
def test_the_age_someone_died_at_is_no_figure(text):
    assert 81 not in [v for v, _ in value_categories(text)] and 93 not in [v for v, _ in value_categories(text)]
    assert len(figs(text)) == 1


@pytest.mark.parametrize("text", [
    "Families had gathered at the gate since 5 in the morning; 64 men walked out.",
    "The buses left at 11 at night with 64 men aboard.",
    "In the 2100 bulletin the ministry said 64 men had walked out.",
    "TIMINGS: IN 0'12\" OUT 1'47\" -- 64 men walked out.",
])
def test_clock_times_and_script_timings_are_no_figures(text):
    assert value_categories(text) == [(64, "men")]


def test_four_digits_before_a_noun_that_is_no_clock_word_still_count():
    assert value_categories(text="Officials said 1300 prisoners were moved by rail.") == [(1300, "prisoners")]


def test_a_count_of_ours_counts_people():
    assert value_categories("Good news at last: 212 of ours are back on home soil.") == [(212, "people")]


def test_the_same_count_told_again_for_the_other_side_counts_the_same_kind():
    text = "Kyiv said 140 marines had come home. Moscow got 140 back in return, the TASS agency said."
    assert value_categories(text) == [(140, "soldiers"), (140, "soldiers")]


def test_a_bare_count_an_exchange_brought_back_counts_prisoners():
    assert value_categories("Our families waited for weeks. The swap on Friday brought back 58.") == [(58, "prisoners")]
    # a ratio after a count of prisoners is no count of them
    assert value_categories("Israel freed 90 Palestinian prisoners in the exchange, a ratio of about three to one.")[-1] == (3, "other")


def test_people_a_side_received_were_returned_but_money_it_received_was_not():
    assert one("In the swap Kyiv received 96 sailors, the navy said.")[3:] == ("soldiers", None, "returned")
    assert one("The kidnappers received at least $3m, the court heard.")[5] is None


@pytest.mark.parametrize("text, expected", [
    ("A survey of 2,400 adults found wide support.", [(2400, "people"), ]),
    ("Only 7 respondents refused to answer.", [(7, "people")]),
    ("Backing fell by 4.5 percentage points in a month.", [(4.5, "percent")]),
    ("Doctors found 6 sick and sent them to hospital.", [(6, "people")]),
    # a demonym, a comma, then a list of kinds: the demonym is the counted noun, not an adjective of the next word
    ("About 2,500 Armenians, troops and civilians alike, are still missing.", [(2500, "people")]),
])
def test_round_64_nouns_count_people_and_shares(text, expected):
    assert value_categories(text) == expected


@pytest.mark.parametrize("text", [
    "Entry 90 lari; kids under 14 go in free. 33 prisoners' letters are on show.",
    "See Gallery 5 and Vitrine 8: 33 prisoners' letters are on show.",
    "Object 17, a tin cup, sits in Case 4 beside 33 prisoners' letters.",
])
def test_age_limits_and_exhibit_numbers_are_no_figures(text):
    assert [v for v, _ in value_categories(text) if v != 90] == [33]


@pytest.mark.parametrize("text, expected", [
    ("The tanker Blue Heron (IMO 9234561, MMSI 538004120) sailed home with its 18 seafarers.", [(18, "people")]),
    ("Eleven merchant mariners were freed with the vessel.", [(11, "people")]),
])
def test_ship_registry_numbers_name_a_ship_and_seafarers_count_people(text, expected):
    assert value_categories(text) == expected


def test_a_number_to_dial_or_a_menu_option_is_no_count():
    assert figs("Families should dial 999, or call 112 from abroad and choose option 4.") == []


@pytest.mark.parametrize("text, expected", [
    ("Some 3 500 prisoners were freed under the amnesty.", [(3500, "prisoners")]),
    ("The fund paid out 2 750 000 euros.", [(2750000, "other")]),
])
def test_thousands_set_off_by_spaces_are_one_number(text, expected):
    assert value_categories(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("For details call +358 9 160 04, not the embassy.", []),
    ("On Jan 8 300 detainees were moved.", [(300, "prisoners")]),
])
def test_spaced_groups_of_a_phone_number_or_after_a_month_stay_apart(text, expected):
    assert [(v, c) for v, c in value_categories(text) if v not in (358, 9, 160, 4, 8)] == expected


def test_a_terminal_number_names_a_terminal():
    assert figs("The plane from Doha taxied to Terminal 2 just after noon.") == []


def test_a_noun_that_ends_a_clause_names_no_number_after_it():
    assert value_categories("Reporters wait in the briefing room; 12 seats remain.") == [(12, "other")]


@pytest.mark.parametrize("text, expected", [
    ("The rally drew a crowd of about 4,000 in the capital.", [(4000, "people")]),
    ("An audience of 350 heard the freed pilot speak.", [(350, "people")]),
])
def test_a_crowd_or_audience_counts_people(text, expected):
    assert value_categories(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The striker finished with three goals and one assist.", [(3, "other"), (1, "other")]),
    ("She set out two plates and one for the guest who never came.", [(2, "other")]),
])
def test_one_joined_by_and_to_a_count_of_things_counts_too(text, expected):
    assert value_categories(text) == expected


def test_pupils_count_people():
    assert value_categories("Some 80 pupils sang at the homecoming.") == [(80, "people")]
