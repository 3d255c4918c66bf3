"""End to end: the whole asset graph, materialized into temporary folders, then read back from Parquet and DuckDB."""

import shutil

import dagster as dg
import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.definitions import defs as lazy_defs
from schemas import TABLES
from tests.conftest import ARTICLES, DATA, SEEDS
from tests.pipeline_run import check_results, run_pipeline

EXPECTED_GRAPH = {
    "raw_documents": ("ingest", []),
    "normalized_documents": ("normalize", ["raw_documents"]),
    "figure_mentions": ("extract", ["normalized_documents"]),
    "exchange_mentions": ("extract", ["normalized_documents"]),
    "sources": ("curate", ["normalized_documents", "raw_documents"]),
    "repairs": ("curate", ["normalized_documents"]),
    "exchanges": ("curate", ["exchange_mentions", "sources"]),
    "claims": ("curate", ["exchange_mentions", "sources"]),
    "figures": ("curate", ["claims", "exchange_mentions", "figure_mentions"]),
    "parties": ("curate", ["claims", "exchanges", "figures"]),
    "parquet_files": ("publish", ["claims", "exchanges", "figures", "parties", "repairs", "sources"]),
    "duckdb_database": ("publish", ["parquet_files"]),
    "document_batches": ("scale_out", []),
}


