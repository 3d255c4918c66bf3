"""Extract: figure mentions and exchange mentions from every normalized document."""


from dataclasses import asdict

import dagster as dg

from pipeline.cache import DocumentCache
from pipeline.curate.reconcile import SourcedMention
from pipeline.defs.resources import DatasetPaths
from pipeline.extract.exchanges import extract_exchanges
from pipeline.extract.figures import FigureMention, extract_figures
from pipeline.parallel import map_documents, workers
from pipeline.ui import OWNERS


def _exchanges_of(args):
    """Picklable for the process pool: extract_exchanges on (text, published_date, figures)."""
    return extract_exchanges(*args)


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def figure_mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict]) -> dg.Output[list[dict]]:
    """Every figure each document states: value, qualifier, category, party, predicate and exact span."""
    cache = DocumentCache(paths.cache(), "figures")
    docs = normalized_documents
    found = cache.map([d["source_id"] for d in docs], lambda todo: map_documents(extract_figures, [docs[i]["text"] for i in todo]))
    context.log.info(f"figures of {len(docs)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    records = [{"source_id": doc["source_id"], **asdict(f)} for doc, figures in zip(docs, found) for f in figures]
    return dg.Output(records, metadata={"figures": len(records), "documents": len(normalized_documents), "computed": cache.misses, "from_cache": cache.hits})


@dg.asset(group_name="extract", kinds={"python"}, owners=OWNERS)
def exchange_mentions(context: dg.AssetExecutionContext, paths: DatasetPaths, normalized_documents: list[dict],
                      figure_mentions: list[dict]) -> dg.Output[list[SourcedMention]]:
    """Every prisoner exchange each document describes (main handover, background exchanges, deals, planned stages), with each claim's span. Reuses the figures already extracted."""
    cache = DocumentCache(paths.cache(), "exchanges")
    figures_of: dict[str, list[FigureMention]] = {}
    for record in figure_mentions:
        figures_of.setdefault(record["source_id"], []).append(FigureMention(**{k: v for k, v in record.items() if k != "source_id"}))
    docs = normalized_documents
    found = cache.map([d["source_id"] for d in docs], lambda todo: map_documents(
        _exchanges_of, [(docs[i]["text"], docs[i]["published_date"], figures_of.get(docs[i]["source_id"], [])) for i in todo]))
    context.log.info(f"exchanges of {len(docs)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    mentions = [SourcedMention(doc["source_id"], m) for doc, doc_mentions in zip(docs, found) for m in doc_mentions]
    by_status: dict[str, int] = {}
    for sm in mentions:
        by_status[sm.mention.status] = by_status.get(sm.mention.status, 0) + 1
    return dg.Output(mentions, metadata={"mentions": len(mentions), "computed": cache.misses, "from_cache": cache.hits, **{f"mentions_{k}": v for k, v in sorted(by_status.items())}})
