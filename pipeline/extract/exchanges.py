"""Exchange mentions: the prisoner exchanges one text describes, each with what the text claims about it.

Reads a normalized text the way a careful reader would:
- the handover the article is about (its "main" exchange), with counts from every
  sentence that reports people freed or returned;
- background exchanges named with their own date ("the March 19 exchange of 175
  prisoners per side"), each with the counts of its own stretch of text;
- a deal covering several handovers ("an agreement to swap 1,000 prisoners per side"),
  with its date and place from the talks that produced it;
- planned stages ("further exchanges are planned for Saturday and Sunday").
Unilateral releases, body repatriations and mere talk of a swap yield nothing.
Every claim keeps the span of the words that state it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.extract.figures import FigureMention, extract_figures
from pipeline.extract.parties import PartyMention, find_parties, main_sides, party_of_word
from pipeline.lexicons import load
from pipeline.text.dates import DateMention, find_dates, resolve
from pipeline.text.sentences import Sentence, split_sentences

COUNTED = {"prisoners": "returned_to", "people": "returned_to", "soldiers": "soldiers_to", "civilians": "civilians_to"}
HANDOVER_PREDICATES = {"released", "returned", "exchanged", None}
_PARTY_WORD = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w’'-]*)?"
_EACH_AFTER = re.compile(r"\s*(?:per\s+side|each|apiece|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side|to\s+each\s+side|on\s+both\s+sides|from\s+both\s+sides|every)\b", re.I)
_EACH_BEFORE = re.compile(r"\b(?:each\s+side|both\s+sides|each\s+country|both\s+countries|either\s+side|each)\b(?:\s+\w+){0,2}\s+$", re.I)
_GIVER = re.compile(rf"(?P<giver>{_PARTY_WORD})\s+(?:has\s+|had\s+|have\s+)?(?:released|freed|handed\s+over|returned|transferred|sent\s+back|repatriated)\s+(?:\w+\s+){{0,3}}$")
_RECEIVER_AFTER = re.compile(rf"^[^.;]*?\b(?:returned|released|handed\s+over|transferred|sent\s+back|went\s+back|brought\s+back)\s+(?:home\s+)?to\s+(?P<receiver>{_PARTY_WORD})")
_RECEIVER_BEFORE = re.compile(rf"(?P<receiver>{_PARTY_WORD})\s+(?:has\s+|had\s+)?(?:received|got\s+back|brought\s+home|welcomed\s+home|recovered)\s+(?:\w+\s+){{0,3}}$")
_DEAL_DATE_CONTEXT = re.compile(r"\b(?:talks|negotiations|meeting|summit|agreement|deal|agreed|signed|reached)\b[^.]{0,40}$", re.I)
_PLACE = re.compile(r"\b(?:talks|negotiations|meeting|summit|agreement|deal|agreed|signed|reached)\b[^.;]{0,50}?\bin\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
_HANDOVER_PLACE = re.compile(r"\b(?:at|on|near|across)\s+the\s+(?P<place>(?:[A-Z][\w’'-]+[\s-]+){1,2}border)\b")
_BACKGROUND = re.compile(r"\b(?:earlier|previous|prior|past|last|former|first-ever)\s+$", re.I)
_PLANNED_BEFORE = re.compile(r"\b(?:further|additional|more|next|upcoming|another|second|third|final|new)\s+(?:\w+\s+)?$", re.I)
_ATTRIBUTIVE = re.compile(r",?\s+(?:prisoner[s-]?\s+|POW\s+|prisoner-of-war\s+)?(?:exchange|swap|handover|trade)\b", re.I)
_NOT_MAIN_DATE = re.compile(r"\b(?:since|until|till|before|started\s+in|began\s+in|from|talks|negotiations|meeting|summit|agreement|agreed|signed|reached)\b[^.,]{0,12}$", re.I)


@dataclass
class Claim:
    field: str
    value: str
    start: int
    end: int
    inferred: bool = False


@dataclass
class ExchangeMention:
    key: str
    status: str
    party_a: str
    party_b: str
    anchor: int
    event_date: dt.date | None = None
    date_precision: str | None = None
    date_confirmed: bool = False     # a stated weekday agrees with the date
    date_contradicted: bool = False  # a stated weekday contradicts the date: flagged, not trusted
    claims: list[Claim] = field(default_factory=list)
    other_parties: list[str] = field(default_factory=list)
    part_of: str | None = None
    figure_starts: list[int] = field(default_factory=list)

    def values(self, name: str) -> list[str]:
        return [c.value for c in self.claims if c.field == name]


@cache
def _cues() -> dict[str, re.Pattern]:
    by_kind: dict[str, list[str]] = {}
    for row in load("exchange_cues"):
        by_kind.setdefault(row["kind"], []).append(row["phrase"])
    return {kind: re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(ps, key=len, reverse=True)) + r")\b", re.I)
            for kind, ps in by_kind.items()}


def _event_cues(sentence: Sentence, text: str) -> list[tuple[re.Match, str]]:
    """Event words in a sentence, each typed: main, planned, background or hypothetical."""
    cues = _cues()
    typed = []
    for m in cues["event"].finditer(text, sentence.start, sentence.end):
        if any(n.start() <= m.start() < n.end() for n in cues["not_event"].finditer(text, max(sentence.start, m.start() - 10), min(sentence.end, m.end() + 25))):
            continue
        before = text[max(sentence.start, m.start() - 45):m.start()]
        after = text[m.end():min(sentence.end, m.end() + 45)]
        if cues["hypothetical"].search(before):
            kind = "hypothetical"
        elif _BACKGROUND.search(before):
            kind = "background"
        elif cues["planned"].search(before + " " + after) or (m.group().lower().endswith("s") and _PLANNED_BEFORE.search(before)) or cues["next_day"].search(before):
            kind = "planned"
        else:
            kind = "main"
        typed.append((m, kind))
    return typed


def _mediations(text: str, parties: list[PartyMention]) -> list[PartyMention]:
    """Party mentions credited with brokering: 'brokered by X', 'with the mediation of X and Y', 'X-mediated swap'."""
    found = []
    for m in _cues()["mediation"].finditer(text):
        stop = re.search(r"[.;:]|,\s+(?!and\b)|\b(?:during|in|on|at|after|before|which|who|that)\b", text[m.end():m.end() + 90])
        end = m.end() + (stop.start() if stop else 90)
        found += [p for p in parties if m.end() <= p.start < end]
    for m in re.finditer(r"(?P<who>[\w.]+)-(?:mediated|brokered|facilitated)\s+(?P<what>\w+(?:\s+\w+)?)", text):
        code = party_of_word(m.group("who"))
        if code and re.search(r"exchange|swap|deal|agreement|handover|release", m.group("what"), re.I):
            found.append(PartyMention(m.start("who"), m.end("who"), code, m.group("who")))
    return sorted(set(found), key=lambda p: p.start)


def _each_side(text: str, figure: FigureMention, sentence: Sentence) -> bool:
    if figure.kind == "pair":
        return True
    if _EACH_AFTER.match(text, figure.phrase_end, sentence.end):
        return True
    return bool(_EACH_BEFORE.search(text, max(sentence.start, figure.start - 40), figure.start))


def _recipients(text: str, figure: FigureMention, sentence: Sentence, sides: tuple[str, str]) -> tuple[list[str], bool]:
    """Which side(s) the people a figure counts were handed over to, and whether that is inferred."""
    if figure.party in sides:
        return [figure.party], False
    if figure.party is not None:
        return [], False
    if _each_side(text, figure, sentence):
        return list(sides), True
    window = text[max(sentence.start, figure.start - 60):figure.start]
    for pattern, giver in ((_GIVER, True), (_RECEIVER_BEFORE, False)):
        m = pattern.search(window)
        if m:
            code = party_of_word(m.group(1).split()[0]) or party_of_word(m.group(1))
            if code in sides:
                return ([s for s in sides if s != code] if giver else [code]), True
    m = _RECEIVER_AFTER.match(text[figure.phrase_end:sentence.end])
    if m:
        code = party_of_word(m.group("receiver").split()[0])
        if code in sides:
            return [code], True
    return [], False


def _count_claims(text: str, figures: list[FigureMention], sentence_of, sides, linked_each: dict[int, bool]) -> tuple[list[Claim], list[str], list[int]]:
    claims, others, used = [], [], []
    for fig in figures:
        if fig.category not in COUNTED or fig.predicate not in HANDOVER_PREDICATES or fig.qualifier not in ("exact", "about") or fig.value_high is not None:
            continue
        sentence = sentence_of(fig.start)
        recipients, inferred = _recipients(text, fig, sentence, sides)
        if not recipients and linked_each.get(fig.start):
            recipients, inferred = list(sides), True
        if not recipients and fig.party and fig.party not in sides:
            others.append(fig.party)
        for party in recipients:
            side = "a" if party == sides[0] else "b"
            claims.append(Claim(f"{COUNTED[fig.category]}_{side}", str(int(fig.value)), fig.start, fig.end, inferred))
        if recipients:
            used.append(fig.start)
    return claims, others, used


def _linked_each(text: str, figures: list[FigureMention], sentence_of) -> dict[int, bool]:
    """A figure joined to an 'each side' figure ('390 prisoners each, including 270 soldiers') shares its sides."""
    linked: dict[int, bool] = {}
    previous = None
    for fig in figures:
        sentence = sentence_of(fig.start)
        if previous is not None and previous.sentence == fig.sentence and fig.party is None and re.search(
                r"(?:including|among them|of whom|comprising|together with|\band)\s*$", text[max(sentence.start, fig.start - 20):fig.start]):
            linked[fig.start] = linked.get(previous.start, False) or _each_side(text, previous, sentence)
        previous = fig
    return linked


def _date_claim(mention: ExchangeMention, date: DateMention, reference: dt.date | None, direction: str) -> None:
    resolved = resolve(date, reference, direction)
    if resolved is None:
        return
    mention.event_date, mention.date_precision = resolved.date, resolved.precision
    mention.date_confirmed, mention.date_contradicted = date.weekday_confirms, date.weekday_conflicts
    mention.claims.append(Claim("event_date", resolved.date.isoformat(), date.start, date.end, resolved.inferred))


def extract_exchanges(text: str, reference_date: dt.date | None = None) -> list[ExchangeMention]:
    """Every prisoner exchange the text describes, as mentions with their claims."""
    sentences = split_sentences(text)
    if not sentences:
        return []

    def sentence_of(pos: int) -> Sentence:
        return next(s for s in sentences if s.start <= pos < s.end or pos < s.start) if pos < sentences[-1].end else sentences[-1]

    parties = find_parties(text)
    mediations = _mediations(text, parties)
    mediation_spans = {(p.start, p.end) for p in mediations}
    side_mentions = [p for p in parties if (p.start, p.end) not in mediation_spans]
    cues = {i: _event_cues(s, text) for i, s in enumerate(sentences)}
    cue_sentences = [i for i, typed in cues.items() if any(kind != "hypothetical" for _, kind in typed)]
    if not cue_sentences:
        return []
    sides = main_sides(side_mentions, [(sentences[i].start, sentences[i].end) for i in cue_sentences])
    if len(sides) < 2:
        sides = main_sides(side_mentions)
    if len(sides) < 2:
        return []
    sides = tuple(sorted(sides))
    a, b = sides
    figures = extract_figures(text, parties)
    linked_each = _linked_each(text, figures, sentence_of)
    dates = [d for d in find_dates(text)]
    mentions: list[ExchangeMention] = []

    # Background exchanges named with their own date: "the March 19, 2025, exchange of 175 prisoners per side".
    segments: list[tuple[int, int, DateMention]] = []
    for i in cue_sentences:
        s = sentences[i]
        anchors = [d for d in dates if s.start <= d.start < s.end and d.precision != "weekday" and _ATTRIBUTIVE.match(text, d.end, s.end)]
        for j, d in enumerate(anchors):
            segments.append((d.start, anchors[j + 1].start if j + 1 < len(anchors) else s.end, d))
    in_segment = lambda pos: any(start <= pos < end for start, end, _ in segments)  # noqa: E731

    deal_sentences = [i for i, s in enumerate(sentences)
                      if _cues()["deal"].search(s.text) and any(f.predicate == "agreed" and s.start <= f.start < s.end for f in figures)]
    planned_cues = [(i, m) for i in cue_sentences for m, kind in cues[i] if kind == "planned"]
    main_sentences = [i for i in cue_sentences if any(kind == "main" and not in_segment(m.start()) for m, kind in cues[i])]

    # The main handover.
    main: ExchangeMention | None = None
    if main_sentences:
        first_cue = next(m for m, kind in cues[main_sentences[0]] if kind == "main")
        main = ExchangeMention(f"m{first_cue.start()}", "completed", a, b, first_cue.start())
        main.claims.append(Claim("status", "completed", first_cue.start(), first_cue.end()))
        for i in main_sentences:
            s = sentences[i]
            candidates = [d for d in dates if s.start <= d.start < s.end and d.precision in ("day", "weekday") and not in_segment(d.start)
                          and not _NOT_MAIN_DATE.search(text, s.start, d.start)]
            if candidates:
                _date_claim(main, candidates[0], reference_date, "past")
                if main.event_date is not None:
                    break
        handover_figures = [f for f in figures if not in_segment(f.start) and f.predicate != "agreed"
                            and not any(sentences[i].start <= f.start < sentences[i].end for i, _ in planned_cues if not any(k == "main" for _, k in cues[i]))]
        claims, others, used = _count_claims(text, handover_figures, sentence_of, sides, linked_each)
        main.claims += claims
        main.other_parties = sorted(set(others))
        main_spans = [(sentences[i].start, sentences[i].end) for i in main_sentences]
        main.figure_starts = sorted(set(used) | {f.start for f in handover_figures if f.category in COUNTED and f.predicate in HANDOVER_PREDICATES
                                                 and any(s <= f.start < e for s, e in main_spans)})
        for i in main_sentences:
            m = _HANDOVER_PLACE.search(sentences[i].text)
            if m:
                main.claims.append(Claim("location", m.group("place"), sentences[i].start + m.start("place"), sentences[i].start + m.end("place")))
                break
        mentions.append(main)

    reference = reference_date or (main.event_date if main and main.date_precision == "day" else None)

    for start, end, d in segments:
        mention = ExchangeMention(f"m{d.start}", "completed", a, b, d.start)
        status_cue = _ATTRIBUTIVE.match(text, d.end, end)
        mention.claims.append(Claim("status", "completed", status_cue.end() - len(status_cue.group().split()[-1]), status_cue.end()))
        _date_claim(mention, d, reference, "past")
        claims, others, used = _count_claims(text, [f for f in figures if start <= f.start < end], sentence_of, sides, linked_each)
        mention.claims += claims
        mention.other_parties = sorted(set(others))
        mention.figure_starts = used
        mention.claims += [Claim("mediators", p.code, p.start, p.end) for p in mediations if start <= p.start < end]
        if main is not None and mention.event_date == main.event_date and mention.event_date is not None:
            main.claims += [c for c in mention.claims if c.field != "status"]
            main.figure_starts += used
            continue
        mentions.append(mention)

    # The deal covering the handovers.
    deal: ExchangeMention | None = None
    if deal_sentences:
        first = sentences[deal_sentences[0]]
        cue = _cues()["deal"].search(first.text)
        deal = ExchangeMention(f"m{first.start + cue.start()}", "agreed", a, b, first.start + cue.start())
        deal.claims.append(Claim("status", "agreed", first.start + cue.start(), first.start + cue.end()))
        deal_figures = [f for f in figures if f.predicate == "agreed" and any(sentences[i].start <= f.start < sentences[i].end for i in deal_sentences)]
        pair_side = "a"
        for fig in deal_figures:
            sentence = sentence_of(fig.start)
            if fig.kind == "pair":  # "N-for-M": one number for each side, which is which unsaid
                deal.claims.append(Claim(f"returned_to_{pair_side}", str(int(fig.value)), fig.start, fig.end, True))
                pair_side = "b" if pair_side == "a" else "a"
                deal.figure_starts.append(fig.start)
            elif fig.category in COUNTED and _each_side(text, fig, sentence):
                deal.claims += [Claim(f"returned_to_{side}", str(int(fig.value)), fig.start, fig.end, True) for side in ("a", "b")]
                deal.figure_starts.append(fig.start)
        date_sources = [i for i in deal_sentences] + [i - 1 for i in deal_sentences if i > 0]
        for i in date_sources:
            s = sentences[i]
            found = [d for d in dates if s.start <= d.start < s.end and d.precision != "weekday" and _DEAL_DATE_CONTEXT.search(text, s.start, d.start)]
            if found:
                _date_claim(deal, found[0], reference, "past")
                m = _PLACE.search(s.text)
                if m and party_of_word(m.group("place").split()[0]) is None:
                    deal.claims.append(Claim("location", m.group("place"), s.start + m.start("place"), s.start + m.end("place")))
                break
        deal.claims += [Claim("mediators", p.code, p.start, p.end) for p in mediations
                        if any(sentences[i].start <= p.start < sentences[i].end for i in date_sources) and not in_segment(p.start)]
        if not deal.values("returned_to_a"):
            deal = None
        else:
            mentions.append(deal)

    if main is not None:
        deal_spans = set()
        if deal is not None:
            deal_spans = {(c.start, c.end) for c in deal.claims if c.field == "mediators"}
        main.claims += [Claim("mediators", p.code, p.start, p.end) for p in mediations
                        if not in_segment(p.start) and (p.start, p.end) not in deal_spans]
        if deal is not None and not main.values("mediators"):
            main.claims += [Claim("mediators", c.value, c.start, c.end, True) for c in deal.claims if c.field == "mediators"]

    # Planned stages.
    main_date_starts = {c.start for c in main.claims if c.field == "event_date"} if main is not None else set()
    planned: list[ExchangeMention] = []
    base = main.event_date if main is not None and main.date_precision == "day" else reference_date
    seen_sentences = set()
    for i, cue in planned_cues:
        if i in seen_sentences:
            continue
        seen_sentences.add(i)
        s = sentences[i]
        stage_dates = [d for d in dates if s.start <= d.start < s.end and d.precision in ("day", "weekday") and not in_segment(d.start)
                       and d.start not in main_date_starts]
        next_day = _cues()["next_day"].search(s.text)
        if not stage_dates and next_day and base is not None:
            mention = ExchangeMention(f"m{s.start + next_day.start()}", "planned", a, b, s.start + next_day.start())
            mention.claims.append(Claim("status", "planned", cue.start(), cue.end()))
            mention.event_date, mention.date_precision = base + dt.timedelta(days=1), "day"
            mention.claims.append(Claim("event_date", mention.event_date.isoformat(), s.start + next_day.start(), s.start + next_day.end(), True))
            planned.append(mention)
        for d in stage_dates:
            mention = ExchangeMention(f"m{d.start}", "planned", a, b, d.start)
            mention.claims.append(Claim("status", "planned", cue.start(), cue.end()))
            _date_claim(mention, d, base, "future")
            planned.append(mention)
        if not stage_dates and not next_day:
            mention = ExchangeMention(f"m{cue.start()}", "planned", a, b, cue.start())
            mention.claims.append(Claim("status", "planned", cue.start(), cue.end()))
            planned.append(mention)
    if any(p.event_date for p in planned):
        planned = [p for p in planned if p.event_date is not None]
    by_date: dict = {}
    for p in planned:
        by_date.setdefault(p.event_date, p)
    mentions += list(by_date.values())

    for mention in mentions:
        unique: dict[tuple, Claim] = {}
        for claim in mention.claims:
            unique.setdefault((claim.field, claim.value, claim.start, claim.end), claim)
        mention.claims = list(unique.values())
    if deal is not None:
        for mention in mentions:
            if mention is not deal and mention.status in ("completed", "planned") and mention not in mentions_in_segments(mentions, segments):
                if deal.event_date is None or mention.event_date is None or deal.event_date <= mention.event_date:
                    mention.part_of = deal.key
    return sorted(mentions, key=lambda m: m.anchor)


def mentions_in_segments(mentions: list[ExchangeMention], segments: list[tuple[int, int, DateMention]]) -> list[ExchangeMention]:
    return [m for m in mentions if any(start <= m.anchor < end for start, end, _ in segments)]
