"""Span-preserving text edits: apply replacements and keep the map between old and new offsets.

Every change normalization makes is an `Applied` edit; the list of them is the offset
map, so any span of the normalized text can be traced back to the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass(frozen=True)
class Applied:
    """One edit with its span in the text before (`in_*`) and after (`out_*`) the change."""

    in_start: int
    in_end: int
    out_start: int
    out_end: int
    before: str
    after: str
    rule: str


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Applied]]:
    """Apply non-overlapping edits; overlapping ones after the first are dropped."""
    pieces: list[str] = []
    applied: list[Applied] = []
    cursor = 0
    shift = 0
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit.start < cursor:
            continue
        pieces.append(text[cursor:edit.start])
        out_start = edit.start + shift
        applied.append(Applied(edit.start, edit.end, out_start, out_start + len(edit.replacement),
                               text[edit.start:edit.end], edit.replacement, edit.rule))
        pieces.append(edit.replacement)
        shift += len(edit.replacement) - (edit.end - edit.start)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def _map(pos: int, spans: list[tuple[int, int, int, int]], is_end: bool) -> int:
    """Map through (from_start, from_end, to_start, to_end) spans sorted by from_start."""
    shift = 0
    for from_start, from_end, to_start, to_end in spans:
        if pos <= from_start:
            break
        if pos < from_end:  # inside a changed span: snap outwards to its bounds
            return to_end if is_end else to_start
        shift = to_end - from_end
    return pos + shift


def map_back(pos: int, applied: list[Applied], *, is_end: bool = False) -> int:
    """Offset in the edited text -> offset in the text before the edits."""
    return _map(pos, [(e.out_start, e.out_end, e.in_start, e.in_end) for e in applied], is_end)


def map_forward(pos: int, applied: list[Applied], *, is_end: bool = False) -> int:
    """Offset in the text before the edits -> offset in the edited text."""
    return _map(pos, [(e.in_start, e.in_end, e.out_start, e.out_end) for e in applied], is_end)


def compose(first: list[Applied], second: list[Applied]) -> list[Applied]:
    """Edits of two passes (raw -> mid -> final) as spans in raw and final text."""
    final = [replace(e, out_start=map_forward(e.out_start, second), out_end=map_forward(e.out_end, second, is_end=True))
             for e in first]
    final += [replace(e, in_start=map_back(e.in_start, first), in_end=map_back(e.in_end, first, is_end=True))
              for e in second]
    return sorted(final, key=lambda e: (e.out_start, e.in_start))
