"""Reconciliation: exchange mentions from many sources become one record per real-world event.

The rule a reader can follow:
1. Mentions match when they have the same two sides and status, compatible dates
   (within 3 days for a handover or deal, the same day for a planned stage, the same
   month or year where only that is known) and counts that differ by at most 10%.
   A source contributes at most one mention to an event.
2. Every value a source states goes to `claims`. For each field the chosen value is
   the one that ranks first on, in order: not contradicted by its own weekday; a weekday
   that confirms the date; more independent sources (near-duplicates do not count);
   more sources; stated rather than inferred; stated by the source that says most
   about the event; stated more often; stated first in the text. For `mediators` each source's set of codes is one value.
3. Where a side's total is not stated but its soldiers/civilians are, the total is their sum.
4. `conflicting_fields` lists fields with more than one distinct value; `confidence`
   grows with independent sources (1 - 0.5^n) and falls by 0.1 a conflict and by 0.05
   for a date only inferred.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

from pipeline.extract.exchanges import Claim, ExchangeMention

COUNT_FIELDS = ["returned_to_a", "returned_to_b", "soldiers_to_a", "civilians_to_a", "soldiers_to_b", "civilians_to_b"]
DATE_TOLERANCE_DAYS = {"completed": 3, "agreed": 3, "planned": 0}
COUNT_TOLERANCE = 0.10


@dataclass(frozen=True)
class SourcedMention:
    source_id: str
    mention: ExchangeMention

    def __reduce__(self):  # a plain call: frozen dataclasses unpickle through object.__setattr__, field by field
        return (SourcedMention, (self.source_id, self.mention))


def stated_counts(mention: ExchangeMention) -> dict[str, set[int]]:
    counts: dict[str, set[int]] = {}
    for claim in mention.claims:
        if claim.field in COUNT_FIELDS:
            counts.setdefault(claim.field, set()).add(int(claim.value))
    return counts


@dataclass
class Cluster:
    members: list[SourcedMention] = field(default_factory=list)
    _counts: dict[str, set[int]] | None = field(default=None, repr=False)
    _sources: set[str] | None = field(default=None, repr=False)

    @property
    def sources(self) -> set[str]:
        if self._sources is None:
            self._sources = {m.source_id for m in self.members}
        return self._sources

    def add(self, member: SourcedMention, stated: dict[str, set[int]] | None = None) -> None:
        """Add a member; `stated` is its stated_counts, when the caller has them already."""
        self.members.append(member)
        if self._sources is not None:  # kept up to date: a cluster may grow to thousands of members
            self._sources.add(member.source_id)
        if self._counts is not None:
            for key, values in (stated if stated is not None else stated_counts(member.mention)).items():
                self._counts.setdefault(key, set()).update(values)

    def counts(self, name: str) -> set[int]:
        if self._counts is None:  # cached: clustering asks for them once per candidate pair
            self._counts = {}
            for m in self.members:
                for key, values in stated_counts(m.mention).items():
                    self._counts.setdefault(key, set()).update(values)
        return self._counts.get(name, set())

    def dates(self) -> list[tuple[dt.date, str]]:
        return [(m.mention.event_date, m.mention.date_precision) for m in self.members if m.mention.event_date is not None]


@dataclass
class Reconciled:
    exchanges: list[dict]
    claims: list[dict]
    exchange_of_mention: dict[tuple[str, str], str]  # (source_id, mention key) -> exchange_id


def _dates_compatible(a: tuple[dt.date, str], b: tuple[dt.date, str], status: str) -> bool:
    (da, pa), (db, pb) = a, b
    if "year" in (pa, pb):
        return da.year == db.year
    if "month" in (pa, pb):
        return (da.year, da.month) == (db.year, db.month)
    return abs((da - db).days) <= DATE_TOLERANCE_DAYS[status]


def _near(x: int, y: int) -> bool:
    return abs(x - y) <= COUNT_TOLERANCE * max(x, y)


def _counts_compatible(cluster: Cluster, stated: dict[str, set[int]]) -> bool:
    for name, mine in stated.items():
        theirs = cluster.counts(name)
        if mine and theirs and not any(_near(x, y) for x in mine for y in theirs):
            return False
    return True


def _distance(cluster: Cluster, mention: ExchangeMention) -> int:
    if mention.event_date is None or not cluster.dates():
        return 0
    return min(abs((d - mention.event_date).days) for d, _ in cluster.dates())


class _DateIndex:
    """Clusters of one group by the dates of their members, so a dated mention meets only clusters its date could match."""

    def __init__(self) -> None:
        self.by_day: dict[dt.date, list[Cluster]] = {}
        self.by_month: dict[tuple[int, int], list[Cluster]] = {}     # any member in the month
        self.month_only: dict[tuple[int, int], list[Cluster]] = {}   # a member dated only to the month
        self.by_year: dict[int, list[Cluster]] = {}                  # any member in the year
        self.year_only: dict[int, list[Cluster]] = {}                # a member dated only to the year

    def add(self, cluster: Cluster, date: dt.date, precision: str) -> None:
        month = (date.year, date.month)
        if precision == "day":
            self.by_day.setdefault(date, []).append(cluster)
        elif precision == "month":
            self.month_only.setdefault(month, []).append(cluster)
        else:
            self.year_only.setdefault(date.year, []).append(cluster)
        if precision != "year":
            self.by_month.setdefault(month, []).append(cluster)
        self.by_year.setdefault(date.year, []).append(cluster)

    def near(self, date: dt.date, precision: str, tolerance_days: int) -> list[Cluster]:
        month = (date.year, date.month)
        if precision == "year":
            found = self.by_year.get(date.year, [])
        elif precision == "month":
            found = self.by_month.get(month, []) + self.year_only.get(date.year, [])
        else:
            found = [c for k in range(-tolerance_days, tolerance_days + 1) for c in self.by_day.get(date + dt.timedelta(days=k), [])]
            found += self.month_only.get(month, []) + self.year_only.get(date.year, [])
        return list({id(c): c for c in found}.values())


class _CountIndex:
    """Clusters of one group by their stated counts, so an undated mention meets only clusters its counts could match."""

    def __init__(self) -> None:
        self.by_value: dict[tuple[str, int], list[Cluster]] = {}
        self.values: dict[str, list[int]] = {name: [] for name in COUNT_FIELDS}  # sorted, distinct
        self.lacking: dict[str, list[Cluster]] = {name: [] for name in COUNT_FIELDS}

    def add(self, cluster: Cluster, counts: dict[str, set[int]], new: bool) -> None:
        for name, values in counts.items():
            for value in values:
                if (name, value) not in self.by_value:
                    bisect.insort(self.values[name], value)
                self.by_value.setdefault((name, value), []).append(cluster)
        if new:
            for name in COUNT_FIELDS:
                if name not in counts:
                    self.lacking[name].append(cluster)  # may state it later: candidates are checked in full

    def candidates(self, stated: dict[str, set[int]], everything: list[Cluster]) -> Iterator[Cluster]:
        """A superset of the clusters compatible with the stated counts, from the field that narrows them most, yielded lazily."""
        if not stated:
            yield from everything
            return
        best: list[list[Cluster]] | None = None
        for name, values in sorted(stated.items()):
            lists = [self.lacking[name]]
            known = self.values[name]
            for x in values:
                low, high = x * (1 - COUNT_TOLERANCE) - 1, x / (1 - COUNT_TOLERANCE) + 1
                lists += [self.by_value[(name, y)] for y in known[bisect.bisect_left(known, low):bisect.bisect_right(known, high)] if _near(x, y)]
            if best is None or sum(map(len, lists)) < sum(map(len, best)):
                best = lists
        seen: set[int] = set()
        for clusters in best:
            for c in clusters:
                if id(c) not in seen:
                    seen.add(id(c))
                    yield c


class LayoutCache(Protocol):
    """Where cluster layouts are kept between runs: pipeline.cache.DocumentCache has this method."""

    def map(self, keys: list[str], compute: Callable[[list[int]], list[Any]]) -> list[Any]: ...


_SOURCE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]  # a change to the rules recomputes every layout


def _in_order(members: list[SourcedMention]) -> tuple[list[SourcedMention], list[SourcedMention]]:
    """A group's dated mentions by date, then its undated ones: the order clustering reads them in."""
    dated = sorted((m for m in members if m.mention.event_date), key=lambda m: (m.mention.event_date, m.source_id, m.mention.anchor))
    undated = sorted((m for m in members if not m.mention.event_date), key=lambda m: (m.source_id, m.mention.anchor))
    return dated, undated