def test_asset_graph_snapshot():
    graph = lazy_defs().resolve_asset_graph()
    actual = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        actual[key.to_user_string()] = (node.group_name, sorted(k.to_user_string() for k in node.parent_keys))
        assert node.description and node.owners and node.kinds, key
    assert actual == EXPECTED_GRAPH


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, my own articles, a byte-identical copy, and hostile files."""
    folder = tmp_path_factory.mktemp("seeds")
    for path in [*SEEDS.glob("*.txt"), *ARTICLES.glob("*.txt")]:
        shutil.copy(path, folder / path.name)
    shutil.copy(ARTICLES / "wire_dateline.txt", folder / "copy of wire; 'quoted' name.txt")
    for path in DATA.glob("*"):
        if path.is_file():
            shutil.copy(path, folder / path.name)
    (folder / "-leading dash ü.txt").write_text("Russia and Ukraine swapped 12 prisoners each on Monday.", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def published(corpus, tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as mp:
        result = run_pipeline(corpus, data, mp)
    assert result.success
    return data, result


def test_every_check_passes(published):
    _, result = published
    checks = check_results(result)
    assert len(checks) >= len(TABLES) + 6
    assert {name: c.passed for name, c in checks.items()} == {name: True for name in checks}


def test_parquet_and_duckdb_hold_the_same_rows(published):
    data, _ = published
    with duckdb.connect(str(data / "exchanges.duckdb"), read_only=True) as con:
        for name, table in TABLES.items():
            arrow = pq.read_table(data / "parquet" / f"{name}.parquet")
            assert arrow.schema.names == list(table.columns)
            assert arrow.schema.metadata[b"schema_version"]
            db = con.sql(f"SELECT * FROM {name}").to_arrow_table()
            assert db.num_rows == arrow.num_rows and db.column_names == arrow.column_names
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'figures' AND column_name = 'qualifier'").fetchone()[0]
        assert "nearly" in comment


def test_every_file_is_accounted_for_with_a_reason(published, corpus):
    data, _ = published
    sources = pd.read_parquet(data / "parquet" / "sources.parquet")
    paths = sorted(p for ps in sources["paths"] for p in ps)
    assert paths == sorted(p.name for p in corpus.iterdir())
    status = {p: (row.status, row.reject_reason) for row in sources.itertuples() for p in row.paths}
    assert status["hostile_empty.txt"][0] == "rejected" and status["hostile_empty.txt"][1].startswith("empty")
    assert status["hostile_binary.bin"][0] == "rejected"
    assert status["hostile_image.txt"][1].startswith("binary")
    assert status["legacy_cp1251.txt"][0] == status["legacy_utf16.txt"][0] == status["html_page.txt"][0] == "ok"
    (copy_row,) = [r for r in sources.itertuples() if "wire_dateline.txt" in r.paths]
    assert list(copy_row.paths) == ["copy of wire; 'quoted' name.txt", "wire_dateline.txt"]
    mojibake = sources[sources["path"] == "mojibake.txt"].iloc[0]
    assert "Zelenskyy’s office" in mojibake["text"] and mojibake["n_repairs"] > 0


def test_seed_exchange_in_duckdb(published):
    data, _ = published
    with duckdb.connect(str(data / "exchanges.duckdb"), read_only=True) as con:
        row = con.execute("""SELECT returned_to_a, returned_to_b, soldiers_to_a, civilians_to_b, mediators, n_sources, conflicting_fields
                             FROM exchanges WHERE exchange_id = 'ru-ua-2025-05-23'""").fetchone()
        assert row == (390, 390, 270, 120, ["TR"], 2, ["event_date", "mediators"])
        linked = con.execute("""SELECT count(*) FROM figures f JOIN sources s USING (source_id)
                                WHERE f.exchange_id = 'ru-ua-2025-05-23' AND substr(s.text, f.start + 1, f."end" - f.start) = f.surface""").fetchone()[0]
        assert linked >= 5
        parties = {r[0] for r in con.execute("SELECT code FROM parties").fetchall()}
        assert {"RU", "UA", "TR", "AE", "US", "AM", "AZ", "IL", "HAMAS", "QA"} <= parties


def test_rerun_gives_byte_identical_parquet(published, corpus, tmp_path, monkeypatch):
    data, _ = published
    assert run_pipeline(corpus, tmp_path, monkeypatch).success
    for name in TABLES:
        assert (tmp_path / "parquet" / f"{name}.parquet").read_bytes() == (data / "parquet" / f"{name}.parquet").read_bytes(), name


def published_bytes(data):
    files = {p.name: p.read_bytes() for p in (data / "parquet").iterdir()}
    files.update({name: (data / name).read_bytes() for name in ("exchanges.duckdb", "README.md", "datapackage.json")})
    return files


@pytest.mark.parametrize("failing", ["pyarrow.parquet.write_table", "pipeline.defs.publish.build_database"])
def test_failed_run_leaves_the_last_good_dataset(tmp_path, monkeypatch, failing):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "004_e2a61d9615fb6b58.txt", seeds)
    data = tmp_path / "data"
    assert run_pipeline(seeds, data, monkeypatch).success
    before = published_bytes(data)
    shutil.copy(SEEDS / "000_b666787848e09ea1.txt", seeds)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(failing, broken)
    result = run_pipeline(seeds, data, monkeypatch, raise_on_error=False)
    assert not result.success
    assert published_bytes(data) == before  # Parquet, DuckDB and docs: all old, none new
    assert not [p for p in (data / ".releases").iterdir() if p.name.startswith(".staging")]
    with duckdb.connect(str(data / "exchanges.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_incremental_run_computes_only_the_new_file_and_equals_a_full_rebuild(tmp_path, monkeypatch):
    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    seeds.mkdir()
    for name in ("wire_dateline.txt", "caucasus_swap.txt"):
        shutil.copy(ARTICLES / name, seeds)
    assert run_pipeline(seeds, tmp_path / "first", monkeypatch, cache_dir=cache).success
    shutil.copy(ARTICLES / "other_source_disagrees.txt", seeds)
    incremental = run_pipeline(seeds, tmp_path / "incremental", monkeypatch, cache_dir=cache)
    metadata = {m.asset_key.to_user_string(): m.metadata for m in incremental.asset_materializations_for_node("normalized_documents")}
    assert metadata["normalized_documents"]["computed"].value == 1 and metadata["normalized_documents"]["from_cache"].value == 2
    assert run_pipeline(seeds, tmp_path / "full", monkeypatch).success
    for name in TABLES:
        assert (tmp_path / "incremental" / "parquet" / f"{name}.parquet").read_bytes() == (tmp_path / "full" / "parquet" / f"{name}.parquet").read_bytes(), name


def test_a_reader_holding_the_database_open_does_not_stop_a_run(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ARTICLES / "wire_dateline.txt", seeds)
    data = tmp_path / "data"
    assert run_pipeline(seeds, data, monkeypatch).success
    reader = duckdb.connect(str(data / "exchanges.duckdb"), read_only=True)
    before = reader.execute("SELECT count(*) FROM exchanges").fetchone()[0]
    shutil.copy(ARTICLES / "caucasus_swap.txt", seeds)
    assert run_pipeline(seeds, data, monkeypatch).success
    assert reader.execute("SELECT count(*) FROM exchanges").fetchone()[0] == before  # the reader keeps its consistent snapshot
    reader.close()
    with duckdb.connect(str(data / "exchanges.duckdb"), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM exchanges").fetchone()[0] > before


def test_a_link_outside_the_input_folder_is_rejected(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Russia and Ukraine exchanged 10 prisoners each.", encoding="utf-8")
    (seeds / "link.txt").symlink_to(outside)
    shutil.copy(ARTICLES / "wire_dateline.txt", seeds)
    assert run_pipeline(seeds, tmp_path / "data", monkeypatch).success
    sources = pd.read_parquet(tmp_path / "data" / "parquet" / "sources.parquet")
    row = sources[sources["path"] == "link.txt"].iloc[0]
    assert row["status"] == "rejected" and row["reject_reason"].startswith("outside the input folder")


def test_parallel_run_gives_the_same_tables_as_a_serial_run(tmp_path, monkeypatch):
    from bench.make_corpus import make_corpus

    seeds = tmp_path / "seeds"
    make_corpus(260, seeds)
    monkeypatch.setenv("EXCHANGES_WORKERS", "1")
    assert run_pipeline(seeds, tmp_path / "serial", monkeypatch).success
    monkeypatch.setenv("EXCHANGES_WORKERS", "2")
    assert run_pipeline(seeds, tmp_path / "parallel", monkeypatch).success
    for name in TABLES:
        assert (tmp_path / "serial" / "parquet" / f"{name}.parquet").read_bytes() == (tmp_path / "parallel" / "parquet" / f"{name}.parquet").read_bytes(), name


def test_partitioned_batches_then_the_dataset_give_the_same_tables_as_one_process(corpus, published, tmp_path, monkeypatch):
    """The scale-out path: every batch partition run on its own, then the whole-corpus run finds every document computed."""
    from pipeline.defs.scale_out import BATCHES, batch_of

    cache = tmp_path / "cache"
    for name, value in (("EXCHANGES_SEEDS_DIR", corpus), ("EXCHANGES_DATA_DIR", tmp_path / "unused"), ("EXCHANGES_CACHE_DIR", cache)):
        monkeypatch.setenv(name, str(value))
    batches = lazy_defs().resolve_job_def("document_batches_job")
    keys = BATCHES.get_partition_keys()
    assert len({batch_of(p.name) for p in corpus.iterdir()}) > 1  # the corpus really is split
    for key in keys:
        assert batches.execute_in_process(partition_key=key, instance=dg.DagsterInstance.ephemeral()).success
    result = run_pipeline(corpus, tmp_path / "data", monkeypatch, cache_dir=cache)
    per_document = [m for node in ("normalized_documents", "mentions") for m in result.asset_materializations_for_node(node)]
    assert len(per_document) == 3
    for materialization in per_document:  # every document came from a batch
        assert materialization.metadata["computed"].value == 0, materialization.asset_key
    for name in TABLES:
        assert (tmp_path / "data" / "parquet" / f"{name}.parquet").read_bytes() == (published[0] / "parquet" / f"{name}.parquet").read_bytes(), name


def test_batches_need_the_cache_and_say_so(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("EXCHANGES_SEEDS_DIR", str(corpus))
    monkeypatch.setenv("EXCHANGES_CACHE_DIR", "off")
    result = lazy_defs().resolve_job_def("document_batches_job").execute_in_process(
        partition_key="batch_00", instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    assert not result.success
    (failure,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert "set EXCHANGES_CACHE_DIR" in failure.event_specific_data.error.message


def test_a_clean_and_a_spun_source_of_another_exchange_reconcile_with_their_conflicts(tmp_path, monkeypatch):
    """Written for this test: an Armenia-Azerbaijan swap told by a clean wire and by a spun repost that disagrees on the day and the broker."""
    data = tmp_path / "data"
    assert run_pipeline(DATA / "source_pair", data, monkeypatch).success
    con = duckdb.connect(str(data / "exchanges.duckdb"), read_only=True)
    spun = dict(con.execute("SELECT path, is_spun FROM sources").fetchall())
    assert spun == {"clean_wire.txt": False, "spun_repost.txt": True}
    rows = con.execute("SELECT exchange_id, returned_to_a, returned_to_b, soldiers_to_a, civilians_to_a, n_sources, conflicting_fields "
                       "FROM exchanges ORDER BY exchange_id").fetchall()
    assert rows == [("am-az-2023-12", 32, 2, 32, None, 2, []),  # the earlier swap both name "since December 2023, when ..."
                    ("am-az-2025-03-13", 15, 8, 12, 3, 2, ["event_date", "mediators"])]
    claimed = {value for (value,) in con.execute("SELECT value FROM claims WHERE field = 'event_date' AND exchange_id = 'am-az-2025-03-13'").fetchall()}
    assert claimed == {"2025-03-13", "2025-03-12"}


def test_two_sources_of_a_hostage_prisoner_swap_agree_on_counts_and_flag_the_mediators(tmp_path, monkeypatch):
    """Written for this test: one source names the givers ('Israel later freed 200'), the other the receivers' origin
    and a participle before the verb ('soldiers held in Gaza ... were released by Hamas')."""
    data = tmp_path / "data"
    assert run_pipeline(DATA / "source_pair_gaza", data, monkeypatch).success
    con = duckdb.connect(str(data / "exchanges.duckdb"), read_only=True)
    rows = con.execute("SELECT exchange_id, party_a, party_b, returned_to_a, returned_to_b, soldiers_to_b, mediators, n_sources, "
                       "conflicting_fields FROM exchanges").fetchall()
    assert rows == [("hamas-il-2025-01-25", "HAMAS", "IL", 200, 4, 4, ["EG", "QA"], 2, ["mediators"])]
