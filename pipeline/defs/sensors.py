"""Automation: a sensor that notices new or changed input files, and a daily schedule that is off by default."""

import hashlib
import os

import dagster as dg

from pipeline.corpus import list_input_files
from pipeline.defs.resources import DatasetPaths

everything = dg.define_asset_job("materialize_dataset", selection=dg.AssetSelection.all() - dg.AssetSelection.groups("scale_out"),
                                 description="The whole dataset: from the input folder to the published Parquet files and DuckDB database.")


@dg.sensor(job=everything, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Materializes the dataset when files in the input folder are added, removed or changed (names, sizes and times). Start it in the UI under Automation.")
def new_input_files(context: dg.SensorEvaluationContext):
    folder = DatasetPaths().seeds()
    if not folder.is_dir():
        return dg.SkipReason(f"input folder {folder} does not exist")
    stats = {name: os.lstat(folder / name) for name in list_input_files(folder)}  # lstat: a broken link is a file too
    listing = "\n".join(f"{name}\t{st.st_size}\t{st.st_mtime_ns}" for name, st in stats.items())
    fingerprint = hashlib.sha256(listing.encode()).hexdigest()[:16]
    if fingerprint == context.cursor:
        return dg.SkipReason("no new or changed files")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)


daily_rebuild = dg.ScheduleDefinition(name="daily_rebuild", job=everything, cron_schedule="0 5 * * *",
                                      default_status=dg.DefaultScheduleStatus.STOPPED,
                                      description="Rebuilds the whole dataset every day at 05:00 UTC; off by default.")