def _layout_key(group: tuple[str, str, str], ordered: list[SourcedMention]) -> str:
    """A group's identity: its sides, status and members. A member is its source and key: the per-document cache makes the
    same source give the same mentions under the same extraction code, and that code's version names the cache folder."""
    digest = hashlib.sha256("|".join((_SOURCE_DIGEST, *group)).encode())
    for sm in ordered:
        digest.update(f"\n{sm.source_id} {sm.mention.key}".encode())
    return digest.hexdigest()[:32]


def cluster_mentions(mentions: list[SourcedMention], layouts: LayoutCache | None = None) -> list[Cluster]:
    """Mentions of one event grouped together, group by group (same sides and status).

    With `layouts`, a group whose members are unchanged since an earlier run takes its clusters from there: adding one
    article re-clusters only the groups it adds to.
    """
    groups: dict[tuple[str, str, str], list[SourcedMention]] = {}
    for sm in mentions:
        groups.setdefault((sm.mention.party_a, sm.mention.party_b, sm.mention.status), []).append(sm)
    items = sorted(groups.items())
    ordered = [_in_order(members) for _, members in items]

    def compute(todo: list[int]) -> list[list[list[int]]]:
        found = []
        for i in todo:
            position = {id(sm): k for k, sm in enumerate(ordered[i][0] + ordered[i][1])}
            found.append([[position[id(sm)] for sm in c.members] for c in _cluster_group(items[i][0][2], *ordered[i])])
        return found

    if layouts is None:
        computed = compute(list(range(len(items))))
    else:
        computed = layouts.map([_layout_key(key, dated + undated) for (key, _), (dated, undated) in zip(items, ordered)], compute)
    clusters: list[Cluster] = []
    for (dated, undated), group_layout in zip(ordered, computed):
        members = dated + undated
        clusters += [Cluster([members[k] for k in layout]) for layout in group_layout]
    return clusters


