"""Unicode cleanup as span-tracked edits: mojibake, HTML entities, odd spaces and hyphens, NFC.

Curly quotes and dashes are left as they are: they are correct typography, and a
clean article must come out of normalization unchanged.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

from pipeline.text.edits import Edit

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization="NFC", explain=False)
# Something ftfy might fix; it is repaired with the run of characters between ASCII white space around it.
_SUSPECT = re.compile(r"[^\x00-\x7f]|&#?\w+;")
_RUN_BREAKS = " \t\n\r"
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_HYPHEN = re.compile(r"[\u2010\u2011\u2212]")


def cleanup_edits(text: str) -> list[Edit]:
    """Edits that clean a text's unicode, one per changed run of characters."""
    edits: list[Edit] = []
    for start, end in _suspect_runs(text):
        run = text[start:end]
        fixed = ftfy.fix_text(run, config=_FTFY)
        fixed = _ODD_SPACE.sub(" ", fixed)
        fixed = _INVISIBLE.sub("", fixed)
        fixed = _ODD_HYPHEN.sub("-", fixed)
        fixed = unicodedata.normalize("NFC", fixed)
        if fixed != run:
            edits.extend(_narrow(run, fixed, start))
    return edits


def _suspect_runs(text: str) -> list[tuple[int, int]]:
    """Runs of characters other than ASCII white space that hold a suspect one; found from the suspects, as a
    pattern that starts with "any run" is tried, and backtracks, at every position of the text."""
    runs: list[tuple[int, int]] = []
    if text.isascii() and "&" not in text:
        return runs
    for suspect in _SUSPECT.finditer(text):
        if runs and suspect.start() < runs[-1][1]:
            continue
        start = max(text.rfind(c, 0, suspect.start()) for c in _RUN_BREAKS) + 1
        ends = [i for i in (text.find(c, suspect.end()) for c in _RUN_BREAKS) if i >= 0]
        runs.append((start, min(ends, default=len(text))))
    return runs


def _narrow(run: str, fixed: str, offset: int) -> list[Edit]:
    """Trim the unchanged head and tail so an edit covers only what changed."""
    head = 0
    while head < min(len(run), len(fixed)) and run[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < min(len(run), len(fixed)) - head and run[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    after = fixed[head:len(fixed) - tail]
    kind = _kind(run, fixed)
    return [Edit(offset + head, offset + len(run) - tail, after, f"unicode:{kind}")]


def _kind(run: str, fixed: str) -> str:
    if re.search(r"&#?\w+;", run) and not re.search(r"&#?\w+;", fixed):
        return "html_entity"
    for kind, pattern in (("space", _ODD_SPACE), ("invisible", _INVISIBLE), ("hyphen", _ODD_HYPHEN)):
        if pattern.search(run):
            return kind
    if unicodedata.normalize("NFC", run) == fixed:
        return "nfc"
    return "mojibake"
