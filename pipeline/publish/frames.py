"""Records to table-shaped DataFrames, in the declared column order, types and row order."""

from __future__ import annotations

import pandas as pd
import pyarrow

from schemas import TABLES


def to_arrow(table_name: str, records: list[dict]) -> pyarrow.Table:
    table = TABLES[table_name]
    schema = table.arrow_schema()
    arrow = pyarrow.Table.from_pylist(records, schema=schema) if records else schema.empty_table()
    if arrow.num_rows:
        arrow = arrow.sort_by([(column, "ascending") for column in table.sort_by])
    return arrow


def to_frame(table_name: str, records: list[dict]) -> pd.DataFrame:
    arrow = to_arrow(table_name, records)
    frame = arrow.to_pandas(types_mapper={pyarrow.int64(): pd.Int64Dtype()}.get)
    for name, field in zip(arrow.schema.names, arrow.schema):
        if pyarrow.types.is_list(field.type):  # numpy arrays back to lists, so values compare and print as lists
            frame[name] = frame[name].map(lambda v: [] if v is None else list(v))
        if pyarrow.types.is_date32(field.type):
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


def from_frame(table_name: str, frame: pd.DataFrame) -> pyarrow.Table:
    table = TABLES[table_name]
    schema = table.arrow_schema()
    arrow = pyarrow.Table.from_pandas(frame[list(schema.names)], schema=schema, preserve_index=False)
    return arrow.replace_schema_metadata(schema.metadata)
