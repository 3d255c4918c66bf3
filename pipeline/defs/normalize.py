"""Normalize: unicode cleanup and spin repair of every readable document, with its repair log."""


import dagster as dg

from pipeline.defs.resources import DatasetPaths
from pipeline.documents import normalize_documents
from pipeline.parallel import workers
from pipeline.ui import NORMALIZED_DOCUMENTS, OWNERS, RAW_DOCUMENTS


@dg.asset(group_name="normalize", kinds={"python"}, owners=OWNERS, dagster_type=NORMALIZED_DOCUMENTS,
          ins={"raw_documents": dg.AssetIn(dagster_type=RAW_DOCUMENTS)})
def normalized_documents(context: dg.AssetExecutionContext, paths: DatasetPaths, raw_documents: list[dict]) -> dg.Output[list[dict]]:
    """Normalized text of every `ok` document: unicode cleaned, synonym-spinner substitutions repaired, every change logged with its spans in the raw and the normalized text."""
    records, cache = normalize_documents(paths.cache(), raw_documents)
    context.log.info(f"normalized {len(records)} documents: {cache.misses} computed on {workers()} cores, {cache.hits} from the cache")
    return dg.Output(records, metadata={
        "documents": len(records), "computed": cache.misses, "from_cache": cache.hits, "spun": sum(r["is_spun"] for r in records),
        "repairs": sum(len(r["repairs"]) for r in records),
    })
