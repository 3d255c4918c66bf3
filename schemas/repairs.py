"""The `repairs` table: one row per change normalization made to a source's text."""

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas._columns import column


class RepairsSchema(pa.DataFrameModel):
    """One row per change that normalization made to a source's text: unicode cleanup and spin repair. Together the rows of a source are its offset map from `sources.text` back to `sources.raw_text`."""

    source_id: Series[str] = column("The source whose text was changed.", pyarrow.string())
    raw_start: Series[pd.Int64Dtype] = column("Start of the changed words in `sources.raw_text` (characters).", pyarrow.int64(), ge=0)
    raw_end: Series[pd.Int64Dtype] = column("End (exclusive) of the changed words in `sources.raw_text`.", pyarrow.int64(), ge=0)
    start: Series[pd.Int64Dtype] = column("Start of the repaired words in `sources.text`.", pyarrow.int64(), ge=0)
    end: Series[pd.Int64Dtype] = column("End (exclusive) of the repaired words in `sources.text`.", pyarrow.int64(), ge=0)
    before: Series[str] = column("The words as found: `raw_text[raw_start:raw_end]`.", pyarrow.string())
    after: Series[str] = column("The words as repaired: `text[start:end]`.", pyarrow.string())
    rule: Series[str] = column(
        "What made the change: `spin:<spun phrase>` for a spin-lexicon entry, `unicode:<kind>` for unicode cleanup.", pyarrow.string())

    @pa.dataframe_check(name="spans_are_ordered")
    def _ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["raw_start"] <= df["raw_end"]) & (df["start"] <= df["end"])

    class Config:
        strict = True
        ordered = True
