"""The `parties` table: every party code used anywhere in the dataset."""

import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from schemas._columns import column

PARTY_KINDS = ["state", "armed_group", "organization"]


class PartiesSchema(pa.DataFrameModel):
    """Every party code used in `exchanges` (sides, mediators, other parties) and `figures`, with its name and kind."""

    code: Series[str] = column(
        "ISO 3166-1 alpha-2 for states (`VA` for the Holy See); an upper-case short code for anything else (`HAMAS`, `ICRC`).",
        pyarrow.string(), unique=True, str_matches=r"^[A-Z][A-Z0-9_]+$")
    name: Series[str] = column("Common English name.", pyarrow.string())
    kind: Series[str] = column("`state`, `armed_group` or `organization`.", pyarrow.string(), isin=PARTY_KINDS)

    class Config:
        strict = True
        ordered = True
