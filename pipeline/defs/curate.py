"""Curate: the six published tables, built from the stage outputs and validated by the checks in checks.py."""


import dagster as dg
import pandas as pd

from pipeline.cache import DocumentCache
from pipeline.curate.near_duplicates import cached_shingles, find_near_duplicates
from pipeline.curate.overrides import load_overrides, reconcile_with_overrides
from pipeline.curate.reconcile import SourcedMention
from pipeline.defs.resources import DatasetPaths
from pipeline.curate.tables import figure_rows, party_rows, repair_rows, source_rows
from pipeline.publish.frames import to_frame
from pipeline.ui import EXCHANGE_MENTIONS, FIGURE_MENTIONS, NORMALIZED_DOCUMENTS, OWNERS, RAW_DOCUMENTS, frame_metadata, table_asset_metadata
from schemas import TABLES


def _table_asset(name: str, **kwargs):
    return dg.asset(name=name, group_name="curate", kinds={"pandas", "table"}, owners=OWNERS,
                    description=TABLES[name].description, metadata=table_asset_metadata(name), **kwargs)


@_table_asset("sources", ins={"raw_documents": dg.AssetIn(dagster_type=RAW_DOCUMENTS),
                               "normalized_documents": dg.AssetIn(dagster_type=NORMALIZED_DOCUMENTS)})
def sources(paths: DatasetPaths, raw_documents: list[dict], normalized_documents: list[dict]) -> dg.Output[pd.DataFrame]:
    normalized = {d["source_id"]: d for d in normalized_documents}
    copies = find_near_duplicates([{"source_id": d["source_id"], "text": d["text"], "is_spun": d["is_spun"]} for d in normalized_documents],
                                  cached_shingles(paths.cache()))
    frame = to_frame("sources", source_rows(raw_documents, normalized, copies))
    return dg.Output(frame, metadata=frame_metadata(
        frame, ok=int((frame["status"] == "ok").sum()), rejected=int((frame["status"] == "rejected").sum()),
        spun=int(frame["is_spun"].sum()), near_duplicates=int(frame["duplicate_of"].notna().sum())))


@_table_asset("repairs", ins={"normalized_documents": dg.AssetIn(dagster_type=NORMALIZED_DOCUMENTS)})
def repairs(normalized_documents: list[dict]) -> dg.Output[pd.DataFrame]:
    frame = to_frame("repairs", repair_rows(normalized_documents))
    return dg.Output(frame, metadata=frame_metadata(frame, sources_repaired=int(frame["source_id"].nunique())))


@dg.multi_asset(
    group_name="curate",
    ins={"exchange_mentions": dg.AssetIn(dagster_type=EXCHANGE_MENTIONS)},
    check_specs=[dg.AssetCheckSpec("overrides_all_match", asset="exchanges",
                                   description="Every entry of the curator overrides file still matches a record.")],
    outs={
        name: dg.AssetOut(kinds={"pandas", "table"}, owners=OWNERS, description=TABLES[name].description,
                          metadata=table_asset_metadata(name))
        for name in ("exchanges", "claims")
    },
)
def exchanges_and_claims(context: dg.AssetExecutionContext, paths: DatasetPaths, exchange_mentions: list[SourcedMention], sources: pd.DataFrame):
    """Mentions of the same event from different sources become one `exchanges` row; every source's statement goes to `claims`; then the curator's reviewed overrides are applied."""
    duplicate_of = {sid: dup for sid, dup in zip(sources["source_id"].tolist(), sources["duplicate_of"].tolist()) if isinstance(dup, str)}
    layouts = DocumentCache(paths.cache(), "cluster_layouts")  # with the cache off, every group is clustered
    result, reports = reconcile_with_overrides(exchange_mentions, duplicate_of, load_overrides(paths.overrides()), layouts)
    context.log.info(f"clusters of {layouts.hits + layouts.misses} groups of mentions: {layouts.misses} computed, {layouts.hits} from the cache")
    stale = [r for r in reports if not r.matched]
    for r in stale:
        context.log.warning(f"override {r.entry} ({r.action} {r.target}) matches nothing any more: review {paths.overrides()}")
    exchanges = to_frame("exchanges", result.exchanges)
    claims = to_frame("claims", result.claims)
    yield dg.Output(exchanges, output_name="exchanges", metadata=frame_metadata(
        exchanges, overrides_applied=sum(r.matched for r in reports), overrides_unmatched=len(stale), multi_source=int((exchanges["n_sources"] > 1).sum()),
        with_conflicts=int((exchanges["conflicting_fields"].map(len) > 0).sum())))
    yield dg.Output(claims, output_name="claims", metadata=frame_metadata(claims, chosen=int(claims["chosen"].sum())))
    yield dg.AssetCheckResult(
        check_name="overrides_all_match", asset_key="exchanges", passed=not stale, severity=dg.AssetCheckSeverity.WARN,
        metadata={"overrides": len(reports), "unmatched": dg.MetadataValue.md(
            "\n".join(f"- entry {r.entry}: {r.action} `{r.target}` ({r.note})" for r in stale) or "none")})


@_table_asset("figures", ins={"figure_mentions": dg.AssetIn(dagster_type=FIGURE_MENTIONS),
                               "exchange_mentions": dg.AssetIn(dagster_type=EXCHANGE_MENTIONS)})
def figures(figure_mentions: list[dict], exchange_mentions: list[SourcedMention], claims: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    frame = to_frame("figures", figure_rows(figure_mentions, claims, exchange_mentions))
    return dg.Output(frame, metadata=frame_metadata(frame, linked_to_exchanges=int(frame["exchange_id"].notna().sum())))


@_table_asset("parties")
def parties(exchanges: pd.DataFrame, figures: pd.DataFrame, claims: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    frame = to_frame("parties", party_rows(exchanges, figures, claims))
    return dg.Output(frame, metadata=frame_metadata(frame))