def _cluster_group(status: str, dated: list[SourcedMention], undated: list[SourcedMention]) -> list[Cluster]:
    """One group's clusters, built in reading order: a dated mention joins the nearest compatible cluster, an undated one
    only an unambiguous match."""
    local: list[Cluster] = []
    position: dict[int, int] = {}
    dates = _DateIndex()
    counts = _CountIndex()
    for sm in dated:
        date, precision = sm.mention.event_date, sm.mention.date_precision
        stated = stated_counts(sm.mention)
        nearby = dates.near(date, precision, DATE_TOLERANCE_DAYS[status])
        if len(nearby) > 32:  # a busy day: narrow by counts as well
            plausible = {id(c) for c in counts.candidates(stated, local)}
            nearby = [c for c in nearby if id(c) in plausible]
        candidates = [c for c in sorted(nearby, key=lambda c: position[id(c)])
                      if sm.source_id not in c.sources and _counts_compatible(c, stated)
                      and all(_dates_compatible(d, (date, precision), status) for d in c.dates())]
        if candidates:
            target = min(candidates, key=lambda c: _distance(c, sm.mention))
            target.add(sm, stated)
        else:
            target = Cluster([sm])
            position[id(target)] = len(local)
            local.append(target)
        dates.add(target, date, precision)
        counts.add(target, stated, new=not candidates)
    for sm in undated:  # an undated mention joins only an unambiguous match
        stated = stated_counts(sm.mention)
        candidates = []
        for c in counts.candidates(stated, local):
            if sm.source_id not in c.sources and _counts_compatible(c, stated):
                candidates.append(c)
                if len(candidates) > 1:  # ambiguous already: stays on its own
                    break
        if len(candidates) == 1:
            candidates[0].add(sm, stated)
            counts.add(candidates[0], stated, new=False)
        else:
            target = Cluster([sm])
            position[id(target)] = len(local)
            local.append(target)
            counts.add(target, stated, new=True)
    return local


