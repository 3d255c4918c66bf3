"""The `sources` table: one row per distinct input content, rejected files included."""

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas._columns import STRING_LIST, column, is_date_or_null, is_string_list

SOURCE_STATUSES = ["ok", "rejected"]


class SourcesSchema(pa.DataFrameModel):
    """One row per distinct input content (files with identical bytes share a row), rejected files included. Every file of the input folder appears in exactly one row's `paths`."""

    source_id: Series[str] = column(
        "Stable id from the raw bytes: the first 16 hex digits of their SHA-256. The same bytes always get the same id.",
        pyarrow.string(), unique=True, str_matches=r"^[0-9a-f]{16}$")
    path: Series[str] = column("The first of `paths` in sort order.", pyarrow.string())
    paths: Series[object] = column(
        "Every file with these bytes, relative to the input folder, sorted.", STRING_LIST)
    status: Series[str] = column(
        "`ok` (processed) or `rejected` (see `reject_reason`).", pyarrow.string(), isin=SOURCE_STATUSES)
    duplicate_of: Series[str] = column(
        "For a near-duplicate (the same article reposted, trimmed or spun): the source_id it copies. Such a source never counts as independent confirmation.",
        pyarrow.string(), nullable=True)
    reject_reason: Series[str] = column(
        "Why the file was not processed (empty, binary, undecodable, too large, outside the input folder); null when status is `ok`.",
        pyarrow.string(), nullable=True)
    title: Series[str] = column("Headline, where the text has one.", pyarrow.string(), nullable=True)
    published_date: Series[object] = column(
        "Publication date from a dateline or a 'Published' line of the text, where it says.", pyarrow.date32(), nullable=True)
    encoding: Series[str] = column("Detected encoding of the raw bytes (Python codec name).", pyarrow.string(), nullable=True)
    raw_text: Series[str] = column(
        "Decoded text before any normalization (for HTML input: the article text extracted from the markup).",
        pyarrow.string(), nullable=True)
    text: Series[str] = column(
        "Normalized text (unicode cleanup and spin repair): every start/end offset in other tables points into this.",
        pyarrow.string(), nullable=True)
    spin_score: Series[float] = column(
        "0..1: share of the words that match a synonym-spinner substitution of the spin lexicon.", pyarrow.float64(), ge=0, le=1)
    is_spun: Series[bool] = column(
        "The repairer judged the text spun, so context-dependent spin repairs were applied.", pyarrow.bool_())
    n_repairs: Series[pd.Int64Dtype] = column("Rows in `repairs` for this source.", pyarrow.int64(), ge=0)

    @pa.check("paths", name="paths_are_string_lists")
    def _paths(cls, paths: Series[object]) -> Series[bool]:
        return paths.map(lambda v: is_string_list(v) and len(v) > 0)

    @pa.check("published_date", name="published_date_is_a_date")
    def _published(cls, values: Series[object]) -> Series[bool]:
        return values.map(is_date_or_null)

    @pa.dataframe_check(name="rejected_rows_have_a_reason")
    def _reason(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == "ok") == df["reject_reason"].isna()

    @pa.dataframe_check(name="ok_rows_have_text")
    def _text(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "ok") | df["text"].notna()

    class Config:
        strict = True
        ordered = True
