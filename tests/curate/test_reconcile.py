import datetime as dt
import os
import subprocess
import sys

from pipeline.curate.near_duplicates import cached_shingles, find_near_duplicates
from pipeline.curate.reconcile import SourcedMention, reconcile
from pipeline.text.normalize import normalize
from tests.conftest import SEEDS, mentions_of, read_article
from tests.spinner import spin


def sourced(source_id, raw):
    return [SourcedMention(source_id, m) for m in mentions_of(raw)]


def seeds_reconciled():
    mentions = sourced("spun", (SEEDS / "000_b666787848e09ea1.txt").read_text(encoding="utf-8"))
    mentions += sourced("clean", (SEEDS / "004_e2a61d9615fb6b58.txt").read_text(encoding="utf-8"))
    return reconcile(mentions, {})


def test_seeds_become_one_record_with_both_claims():
    result = seeds_reconciled()
    rows = {r["exchange_id"]: r for r in result.exchanges}
    main = rows["ru-ua-2025-05-23"]
    assert main["source_ids"] == ["clean", "spun"] and main["n_sources"] == 2
    assert (main["returned_to_a"], main["returned_to_b"], main["soldiers_to_a"], main["civilians_to_b"]) == (390, 390, 270, 120)
    assert main["mediators"] == ["TR"] and main["part_of"] == "ru-ua-2025-05-16"
    assert "event_date" in main["conflicting_fields"]
    dates = {(c["source_id"], c["value"], c["chosen"]) for c in result.claims if c["exchange_id"] == "ru-ua-2025-05-23" and c["field"] == "event_date"}
    assert dates == {("spun", "2025-05-23", True), ("clean", "2025-05-24", False)}
    assert rows["ru-ua-2025-05-16"]["status"] == "agreed"
    assert rows["ru-ua-2025-05-25"]["source_ids"] == ["clean", "spun"]
    assert {"ru-ua-2025-03-19", "ru-ua-2025-04-19", "ru-ua-2024-01", "ru-ua-2025-05-24"} <= set(rows)


def test_disagreeing_pair_of_my_own_articles():
    mentions = sourced("wire", read_article("wire_dateline.txt")) + sourced("gulf", read_article("other_source_disagrees.txt"))
    result = reconcile(mentions, {})
    (main,) = [r for r in result.exchanges if r["n_sources"] == 2]
    assert main["conflicting_fields"] == ["event_date"]
    # One source each: the date stated word for word beats "on Saturday" resolved against the dateline.
    assert main["event_date"] == dt.date(2025, 6, 13) and main["exchange_id"] == "ru-ua-2025-06-13"
    chosen = {(c["source_id"], c["value"], c["inferred"], c["chosen"]) for c in result.claims if c["field"] == "event_date" and c["exchange_id"] == main["exchange_id"]}
    assert chosen == {("gulf", "2025-06-13", False, True), ("wire", "2025-06-14", True, False)}
    assert main["returned_to_a"] == 84 and main["mediators"] == ["AE"]


def test_weekday_confirmed_date_beats_more_detailed_source():
    a = sourced("a", "On Friday, May 23, 2025, Russia and Ukraine swapped 390 prisoners each.")
    b = sourced("b", "Russia and Ukraine swapped 390 prisoners each on May 24, 2025, brokered by Türkiye. "
                     "Of them 270 were soldiers and 120 civilians on each side, at the Belarus border.")
    (row,) = reconcile(a + b, {}).exchanges
    assert row["event_date"] == dt.date(2025, 5, 23)


def test_counts_that_disagree_a_lot_are_different_events():
    a = sourced("a", "On May 23, 2025, Russia and Ukraine swapped 390 prisoners each.")
    b = sourced("b", "On May 24, 2025, Russia and Ukraine swapped 90 prisoners each.")
    assert len(reconcile(a + b, {}).exchanges) == 2


