"""Extract: figure mentions and exchange mentions from every normalized document."""


from dataclasses import asdict

import dagster as dg

from pipeline.curate.reconcile import SourcedMention
from pipeline.extract.exchanges import extract_exchanges
from pipeline.extract.figures import extract_figures
from pipeline.ui import OWNERS

PROGRESS_EVERY = 1000


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def figure_mentions(context: dg.AssetExecutionContext, normalized_documents: list[dict]) -> dg.Output[list[dict]]:
    """Every figure each document states: value, qualifier, category, party, predicate and exact span."""
    records = []
    for i, doc in enumerate(normalized_documents, start=1):
        records += [{"source_id": doc["source_id"], **asdict(f)} for f in extract_figures(doc["text"])]
        if i % PROGRESS_EVERY == 0:
            context.log.info(f"figures: {i}/{len(normalized_documents)} documents")
    return dg.Output(records, metadata={"figures": len(records), "documents": len(normalized_documents)})


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def exchange_mentions(context: dg.AssetExecutionContext, normalized_documents: list[dict]) -> dg.Output[list[SourcedMention]]:
    """Every prisoner exchange each document describes (main handover, background exchanges, deals, planned stages), with each claim's span."""
    mentions = []
    for i, doc in enumerate(normalized_documents, start=1):
        mentions += [SourcedMention(doc["source_id"], m) for m in extract_exchanges(doc["text"], doc["published_date"])]
        if i % PROGRESS_EVERY == 0:
            context.log.info(f"exchanges: {i}/{len(normalized_documents)} documents")
    by_status: dict[str, int] = {}
    for sm in mentions:
        by_status[sm.mention.status] = by_status.get(sm.mention.status, 0) + 1
    return dg.Output(mentions, metadata={"mentions": len(mentions), **{f"mentions_{k}": v for k, v in sorted(by_status.items())}})
