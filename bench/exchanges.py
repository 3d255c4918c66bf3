"""Exchange-record benchmark: records extracted from held-out articles against hand-written expected records.

A record matches when status, both sides and event_date agree. Prints record precision,
recall and F1, and the share of matched records whose returned_to_a/_b are right.
Run: .venv/bin/python bench/exchanges.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.curate.reconcile import SourcedMention, reconcile  # noqa: E402
from pipeline.extract.exchanges import extract_exchanges  # noqa: E402
from pipeline.text.normalize import normalize  # noqa: E402
from tests.spinner import spin  # noqa: E402

# Each round was held out until its first run, whose F1 is noted here; round 1 and 2's misses then
# drove general fixes. No round is held out any more: write a new one before trusting these numbers.
# Round: what its first run gave. Round 1's folder has no number.
FIRST_RUNS = {1: "F1 0.200", 2: "F1 0.333", 3: "F1 0.667", 4: "F1 0.750", 5: "F1 0.000", 6: "F1 0.444", 7: "F1 0.500",
              8: "F1 1.000 with counts right for 2 of 3", 9: "F1 0.222", 10: "F1 0.250", 11: "F1 0.000",
              12: "F1 0.600 with counts right for 2 of 3", 13: "F1 0.800 with counts right for 1 of 2", 14: "F1 0.400",
              15: "F1 0.286 with counts right for 0 of 1", 16: "F1 0.800 with counts right for 1 of 2",
              17: "F1 0.400 with counts right for 2 of 2", 18: "F1 0.667 with counts right for 1 of 2",
              19: "F1 0.000", 20: "F1 0.800 with counts right for 2 of 2", 21: "F1 0.000",
              22: "F1 0.833 with counts right for 1 of 5", 23: "F1 0.286 with counts right for 0 of 1",
              24: "F1 0.857 with counts right for 1 of 3", 25: "F1 0.889 with counts right for 3 of 4",
              26: "F1 0.727 with counts right for 4 of 4", 27: "F1 0.889 with counts right for 2 of 4",
              28: "F1 0.333 with counts right for 1 of 1", 29: "F1 1.000 with counts right for 1 of 2",
              30: "F1 1.000 with counts right for 1 of 2", 31: "F1 1.000 with counts right for 4 of 4",
              32: "F1 0.444 with counts right for 1 of 2",
              33: "F1 0.200 with counts right for 0 of 1",
              34: "F1 0.667 with counts right for 2 of 3",
              35: "F1 0.500 with counts right for 2 of 2",
              36: "F1 0.600 with counts right for 2 of 3",
              37: "F1 0.667 with counts right for 0 of 1",
              38: "F1 1.000 with counts right for 3 of 4",
              39: "F1 0.667 with counts right for 2 of 2",
              40: "F1 0.750 with counts right for 2 of 3",
              41: "F1 0.857 with counts right for 3 of 3",
              42: "F1 0.667 with counts right for 1 of 1",
              43: "F1 0.909 with counts right for 4 of 5",
              44: "F1 0.667 with counts right for 1 of 2",
              45: "F1 0.800 with counts right for 1 of 2",
              46: "F1 1.000 with counts right for 3 of 3",
              47: "F1 0.571 with counts right for 2 of 2",
              48: "F1 1.000 with counts right for 1 of 1",
              49: "F1 0.500 with counts right for 0 of 2",
              50: "F1 0.667 with counts right for 2 of 3",
              51: "F1 0.500 with counts right for 0 of 2",
              52: "F1 1.000 with counts right for 0 of 3",
              53: "F1 1.000 with counts right for 1 of 2",
              54: "F1 1.000 with counts right for 2 of 2",
              55: "F1 0.500 with counts right for 1 of 1",
              56: "F1 1.000 with counts right for 1 of 2",
              57: "F1 0.800, 1.000 with the annotation corrected after the run; counts right for 0 of 2",
              58: "F1 0.571 with counts right for 0 of 2",
              59: "F1 0.286 with counts right for 1 of 1",
              60: "F1 0.286 with counts right for 1 of 1",
              61: "F1 0.889 with counts right for 2 of 4",
              62: "F1 0.182 with counts right for 1 of 1",
              63: "F1 0.222 with counts right for 1 of 1",
              64: "F1 0.000 with counts right for 0 of 0",
              65: "F1 0.333 with counts right for 0 of 1", 66: "F1 0.750 with counts right for 2 of 3",
              67: "F1 0.667 with counts right for 1 of 2"}
SETS = {f"round {n} (first run {first}, then used for fixes)": ROOT / "bench" / ("heldout_exchanges" if n == 1 else f"heldout_exchanges_round{n}")
        for n, first in FIRST_RUNS.items()}


def expected(folder: Path) -> list[dict]:
    lines = [line for line in (folder / "expected.tsv").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def extracted(folder: Path, file: str, spin_seed: int | None = None) -> list[dict]:
    raw = (folder / file).read_text(encoding="utf-8")
    if spin_seed is not None:
        raw = spin(raw, rate=0.8, seed=spin_seed)[0]
    doc = normalize(raw)
    mentions = [SourcedMention(file, m) for m in extract_exchanges(doc.text, doc.published_date)]
    return reconcile(mentions, {}).exchanges


def key(row: dict) -> tuple:
    date = row["event_date"]
    return (row["status"], row["party_a"], row["party_b"], date.isoformat() if hasattr(date, "isoformat") else (date or ""))


def main() -> None:
    for label, folder in SETS.items():
        print(label)
        evaluate([folder])
    # The same articles after tests/spinner.py has spun them (rate 0.8, 3 seeds): how much spin costs once repaired.
    for seed in (0, 1, 2):
        print(f"all rounds, spun with seed {seed}")
        evaluate(list(SETS.values()), spin_seed=seed, quiet=True)


def evaluate(folders: list[Path], spin_seed: int | None = None, quiet: bool = False) -> None:
    tp = fp = fn = counts_right = 0
    for folder in folders:
        truth = expected(folder)
        for file in sorted({t["file"] for t in truth} | {p.name for p in folder.glob("*.txt")}):  # a file with no row: no exchange
            want = {key(t): t for t in truth if t["file"] == file}
            got = {key(r): r for r in extracted(folder, file, spin_seed)}
            for k in got.keys() & want.keys():
                tp += 1
                w, g = want[k], got[k]
                right = all(str(g[f] or "") == w[f] for f in ("returned_to_a", "returned_to_b"))
                counts_right += right
                if not right and not quiet:
                    print(f"  counts  {file}: {k} expected {w['returned_to_a']}/{w['returned_to_b']}, got {g['returned_to_a']}/{g['returned_to_b']}")
            fp += len(got.keys() - want.keys())
            fn += len(want.keys() - got.keys())
            for k in sorted(got.keys() - want.keys()) if not quiet else ():
                print(f"  extra   {file}: {k}")
            for k in sorted(want.keys() - got.keys()) if not quiet else ():
                print(f"  missing {file}: {k}")
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(f"exchange records: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  ({tp} right, {fp} extra, {fn} missing)")
    print(f"matched records with both returned_to counts right: {counts_right}/{tp}")


if __name__ == "__main__":
    main()
