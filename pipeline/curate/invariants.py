"""The contract's invariants as pure functions: each returns the rows that break it (empty = holds)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

EARLIEST_DATE = dt.date(1900, 1, 1)


def _texts(sources: pd.DataFrame, column: str = "text") -> dict[str, str]:
    return {sid: text for sid, text in zip(sources["source_id"], sources[column]) if isinstance(text, str)}


def figure_spans_mismatch(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    texts = _texts(sources)
    ok = [texts.get(s, "")[a:b] == surface for s, a, b, surface in zip(figures["source_id"], figures["start"], figures["end"], figures["surface"])]
    return figures.loc[[not x for x in ok], ["figure_id", "source_id", "start", "end", "surface"]]


def repair_spans_mismatch(repairs: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    texts, raws = _texts(sources), _texts(sources, "raw_text")
    ok = [texts.get(s, "")[a:b] == after and raws.get(s, "")[ra:rb] == before
          for s, a, b, ra, rb, before, after in zip(repairs["source_id"], repairs["start"], repairs["end"], repairs["raw_start"],
                                                    repairs["raw_end"], repairs["before"], repairs["after"])]
    return repairs.loc[[not x for x in ok]]


def claim_spans_outside_text(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    texts = _texts(sources)
    ok = [s == "curator" or (s in texts and 0 <= a <= b <= len(texts[s]))
          for s, a, b in zip(claims["source_id"], claims["start"], claims["end"])]
    return claims.loc[[not x for x in ok]]


def dangling_references(sources: pd.DataFrame, exchanges: pd.DataFrame, claims: pd.DataFrame, figures: pd.DataFrame,
                        repairs: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """One row per reference to a source, exchange or party that does not exist."""
    source_ids, exchange_ids, codes = set(sources["source_id"]), set(exchanges["exchange_id"]), set(parties["code"])
    problems = []

    def need(table: str, column: str, key, value, known: set, allow=()):
        if value is not None and not (isinstance(value, float) and pd.isna(value)) and value not in known and value not in allow:
            problems.append({"table": table, "column": column, "row": str(key), "missing": str(value)})

    for row in exchanges.itertuples():
        need("exchanges", "part_of", row.exchange_id, row.part_of, exchange_ids)
        for sid in row.source_ids:
            need("exchanges", "source_ids", row.exchange_id, sid, source_ids)
        for column in ("party_a", "party_b"):
            need("exchanges", column, row.exchange_id, getattr(row, column), codes)
        for column in ("mediators", "other_parties"):
            for code in getattr(row, column):
                need("exchanges", column, row.exchange_id, code, codes)
    for row in claims.itertuples():
        need("claims", "exchange_id", row.Index, row.exchange_id, exchange_ids)
        need("claims", "source_id", row.Index, row.source_id, source_ids, allow=("curator",))
    for row in figures.itertuples():
        need("figures", "source_id", row.figure_id, row.source_id, source_ids)
        need("figures", "exchange_id", row.figure_id, row.exchange_id, exchange_ids)
        need("figures", "party", row.figure_id, row.party, codes)
    for row in repairs.itertuples():
        need("repairs", "source_id", row.Index, row.source_id, source_ids)
    for row in sources.itertuples():
        need("sources", "duplicate_of", row.source_id, row.duplicate_of, source_ids)
    return pd.DataFrame(problems, columns=["table", "column", "row", "missing"])


def dates_out_of_range(frame: pd.DataFrame, column: str, key: str, today: dt.date | None = None) -> pd.DataFrame:
    today = today or dt.date.today()
    bad = [d is not None and not pd.isna(d) and not (EARLIEST_DATE <= d <= today) for d in frame[column]]
    return frame.loc[bad, [key, column]]


def repair_counts_mismatch(sources: pd.DataFrame, repairs: pd.DataFrame) -> pd.DataFrame:
    counted = repairs.groupby("source_id").size()
    expected = sources["source_id"].map(lambda s: int(counted.get(s, 0)))
    return sources.loc[expected != sources["n_repairs"], ["source_id", "n_repairs"]]


def uncovered_paths(sources: pd.DataFrame, input_paths: list[str]) -> pd.DataFrame:
    """Input files that appear in no row's `paths`, or in more than one."""
    seen: dict[str, int] = {}
    for paths in sources["paths"]:
        for path in paths:
            seen[path] = seen.get(path, 0) + 1
    bad = [{"path": p, "rows": seen.get(p, 0)} for p in input_paths if seen.get(p, 0) != 1]
    return pd.DataFrame(bad, columns=["path", "rows"])
