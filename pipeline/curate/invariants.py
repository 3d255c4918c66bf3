"""The contract's invariants as pure functions: each returns the rows that break it (empty = holds)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

EARLIEST_DATE = dt.date(1900, 1, 1)


def _columns(frame: pd.DataFrame, *names: str) -> zip:
    """Rows of some columns as tuples, read from lists: iterating Arrow-backed columns value by value is slow."""
    return zip(*(frame[name].tolist() for name in names))


def _texts(sources: pd.DataFrame, column: str = "text") -> dict[str, str]:
    return {sid: text for sid, text in _columns(sources, "source_id", column) if isinstance(text, str)}


def figure_spans_mismatch(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    texts = _texts(sources)
    ok = [texts.get(s, "")[a:b] == surface for s, a, b, surface in _columns(figures, "source_id", "start", "end", "surface")]
    return figures.loc[[not x for x in ok], ["figure_id", "source_id", "start", "end", "surface"]]


def repair_spans_mismatch(repairs: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    texts, raws = _texts(sources), _texts(sources, "raw_text")
    ok = [texts.get(s, "")[a:b] == after and raws.get(s, "")[ra:rb] == before
          for s, a, b, ra, rb, before, after in _columns(repairs, "source_id", "start", "end", "raw_start", "raw_end", "before", "after")]
    return repairs.loc[[not x for x in ok]]


def claim_spans_outside_text(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    texts = _texts(sources)
    ok = [s == "curator" or (s in texts and 0 <= a <= b <= len(texts[s]))
          for s, a, b in _columns(claims, "source_id", "start", "end")]
    return claims.loc[[not x for x in ok]]


def _missing(table: str, column: str, keys: pd.Series, values: pd.Series, known: set, allow: tuple = ()) -> pd.DataFrame:
    """Rows whose non-null `values` are not in `known`.

    A set lookup per value: `Series.isin` on Arrow-backed strings converts the whole set
    on every call, which cost seconds on tables of hundreds of thousands of rows.
    """
    known = known | set(allow)  # below, `is not None` first: most missing values are None, and pd.isna is slow on scalars
    bad = pd.Series([v not in known and v is not None and not pd.isna(v) for v in values.tolist()], index=values.index, dtype=bool)
    return pd.DataFrame({"table": table, "column": column, "row": keys[bad].astype(str), "missing": values[bad].astype(str)})


def dangling_references(sources: pd.DataFrame, exchanges: pd.DataFrame, claims: pd.DataFrame, figures: pd.DataFrame,
                        repairs: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """One row per reference to a source, exchange or party that does not exist."""
    source_ids, exchange_ids, codes = (set(frame[column].tolist()) for frame, column in
                                       ((sources, "source_id"), (exchanges, "exchange_id"), (parties, "code")))
    found = [_missing("exchanges", "part_of", exchanges["exchange_id"], exchanges["part_of"], exchange_ids)]
    for column, known in (("source_ids", source_ids), ("mediators", codes), ("other_parties", codes)):
        listed = exchanges[["exchange_id", column]].explode(column)
        found.append(_missing("exchanges", column, listed["exchange_id"], listed[column], known))
    for column in ("party_a", "party_b"):
        found.append(_missing("exchanges", column, exchanges["exchange_id"], exchanges[column], codes))
    claim_rows = pd.Series(claims.index, index=claims.index)
    found.append(_missing("claims", "exchange_id", claim_rows, claims["exchange_id"], exchange_ids))
    found.append(_missing("claims", "source_id", claim_rows, claims["source_id"], source_ids, allow=("curator",)))
    for column, known in (("source_id", source_ids), ("exchange_id", exchange_ids), ("party", codes)):
        found.append(_missing("figures", column, figures["figure_id"], figures[column], known))
    found.append(_missing("repairs", "source_id", pd.Series(repairs.index, index=repairs.index), repairs["source_id"], source_ids))
    found.append(_missing("sources", "duplicate_of", sources["source_id"], sources["duplicate_of"], source_ids))
    return pd.concat(found, ignore_index=True)


def dates_out_of_range(frame: pd.DataFrame, column: str, key: str, today: dt.date | None = None) -> pd.DataFrame:
    today = today or dt.date.today()
    bad = [d is not None and not pd.isna(d) and not (EARLIEST_DATE <= d <= today) for d in frame[column].tolist()]
    return frame.loc[bad, [key, column]]


def repair_counts_mismatch(sources: pd.DataFrame, repairs: pd.DataFrame) -> pd.DataFrame:
    counted = repairs.groupby("source_id").size()
    expected = sources["source_id"].map(lambda s: int(counted.get(s, 0)))
    return sources.loc[expected != sources["n_repairs"], ["source_id", "n_repairs"]]


def uncovered_paths(sources: pd.DataFrame, input_paths: list[str]) -> pd.DataFrame:
    """Input files that appear in no row's `paths`, or in more than one."""
    seen: dict[str, int] = {}
    for paths in sources["paths"].tolist():
        for path in paths:
            seen[path] = seen.get(path, 0) + 1
    bad = [{"path": p, "rows": seen.get(p, 0)} for p in input_paths if seen.get(p, 0) != 1]
    return pd.DataFrame(bad, columns=["path", "rows"])
