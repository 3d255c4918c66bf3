"""A small synonym spinner for tests and benchmarks: the inverse of the spin lexicon plus words it does not know.

It records every substitution, so a benchmark can score the repairer against the truth.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from pipeline.lexicons import load

# Substitutions a real spinner makes that the lexicon deliberately does not repair
# (harmless to the facts, or too common in clean English to undo safely).
UNKNOWN_TO_LEXICON = {
    "said": "stated", "officials": "officers", "country": "nation", "began": "started", "help": "assist",
    "announced": "declared", "government": "authorities", "large": "massive", "important": "vital",
    "statement": "assertion", "weeks": "weeks", "began talks": "initiated talks",
}


@dataclass(frozen=True)
class Substitution:
    start: int  # span in the spun text
    end: int
    original: str
    spun: str
    known: bool  # the lexicon has an entry for it


def _inverse_entries() -> list[tuple[str, str]]:
    pairs = {}
    for row in load("spin"):
        if row["before"] or row["after"]:
            continue  # context-bound entries are spun only through their plain twins
        pairs.setdefault(row["original"], row["spun"])
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def _case_like(found: str, word: str) -> str:
    if found[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def spin(text: str, rate: float = 0.9, seed: int = 0) -> tuple[str, list[Substitution]]:
    """Spin a clean text: each replaceable phrase is swapped with probability `rate`."""
    rng = random.Random(seed)
    table = [(orig, spun, True) for orig, spun in _inverse_entries()]
    table += [(orig, spun, False) for orig, spun in UNKNOWN_TO_LEXICON.items() if orig != spun]
    table.append(("May", "Might", True))
    alternation = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o, _, _ in sorted(table, key=lambda t: -len(t[0])))
    pattern = re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])", re.IGNORECASE)
    lookup = {o.lower(): (s, known) for o, s, known in table}
    out: list[str] = []
    subs: list[Substitution] = []
    cursor = 0
    for m in pattern.finditer(text):
        found = m.group()
        key = " ".join(found.lower().split())
        if key == "may" and (found != "May" or not re.match(r"\s+\d", text[m.end():m.end() + 3])):
            continue  # only the month before a day number
        if key not in lookup or rng.random() > rate:
            continue
        spun_word, known = lookup[key]
        replacement = _case_like(found, spun_word)
        out.append(text[cursor:m.start()])
        start = sum(len(p) for p in out)
        out.append(replacement)
        subs.append(Substitution(start, start + len(replacement), found, replacement, known))
        cursor = m.end()
    out.append(text[cursor:])
    return "".join(out), subs


def word_error_rate(reference: str, hypothesis: str) -> float:
    ref, hyp = reference.lower().split(), hypothesis.lower().split()
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1] / max(1, len(ref))
