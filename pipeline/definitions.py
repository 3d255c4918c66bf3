"""The one entry point: every Dagster object under pipeline/defs/, run in one process.

The in-process executor: on two cores the pipeline's steps are short, and spawning a
process per step would cost more than it saves.
"""

from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(
        dg.load_from_defs_folder(project_root=Path(__file__).resolve().parent.parent),
        dg.Definitions(executor=dg.in_process_executor),
    )
