from pathlib import Path

import pytest

from pipeline.extract.exchanges import extract_exchanges
from pipeline.text.normalize import normalize

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
SEEDS = Path(__file__).parent.parent / "seeds"


def read_article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def mentions_of(raw_text: str):
    doc = normalize(raw_text)
    return extract_exchanges(doc.text, doc.published_date)


def fields(mention) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for claim in mention.claims:
        out.setdefault(claim.field, set()).add(claim.value)
    return out


@pytest.fixture
def article():
    return read_article
