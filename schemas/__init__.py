"""The pandera models: the executable form of the dataset contract (shared/DATASET.md).

One module per table. `TABLES` lists them in publishing order with the keys and sort
order that make every run's output identical; the Parquet schema, the DuckDB tables,
the Dagster column schemas and the data dictionary are all derived from here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa
import pyarrow

from schemas._columns import ARROW_TYPE
from schemas.claims import ClaimsSchema
from schemas.exchanges import ExchangesSchema
from schemas.figures import FiguresSchema
from schemas.parties import PartiesSchema
from schemas.repairs import RepairsSchema
from schemas.sources import SourcesSchema

SCHEMA_VERSION = "1.0.0"


@dataclass(frozen=True)
class Table:
    name: str
    model: type[pa.DataFrameModel]
    primary_key: tuple[str, ...]
    sort_by: tuple[str, ...]

    @property
    def description(self) -> str:
        return " ".join((self.model.__doc__ or "").split())

    @property
    def columns(self) -> dict[str, pa.Column]:
        return self.model.to_schema().columns

    def arrow_schema(self) -> pyarrow.Schema:
        return pyarrow.schema(
            [pyarrow.field(name, col.metadata[ARROW_TYPE], nullable=col.nullable) for name, col in self.columns.items()],
            metadata={"description": self.description, "schema_version": SCHEMA_VERSION, "table": self.name},
        )


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table("sources", SourcesSchema, ("source_id",), ("source_id",)),
        Table("repairs", RepairsSchema, ("source_id", "start"), ("source_id", "start", "raw_start")),
        Table("exchanges", ExchangesSchema, ("exchange_id",), ("exchange_id",)),
        Table("claims", ClaimsSchema, ("exchange_id", "source_id", "field", "value", "start"),
              ("exchange_id", "field", "source_id", "start", "value")),
        Table("figures", FiguresSchema, ("figure_id",), ("source_id", "start")),
        Table("parties", PartiesSchema, ("code",), ("code",)),
    ]
}

__all__ = ["SCHEMA_VERSION", "TABLES", "Table"]
