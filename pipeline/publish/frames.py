"""Records to table-shaped DataFrames, in the declared column order, types and row order."""

from __future__ import annotations

import pandas as pd
import pyarrow

from pipeline.memory import bulk_objects
from schemas import TABLES


def to_arrow(table_name: str, records: list[dict]) -> pyarrow.Table:
    table = TABLES[table_name]
    schema = table.arrow_schema()
    arrow = pyarrow.Table.from_pylist(records, schema=schema) if records else schema.empty_table()
    if arrow.num_rows:
        arrow = arrow.sort_by([(column, "ascending") for column in table.sort_by])
    return arrow


@bulk_objects()
def to_frame(table_name: str, records: list[dict]) -> pd.DataFrame:
    arrow = to_arrow(table_name, records)
    # List columns go straight to Python lists: pandas would make one numpy array per cell, to be turned back into a list.
    lists = [field.name for field in arrow.schema if pyarrow.types.is_list(field.type)]
    frame = arrow.drop_columns(lists).to_pandas(types_mapper={pyarrow.int64(): pd.Int64Dtype()}.get)
    for field in arrow.schema:
        if field.name in lists:
            frame[field.name] = pd.Series([[] if v is None else v for v in arrow.column(field.name).to_pylist()], dtype=object, index=frame.index)
        if pyarrow.types.is_date32(field.type):
            frame[field.name] = frame[field.name].astype(object).where(frame[field.name].notna(), None)
    return frame[arrow.schema.names]


def from_frame(table_name: str, frame: pd.DataFrame) -> pyarrow.Table:
    table = TABLES[table_name]
    schema = table.arrow_schema()
    arrow = pyarrow.Table.from_pandas(frame[list(schema.names)], schema=schema, preserve_index=False)
    return arrow.replace_schema_metadata(schema.metadata)
