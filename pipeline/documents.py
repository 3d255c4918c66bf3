"""The per-document stages (normalize; figures and exchanges) over a list of documents, cached by content.

Shared by the whole-corpus assets and the scale-out batches (`defs/scale_out.py`), so a
document gets the same result whichever of them computed it first.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.cache import DocumentCache
from pipeline.curate.reconcile import SourcedMention
from pipeline.extract.exchanges import ExchangeMention, extract_exchanges
from pipeline.extract.figures import FigureMention, extract_figures
from pipeline.memory import bulk_objects
from pipeline.parallel import map_documents
from pipeline.text.normalize import normalize


def normalize_documents(cache_folder: Path | None, raw_documents: list[dict]) -> tuple[list[dict], DocumentCache]:
    """One record per readable document: normalized text, repairs, spin judgement, title, published date."""
    readable = [d for d in raw_documents if d["status"] == "ok"]
    cache = DocumentCache(cache_folder, "normalize")
    results = cache.map([d["source_id"] for d in readable], lambda todo: map_documents(normalize, [readable[i]["raw_text"] for i in todo]))
    records = [{"source_id": doc["source_id"], "text": result.text, "repairs": result.repairs, "spin_score": result.spin_score,
                "is_spun": result.is_spun, "title": result.title, "published_date": result.published_date}
               for doc, result in zip(readable, results)]
    return records, cache


def _mentions_of(args) -> tuple[list[tuple], list[tuple]]:
    """Picklable for the process pool: one text's figures, then its exchanges reusing them (and its sentences, dates, parties).

    Both as plain tuples (FigureMention's fields; ExchangeMention.packed), the form the cache stores.
    """
    text, published_date = args
    figures = extract_figures(text)
    return [tuple(f) for f in figures], [m.packed() for m in extract_exchanges(text, published_date, figures)]


def mentions_of_documents(cache_folder: Path | None, documents: list[dict]) -> tuple[list[dict], list[SourcedMention], DocumentCache]:
    """Every figure (as records) and every exchange mention of every normalized document, in one pass over each text."""
    cache = DocumentCache(cache_folder, "mentions")
    found = cache.map([d["source_id"] for d in documents], lambda todo: map_documents(
        _mentions_of, [(documents[i]["text"], documents[i]["published_date"]) for i in todo]))
    columns = ("source_id", *FigureMention._fields)
    with bulk_objects():
        figures = [dict(zip(columns, (doc["source_id"], *f))) for doc, (doc_figures, _) in zip(documents, found) for f in doc_figures]
        mentions = [SourcedMention(doc["source_id"], ExchangeMention.unpacked(m)) for doc, (_, doc_mentions) in zip(documents, found)
                    for m in doc_mentions]
    return figures, mentions, cache
