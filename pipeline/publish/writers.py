"""Writing the dataset: Parquet files and the DuckDB database, each replaced atomically.

A run writes into a staging folder next to the output and swaps it in only once every
file is complete, so readers see the old dataset or the new one, never half of each.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from pipeline.publish.frames import from_frame
from schemas import TABLES


def parquet_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "parquet"


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / "exchanges.duckdb"


def write_parquet_tables(frames: dict[str, pd.DataFrame], data_dir: Path) -> dict[str, Path]:
    """Write every table to <data>/parquet/<table>.parquet, swapping the whole folder in at the end."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".parquet-staging-", dir=data_dir))
    try:
        for name in TABLES:
            # Fixed writer settings and no timestamps: the same rows give byte-identical files.
            pq.write_table(from_frame(name, frames[name]), staging / f"{name}.parquet", compression="zstd",
                           write_statistics=True, use_dictionary=True)
        target = parquet_dir(data_dir)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=".parquet-old-", dir=data_dir))
            os.replace(target, old / "parquet")
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: parquet_dir(data_dir) / f"{name}.parquet" for name in TABLES}


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def build_database(data_dir: Path) -> dict[str, int]:
    """Build <data>/exchanges.duckdb from the Parquet files, in a temporary file moved into place."""
    data_dir = Path(data_dir)
    target = database_path(data_dir)
    handle, temp_name = tempfile.mkstemp(prefix=".exchanges-", suffix=".duckdb", dir=data_dir)
    os.close(handle)
    os.unlink(temp_name)  # duckdb wants to create the file itself
    counts = {}
    try:
        with duckdb.connect(temp_name) as con:
            for name, table in TABLES.items():
                path = str(parquet_dir(data_dir) / f"{name}.parquet")
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet($path)", {"path": path})
                con.execute(f"COMMENT ON TABLE {name} IS {_sql_literal(table.description)}")
                for column_name, column in table.columns.items():
                    con.execute(f'COMMENT ON COLUMN {name}."{column_name}" IS {_sql_literal(column.description or "")}')
                counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            con.execute("CHECKPOINT")
        os.replace(temp_name, target)
    finally:
        for leftover in (temp_name, temp_name + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return counts
