"""Hand-spun pairs: does a spun article, once repaired, give the same facts as its clean original?

For each pair in bench/heldout_spun/: whether the spun text is judged spun, how many repairs were
made, and how many of the clean text's figures (value, qualifier, category, party, predicate) and
exchange records (status, sides, date, counts) the repaired text gives.
Run: .venv/bin/python bench/spun_pairs.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.extract.exchanges import extract_exchanges  # noqa: E402
from pipeline.extract.figures import extract_figures  # noqa: E402
from pipeline.text.normalize import normalize  # noqa: E402

PAIRS = ROOT / "bench" / "heldout_spun"


def facts(path: Path):
    doc = normalize(path.read_text(encoding="utf-8"))
    figures = Counter((f.value, f.qualifier, f.category, f.party, f.predicate) for f in extract_figures(doc.text))
    records = Counter((m.status, m.party_a, m.party_b, m.event_date,
                       tuple(sorted((c.field, c.value) for c in m.claims if c.field.endswith(("_to_a", "_to_b")))))
                      for m in extract_exchanges(doc.text, doc.published_date))
    return doc, figures, records


def main() -> None:
    same_figures = all_figures = same_records = all_records = 0
    for clean_path in sorted(PAIRS.glob("*_clean.txt")):
        spun_path = clean_path.with_name(clean_path.name.replace("_clean", "_spun"))
        clean, clean_figures, clean_records = facts(clean_path)
        spun, spun_figures, spun_records = facts(spun_path)
        figures_kept = sum((clean_figures & spun_figures).values())
        records_kept = sum((clean_records & spun_records).values())
        same_figures, all_figures = same_figures + figures_kept, all_figures + sum(clean_figures.values())
        same_records, all_records = same_records + records_kept, all_records + sum(clean_records.values())
        print(f"{clean_path.stem.removesuffix('_clean')}: clean judged spun {clean.is_spun}, spun judged spun {spun.is_spun}, "
              f"{len(spun.repairs)} repairs; figures kept {figures_kept}/{sum(clean_figures.values())} "
              f"(extra {sum((spun_figures - clean_figures).values())}); records kept {records_kept}/{sum(clean_records.values())}")
        for fact in sorted((clean_figures - spun_figures).elements(), key=str):
            print(f"    missing figure {fact}")
        for fact in sorted((spun_figures - clean_figures).elements(), key=str):
            print(f"    extra figure   {fact}")
        for fact in sorted((clean_records - spun_records).elements(), key=str):
            print(f"    missing record {fact}")
        for fact in sorted((spun_records - clean_records).elements(), key=str):
            print(f"    extra record   {fact}")
    print(f"all pairs: figures kept {same_figures}/{all_figures}, records kept {same_records}/{all_records}")


if __name__ == "__main__":
    main()
