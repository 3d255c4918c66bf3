"""Scale-out: the per-document stages run as a partitioned asset, one batch of input files per partition.

A backfill of `document_batches` spreads the costly per-document work (normalize, figures,
exchanges) over runs that Dagster can execute side by side (the queued run coordinator here,
a Celery or Kubernetes run launcher on a cluster). Each batch stores its results in the
per-document cache (EXCHANGES_CACHE_DIR, shared storage on a cluster); the whole-corpus
assets then find every document there and only assemble, reconcile and publish.
"""

import zlib

import dagster as dg

from pipeline.corpus import read_corpus
from pipeline.defs.resources import DatasetPaths
from pipeline.documents import mentions_of_documents, normalize_documents
from pipeline.ui import OWNERS

N_BATCHES = 16
BATCHES = dg.StaticPartitionsDefinition([f"batch_{i:02d}" for i in range(N_BATCHES)])


def batch_of(relative_path: str) -> str:
    """A file's batch: stable across runs and machines, from its path inside the input folder."""
    return f"batch_{zlib.crc32(relative_path.encode()) % N_BATCHES:02d}"


@dg.asset(group_name="scale_out", kinds={"python"}, owners=OWNERS, partitions_def=BATCHES)
def document_batches(context: dg.AssetExecutionContext, paths: DatasetPaths) -> dg.MaterializeResult:
    """Normalize, figures and exchanges of one batch of input files, stored in the per-document cache for the whole-corpus run.

    Backfill all partitions (in parallel runs), then materialize the rest of the graph:
    its per-document stages read every result from the cache.
    """
    cache_folder = paths.cache()
    if cache_folder is None:
        raise dg.Failure("document_batches stores its results in the per-document cache, which is off: set EXCHANGES_CACHE_DIR to a folder (shared by every worker).")
    batch = context.partition_key
    raw = read_corpus(paths.seeds(), paths.max_file_bytes(), selected=lambda path: batch_of(path) == batch)
    documents, normalized = normalize_documents(cache_folder, [{"source_id": d.source_id, "raw_text": d.raw_text, "status": d.status} for d in raw])
    figures, mentions, _ = mentions_of_documents(cache_folder, documents)
    files = sum(len(d.paths) for d in raw)
    context.log.info(f"{batch}: {files} files, {len(raw)} distinct, {len(documents)} readable; {normalized.misses} computed, {normalized.hits} already cached")
    return dg.MaterializeResult(metadata={
        "files": files, "distinct": len(raw), "documents": len(documents), "figures": len(figures), "mentions": len(mentions),
        "computed": normalized.misses, "from_cache": normalized.hits,
    })


document_batches_job = dg.define_asset_job(
    "document_batches_job", selection=dg.AssetSelection.groups("scale_out"), partitions_def=BATCHES,
    description="Per-document stages, one batch per partition: backfill all partitions, then run materialize_dataset.")
