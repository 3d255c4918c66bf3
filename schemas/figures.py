"""The `figures` table: every number the text states about something countable or measurable."""

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas._columns import column

QUALIFIERS = ["exact", "about", "nearly", "more_than", "at_least", "fewer_than", "at_most", "vague"]
CATEGORIES = [
    "prisoners", "soldiers", "civilians", "people", "women", "men", "children", "bodies", "drones",
    "missiles", "days", "weeks", "months", "years", "hours", "percent", "other",
]


class FiguresSchema(pa.DataFrameModel):
    """Every number a source states about something countable or measurable, with what it counts, how hedged it is, whose it is, what happened to them, and its exact span. Dates, years, ordinals and numbers inside names are not figures."""

    figure_id: Series[str] = column(
        "Stable id: `<source_id>-<start>` (the figure's source and where it starts in its text).", pyarrow.string(), unique=True)
    source_id: Series[str] = column("The source that states it.", pyarrow.string())
    value: Series[float] = column(
        "The number (`three` = 3, `8,000` = 8000, `1.5 million` = 1500000; for a range, its low end; for a vague amount, the conservative value).",
        pyarrow.float64(), ge=0)
    value_high: Series[float] = column("For a range (`between 25 and 60`), its high end; else null.", pyarrow.float64(), nullable=True, ge=0)
    qualifier: Series[str] = column(
        "`exact`, `about`, `nearly`, `more_than`, `at_least`, `fewer_than`, `at_most`, or `vague` (dozens, hundreds, tens of thousands...).",
        pyarrow.string(), isin=QUALIFIERS)
    category: Series[str] = column("What is counted.", pyarrow.string(), isin=CATEGORIES)
    party: Series[str] = column("Party code of whose people or things they are, where the text says.", pyarrow.string(), nullable=True)
    predicate: Series[str] = column(
        "What happened to them: `released`, `returned`, `held`, `missing`, `killed`, `wounded`, `killed_or_wounded`, `launched`, `agreed`, ...",
        pyarrow.string(), nullable=True)
    exchange_id: Series[str] = column("The exchange this figure describes, if any.", pyarrow.string(), nullable=True)
    surface: Series[str] = column("The exact words: `sources.text[start:end]`.", pyarrow.string())
    start: Series[pd.Int64Dtype] = column("Start of the figure in `sources.text`.", pyarrow.int64(), ge=0)
    end: Series[pd.Int64Dtype] = column("End (exclusive) of the figure in `sources.text`.", pyarrow.int64(), ge=0)
    sentence: Series[str] = column("The sentence the figure stands in.", pyarrow.string())

    @pa.dataframe_check(name="spans_are_ordered")
    def _ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]

    class Config:
        strict = True
        ordered = True
