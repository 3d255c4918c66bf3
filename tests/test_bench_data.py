"""The benchmark's held-out data stays whole: each text is annotated by one figures round, and every annotated text exists."""

import csv
from collections import Counter
from pathlib import Path

HELDOUT = Path(__file__).resolve().parents[1] / "bench" / "heldout"


def _annotated_files(tsv: Path) -> set[str]:
    rows = [line for line in tsv.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["file"] for row in csv.DictReader(rows, delimiter="\t")}


def test_no_two_figure_rounds_annotate_a_file_of_the_same_name():
    # A new round's text copied in under an old round's name replaces that round's text: both would be scored on one file.
    counts = Counter(name for tsv in HELDOUT.glob("expected*.tsv") for name in _annotated_files(tsv))
    assert [name for name, n in counts.items() if n > 1] == []


def test_every_annotated_text_is_there():
    missing = sorted(name for tsv in HELDOUT.glob("expected*.tsv") for name in _annotated_files(tsv) if not (HELDOUT / name).is_file())
    assert missing == []
