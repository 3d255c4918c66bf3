"""Spin repair benchmark: spin the clean test articles with tests/spinner.py, repair them, score the repairs.

Prints, over all articles and several seeds:
- repair precision: repairs that restore the original words / all repairs made;
- repair recall: spinner substitutions the lexicon knows that were restored / all such substitutions
  (and over all substitutions, known or not);
- word error rate against the original, before and after repair.
Run: .venv/bin/python bench/spin_repair.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.normalize import normalize  # noqa: E402
from tests.spinner import spin, word_error_rate  # noqa: E402

ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")) + [ROOT / "seeds" / "004_e2a61d9615fb6b58.txt"]
SEEDS = range(5)
RATE = 0.8


def main() -> None:
    made = correct = known = known_restored = total = restored = 0
    wer_before = wer_after = 0.0
    runs = spun_judged = 0
    for path in ARTICLES:
        clean = path.read_text(encoding="utf-8")
        for seed in SEEDS:
            spun, substitutions = spin(clean, rate=RATE, seed=seed)
            if not substitutions:
                continue
            doc = normalize(spun)
            runs += 1
            spun_judged += doc.is_spun
            by_span = {(s.start, s.end): s for s in substitutions}
            for repair in doc.repairs:
                made += 1
                sub = by_span.get((repair.in_start, repair.in_end))
                if sub is not None and sub.original.lower() == repair.after.lower():
                    correct += 1
            repaired = {(r.in_start, r.in_end): r.after.lower() for r in doc.repairs}
            for sub in substitutions:
                ok = repaired.get((sub.start, sub.end)) == sub.original.lower()
                total += 1
                restored += ok
                if sub.known:
                    known += 1
                    known_restored += ok
            wer_before += word_error_rate(clean, spun)
            wer_after += word_error_rate(clean, doc.text)
    print(f"articles: {len(ARTICLES)}, spun versions: {runs} (rate {RATE}, seeds {len(SEEDS)}), judged spun: {spun_judged}/{runs}")
    print(f"repairs made: {made}, precision: {correct / max(1, made):.3f}")
    print(f"recall on substitutions the lexicon knows: {known_restored}/{known} = {known_restored / max(1, known):.3f}")
    print(f"recall on all substitutions (incl. {total - known} the lexicon does not know): {restored / max(1, total):.3f}")
    print(f"word error rate vs original: before repair {wer_before / max(1, runs):.4f}, after repair {wer_after / max(1, runs):.4f}")


if __name__ == "__main__":
    main()
