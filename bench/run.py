"""End-to-end performance: materialize the whole pipeline on generated corpora and print where the time goes.

    .venv/bin/python bench/run.py --sizes 1000 10000

For each size, in a fresh process: wall time, articles/s, MB/s, peak RSS, time per asset;
then the cost of re-materializing after one new article (with the per-document cache warm).
Also: the extraction functions alone (no Dagster) and an empty Dagster run of the same graph,
so the framework's fixed cost is visible. Measured figures go to bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _materialize(seeds: Path, data: Path, cache: str) -> dict:
    import dagster as dg

    from pipeline.definitions import defs

    os.environ.update(EXCHANGES_SEEDS_DIR=str(seeds), EXCHANGES_DATA_DIR=str(data), EXCHANGES_CACHE_DIR=cache)
    job = defs().resolve_job_def("materialize_dataset")
    start = time.perf_counter()
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral())
    wall = time.perf_counter() - start
    steps = {event.step_key: event.event_specific_data.duration_ms / 1000
             for event in result.all_events if event.event_type_value == "STEP_SUCCESS"}
    return {"success": result.success, "wall_s": wall, "steps": steps}


def child(args: list[str]) -> None:
    """Runs in its own process, so peak RSS belongs to one measurement."""
    mode, seeds, data, cache = args
    out = _materialize(Path(seeds), Path(data), cache)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def run_child(seeds: Path, data: Path, cache: str) -> dict:
    output = subprocess.run([sys.executable, __file__, "--child", "run", str(seeds), str(data), cache],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def extraction_alone(seeds: Path) -> tuple[float, float]:
    from pipeline.extract.exchanges import extract_exchanges
    from pipeline.extract.figures import extract_figures
    from pipeline.text.normalize import normalize

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())]
    start = time.perf_counter()
    for raw in texts:
        doc = normalize(raw)
        extract_exchanges(doc.text, doc.published_date, extract_figures(doc.text))  # as the pipeline does: figures read once
    seconds = time.perf_counter() - start
    return seconds, sum(len(t.encode()) for t in texts) / seconds / 1e6


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    from bench.make_corpus import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "empty").mkdir()
        empty = run_child(tmp / "empty", tmp / "empty_data", "off")
        print(f"empty run of the whole graph: {empty['wall_s']:.2f} s (Dagster's fixed cost), peak RSS {empty['peak_rss_mb']:.0f} MB")
        for size in args.sizes:
            seeds = tmp / f"corpus_{size}"
            files = make_corpus(size, seeds)
            megabytes = sum(p.stat().st_size for p in files) / 1e6
            seconds, rate = extraction_alone(seeds)
            print(f"\n{size} articles, {megabytes:.1f} MB")
            print(f"  extraction alone (normalize + figures + exchanges, one core): {seconds:.1f} s, {rate:.2f} MB/s")
            cache = tmp / f"cache_{size}"
            full = run_child(seeds, tmp / f"data_{size}", str(cache))
            print(f"  full run: {full['wall_s']:.1f} s, {size / full['wall_s']:.0f} articles/s, {megabytes / full['wall_s']:.2f} MB/s, peak RSS {full['peak_rss_mb']:.0f} MB, success {full['success']}")
            for step, step_seconds in sorted(full["steps"].items(), key=lambda kv: -kv[1])[:8]:
                print(f"    {step:45} {step_seconds:7.2f} s")
            (seeds / "zz_new_article.txt").write_text(
                "Russia and Ukraine exchanged 77 prisoners each on Tuesday, March 4, 2025, in a swap brokered by Qatar.", encoding="utf-8")
            again = run_child(seeds, tmp / f"data_{size}", str(cache))
            print(f"  one new article, cache warm: {again['wall_s']:.1f} s to a republished dataset")
            for step, step_seconds in sorted(again["steps"].items(), key=lambda kv: -kv[1])[:8]:
                print(f"    {step:45} {step_seconds:7.2f} s")


if __name__ == "__main__":
    main()
