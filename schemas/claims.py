"""The `claims` table: what each source says about each exchange, one row per field value."""

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas._columns import column

CLAIM_FIELDS = [
    "status", "event_date", "returned_to_a", "returned_to_b", "soldiers_to_a", "civilians_to_a",
    "soldiers_to_b", "civilians_to_b", "mediators", "location",
]
CURATOR = "curator"


class ClaimsSchema(pa.DataFrameModel):
    """What each source says about each exchange: one row per field (one per code for `mediators`), with the words that say it. `chosen` marks the values the `exchanges` row shows."""

    exchange_id: Series[str] = column("The exchange the claim is about.", pyarrow.string())
    source_id: Series[str] = column("The source that states it (`curator` for a reviewed override).", pyarrow.string())
    field: Series[str] = column("A column name of `exchanges`.", pyarrow.string(), isin=CLAIM_FIELDS)
    value: Series[str] = column(
        "The value as this source states it, in the column's format: ISO date, integer, party code, text.", pyarrow.string())
    start: Series[pd.Int64Dtype] = column("Start of the words that state it in `sources.text`.", pyarrow.int64(), ge=0)
    end: Series[pd.Int64Dtype] = column("End (exclusive) of those words.", pyarrow.int64(), ge=0)
    chosen: Series[bool] = column("This value is the one `exchanges` shows.", pyarrow.bool_())
    inferred: Series[bool] = column(
        "The value is derived rather than stated word for word (a weekday resolved against the article's date, a year taken from context, 'each side' applied to both sides).",
        pyarrow.bool_())

    @pa.dataframe_check(name="spans_are_ordered")
    def _ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] <= df["end"]

    class Config:
        strict = True
        ordered = True
