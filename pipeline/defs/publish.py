"""Publish: the validated tables as Parquet files, then one DuckDB database built from them."""


import dagster as dg
import pandas as pd

from pipeline.defs.resources import DatasetPaths
from pipeline.publish.writers import build_database, database_path, write_parquet_tables
from pipeline.ui import OWNERS


@dg.asset(group_name="publish", kinds={"parquet"}, owners=OWNERS)
def parquet_files(paths: DatasetPaths, sources: pd.DataFrame, repairs: pd.DataFrame, exchanges: pd.DataFrame,
                  claims: pd.DataFrame, figures: pd.DataFrame, parties: pd.DataFrame) -> dg.MaterializeResult:
    """The six tables as `<EXCHANGES_DATA_DIR>/parquet/<table>.parquet` (zstd), swapped in together once all are written."""
    frames = {"sources": sources, "repairs": repairs, "exchanges": exchanges, "claims": claims, "figures": figures, "parties": parties}
    written = write_parquet_tables(frames, paths.data())
    return dg.MaterializeResult(metadata={
        "folder": dg.MetadataValue.path(str(paths.data() / "parquet")),
        **{f"rows_{name}": len(frame) for name, frame in frames.items()},
        "bytes": sum(p.stat().st_size for p in written.values()),
    })


@dg.asset(group_name="publish", kinds={"duckdb"}, owners=OWNERS, deps=[parquet_files])
def duckdb_database(context: dg.AssetExecutionContext, paths: DatasetPaths) -> dg.MaterializeResult:
    """`<EXCHANGES_DATA_DIR>/exchanges.duckdb`: one table per Parquet file, with table and column comments, built in a temporary file and moved into place."""
    counts = build_database(paths.data())
    context.log.info(f"wrote {database_path(paths.data())}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(database_path(paths.data()))),
                                          **{f"rows_{k}": v for k, v in counts.items()}})
