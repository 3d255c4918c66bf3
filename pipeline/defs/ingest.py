"""Ingest: the input folder becomes raw documents, one per distinct content, rejected files included."""


import dagster as dg

from pipeline.corpus import read_corpus
from pipeline.defs.resources import DatasetPaths
from pipeline.ui import OWNERS, RAW_DOCUMENTS


@dg.asset(group_name="ingest", kinds={"python", "file"}, owners=OWNERS, dagster_type=RAW_DOCUMENTS)
def raw_documents(context: dg.AssetExecutionContext, paths: DatasetPaths) -> dg.Output[list[dict]]:
    """Every file of the input folder (EXCHANGES_SEEDS_DIR), read and decoded: one record per distinct content.

    Files with identical bytes share a record. A file that cannot be processed (empty,
    binary, undecodable, too large, a link outside the folder) is kept with its reason.
    """
    folder = paths.seeds()
    documents = read_corpus(folder, paths.max_file_bytes())
    records = [{**vars(d), "status": d.status} for d in documents]  # flat fields: dataclasses.asdict's deep copy cost 0.5 s on 10k
    rejected = [d for d in documents if d.reject_reason]
    for doc in rejected:
        context.log.warning(f"rejected {', '.join(doc.paths)}: {doc.reject_reason}")
    n_files = sum(len(d.paths) for d in documents)
    context.log.info(f"read {n_files} files from {folder}: {len(documents)} distinct, {len(rejected)} rejected")
    return dg.Output(records, metadata={
        "input_folder": str(folder), "files": n_files, "documents": len(documents), "rejected": len(rejected),
        "bytes": sum(d.n_bytes for d in documents),
        "rejections": dg.MetadataValue.md("\n".join(f"- `{', '.join(d.paths)}`: {d.reject_reason}" for d in rejected) or "none"),
    })
