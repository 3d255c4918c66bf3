"""Extract: figure mentions and exchange mentions from every normalized document."""


import dagster as dg

from pipeline.curate.reconcile import SourcedMention
from pipeline.defs.resources import DatasetPaths
from pipeline.documents import exchanges_of_documents, figures_of_documents
from pipeline.parallel import workers
from pipeline.ui import OWNERS


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def figure_mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict]) -> dg.Output[list[dict]]:
    """Every figure each document states: value, qualifier, category, party, predicate and exact span."""
    records, cache = figures_of_documents(paths.cache(), normalized_documents)
    context.log.info(f"figures of {len(normalized_documents)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    return dg.Output(records, metadata={"figures": len(records), "documents": len(normalized_documents), "computed": cache.misses, "from_cache": cache.hits})


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def exchange_mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict],
                      figure_mentions: list[dict]) -> dg.Output[list[SourcedMention]]:
    """Every prisoner exchange each document describes (main handover, background exchanges, deals, planned stages), with each claim's span. Reuses the figures already extracted."""
    mentions, cache = exchanges_of_documents(paths.cache(), normalized_documents, figure_mentions)
    context.log.info(f"exchanges of {len(normalized_documents)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    by_status: dict[str, int] = {}
    for sm in mentions:
        by_status[sm.mention.status] = by_status.get(sm.mention.status, 0) + 1
    return dg.Output(mentions, metadata={"mentions": len(mentions), "computed": cache.misses, "from_cache": cache.hits, **{f"mentions_{k}": v for k, v in sorted(by_status.items())}})
