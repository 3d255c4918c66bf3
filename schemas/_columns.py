"""How a column is declared: one pandera Field carrying its description and its Arrow type.

Everything downstream (Parquet schema, DuckDB comments, the data dictionary, the
Dagster column schema) is derived from these declarations; nothing restates them.
"""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa
import pyarrow

ARROW_TYPE = "arrow_type"

STRING_LIST = pyarrow.list_(pyarrow.string())


def column(description: str, arrow_type: pyarrow.DataType, *, nullable: bool = False, **checks: Any) -> Any:
    """A pandera Field whose metadata carries the column's Arrow type."""
    return pa.Field(nullable=nullable, description=description, metadata={ARROW_TYPE: arrow_type}, **checks)


def is_string_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)


def is_date_or_null(value: Any) -> bool:
    import datetime as dt

    if value is None:
        return True
    try:
        import pandas as pd

        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
