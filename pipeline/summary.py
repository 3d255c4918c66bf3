"""Prints where the published dataset is and how many rows each table holds (run after a materialization)."""

from __future__ import annotations

import sys

import duckdb

from pipeline.defs.resources import DatasetPaths
from pipeline.publish.writers import database_path, parquet_dir
from schemas import TABLES


def main() -> int:
    data = DatasetPaths().data()
    db = database_path(data)
    if not db.exists():
        print(f"no dataset at {data}: the run did not publish; see the run's log in the Dagster UI (make ui)", file=sys.stderr)
        return 1
    print(f"\nDataset published in {data}")
    with duckdb.connect(str(db), read_only=True) as con:
        for name in TABLES:
            rows = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            print(f"  {name:10} {rows:6} rows   {parquet_dir(data) / (name + '.parquet')}")
    print(f"  DuckDB: {db}\n  Query it: .venv/bin/python -c \"import duckdb; print(duckdb.connect('{db}', read_only=True).sql('FROM exchange_totals'))\"")
    print(f"  What each table and column means: {data / 'README.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
