"""Step outputs: pickle files on disk, and the writing process's own objects reused while the file is unchanged."""

import pickle

import dagster as dg
import pytest

from pipeline.defs.storage import StepOutputs, _PickleFiles


def _handle(io: _PickleFiles, name: str, value) -> None:
    io.handle_output(dg.build_output_context(asset_key=dg.AssetKey(name)), value)


def _load(io: _PickleFiles, name: str):
    return io.load_input(dg.build_input_context(asset_key=dg.AssetKey(name)))


def test_an_output_read_in_the_same_run_is_the_object_written(tmp_path):
    io = _PickleFiles(tmp_path)
    rows = [{"source_id": "a1", "text": "12 soldiers came home."}]
    _handle(io, "rows", rows)
    assert _load(io, "rows") is rows
    assert pickle.loads((tmp_path / "rows").read_bytes()) == rows


def test_a_file_rewritten_by_another_run_wins_over_the_remembered_object(tmp_path):
    io, other = _PickleFiles(tmp_path), _PickleFiles(tmp_path)
    _handle(io, "rows", ["old"])
    _handle(other, "rows", ["new"])
    assert _load(io, "rows") == ["new"]


def test_a_later_run_reads_the_file(tmp_path):
    _handle(_PickleFiles(tmp_path), "rows", [3, 4])
    assert _load(_PickleFiles(tmp_path), "rows") == [3, 4]


def test_an_output_never_written_names_the_asset_to_materialize(tmp_path):
    with pytest.raises(dg.Failure, match="rows has not been materialized"):
        _load(_PickleFiles(tmp_path), "rows")


def test_assets_pass_outputs_through_the_resource(tmp_path):
    @dg.asset
    def numbers() -> list:
        return [1, 2, 3]

    @dg.asset
    def total(numbers: list) -> int:
        return sum(numbers)

    resources = {"io_manager": StepOutputs(base_dir=str(tmp_path))}
    assert dg.materialize([numbers, total], resources=resources).output_for_node("total") == 6
    # A run of `total` alone reads what the first run stored.
    assert dg.materialize([numbers, total], selection=["total"], resources=resources).output_for_node("total") == 6
