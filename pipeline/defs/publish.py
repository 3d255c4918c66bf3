"""Publish: the validated tables as Parquet files, then one DuckDB database built from them."""


import dagster as dg
import pandas as pd

from pipeline.defs.resources import DatasetPaths
from pipeline.publish.writers import build_database, database_path, publish_release, stage_release, staged_release
from pipeline.ui import OWNERS


@dg.asset(group_name="publish", kinds={"parquet"}, owners=OWNERS)
def parquet_files(paths: DatasetPaths, sources: pd.DataFrame, repairs: pd.DataFrame, exchanges: pd.DataFrame,
                  claims: pd.DataFrame, figures: pd.DataFrame, parties: pd.DataFrame) -> dg.MaterializeResult:
    """The six tables as zstd Parquet files, with the data dictionary and the Frictionless descriptor, written as a staged release under `<EXCHANGES_DATA_DIR>/.releases/`. `duckdb_database` publishes it."""
    frames = {"sources": sources, "repairs": repairs, "exchanges": exchanges, "claims": claims, "figures": figures, "parties": parties}
    release = stage_release(frames, paths.data())
    return dg.MaterializeResult(metadata={
        "release": dg.MetadataValue.path(str(release)),
        **{f"rows_{name}": len(frame) for name, frame in frames.items()},
        "bytes": sum(p.stat().st_size for p in (release / "parquet").iterdir()),
    })


@dg.asset(group_name="publish", kinds={"duckdb"}, owners=OWNERS, deps=[parquet_files])
def duckdb_database(context: dg.AssetExecutionContext, paths: DatasetPaths) -> dg.MaterializeResult:
    """`<EXCHANGES_DATA_DIR>/exchanges.duckdb`: one table per Parquet file, with comments, keys and views; then the whole release (Parquet, DuckDB, dictionary, descriptor) is published at once by one atomic switch of `<EXCHANGES_DATA_DIR>/current`."""
    release = staged_release(paths.data())
    counts = build_database(release)
    publish_release(paths.data(), release)
    context.log.info(f"wrote {database_path(paths.data())}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(database_path(paths.data()))),
                                          **{f"rows_{k}": v for k, v in counts.items()}})
