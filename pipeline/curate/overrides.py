"""Curator overrides: reviewed decisions applied on top of reconciliation, each one reported as matched or not.

Grouping decisions (merge, split) re-run the reconciliation with the curator's grouping;
field decisions (set, drop) then edit the records. Every `set` is kept in `claims` with
source_id `curator`, so the sources' own values stay visible next to the correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.memory import bulk_objects
from pipeline.curate.reconcile import COUNT_FIELDS, LayoutCache, Reconciled, SourcedMention, reconcile
from schemas.claims import CLAIM_FIELDS, CURATOR


@dataclass(frozen=True)
class OverrideReport:
    entry: int
    action: str
    target: str
    matched: bool
    note: str


def load_overrides(path: Path) -> list[dict]:
    """The entries of an overrides file; a missing file means no overrides."""
    if not Path(path).exists():
        return []
    content = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entries = content.get("overrides") or []
    if not isinstance(entries, list):
        raise ValueError(f"{path}: `overrides` must be a list of entries")
    for i, entry in enumerate(entries):
        unknown = set(entry.get("set", {})) - set(CLAIM_FIELDS)
        if unknown:
            raise ValueError(f"{path}: entry {i} sets unknown fields {sorted(unknown)}; settable: {sorted(CLAIM_FIELDS)}")
    return entries


def _typed(field: str, value):
    if field == "event_date":
        return dt.date.fromisoformat(str(value))
    if field in COUNT_FIELDS:
        return int(value)
    if field == "mediators":
        return sorted(value if isinstance(value, list) else [value])
    return value


@bulk_objects()
def reconcile_with_overrides(mentions: list[SourcedMention], duplicate_of: dict, entries: list[dict],
                             layouts: LayoutCache | None = None) -> tuple[Reconciled, list[OverrideReport]]:
    first = reconcile(mentions, duplicate_of, layouts=layouts)
    members: dict[str, set[tuple[str, str]]] = {}
    for key, exchange_id in first.exchange_of_mention.items():
        members.setdefault(exchange_id, set()).add(key)
    reports: list[OverrideReport] = []
    together, apart = [], []
    for i, entry in enumerate(entries):
        note = str(entry.get("note", ""))
        if "merge" in entry:
            ids = list(entry["merge"])
            found = [x for x in ids if x in members]
            reports.append(OverrideReport(i, "merge", ", ".join(ids), len(found) == len(ids), note))
            if len(found) > 1:
                together.append(set().union(*(members[x] for x in found)))
        elif "split_sources" in entry:
            keys = {k for k in members.get(entry["exchange_id"], set()) if k[0] in set(entry["split_sources"])}
            reports.append(OverrideReport(i, "split", entry["exchange_id"], bool(keys), note))
            if keys:
                apart.append(keys)
    result = reconcile(mentions, duplicate_of, together, apart, layouts) if together or apart else first
    rows = {row["exchange_id"]: row for row in result.exchanges}
    claims = list(result.claims)
    for i, entry in enumerate(entries):
        note = str(entry.get("note", ""))
        target = entry.get("exchange_id", "")
        if entry.get("drop"):
            reports.append(OverrideReport(i, "drop", target, target in rows, note))
            if target in rows:
                del rows[target]
                claims = [c for c in claims if c["exchange_id"] != target]
                for row in rows.values():
                    if row["part_of"] == target:
                        row["part_of"] = None
        elif "set" in entry:
            reports.append(OverrideReport(i, "set", target, target in rows, note))
            if target not in rows:
                continue
            for field, value in entry["set"].items():
                rows[target][field] = _typed(field, value)
                if field == "event_date":
                    rows[target]["date_precision"] = "day"
                for claim in claims:
                    if claim["exchange_id"] == target and claim["field"] == field:
                        claim["chosen"] = False
                for item in (value if isinstance(value, list) else [value]):
                    claims.append({"exchange_id": target, "source_id": CURATOR, "field": field, "value": str(item),
                                   "start": 0, "end": 0, "chosen": True, "inferred": False})
    return Reconciled(list(rows.values()), claims, result.exchange_of_mention), reports
