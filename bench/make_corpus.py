"""Deterministic generator of benchmark corpora: realistic exchange articles, spun copies, duplicates and noise.

    .venv/bin/python bench/make_corpus.py --articles 1000 --out bench/out/corpus_1000

Never committed as data: generated on demand. The same --articles and --seed always give the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.spinner import spin  # noqa: E402

PAIRS = [("Russia", "Ukraine", "Russian", "Ukrainian"), ("Armenia", "Azerbaijan", "Armenian", "Azerbaijani"),
         ("Israel", "Hamas", "Israeli", "Palestinian"), ("Sudan", "the Rapid Support Forces", "Sudanese", "RSF"),
         ("Yemen", "the Houthis", "Yemeni", "Houthi")]
MEDIATORS = ["the United Arab Emirates", "Türkiye", "Qatar", "Saudi Arabia", "the International Committee of the Red Cross", "the Vatican"]
CITIES = ["Istanbul", "Abu Dhabi", "Doha", "Geneva", "Riyadh", "Oslo"]

TEMPLATES = [
    "{x} and {y} swap {n} prisoners each\n\n{city_upper} — {x} and {y} exchanged {n} prisoners each on {weekday}, {date}, in a swap brokered by {mediator}, officials said.\n\n"
    "The {n} {xdem}s who came home included {soldiers} soldiers and {civilians} civilians. {y} said {n} of its people had been returned.\n\n"
    "In the previous exchange, on {old_date}, each side released {old_n} prisoners. About {held:,} people are still held, according to officials.",
    "Prisoner exchange: {n} {ydem} captives freed\n\nPublished: {date}\n\n{x} released {n} {ydem} captives on {weekday}, and {y} handed over {m} {xdem} prisoners, in an exchange mediated by {mediator}.\n\n"
    "It was the {ordinal} exchange this year. Talks in {city} produced an agreement to exchange 1,000-for-1,000 prisoners on {deal_date}.\n\nFurther exchanges are planned for next week.",
    "{x}, {y} agree on prisoner deal\n\n{x} and {y} agreed on {date} to a deal under which {x} will free {n} {ydem} detainees and {y} will release {m} {xdem} prisoners, {mediator} said. "
    "The agreement was reached in {city}.\n\nNo date has been set for the handover, and more than {held:,} people remain missing.",
]
NOISE = [
    "Markets rally as {city} exchange hits record\n\nShares on the {city} stock exchange rose {pct}% on {weekday}, with {n} companies gaining. The exchange rate held at about {m} to the dollar.",
    "Local team wins cup final\n\nThe home side won {n}-{m} in front of {held:,} fans on {weekday}. It was their {ordinal} title in {years} years.",
]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh"]


def article(rng: random.Random, i: int) -> str:
    x, y, xdem, ydem = rng.choice(PAIRS)
    date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))
    n = rng.randrange(20, 900)
    soldiers = rng.randrange(0, n)
    slots = dict(x=x, y=y, xdem=xdem, ydem=ydem, n=n, m=rng.randrange(10, 900), soldiers=soldiers, civilians=n - soldiers,
                 mediator=rng.choice(MEDIATORS), city=rng.choice(CITIES), city_upper=rng.choice(CITIES).upper(),
                 weekday=date.strftime("%A"), date=date.strftime("%B %-d, %Y"), old_date=(date - dt.timedelta(days=rng.randrange(20, 90))).strftime("%B %-d"),
                 old_n=rng.randrange(20, 400), held=rng.randrange(1000, 20000), ordinal=rng.choice(ORDINALS),
                 deal_date=(date - dt.timedelta(days=rng.randrange(3, 20))).strftime("%B %-d"), pct=round(rng.uniform(0.1, 4), 1), years=rng.randrange(2, 40))
    pool = NOISE if rng.random() < 0.15 else TEMPLATES
    text = rng.choice(pool).format(**slots)
    return text[0].upper() + text[1:]


def make_corpus(n_articles: int, out: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written, texts = [], []
    for i in range(n_articles):
        roll = rng.random()
        if texts and roll < 0.05:
            text = rng.choice(texts)  # the same article again, under another name
        elif texts and roll < 0.10:
            text = rng.choice(texts).rsplit("\n\n", 1)[0]  # reposted and trimmed
        else:
            text = article(rng, i)
            if rng.random() < 0.10:
                text, _ = spin(text, rate=0.8, seed=i)
        texts.append(text)
        path = out / f"article_{i:07d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = make_corpus(args.articles, args.out, args.seed)
    print(f"wrote {len(files)} articles, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
