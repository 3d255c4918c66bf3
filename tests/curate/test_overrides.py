import datetime as dt

import pytest

from pipeline.curate.overrides import load_overrides, reconcile_with_overrides
from pipeline.curate.reconcile import SourcedMention
from tests.conftest import SEEDS, mentions_of

SPUN = (SEEDS / "000_b666787848e09ea1.txt").read_text(encoding="utf-8")
CLEAN = (SEEDS / "004_e2a61d9615fb6b58.txt").read_text(encoding="utf-8")


def seed_mentions():
    return [SourcedMention("spun", m) for m in mentions_of(SPUN)] + [SourcedMention("clean", m) for m in mentions_of(CLEAN)]


def test_set_drop_and_report(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("""
overrides:
  - exchange_id: ru-ua-2025-05-23
    set: {location: Belarus-Ukraine border, event_date: 2025-05-23}
    note: reviewed
  - exchange_id: ru-ua-2025-04-19
    drop: true
    note: false record
  - exchange_id: ru-ua-1999-01-01
    drop: true
    note: stale
""", encoding="utf-8")
    result, reports = reconcile_with_overrides(seed_mentions(), {}, load_overrides(path))
    rows = {r["exchange_id"]: r for r in result.exchanges}
    assert rows["ru-ua-2025-05-23"]["location"] == "Belarus-Ukraine border"
    assert "ru-ua-2025-04-19" not in rows
    assert not [c for c in result.claims if c["exchange_id"] == "ru-ua-2025-04-19"]
    curator = [c for c in result.claims if c["source_id"] == "curator"]
    assert {(c["field"], c["value"], c["chosen"]) for c in curator} == {("location", "Belarus-Ukraine border", True), ("event_date", "2025-05-23", True)}
    sources_location = [c for c in result.claims if c["field"] == "location" and c["source_id"] == "clean"]
    assert sources_location and not any(c["chosen"] for c in sources_location)
    assert [(r.action, r.matched) for r in reports] == [("set", True), ("drop", True), ("drop", False)]


def test_merge_and_split(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("""
overrides:
  - merge: [ru-ua-2025-05-24, ru-ua-2025-05-25]
  - exchange_id: ru-ua-2025-05-23
    split_sources: [clean]
""", encoding="utf-8")
    result, reports = reconcile_with_overrides(seed_mentions(), {}, load_overrides(path))
    planned = [r for r in result.exchanges if r["status"] == "planned"]
    assert len(planned) == 1 and planned[0]["source_ids"] == ["clean", "spun"]
    completed_may = [r for r in result.exchanges if r["status"] == "completed" and r["event_date"] in (dt.date(2025, 5, 23), dt.date(2025, 5, 24))]
    assert sorted(r["source_ids"] for r in completed_may) == [["clean"], ["spun"]]
    assert all(r.matched for r in reports)


def test_unknown_field_is_a_clear_error(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("overrides:\n  - exchange_id: x\n    set: {colour: red}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown fields"):
        load_overrides(path)


def test_missing_file_means_no_overrides(tmp_path):
    assert load_overrides(tmp_path / "absent.yaml") == []
