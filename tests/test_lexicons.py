"""The lexicon files load whole: every row has exactly the header's columns."""

import pytest

import pipeline.lexicons as lexicons


@pytest.mark.parametrize("name", sorted(p.stem for p in lexicons.LEXICON_DIR.glob("*.tsv")))
def test_every_lexicon_row_has_every_column(name):
    rows = lexicons.load(name)
    assert rows, f"{name}.tsv has no rows"
    assert all(all(value is not None for value in row.values()) for row in rows)


def test_a_row_missing_its_tab_is_an_error_that_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "broken.tsv").write_text("# a comment\nword\tcategory\nsentries\tsoldiers\nscouts soldiers\n", encoding="utf-8")
    monkeypatch.setattr(lexicons, "LEXICON_DIR", tmp_path)
    lexicons.load.cache_clear()
    try:
        with pytest.raises(ValueError, match="broken.tsv: line 4"):
            lexicons.load("broken")
    finally:
        lexicons.load.cache_clear()
