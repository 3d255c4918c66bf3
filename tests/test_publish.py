"""What the published folder offers a consumer who has nothing else: dictionary, descriptor, keys, views."""

import shutil

import duckdb
import pytest

from pipeline.publish.describe import DOCS_DICTIONARY, data_dictionary
from tests.conftest import ARTICLES, SEEDS
from tests.pipeline_run import run_pipeline


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    for path in [*SEEDS.glob("*.txt"), ARTICLES / "wire_dateline.txt", ARTICLES / "other_source_disagrees.txt", ARTICLES / "caucasus_swap.txt"]:
        shutil.copy(path, seeds)
    data = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as mp:
        assert run_pipeline(seeds, data, mp).success
    return data


def test_repository_copy_of_the_dictionary_is_current():
    assert DOCS_DICTIONARY.read_text(encoding="utf-8") == data_dictionary(), "run `make docs` and commit docs/DATA_DICTIONARY.md"


def test_data_folder_has_its_dictionary(published):
    text = (published / "README.md").read_text(encoding="utf-8")
    assert "### exchanges" in text and "`returned_to_a`" in text and "## Invariants" in text and "| `UA` | Ukraine | state |" in text


def test_datapackage_validates_with_frictionless(published):
    from frictionless import validate
    report = validate(str(published / "datapackage.json"))
    errors = [error.message for task in report.tasks for error in task.errors]
    assert report.valid, errors[:10]


def test_one_query_answers_who_got_how_many_back_in_2025_and_who_disagrees(published):
    with duckdb.connect(str(published / "exchanges.duckdb"), read_only=True) as con:
        rows = con.execute("""SELECT exchange_id, party_a_name, returned_to_a, party_b_name, returned_to_b, n_sources, conflicting_fields
                              FROM exchange_totals WHERE year(event_date) = 2025 AND status = 'completed' ORDER BY event_date""").fetchall()
        by_id = {r[0]: r for r in rows}
        assert by_id["ru-ua-2025-05-23"][1:6] == ("Russia", 390, "Ukraine", 390, 2)
        assert by_id["ru-ua-2025-06-13"][6] == ["event_date"]
        disputed = con.execute("SELECT source_id, value, chosen FROM conflicts WHERE exchange_id = 'ru-ua-2025-05-23' AND field = 'event_date'").fetchall()
        assert sorted(v for _, v, _ in disputed) == ["2025-05-23", "2025-05-24"]
        context = con.execute("SELECT count(*) FROM figures_in_context WHERE title IS NOT NULL").fetchone()[0]
        assert context > 0
        keys = con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')").fetchone()[0]
        assert keys >= 8
        assert con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'conflicts'").fetchone()[0]