def _choose(field_name: str, stated: dict[str, list[tuple[SourcedMention, bool, int]]], independent: set[str], detail: dict[str, int]) -> str:
    """The value that ranks first by the module's rule; `stated` maps value -> (mention, inferred, start) triples."""
    if len(stated) == 1:  # most fields: one value, nothing to rank
        return next(iter(stated))

    def rank(value: str):
        rows = stated[value]
        sources = {sm.source_id for sm, _, _ in rows}
        contradicted = field_name == "event_date" and all(sm.mention.date_contradicted for sm, _, _ in rows)
        confirmed = field_name == "event_date" and any(sm.mention.date_confirmed for sm, _, _ in rows)
        return (not contradicted, confirmed, len(sources & independent), len(sources),
                any(not inferred for _, inferred, _ in rows), max(detail[s] for s in sources), len(rows))
    # Last resort: the value stated first (articles put the main facts first), then the value itself.
    return sorted(stated, key=lambda v: (tuple(-int(x) for x in rank(v)), min(start for _, _, start in stated[v]), v))[0]


def _exchange_ids(rows: list[dict]) -> None:
    base: dict[int, str] = {}
    for i, row in enumerate(rows):
        date, precision = row["event_date"], row["date_precision"]
        stamp = "undated" if date is None else {"day": date.isoformat(), "month": date.strftime("%Y-%m"), "year": str(date.year)}[precision]
        base[i] = f"{row['party_a']}-{row['party_b']}-{stamp}".lower()
    uses = Counter(base.values())
    taken: dict[str, int] = {}
    for i, row in enumerate(rows):
        clash = uses[base[i]] > 1
        candidate = base[i] + (f"-{row['status']}" if clash and row["status"] != "completed" else "")
        taken[candidate] = taken.get(candidate, 0) + 1
        row["exchange_id"] = candidate if taken[candidate] == 1 else f"{candidate}-{taken[candidate]}"


def _regroup(clusters: list[Cluster], together: list[set[tuple[str, str]]], apart: list[set[tuple[str, str]]]) -> list[Cluster]:
    """Curator decisions on grouping: mentions in one `together` set share an event; each `apart` set leaves its event."""
    for keys in apart:
        for cluster in list(clusters):
            leaving = [sm for sm in cluster.members if (sm.source_id, sm.mention.key) in keys]
            if leaving and len(leaving) < len(cluster.members):
                cluster.members = [sm for sm in cluster.members if sm not in leaving]
                cluster._counts = cluster._sources = None
                clusters.append(Cluster(leaving))
    for keys in together:
        joined = [c for c in clusters if any((sm.source_id, sm.mention.key) in keys for sm in c.members)]
        if len(joined) > 1:
            joined[0].members = [sm for c in joined for sm in c.members]
            joined[0]._counts = joined[0]._sources = None
            clusters = [c for c in clusters if c not in joined[1:]]
    return clusters


