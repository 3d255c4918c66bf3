"""Helpers to run the whole Dagster pipeline in-process on a folder of articles."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.definitions import defs as lazy_defs


def run_pipeline(seeds_dir: Path, data_dir: Path, monkeypatch, raise_on_error: bool = True, cache_dir: Path | None = None) -> dg.ExecuteInProcessResult:
    """One in-process run; without a cache folder the per-document cache is off, so every run computes everything."""
    monkeypatch.setenv("EXCHANGES_SEEDS_DIR", str(seeds_dir))
    monkeypatch.setenv("EXCHANGES_DATA_DIR", str(data_dir))
    monkeypatch.setenv("EXCHANGES_CACHE_DIR", str(cache_dir) if cache_dir else "off")
    job = lazy_defs().resolve_job_def("materialize_dataset")
    return job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=raise_on_error)


def check_results(result: dg.ExecuteInProcessResult) -> dict[str, dg.AssetCheckEvaluation]:
    return {f"{e.asset_check_evaluation_data.asset_key.to_user_string()}:{e.asset_check_evaluation_data.check_name}": e.asset_check_evaluation_data
            for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"}
