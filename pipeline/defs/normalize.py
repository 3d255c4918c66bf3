"""Normalize: unicode cleanup and spin repair of every readable document, with its repair log."""


import dagster as dg

from pipeline.cache import DocumentCache
from pipeline.defs.resources import DatasetPaths
from pipeline.parallel import map_documents, workers
from pipeline.text.normalize import normalize
from pipeline.ui import OWNERS


@dg.asset(group_name="normalize", kinds={"python"}, owners=OWNERS)
def normalized_documents(context: dg.AssetExecutionContext, paths: DatasetPaths, raw_documents: list[dict]) -> dg.Output[list[dict]]:
    """Normalized text of every `ok` document: unicode cleaned, synonym-spinner substitutions repaired, every change logged with its spans in the raw and the normalized text."""
    readable = [d for d in raw_documents if d["status"] == "ok"]
    cache = DocumentCache(paths.cache(), "normalize")
    results = cache.map([d["source_id"] for d in readable], lambda todo: map_documents(normalize, [readable[i]["raw_text"] for i in todo]))
    context.log.info(f"normalized {len(readable)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    records = [{"source_id": doc["source_id"], "text": result.text, "repairs": result.repairs, "spin_score": result.spin_score,
                "is_spun": result.is_spun, "title": result.title, "published_date": result.published_date}
               for doc, result in zip(readable, results)]
    return dg.Output(records, metadata={
        "documents": len(records), "computed": cache.misses, "from_cache": cache.hits, "spun": sum(r["is_spun"] for r in records),
        "repairs": sum(len(r["repairs"]) for r in records),
    })
