"""Asset checks: one schema check per table generated from schemas/, plus the contract's invariants.

All are blocking: a table that fails one is not published, and the last good dataset stays in place.
"""


import dagster as dg
import pandas as pd
import pandera.errors

from pipeline.curate import invariants
from pipeline.defs.resources import DatasetPaths
from pipeline.corpus import list_input_files
from pipeline.ui import preview
from schemas import TABLES

MAX_LISTED = 25


def _result(failures: pd.DataFrame, what: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=failures.empty,
        metadata={"failing_rows": len(failures),
                  "failures": preview(failures, rows=MAX_LISTED, skip=()) if not failures.empty else dg.MetadataValue.md("none")},
        description=None if failures.empty else f"{len(failures)} rows break: {what}",
    )


def schema_failures(table_name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that break the table's pandera schema (lazy: every failure, not only the first)."""
    try:
        TABLES[table_name].model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as error:
        cases = error.failure_cases
        return cases[["column", "check", "index", "failure_case"]].rename(columns={"index": "row"})
    return pd.DataFrame(columns=["column", "check", "row", "failure_case"])


def _schema_check(table_name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table_name, name="matches_schema", blocking=True,
                    description=f"Every column and row of `{table_name}` satisfies its pandera model in schemas/.")
    def _check(table: pd.DataFrame) -> dg.AssetCheckResult:
        return _result(schema_failures(table_name, table), "the schema")

    return _check


schema_checks = [_schema_check(name) for name in TABLES]


@dg.asset_check(asset="figures", blocking=True, additional_ins={"sources": dg.AssetIn("sources")},
                description="`sources.text[start:end] == surface` for every figure.")
def figure_spans_match_text(figures: pd.DataFrame, sources: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.figure_spans_mismatch(figures, sources), "text[start:end] == surface")


@dg.asset_check(asset="repairs", blocking=True, additional_ins={"sources": dg.AssetIn("sources")},
                description="`text[start:end] == after` and `raw_text[raw_start:raw_end] == before` for every repair.")
def repair_spans_match_text(repairs: pd.DataFrame, sources: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.repair_spans_mismatch(repairs, sources), "repair spans")


@dg.asset_check(asset="claims", blocking=True, additional_ins={"sources": dg.AssetIn("sources")},
                description="Every claim's span lies inside its source's text.")
def claim_spans_inside_text(claims: pd.DataFrame, sources: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.claim_spans_outside_text(claims, sources), "claim spans")


@dg.asset_check(asset="parties", blocking=True,
                additional_ins={name: dg.AssetIn(name) for name in ("sources", "exchanges", "claims", "figures", "repairs")},
                description="Every source_id, exchange_id and party code referenced anywhere exists in its table.")
def references_resolve(parties: pd.DataFrame, sources: pd.DataFrame, exchanges: pd.DataFrame, claims: pd.DataFrame,
                       figures: pd.DataFrame, repairs: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.dangling_references(sources, exchanges, claims, figures, repairs, parties), "references")


@dg.asset_check(asset="exchanges", blocking=True, description="Every event_date falls between 1900-01-01 and the run date.")
def event_dates_in_range(exchanges: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.dates_out_of_range(exchanges, "event_date", "exchange_id"), "date range")


@dg.asset_check(asset="sources", blocking=True, description="Every published_date falls between 1900-01-01 and the run date.")
def published_dates_in_range(sources: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.dates_out_of_range(sources, "published_date", "source_id"), "date range")


@dg.asset_check(asset="repairs", blocking=True, additional_ins={"sources": dg.AssetIn("sources")},
                description="`sources.n_repairs` counts each source's rows in `repairs`.")
def repair_counts_match_sources(repairs: pd.DataFrame, sources: pd.DataFrame) -> dg.AssetCheckResult:
    return _result(invariants.repair_counts_mismatch(sources, repairs), "n_repairs")


@dg.asset_check(asset="sources", blocking=True, description="Every file of the input folder appears in exactly one row's `paths`.")
def every_input_file_accounted_for(sources: pd.DataFrame, paths: DatasetPaths) -> dg.AssetCheckResult:
    folder = paths.seeds()
    files = list_input_files(folder)
    return _result(invariants.uncovered_paths(sources, files), "file coverage")
