import pytest

from pipeline.text.edits import apply_edits
from pipeline.text.normalize import normalize
from pipeline.text.spin import judge_and_repair
from tests.conftest import ARTICLES, SEEDS
from tests.spinner import spin

SPUN_SEED = SEEDS / "000_b666787848e09ea1.txt"
CLEAN_SEED = SEEDS / "004_e2a61d9615fb6b58.txt"


def test_spun_seed_reads_as_the_original():
    doc = normalize(SPUN_SEED.read_text(encoding="utf-8"))
    assert doc.is_spun and doc.spin_score > 0.1
    for phrase in ["May 23, 2025", "270 soldiers", "prisoner exchange", "each side", "hundreds of thousands",
                   "tens of thousands", "Defense Minister", "Truth Social", "May 16, 2025", "1,000 prisoners per side",
                   "the thousands still held", "nearly 800 people"]:
        assert phrase in doc.text, phrase
    for spun_word in ["Might 23", "troopers", "a whole lot of", "Reality Social", "per facet"]:
        assert spun_word not in doc.text, spun_word


def test_every_repair_is_logged_with_both_spans():
    raw = SPUN_SEED.read_text(encoding="utf-8")
    doc = normalize(raw)
    assert len(doc.repairs) > 100
    for r in doc.repairs:
        assert raw[r.in_start:r.in_end] == r.before
        assert doc.text[r.out_start:r.out_end] == r.after
        assert r.rule.startswith(("spin:", "unicode:"))


@pytest.mark.parametrize("path", [CLEAN_SEED, *sorted(ARTICLES.glob("*.txt"))], ids=lambda p: p.name)
def test_clean_articles_get_zero_repairs(path):
    doc = normalize(path.read_text(encoding="utf-8"))
    assert not doc.is_spun
    assert doc.repairs == []
    assert doc.spin_score < 0.02


def test_unambiguous_repairs_apply_even_in_clean_text():
    clean = "The swap of Might 23, 2025 was the largest exchange of prisoners this year, the trade deal notwithstanding."
    result = judge_and_repair(clean)
    text, _ = apply_edits(clean, result.edits)
    assert not result.is_spun
    assert text == "The swap of May 23, 2025 was the largest exchange of prisoners this year, the trade deal notwithstanding."


def test_two_certain_markers_make_a_text_spun():
    assert judge_and_repair("The Protection Minister said the swap of Might 23, 2025 was done.").is_spun


def test_context_keeps_legitimate_words():
    clean = (ARTICLES / "wire_dateline.txt").read_text(encoding="utf-8") + (
        "\nThe trade deal signed in May was the primary reason for the talks, and it might hold.")
    result = judge_and_repair(clean)
    assert not result.is_spun and result.edits == []


def test_context_entries_inside_a_spun_text():
    spun = ("Russia and Ukraine executed the primary section of a prisoner trade on Might 23, 2025, with all sides "
            "releasing 390 troopers, per facet. The settlement was to swap 1,000 prisoners every. "
            "Reality Social posts praised the trade deal. A whole lot of hundreds have died.")
    doc = normalize(spun)
    assert doc.is_spun
    assert "first part of a prisoner exchange on May 23, 2025, with each side releasing 390 soldiers, per side" in doc.text
    assert "The agreement was to swap 1,000 prisoners each." in doc.text
    assert "the trade deal" in doc.text  # a trade deal stays a trade deal
    assert "Hundreds of thousands have died" in doc.text


@pytest.mark.parametrize("name", ["wire_dateline.txt", "staged_exchange.txt", "caucasus_swap.txt"])
def test_own_spinner_output_is_judged_spun_and_facts_come_back(name):
    clean = (ARTICLES / name).read_text(encoding="utf-8")
    spun, substitutions = spin(clean, rate=1.0, seed=1)
    assert len(substitutions) >= 3
    doc = normalize(spun)
    assert doc.is_spun
    from pipeline.extract.figures import extract_figures
    clean_figures = [(f.value, f.category, f.party) for f in extract_figures(normalize(clean).text)]
    repaired_figures = [(f.value, f.category, f.party) for f in extract_figures(doc.text)]
    assert repaired_figures == clean_figures