def reconcile(mentions: list[SourcedMention], duplicate_of: dict[str, str | None],
              together: list[set[tuple[str, str]]] = (), apart: list[set[tuple[str, str]]] = (),
              layouts: LayoutCache | None = None) -> Reconciled:
    clusters = _regroup(cluster_mentions(mentions, layouts), list(together), list(apart))
    rows: list[dict] = []
    claim_rows: list[list[tuple[str, Claim, bool]]] = []  # (source_id, claim, chosen); made rows once ids are known
    for cluster in clusters:
        independent = {s for s in cluster.sources if not duplicate_of.get(s) or duplicate_of[s] not in cluster.sources}
        detail = {sm.source_id: len(sm.mention.claims) for sm in cluster.members}
        first = cluster.members[0].mention
        row: dict = {"status": first.status, "party_a": first.party_a, "party_b": first.party_b}
        chosen: dict[str, set[str]] = {}
        conflicts: list[str] = []
        by_field: dict[str, dict[str, list[tuple[SourcedMention, bool]]]] = {}
        for sm in cluster.members:
            for claim in sm.mention.claims:
                if claim.field != "mediators":
                    by_field.setdefault(claim.field, {}).setdefault(claim.value, []).append((sm, claim.inferred, claim.start))
            mediator_claims = [c for c in sm.mention.claims if c.field == "mediators"]
            if mediator_claims:
                codes = ";".join(sorted({c.value for c in mediator_claims}))
                by_field.setdefault("mediators", {}).setdefault(codes, []).append(
                    (sm, all(c.inferred for c in mediator_claims), min(c.start for c in mediator_claims)))
        for name, stated in sorted(by_field.items()):
            value = _choose(name, stated, independent, detail)
            chosen[name] = set(value.split(";")) if name == "mediators" else {value}
            if len(stated) > 1 and name != "status":
                conflicts.append(name)
        date_value = next(iter(chosen.get("event_date", {None})))
        row["event_date"] = dt.date.fromisoformat(date_value) if date_value else None
        precision = None
        if date_value:
            precision = next(sm.mention.date_precision for sm, _, _ in by_field["event_date"][date_value])
        row["date_precision"] = precision
        for name in COUNT_FIELDS:
            row[name] = int(next(iter(chosen[name]))) if name in chosen else None
        _fit_breakdown(row)
        row["mediators"] = sorted(chosen.get("mediators", set()))
        row["location"] = next(iter(chosen["location"])) if "location" in chosen else None
        row["other_parties"] = sorted({p for sm in cluster.members for p in sm.mention.other_parties})
        row["source_ids"] = sorted(cluster.sources)
        row["n_sources"] = len(row["source_ids"])
        row["conflicting_fields"] = sorted(conflicts)
        inferred_date = date_value is not None and all(inf for _, inf, _ in by_field["event_date"][date_value])
        confidence = 1 - 0.5 ** max(1, len(independent)) - 0.1 * len(conflicts) - (0.05 if inferred_date else 0)
        row["confidence"] = round(min(1.0, max(0.05, confidence)), 3)
        row["_members"] = cluster.members
        rows.append(row)
        claim_rows.append([(sm.source_id, c, c.value in chosen.get(c.field, ())) for sm in cluster.members for c in sm.mention.claims])
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["event_date"] or dt.date.max, rows[i]["status"], rows[i]["party_a"],
                                                    rows[i]["party_b"], rows[i]["source_ids"], rows[i]["_members"][0].mention.anchor))
    rows = [rows[i] for i in order]
    claim_rows = [claim_rows[i] for i in order]
    _exchange_ids(rows)
    exchange_of_mention = {(sm.source_id, sm.mention.key): row["exchange_id"] for row in rows for sm in row["_members"]}
    claims = []
    for row, cluster_claims in zip(rows, claim_rows):
        parents = sorted({exchange_of_mention.get((sm.source_id, sm.mention.part_of)) for sm in row["_members"] if sm.mention.part_of} - {None})
        row["part_of"] = parents[0] if parents else None
        claims += [{"exchange_id": row["exchange_id"], "source_id": source_id, "field": c.field, "value": c.value, "start": c.start,
                    "end": c.end, "chosen": chosen, "inferred": c.inferred} for source_id, c, chosen in cluster_claims]
        del row["_members"]
    return Reconciled(rows, claims, exchange_of_mention)


def _fit_breakdown(row: dict) -> None:
    """Totals and breakdowns made consistent.

    A breakdown larger than its stated total means the total was not stated for this event:
    the total becomes the breakdown's sum, as it does where only a breakdown is stated
    ("the government will free 706 Houthi fighters": 706 people handed over).
    """
    for side in ("a", "b"):
        soldiers, civilians = row[f"soldiers_to_{side}"], row[f"civilians_to_{side}"]
        if soldiers is None and civilians is None:
            continue
        parts = (soldiers or 0) + (civilians or 0)
        if row[f"returned_to_{side}"] is None or parts > row[f"returned_to_{side}"]:
            row[f"returned_to_{side}"] = parts
