"""What the Dagster UI shows about a table: its column schema from schemas/, row counts and a preview."""

from __future__ import annotations

import dagster as dg
import pandas as pd

from schemas import TABLES

OWNERS = ["team:exchanges-data"]


def _record_list(name: str, description: str) -> dg.DagsterType:
    """A list type checked as a whole: Dagster's `list[dict]` checks every element, seconds per step on 10k documents."""
    return dg.DagsterType(name=name, description=description, typing_type=list,
                          type_check_fn=lambda _context, value: isinstance(value, list))


RAW_DOCUMENTS = _record_list("RawDocuments", "One dict per distinct input file: ids, paths, raw text, status and reject reason.")
NORMALIZED_DOCUMENTS = _record_list("NormalizedDocuments", "One dict per readable document: normalized text, repairs, spin judgement, title, date.")
FIGURE_MENTIONS = _record_list("FigureMentions", "One dict per figure a document states, with its source_id and span.")
EXCHANGE_MENTIONS = _record_list("ExchangeMentions", "One SourcedMention per exchange a document describes, with its claims.")


def column_schema(table_name: str) -> dg.TableSchema:
    table = TABLES[table_name]
    return dg.TableSchema(columns=[
        dg.TableColumn(name=name, type=str(column.metadata["arrow_type"]), description=column.description,
                       constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=column.unique))
        for name, column in table.columns.items()
    ])


def table_asset_metadata(table_name: str) -> dict:
    """Metadata declared on the asset itself, so the UI shows the columns before any run."""
    table = TABLES[table_name]
    return {"dagster/column_schema": column_schema(table_name), "primary_key": ", ".join(table.primary_key),
            "dagster/table_name": table_name}


def _cell(value) -> str:
    text = str(value) if not isinstance(value, float) or not pd.isna(value) else ""
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= 60 else text[:57] + "..."


def preview(frame: pd.DataFrame, rows: int = 5, skip: tuple[str, ...] = ("raw_text", "text", "sentence")) -> dg.MetadataValue:
    columns = [c for c in frame.columns if c not in skip]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame[columns].head(rows).itertuples(index=False)]
    return dg.MetadataValue.md("\n".join(lines))


def frame_metadata(frame: pd.DataFrame, **extra) -> dict:
    return {"dagster/row_count": len(frame), "preview": preview(frame), **extra}
