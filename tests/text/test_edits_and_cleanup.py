from pipeline.text.cleanup import cleanup_edits
from pipeline.text.edits import Edit, apply_edits, compose, map_back, map_forward


def test_apply_edits_tracks_both_spans():
    text = "on Might 23 the troopers"
    out, applied = apply_edits(text, [Edit(3, 8, "May", "r1"), Edit(16, 24, "soldiers", "r2")])
    assert out == "on May 23 the soldiers"
    for a in applied:
        assert text[a.in_start:a.in_end] == a.before and out[a.out_start:a.out_end] == a.after


def test_offsets_map_both_ways_and_snap_out_of_changed_words():
    text = "on Might 23 the troopers"
    out, applied = apply_edits(text, [Edit(3, 8, "May", "r1"), Edit(16, 24, "soldiers", "r2")])
    start = out.index("23")
    assert text[map_back(start, applied):map_back(start + 2, applied, is_end=True)] == "23"
    assert map_forward(text.index("23"), applied) == start
    # a span inside a replaced word maps to the whole original word
    assert text[map_back(out.index("ay"), applied):map_back(out.index("ay") + 1, applied, is_end=True)] == "Might"


def test_compose_two_passes_keeps_raw_and_final_spans():
    raw = "caf\u0065\u0301 Might 5"
    mid, first = apply_edits(raw, cleanup_edits(raw))
    final, second = apply_edits(mid, [Edit(mid.index("Might"), mid.index("Might") + 5, "May", "spin")])
    for e in compose(first, second):
        assert raw[e.in_start:e.in_end] == e.before and final[e.out_start:e.out_end] == e.after


def test_cleanup_fixes_mojibake_entities_and_odd_spaces_only():
    raw = "Zelenskyyâ€™s office &amp; Kyiv\u00a0said it\u200b — “everyone” is home’s"
    out, applied = apply_edits(raw, cleanup_edits(raw))
    assert out == "Zelenskyy’s office & Kyiv said it — “everyone” is home’s"
    assert {a.rule for a in applied} == {"unicode:mojibake", "unicode:html_entity", "unicode:space", "unicode:invisible"}


def test_clean_text_gets_no_cleanup_edits():
    clean = "Türkiye’s mediators — and “quotes” — stay as written: 1,000-for-1,000."
    assert cleanup_edits(clean) == []
