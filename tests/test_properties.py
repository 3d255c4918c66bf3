"""Property-based tests: any string in, no exception out, every span valid."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.exchanges import extract_exchanges
from pipeline.extract.figures import extract_figures
from pipeline.text.decode import decode_document
from pipeline.text.normalize import normalize

# Text drawn from news-like pieces as well as arbitrary unicode, so the extractors' rules are exercised.
PIECES = st.sampled_from([
    "Russia", "Ukraine", "exchanged", "swap", "prisoners", "each", "per side", "390", "1,000-for-1,000", "nearly", "Might 23",
    "May 23, 2025", "on Saturday", "brokered by", "Türkiye", "troopers", "a whole lot of hundreds", "&amp;", "â€™", "\u00a0",
    "\n", ". ", ", ", "including", "soldiers", "civilians", "between 5 and", "two-hour", "agreement", "planned", "U.S.",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=400))
def test_decoding_never_raises(raw):
    result = decode_document(raw)
    assert (result.text is None) == (result.reject_reason is not None)


@SETTINGS
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_normalize_keeps_every_span_valid(raw):
    doc = normalize(raw)
    for r in doc.repairs:
        assert raw[r.in_start:r.in_end] == r.before
        assert doc.text[r.out_start:r.out_end] == r.after


@SETTINGS
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_extractors_never_raise_and_spans_are_valid(raw):
    text = normalize(raw).text
    for figure in extract_figures(text):
        assert text[figure.start:figure.end] == figure.surface
        assert figure.value >= 0
    for mention in extract_exchanges(text):
        assert mention.party_a < mention.party_b
        for claim in mention.claims:
            assert 0 <= claim.start <= claim.end <= len(text)


@SETTINGS
@given(st.one_of(NEWSY, st.text(max_size=300), st.text(alphabet="AbZ’“—üÜİΣσẞ\n ", max_size=60)))
def test_fast_lowering_is_str_lower_where_offsets_hold(raw):
    from pipeline.text.phrases import lowered
    expected = raw.lower()
    assert lowered(raw) == (expected if len(expected) == len(raw) else None)


@SETTINGS
@given(st.one_of(NEWSY, st.text(alphabet="Ab1 .!?\n”)“(", max_size=80)))
def test_sentence_boundaries_are_those_of_one_pattern(raw):
    """The boundaries, found with one pattern per first character, are those the single pattern they replace finds."""
    import re

    from pipeline.text.sentences import _boundaries
    single = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]?(?P<gap>\s+)(?=[\"“‘(\[]?[A-Z0-9])|(?<=\n)\n*)")
    assert [m.span() for m in _boundaries(raw)] == [m.span() for m in single.finditer(raw)]
