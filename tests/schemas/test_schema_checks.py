"""A deliberately broken table makes its check fail, with the bad rows named."""

import dagster as dg
import pandas as pd

from pipeline.curate import invariants
from pipeline.defs.checks import _schema_check, schema_failures
from pipeline.publish.frames import to_frame
from schemas import TABLES


def good_figure(**change):
    row = {"figure_id": "abc-0", "source_id": "abc", "value": 390.0, "value_high": None, "qualifier": "exact", "category": "prisoners",
           "party": "UA", "predicate": "released", "exchange_id": None, "surface": "390", "start": 0, "end": 3, "sentence": "390 came home."}
    row.update(change)
    return row


def test_good_table_passes_every_schema():
    assert schema_failures("figures", to_frame("figures", [good_figure()])).empty
    for name in TABLES:
        assert schema_failures(name, to_frame(name, [])).empty, name


def test_broken_rows_are_named():
    frame = to_frame("figures", [good_figure(), good_figure(figure_id="abc-9", value=-5.0, category="dragons", start=9, end=3)])
    failures = schema_failures("figures", frame)
    assert set(failures["row"]) == {1}
    assert {"value", "category"} <= set(failures["column"].dropna())


def test_broken_table_fails_its_dagster_check():
    @dg.asset(name="figures")
    def broken_figures() -> pd.DataFrame:
        return to_frame("figures", [good_figure(), good_figure(figure_id="abc-1", qualifier="roughly")])

    result = dg.materialize([broken_figures, _schema_check("figures")], instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    (evaluation,) = [e.asset_check_evaluation_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert not evaluation.passed
    assert evaluation.metadata["failing_rows"].value == 1
    assert "roughly" in evaluation.metadata["failures"].value


def test_span_invariant_names_the_figure():
    sources = pd.DataFrame({"source_id": ["abc"], "text": ["390 came home."], "raw_text": ["390 came home."]})
    figures = to_frame("figures", [good_figure(), good_figure(figure_id="abc-4", surface="came", start=5, end=8)])
    assert list(invariants.figure_spans_mismatch(figures, sources)["figure_id"]) == ["abc-4"]


def test_dangling_references_are_each_named_once():
    sources = to_frame("sources", [{"source_id": "abc", "path": "a.txt", "paths": ["a.txt"], "status": "ok", "duplicate_of": "gone",
                                    "spin_score": 0.0, "is_spun": False, "n_repairs": 0, "text": "390 came home.", "raw_text": "390 came home."}])
    exchanges = to_frame("exchanges", [{"exchange_id": "ru-ua-x", "status": "completed", "party_a": "RU", "party_b": "UA", "mediators": ["TR", "ZZ"],
                                        "other_parties": [], "n_sources": 2, "source_ids": ["abc", "nope"], "conflicting_fields": [],
                                        "confidence": 0.5, "part_of": "ru-ua-deal"}])
    claims = to_frame("claims", [{"exchange_id": "ru-ua-x", "source_id": "curator", "field": "status", "value": "completed", "start": 0, "end": 0,
                                  "chosen": True, "inferred": False},
                                 {"exchange_id": "ru-ua-y", "source_id": "abc", "field": "status", "value": "completed", "start": 0, "end": 3,
                                  "chosen": True, "inferred": False}])
    figures = to_frame("figures", [good_figure(), good_figure(figure_id="abc-4", exchange_id="ru-ua-x", party="XX")])
    parties = to_frame("parties", [{"code": c, "name": c, "kind": "state"} for c in ("RU", "UA", "TR")])
    problems = invariants.dangling_references(sources, exchanges, claims, figures, to_frame("repairs", []), parties)
    assert sorted(map(tuple, problems[["table", "column", "missing"]].values)) == [
        ("claims", "exchange_id", "ru-ua-y"), ("exchanges", "mediators", "ZZ"), ("exchanges", "part_of", "ru-ua-deal"),
        ("exchanges", "source_ids", "nope"), ("figures", "party", "XX"), ("sources", "duplicate_of", "gone")]
