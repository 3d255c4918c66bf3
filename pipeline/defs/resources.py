"""Where the pipeline reads articles and writes the dataset, as one Dagster resource."""


import os
from pathlib import Path

import dagster as dg

from pipeline.text.decode import DEFAULT_MAX_BYTES

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class DatasetPaths(dg.ConfigurableResource):
    """Input folder, output folder and file-size limit.

    Empty settings fall back to the environment, read when a run starts:
    EXCHANGES_SEEDS_DIR (default `seeds/`), EXCHANGES_DATA_DIR (default `data/`),
    EXCHANGES_MAX_BYTES (default 5,000,000), EXCHANGES_OVERRIDES (default `curation/overrides.yaml`),
    EXCHANGES_CACHE_DIR (default `.cache/`; `off` to disable).
    """

    seeds_dir: str = ""
    data_dir: str = ""
    max_bytes: int = 0
    overrides_file: str = ""
    cache_dir: str = ""

    def cache(self) -> Path | None:
        """Folder of per-document results (EXCHANGES_CACHE_DIR, default `.cache/`); `off` disables caching."""
        value = self.cache_dir or os.environ.get("EXCHANGES_CACHE_DIR") or str(PROJECT_ROOT / ".cache")
        return None if value == "off" else Path(value).resolve()

    def overrides(self) -> Path:
        return Path(self.overrides_file or os.environ.get("EXCHANGES_OVERRIDES") or PROJECT_ROOT / "curation" / "overrides.yaml").resolve()

    def seeds(self) -> Path:
        return Path(self.seeds_dir or os.environ.get("EXCHANGES_SEEDS_DIR") or PROJECT_ROOT / "seeds").resolve()

    def data(self) -> Path:
        return Path(self.data_dir or os.environ.get("EXCHANGES_DATA_DIR") or PROJECT_ROOT / "data").resolve()

    def max_file_bytes(self) -> int:
        return self.max_bytes or int(os.environ.get("EXCHANGES_MAX_BYTES") or DEFAULT_MAX_BYTES)


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"paths": DatasetPaths()})
