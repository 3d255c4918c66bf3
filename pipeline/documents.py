"""The per-document stages (normalize, figures, exchanges) over a list of documents, cached by content.

Shared by the whole-corpus assets and the scale-out batches (`defs/scale_out.py`), so a
document gets the same result whichever of them computed it first.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from pipeline.cache import DocumentCache
from pipeline.curate.reconcile import SourcedMention
from pipeline.extract.exchanges import extract_exchanges
from pipeline.extract.figures import FigureMention, extract_figures
from pipeline.parallel import map_documents
from pipeline.text.normalize import normalize


def _exchanges_of(args):
    """Picklable for the process pool: extract_exchanges on (text, published_date, figures)."""
    return extract_exchanges(*args)


def normalize_documents(cache_folder: Path | None, raw_documents: list[dict]) -> tuple[list[dict], DocumentCache]:
    """One record per readable document: normalized text, repairs, spin judgement, title, published date."""
    readable = [d for d in raw_documents if d["status"] == "ok"]
    cache = DocumentCache(cache_folder, "normalize")
    results = cache.map([d["source_id"] for d in readable], lambda todo: map_documents(normalize, [readable[i]["raw_text"] for i in todo]))
    records = [{"source_id": doc["source_id"], "text": result.text, "repairs": result.repairs, "spin_score": result.spin_score,
                "is_spun": result.is_spun, "title": result.title, "published_date": result.published_date}
               for doc, result in zip(readable, results)]
    return records, cache


def figures_of_documents(cache_folder: Path | None, documents: list[dict]) -> tuple[list[dict], DocumentCache]:
    """One record per figure of every normalized document."""
    cache = DocumentCache(cache_folder, "figures")
    found = cache.map([d["source_id"] for d in documents], lambda todo: map_documents(extract_figures, [documents[i]["text"] for i in todo]))
    return [{"source_id": doc["source_id"], **asdict(f)} for doc, figures in zip(documents, found) for f in figures], cache


def exchanges_of_documents(cache_folder: Path | None, documents: list[dict], figure_records: list[dict]) -> tuple[list[SourcedMention], DocumentCache]:
    """Every exchange mention of every normalized document, reusing the figures already extracted."""
    cache = DocumentCache(cache_folder, "exchanges")
    figures_of: dict[str, list[FigureMention]] = {}
    for record in figure_records:
        figures_of.setdefault(record["source_id"], []).append(FigureMention(**{k: v for k, v in record.items() if k != "source_id"}))
    found = cache.map([d["source_id"] for d in documents], lambda todo: map_documents(
        _exchanges_of, [(documents[i]["text"], documents[i]["published_date"], figures_of.get(documents[i]["source_id"], [])) for i in todo]))
    return [SourcedMention(doc["source_id"], m) for doc, doc_mentions in zip(documents, found) for m in doc_mentions], cache
