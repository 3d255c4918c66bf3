"""Extract: figure mentions and exchange mentions from every normalized document, in one pass over each text."""


import dagster as dg

from pipeline.defs.resources import DatasetPaths
from pipeline.documents import mentions_of_documents
from pipeline.parallel import workers
from pipeline.ui import EXCHANGE_MENTIONS, FIGURE_MENTIONS, NORMALIZED_DOCUMENTS, OWNERS


@dg.multi_asset(
    group_name="extract",
    ins={"normalized_documents": dg.AssetIn(dagster_type=NORMALIZED_DOCUMENTS)},
    outs={
        "figure_mentions": dg.AssetOut(kinds={"python"}, owners=OWNERS, dagster_type=FIGURE_MENTIONS, description=(
            "Every figure each document states: value, qualifier, category, party, predicate and exact span.")),
        "exchange_mentions": dg.AssetOut(kinds={"python"}, owners=OWNERS, dagster_type=EXCHANGE_MENTIONS, description=(
            "Every prisoner exchange each document describes (main handover, background exchanges, deals, planned stages), "
            "with each claim's span.")),
    },
)
def mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict]):
    """Figures and exchanges of each document, read together: the exchange reader reuses the figures, sentences, dates and parties."""
    figures, exchanges, cache = mentions_of_documents(paths.cache(), normalized_documents)
    context.log.info(f"figures and exchanges of {len(normalized_documents)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    by_status: dict[str, int] = {}
    for sm in exchanges:
        by_status[sm.mention.status] = by_status.get(sm.mention.status, 0) + 1
    counts = {"documents": len(normalized_documents), "computed": cache.misses, "from_cache": cache.hits}
    yield dg.Output(figures, output_name="figure_mentions", metadata={"figures": len(figures), **counts})
    yield dg.Output(exchanges, output_name="exchange_mentions", metadata={
        "mentions": len(exchanges), **counts, **{f"mentions_{k}": v for k, v in sorted(by_status.items())}})
