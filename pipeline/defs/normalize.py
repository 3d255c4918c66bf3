"""Normalize: unicode cleanup and spin repair of every readable document, with its repair log."""


import dagster as dg

from pipeline.cache import DocumentCache
from pipeline.defs.resources import DatasetPaths
from pipeline.text.normalize import normalize
from pipeline.ui import OWNERS

PROGRESS_EVERY = 1000


@dg.asset(group_name="normalize", kinds={"python"}, owners=OWNERS)
def normalized_documents(context: dg.AssetExecutionContext, paths: DatasetPaths, raw_documents: list[dict]) -> dg.Output[list[dict]]:
    """Normalized text of every `ok` document: unicode cleaned, synonym-spinner substitutions repaired, every change logged with its spans in the raw and the normalized text."""
    readable = [d for d in raw_documents if d["status"] == "ok"]
    cache = DocumentCache(paths.cache(), "normalize")
    records = []
    for i, doc in enumerate(readable, start=1):
        result = cache.get_or_compute(doc["source_id"], lambda: normalize(doc["raw_text"]))
        records.append({"source_id": doc["source_id"], "text": result.text, "repairs": result.repairs, "spin_score": result.spin_score,
                        "is_spun": result.is_spun, "title": result.title, "published_date": result.published_date})
        if i % PROGRESS_EVERY == 0:
            context.log.info(f"normalized {i}/{len(readable)} documents")
    return dg.Output(records, metadata={
        "documents": len(records), "computed": cache.misses, "from_cache": cache.hits, "spun": sum(r["is_spun"] for r in records),
        "repairs": sum(len(r["repairs"]) for r in records),
    })
