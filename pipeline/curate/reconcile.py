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

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from pipeline.extract.exchanges import ExchangeMention

COUNT_FIELDS = ["returned_to_a", "returned_to_b", "soldiers_to_a", "civilians_to_a", "soldiers_to_b", "civilians_to_b"]
DATE_TOLERANCE_DAYS = {"completed": 3, "agreed": 3, "planned": 0}
COUNT_TOLERANCE = 0.10


@dataclass(frozen=True)
class SourcedMention:
    source_id: str
    mention: ExchangeMention


@dataclass
class Cluster:
    members: list[SourcedMention] = field(default_factory=list)
    _counts: dict[str, set[int]] | None = field(default=None, repr=False)

    @property
    def sources(self) -> set[str]:
        return {m.source_id for m in self.members}

    def add(self, member: SourcedMention) -> None:
        self.members.append(member)
        self._counts = None

    def counts(self, name: str) -> set[int]:
        if self._counts is None:  # cached: clustering asks for them once per candidate pair
            self._counts = {}
            for m in self.members:
                for claim in m.mention.claims:
                    if claim.field in COUNT_FIELDS:
                        self._counts.setdefault(claim.field, set()).add(int(claim.value))
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


def _counts_compatible(cluster: Cluster, mention: ExchangeMention) -> bool:
    stated: dict[str, set[int]] = {}
    for claim in mention.claims:
        if claim.field in COUNT_FIELDS:
            stated.setdefault(claim.field, set()).add(int(claim.value))
    for name, mine in stated.items():
        theirs = cluster.counts(name)
        if mine and theirs and not any(abs(x - y) <= COUNT_TOLERANCE * max(x, y) for x in mine for y in theirs):
            return False
    return True


def _distance(cluster: Cluster, mention: ExchangeMention) -> int:
    if mention.event_date is None or not cluster.dates():
        return 0
    return min(abs((d - mention.event_date).days) for d, _ in cluster.dates())


def _months_around(date: dt.date) -> list[tuple[int, int]]:
    previous = (date.replace(day=1) - dt.timedelta(days=1))
    following = (date.replace(day=28) + dt.timedelta(days=4))
    return [(previous.year, previous.month), (date.year, date.month), (following.year, following.month)]


def cluster_mentions(mentions: list[SourcedMention]) -> list[Cluster]:
    groups: dict[tuple[str, str, str], list[SourcedMention]] = {}
    for sm in mentions:
        groups.setdefault((sm.mention.party_a, sm.mention.party_b, sm.mention.status), []).append(sm)
    clusters: list[Cluster] = []
    for (_, _, status), members in sorted(groups.items()):
        dated = sorted((m for m in members if m.mention.event_date), key=lambda m: (m.mention.event_date, m.source_id, m.mention.anchor))
        undated = sorted((m for m in members if not m.mention.event_date), key=lambda m: (m.source_id, m.mention.anchor))
        local: list[Cluster] = []
        # Clusters indexed by month, so a mention is compared only with clusters that could match its date.
        by_month: dict[tuple[int, int], list[Cluster]] = {}
        position: dict[int, int] = {}
        for sm in dated:
            date = sm.mention.event_date
            nearby = {id(c): c for key in _months_around(date) for c in by_month.get(key, [])}
            if sm.mention.date_precision == "year":
                nearby = {id(c): c for c in local}
            candidates = [c for c in sorted(nearby.values(), key=lambda c: position[id(c)]) if sm.source_id not in c.sources and _counts_compatible(c, sm.mention)
                          and all(_dates_compatible(d, (date, sm.mention.date_precision), status) for d in c.dates())]
            if candidates:
                target = min(candidates, key=lambda c: _distance(c, sm.mention))
                target.add(sm)
            else:
                target = Cluster([sm])
                position[id(target)] = len(local)
                local.append(target)
            by_month.setdefault((date.year, date.month), []).append(target)
        for sm in undated:
            candidates = []
            for c in local:  # an undated mention joins only an unambiguous match: stop at the second
                if sm.source_id not in c.sources and _counts_compatible(c, sm.mention):
                    candidates.append(c)
                    if len(candidates) > 1:
                        break
            if len(candidates) == 1:
                candidates[0].add(sm)
            else:
                local.append(Cluster([sm]))
        clusters += local
    return clusters


def _choose(field_name: str, stated: dict[str, list[tuple[SourcedMention, bool, int]]], independent: set[str], detail: dict[str, int]) -> str:
    """The value that ranks first by the module's rule; `stated` maps value -> (mention, inferred, start) triples."""
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
                cluster._counts = None
                clusters.append(Cluster(leaving))
    for keys in together:
        joined = [c for c in clusters if any((sm.source_id, sm.mention.key) in keys for sm in c.members)]
        if len(joined) > 1:
            joined[0].members = [sm for c in joined for sm in c.members]
            joined[0]._counts = None
            clusters = [c for c in clusters if c not in joined[1:]]
    return clusters


def reconcile(mentions: list[SourcedMention], duplicate_of: dict[str, str | None],
              together: list[set[tuple[str, str]]] = (), apart: list[set[tuple[str, str]]] = ()) -> Reconciled:
    clusters = _regroup(cluster_mentions(mentions), list(together), list(apart))
    rows: list[dict] = []
    claim_rows: list[list[dict]] = []
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
        claim_rows.append([
            {"source_id": sm.source_id, "field": c.field, "value": c.value, "start": c.start, "end": c.end,
             "chosen": c.value in chosen.get(c.field, set()), "inferred": c.inferred}
            for sm in cluster.members for c in sm.mention.claims
        ])
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
        claims += [{"exchange_id": row["exchange_id"], **c} for c in cluster_claims]
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