def test_a_short_clean_sentence_with_two_lexicon_words_is_not_spun():
    result = judge_and_repair("Russia and Ukraine trade hundreds of prisoners.")
    assert not result.is_spun and result.edits == []


@pytest.mark.parametrize("pair, count", [("uae_swap", ("returned_to_a", "115")), ("ankara_swap", ("returned_to_a", "8")),
                                         ("gaza_sixth", ("returned_to_a", "369"))])
def test_an_article_spun_by_hand_with_words_our_spinner_does_not_use_gives_the_clean_articles_facts(pair, count):
    """Written in session 4: a spinner's other choices ("prisoners of struggle", "every facet", "because the begin of",
    "24 folks launched", "Chilly Struggle", "accomplished")."""
    from pipeline.extract.exchanges import extract_exchanges
    from pipeline.extract.figures import extract_figures

    def facts(name):
        doc = normalize((ARTICLES.parent / "spun_by_hand" / name).read_text(encoding="utf-8"))
        figures = [(f.value, f.qualifier, f.category, f.party, f.predicate) for f in extract_figures(doc.text)]
        exchanges = [(m.status, m.party_a, m.party_b, m.event_date, sorted((c.field, c.value) for c in m.claims if c.field != "status"))
                     for m in extract_exchanges(doc.text, doc.published_date)]
        return doc, figures, exchanges

    clean, clean_figures, clean_exchanges = facts(f"{pair}_clean.txt")
    spun, spun_figures, spun_exchanges = facts(f"{pair}_spun.txt")
    assert not clean.is_spun and clean.repairs == [] and spun.is_spun
    assert spun_figures == clean_figures and spun_exchanges == clean_exchanges
    assert count in clean_exchanges[0][4]


def _repaired_only_where_spun(spun: str, repaired: tuple[str, ...], clean: str) -> None:
    """The spun text is judged spun and holds every repaired phrase; the clean text, using the same words, is left as it is."""
    doc = normalize(spun)
    assert doc.is_spun
    for phrase in repaired:
        assert phrase in doc.text
    assert normalize(clean).text == clean


def test_office_names_and_spun_verbs_of_a_handover_are_repaired_only_where_they_can_be_spun():
    spun = ("Kyiv obtained 90 troopers, the Overseas Ministry stated, and 12 others have been introduced again; the whole "
            "variety of captives freed is greater than 2,000. The Nationwide Guard stated the males returned dwelling.")
    _repaired_only_where_spun(spun, ("Kyiv received 90 soldiers", "Foreign Ministry", "brought back", "total number of captives", "National Guard"),
                              "Reuters obtained the documents. A wide variety of goods passed through the State Department's hands.")


def test_launched_before_a_count_written_in_words_is_released():
    doc = normalize("Hamas launched three Israeli hostages in change for 90 Palestinian prisoners, officers stated, because the "
                    "begin of the truce. The troopers have been handed to the Pink Cross.")
    assert doc.is_spun and "Hamas released three Israeli hostages" in doc.text
    assert normalize("The army launched three drones at the base.").text == "The army launched three drones at the base."


def test_a_spinners_executed_got_here_and_joined_arab_emirates_are_repaired():
    _repaired_only_where_spun("Russia and Ukraine executed the primary section of a prisoner trade mediated by the Joined Arab Emirates, "
                              "with every facet releasing 84 troopers. The troopers got here dwelling, amongst them 12 folks injured.",
                              ("carried out the first part", "United Arab Emirates", "came home", "among them"),
                              "The court said the man executed in 2019 had been held for years.")


def test_a_spinners_change_of_prisoners_and_these_launched_are_repaired_only_in_spun_text():
    _repaired_only_where_spun("Armenia and Azerbaijan traded 12 troopers every on Monday within the newest change of prisoners of conflict. "
                              "The change was brokered by the Joined Arab Emirates. Amongst these launched have been 3 folks injured.",
                              ("exchange of prisoners", "The exchange was brokered", "these released"),
                              "Prices rose, and the change was welcomed by these launched startups.")
