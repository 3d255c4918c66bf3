"""The `exchanges` table: one row per real-world event, reconciled across sources."""

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas._columns import STRING_LIST, column, is_date_or_null, is_string_list

EXCHANGE_STATUSES = ["completed", "planned", "agreed"]
DATE_PRECISIONS = ["day", "month", "year"]
COUNT_COLUMNS = [
    "returned_to_a", "returned_to_b",
    "soldiers_to_a", "civilians_to_a", "soldiers_to_b", "civilians_to_b",
]


def _count(description: str):
    return column(description, pyarrow.int64(), nullable=True, ge=0)


class ExchangesSchema(pa.DataFrameModel):
    """One row per real-world prisoner exchange (a handover that happened, one that is planned, or a deal covering handovers), reconciled across every source that describes it."""

    exchange_id: Series[str] = column(
        "Stable, readable id: `<party_a>-<party_b>-<event_date>` in lower case (`undated` when unknown), with `-planned`/`-agreed` or a counter appended only to tell apart events that would share an id.",
        pyarrow.string(), unique=True)
    status: Series[str] = column(
        "`completed` (the handover happened), `planned` (announced for later), `agreed` (a deal covering one or more handovers).",
        pyarrow.string(), isin=EXCHANGE_STATUSES)
    part_of: Series[str] = column(
        "exchange_id of the `agreed` deal this handover belongs to.", pyarrow.string(), nullable=True)
    event_date: Series[object] = column(
        "The handover's date; for `agreed`, the date of the deal. A date known only to the month or year is its first day.",
        pyarrow.date32(), nullable=True)
    date_precision: Series[str] = column(
        "`day`, `month` or `year`: how much of `event_date` the sources state.", pyarrow.string(), nullable=True, isin=DATE_PRECISIONS)
    party_a: Series[str] = column("One side (party code; `party_a` < `party_b`).", pyarrow.string())
    party_b: Series[str] = column("The other side (party code).", pyarrow.string())
    returned_to_a: Series[pd.Int64Dtype] = _count("People handed over to party_a (its own people coming home).")
    returned_to_b: Series[pd.Int64Dtype] = _count("People handed over to party_b (its own people coming home).")
    soldiers_to_a: Series[pd.Int64Dtype] = _count("Of `returned_to_a`, soldiers (prisoners of war, servicemen), where stated.")
    civilians_to_a: Series[pd.Int64Dtype] = _count("Of `returned_to_a`, civilians, where stated.")
    soldiers_to_b: Series[pd.Int64Dtype] = _count("Of `returned_to_b`, soldiers, where stated.")
    civilians_to_b: Series[pd.Int64Dtype] = _count("Of `returned_to_b`, civilians, where stated.")
    mediators: Series[object] = column("Party codes of those credited with brokering it, sorted.", STRING_LIST)
    location: Series[str] = column("Where the handover (or, for a deal, the talks) took place, where stated.", pyarrow.string(), nullable=True)
    other_parties: Series[object] = column(
        "Further sides of a swap between more than two parties, which the a/b columns cannot hold (their counts are in `figures`).",
        STRING_LIST)
    n_sources: Series[pd.Int64Dtype] = column("Sources that describe this event.", pyarrow.int64(), ge=1)
    source_ids: Series[object] = column("The source_ids of those sources, sorted.", STRING_LIST)
    conflicting_fields: Series[object] = column(
        "Fields whose value the sources disagree on; each source's value is in `claims`.", STRING_LIST)
    confidence: Series[float] = column(
        "0..1: how well the record is supported: grows with independent sources, falls with conflicts and with fields only inferred.",
        pyarrow.float64(), ge=0, le=1)

    @pa.check("mediators", "other_parties", "source_ids", "conflicting_fields", name="is_a_list_of_strings")
    def _lists(cls, values: Series[object]) -> Series[bool]:
        return values.map(is_string_list)

    @pa.check("event_date", name="event_date_is_a_date")
    def _date(cls, values: Series[object]) -> Series[bool]:
        return values.map(is_date_or_null)

    @pa.dataframe_check(name="party_a_sorts_before_party_b")
    def _pair(cls, df: pd.DataFrame) -> Series[bool]:
        return df["party_a"] < df["party_b"]

    @pa.dataframe_check(name="breakdown_fits_in_total")
    def _breakdown(cls, df: pd.DataFrame) -> Series[bool]:
        ok = pd.Series(True, index=df.index)
        for side in ("a", "b"):
            parts = df[f"soldiers_to_{side}"].fillna(0) + df[f"civilians_to_{side}"].fillna(0)
            total = df[f"returned_to_{side}"]
            ok &= (total.isna() | (parts <= total)).astype(bool)
        return ok

    @pa.dataframe_check(name="precision_goes_with_date")
    def _precision(cls, df: pd.DataFrame) -> Series[bool]:
        return df["event_date"].isna() == df["date_precision"].isna()

    @pa.dataframe_check(name="n_sources_counts_source_ids")
    def _n_sources(cls, df: pd.DataFrame) -> Series[bool]:
        return df["n_sources"] == df["source_ids"].map(len)

    class Config:
        strict = True
        ordered = True
