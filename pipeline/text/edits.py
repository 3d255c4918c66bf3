"""Span-preserving text edits: apply replacements and keep the map between old and new offsets.

Every change normalization makes is an `Applied` edit; the list of them is the offset
map, so any span of the normalized text can be traced back to the raw text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


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


class _Spans:
    """(from_start, from_end, to_start, to_end) spans sorted by from_start, none overlapping: maps offsets across them."""

    def __init__(self, spans: list[tuple[int, int, int, int]]):
        self.spans = spans
        self.starts = [span[0] for span in spans]

    def map(self, pos: int, is_end: bool) -> int:
        k = bisect.bisect_left(self.starts, pos)  # the spans before k start before pos; the last of them decides
        if k == 0:
            return pos
        _, from_end, to_start, to_end = self.spans[k - 1]
        if pos < from_end:  # inside a changed span: snap outwards to its bounds
            return to_end if is_end else to_start
        return pos + to_end - from_end


def _backward(applied: list[Applied]) -> _Spans:
    return _Spans([(e.out_start, e.out_end, e.in_start, e.in_end) for e in applied])


def _forward(applied: list[Applied]) -> _Spans:
    return _Spans([(e.in_start, e.in_end, e.out_start, e.out_end) for e in applied])


def map_back(pos: int, applied: list[Applied], *, is_end: bool = False) -> int:
    """Offset in the edited text -> offset in the text before the edits."""
    return _backward(applied).map(pos, is_end)


def map_forward(pos: int, applied: list[Applied], *, is_end: bool = False) -> int:
    """Offset in the text before the edits -> offset in the edited text."""
    return _forward(applied).map(pos, is_end)


def compose(first: list[Applied], second: list[Applied]) -> list[Applied]:
    """Edits of two passes (raw -> mid -> final) as spans in raw and final text."""
    forward, backward = _forward(second), _backward(first)  # built once: a text may have hundreds of edits
    final = [Applied(e.in_start, e.in_end, forward.map(e.out_start, False), forward.map(e.out_end, True), e.before, e.after, e.rule)
             for e in first]
    final += [Applied(backward.map(e.in_start, False), backward.map(e.in_end, True), e.out_start, e.out_end, e.before, e.after, e.rule)
              for e in second]
    return sorted(final, key=lambda e: (e.out_start, e.in_start))