def test_near_duplicate_is_no_independent_confirmation():
    clean = read_article("wire_dateline.txt")
    spun, _ = spin(clean, rate=0.9, seed=3)
    docs = [{"source_id": sid, "text": normalize(t).text, "is_spun": normalize(t).is_spun} for sid, t in (("orig", clean), ("copy", spun))]
    copies = find_near_duplicates(docs)
    assert copies == {"copy": "orig"}
    with_copy = reconcile(sourced("orig", clean) + sourced("copy", spun), copies)
    alone = reconcile(sourced("orig", clean), {})
    main = next(r for r in with_copy.exchanges if r["event_date"] == dt.date(2025, 6, 14))
    assert main["n_sources"] == 2
    assert main["confidence"] == next(r for r in alone.exchanges if r["event_date"] == dt.date(2025, 6, 14))["confidence"]


def test_unrelated_articles_are_not_near_duplicates():
    docs = [{"source_id": n, "text": read_article(n), "is_spun": False} for n in ("wire_dateline.txt", "other_source_disagrees.txt", "caucasus_swap.txt")]
    assert find_near_duplicates(docs) == {}


def test_shingles_are_the_same_in_every_process_so_a_cache_of_them_stays_right(tmp_path):
    script = "from pipeline.curate.near_duplicates import shingles; print(shingles(['Ten soldiers came home on a bright cold morning'])[0].tolist())"
    outputs = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                              text=True, check=True, cwd=SEEDS.parent).stdout for seed in ("1", "2")}
    assert len(outputs) == 1 and len(outputs.pop().strip('[]\n').split(',')) == 5  # five runs of five words in nine words
    docs = [{"source_id": n, "text": read_article(n), "is_spun": False} for n in ("wire_dateline.txt", "caucasus_swap.txt")]
    docs.append({"source_id": "repost", "text": read_article("caucasus_swap.txt")[:-40], "is_spun": False})
    cold = find_near_duplicates(docs, cached_shingles(tmp_path))
    assert cold == {"repost": "caucasus_swap.txt"} == find_near_duplicates(docs, cached_shingles(tmp_path)) == find_near_duplicates(docs)


def test_ids_are_stable_and_readable():
    first, second = seeds_reconciled(), seeds_reconciled()
    assert [r["exchange_id"] for r in first.exchanges] == [r["exchange_id"] for r in second.exchanges]
    assert all(r["exchange_id"].startswith("ru-ua-") for r in first.exchanges)


def test_cluster_layouts_kept_between_runs_give_the_same_records_and_only_a_changed_group_is_clustered_again(tmp_path):
    from pipeline.cache import DocumentCache

    mentions = sourced("spun", (SEEDS / "000_b666787848e09ea1.txt").read_text(encoding="utf-8"))
    mentions += sourced("clean", (SEEDS / "004_e2a61d9615fb6b58.txt").read_text(encoding="utf-8"))
    mentions += sourced("caucasus", "YEREVAN, 3 June 2026 - Armenia and Azerbaijan swapped 12 prisoners each on Wednesday.")
    expected = reconcile(mentions, {})
    first = DocumentCache(tmp_path, "cluster_layouts")
    assert reconcile(mentions, {}, layouts=first) == expected and first.hits == 0
    again = DocumentCache(tmp_path, "cluster_layouts")
    assert reconcile(mentions, {}, layouts=again) == expected and again.misses == 0 and again.hits == first.misses
    # One more article about Armenia and Azerbaijan: only that pair's completed group is clustered afresh.
    grown = mentions + sourced("later", "BAKU, 4 June 2026 - Azerbaijan and Armenia exchanged 12 prisoners each on Wednesday.")
    third = DocumentCache(tmp_path, "cluster_layouts")
    result = reconcile(grown, {}, layouts=third)
    assert result == reconcile(grown, {}) and third.misses == 1
    assert [r["n_sources"] for r in result.exchanges if r["party_a"] == "AM"] == [2]
