"""Step outputs between assets: pickle files as with Dagster's default, kept in memory for the rest of the run.

A full run passes the same 10k-document lists and tables to several steps; unpickling them
again for each reader cost seconds per run. A step that reads an output written earlier in
the same run gets the object itself, when the file on disk is still the one it wrote (so
another run's newer file always wins). Assets never change their inputs in place.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import dagster as dg

from pipeline.memory import bulk_objects


class _PickleFiles(dg.IOManager):
    def __init__(self, base: Path) -> None:
        self.base = base
        self.written: dict[Path, tuple[tuple[int, int, int], object]] = {}  # path -> (file's identity, the object)

    def _path(self, context: dg.InputContext | dg.OutputContext) -> Path:
        parts = context.get_asset_identifier() if context.has_asset_key else context.get_identifier()
        return self.base.joinpath(*parts)

    @staticmethod
    def _identity(path: Path) -> tuple[int, int, int]:
        stat = os.stat(path)
        return stat.st_ino, stat.st_size, stat.st_mtime_ns

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_name(f".{path.name}.{os.getpid()}")
        with open(staged, "wb") as f, bulk_objects():
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(staged, path)  # a reader sees the old output or the new one, never half a file
        self.written[path] = (self._identity(path), obj)
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> object:
        path = self._path(context)
        if not path.exists():
            raise dg.Failure(f"{'/'.join(context.asset_key.path) if context.has_asset_key else path.name} has not been materialized "
                             f"yet (no {path}): materialize it first, or run the whole `materialize_dataset` job.")
        identity, obj = self.written.get(path, (None, None))
        if identity == self._identity(path):
            return obj
        with open(path, "rb") as f, bulk_objects():
            return pickle.load(f)


class StepOutputs(dg.ConfigurableIOManagerFactory):
    """Where assets hand their outputs to the next steps: `base_dir`, default the Dagster instance's storage folder."""

    base_dir: str = ""

    def create_io_manager(self, context) -> _PickleFiles:
        return _PickleFiles(Path(self.base_dir or context.instance.storage_directory()))


@dg.definitions
def storage() -> dg.Definitions:
    return dg.Definitions(resources={"io_manager": StepOutputs()})
