"""Extract: figure mentions and exchange mentions from every normalized document."""


from dataclasses import asdict

import dagster as dg

from pipeline.cache import DocumentCache
from pipeline.curate.reconcile import SourcedMention
from pipeline.defs.resources import DatasetPaths
from pipeline.extract.exchanges import extract_exchanges
from pipeline.extract.figures import FigureMention, extract_figures
from pipeline.ui import OWNERS

PROGRESS_EVERY = 1000


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def figure_mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict]) -> dg.Output[list[dict]]:
    """Every figure each document states: value, qualifier, category, party, predicate and exact span."""
    cache = DocumentCache(paths.cache(), "figures")
    records = []
    for i, doc in enumerate(normalized_documents, start=1):
        figures = cache.get_or_compute(doc["source_id"], lambda: extract_figures(doc["text"]))
        records += [{"source_id": doc["source_id"], **asdict(f)} for f in figures]
        if i % PROGRESS_EVERY == 0:
            context.log.info(f"figures: {i}/{len(normalized_documents)} documents")
    return dg.Output(records, metadata={"figures": len(records), "documents": len(normalized_documents), "computed": cache.misses, "from_cache": cache.hits})


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def exchange_mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict],
                      figure_mentions: list[dict]) -> dg.Output[list[SourcedMention]]:
    """Every prisoner exchange each document describes (main handover, background exchanges, deals, planned stages), with each claim's span. Reuses the figures already extracted."""
    cache = DocumentCache(paths.cache(), "exchanges")
    figures_of: dict[str, list[FigureMention]] = {}
    for record in figure_mentions:
        figures_of.setdefault(record["source_id"], []).append(FigureMention(**{k: v for k, v in record.items() if k != "source_id"}))
    mentions = []
    for i, doc in enumerate(normalized_documents, start=1):
        found = cache.get_or_compute(doc["source_id"], lambda: extract_exchanges(doc["text"], doc["published_date"], figures_of.get(doc["source_id"], [])))
        mentions += [SourcedMention(doc["source_id"], m) for m in found]
        if i % PROGRESS_EVERY == 0:
            context.log.info(f"exchanges: {i}/{len(normalized_documents)} documents")
    by_status: dict[str, int] = {}
    for sm in mentions:
        by_status[sm.mention.status] = by_status.get(sm.mention.status, 0) + 1
    return dg.Output(mentions, metadata={"mentions": len(mentions), "computed": cache.misses, "from_cache": cache.hits, **{f"mentions_{k}": v for k, v in sorted(by_status.items())}})
