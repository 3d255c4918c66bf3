"""Documentation derived from schemas/: the data dictionary (Markdown) and the Frictionless descriptor.

Nothing here restates a column: names, types, descriptions and keys all come from the
pandera models and `schemas.TABLES`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow

from pipeline.curate import reconcile
from pipeline.extract.parties import parties
from pipeline.lexicons import load
from schemas import SCHEMA_VERSION, TABLES
from schemas.exchanges import DATE_PRECISIONS, EXCHANGE_STATUSES
from schemas.figures import CATEGORIES, QUALIFIERS

# Foreign keys the data satisfies (checked by the `references_resolve` asset check).
FOREIGN_KEYS = {
    "repairs": [("source_id", "sources", "source_id")],
    "exchanges": [("party_a", "parties", "code"), ("party_b", "parties", "code"), ("part_of", "exchanges", "exchange_id")],
    "claims": [("exchange_id", "exchanges", "exchange_id")],
    "figures": [("source_id", "sources", "source_id"), ("exchange_id", "exchanges", "exchange_id"), ("party", "parties", "code")],
}
INVARIANTS = [
    "Every `source_id`, `exchange_id` and party code referenced exists in its table (`claims.source_id` may also be `curator`).",
    "`sources.text[start:end] == surface` for every figure; every claim's span lies inside its source's text; for every repair, `text[start:end] == after` and `raw_text[raw_start:raw_end] == before`.",
    "Where both are known, `soldiers_to_x + civilians_to_x <= returned_to_x`.",
    "Counts are non-negative; dates fall between 1900-01-01 and the run date.",
    "Every file of the input folder appears in exactly one `sources` row's `paths`.",
    "Re-running on the same input gives the same rows, ids and order: byte-identical Parquet files.",
]


def type_name(arrow_type: pyarrow.DataType) -> str:
    if pyarrow.types.is_list(arrow_type):
        return f"list<{type_name(arrow_type.value_type)}>"
    return {"string": "string", "int64": "int64", "double": "double", "bool": "bool", "date32[day]": "date"}.get(str(arrow_type), str(arrow_type))


def data_dictionary() -> str:
    lines = [
        "# Prisoner exchanges dataset: data dictionary",
        "",
        f"Schema version {SCHEMA_VERSION}. Generated from the pandera models in `schemas/`; do not edit by hand.",
        "",
        "Files: `parquet/<table>.parquet` (zstd; the table description and schema version are in each file's key-value metadata), "
        "`exchanges.duckdb` (the same tables with comments, keys and views), `datapackage.json` (Frictionless descriptor with sizes and SHA-256).",
        "",
        "## Tables",
    ]
    for name, table in TABLES.items():
        lines += ["", f"### {name}", "", table.description, "", f"Primary key: `{', '.join(table.primary_key)}`. Rows sorted by `{', '.join(table.sort_by)}`.", ""]
        if name in FOREIGN_KEYS:
            lines += ["References: " + "; ".join(f"`{c}` → `{t}.{k}`" for c, t, k in FOREIGN_KEYS[name]) + ".", ""]
        lines += ["| column | type | null | meaning |", "|---|---|---|---|"]
        for column_name, column in table.columns.items():
            lines.append(f"| `{column_name}` | {type_name(column.metadata['arrow_type'])} | {'yes' if column.nullable else 'no'} | {column.description} |")
    lines += ["", "## Codes", "",
              f"- `exchanges.status`: {', '.join(f'`{s}`' for s in EXCHANGE_STATUSES)}.",
              f"- `exchanges.date_precision`: {', '.join(f'`{p}`' for p in DATE_PRECISIONS)}; a date known to the month or year is stored as its first day.",
              f"- `figures.qualifier`: {', '.join(f'`{q}`' for q in QUALIFIERS)}.",
              f"- `figures.category`: {', '.join(f'`{c}`' for c in CATEGORIES)}.",
              "- Vague amounts (qualifier `vague`) take the conservative value conflict-event coding uses: "
              + ", ".join(f"{row['phrase']} = {int(float(row['value'])):,}" for row in load("vague_amounts")) + ".",
              "- Party codes: ISO 3166-1 alpha-2 for states, upper-case short codes for armed groups and organizations. The codes the pipeline knows:",
              "", "| code | name | kind |", "|---|---|---|"]
    lines += [f"| `{p.code}` | {p.name} | {p.kind} |" for p in sorted(parties().values(), key=lambda p: p.code)]
    lines += ["", "## Invariants (each is a blocking asset check)", ""] + [f"- {rule}" for rule in INVARIANTS]
    lines += ["", "## Provenance: how `exchanges` is chosen from `claims`", "", " ".join((reconcile.__doc__ or "").split("\n\n", 1)[1].split()), ""]
    return "\n".join(lines)


FRICTIONLESS_TYPES = {"string": "string", "int64": "integer", "double": "number", "bool": "boolean", "date": "date"}


def datapackage(parquet_dir: Path) -> dict:
    resources = []
    for name, table in TABLES.items():
        path = Path(parquet_dir) / f"{name}.parquet"
        content = path.read_bytes()
        fields = []
        for column_name, column in table.columns.items():
            kind = type_name(column.metadata["arrow_type"])
            # Frictionless reads Parquet through pandas, where a list cell is an array it cannot type:
            # list columns are `any`, with the exact Arrow type kept in `arrowType` on every field.
            fields.append({"name": column_name, "type": "any" if kind.startswith("list") else FRICTIONLESS_TYPES[kind],
                           "arrowType": kind, "description": column.description, "constraints": {"required": not column.nullable}})
        # pandas turns a null of a nullable integer or date column into NaN / NaT.
        schema = {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": ["", "nan", "NaN", "None", "NaT"]}
        if name in FOREIGN_KEYS:
            schema["foreignKeys"] = [{"fields": c, "reference": {"resource": "" if t == name else t, "fields": k}} for c, t, k in FOREIGN_KEYS[name]]
        # Frictionless cannot count the bytes of a Parquet source it reads through pandas, so the
        # standard `bytes`/`hash` would fail validation: size and digest go under their own names.
        resources.append({"name": name, "path": f"parquet/{name}.parquet", "format": "parquet", "mediatype": "application/vnd.apache.parquet",
                          "description": table.description, "size_bytes": len(content), "sha256": hashlib.sha256(content).hexdigest(),
                          "schema": schema})
    return {"name": "prisoner-exchanges", "title": "Prisoner exchanges reconciled from news text", "version": SCHEMA_VERSION,
            "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}], "resources": resources}


def datapackage_json(parquet_dir: Path) -> str:
    return json.dumps(datapackage(parquet_dir), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


DOCS_DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "DATA_DICTIONARY.md"

if __name__ == "__main__":  # `make docs`: the repository's copy of the data dictionary
    DOCS_DICTIONARY.parent.mkdir(exist_ok=True)
    DOCS_DICTIONARY.write_text(data_dictionary(), encoding="utf-8")
    print(f"wrote {DOCS_DICTIONARY}")
