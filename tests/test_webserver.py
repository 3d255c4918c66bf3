"""The UI's backend, asked over GraphQL on localhost for the asset graph a user sees."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_pipeline import EXPECTED_GRAPH

ROOT = Path(__file__).resolve().parents[1]
QUERY = "{ assetNodes { assetKey { path } groupName description kinds hasAssetChecks } }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url: str, query: str) -> dict:
    request = urllib.request.Request(url, data=json.dumps({"query": query}).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path_factory.mktemp("dagster_home"))}
    webserver_bin = Path(sys.executable).parent / "dagster-webserver"
    process = subprocess.Popen([str(webserver_bin), "-m", "pipeline.definitions", "-h", "127.0.0.1", "-p", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a bounded wait for start-up, not a performance assertion
        while True:
            try:
                with urllib.request.urlopen(f"{url}/server_info", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("the webserver did not start")
                time.sleep(1)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_graphql_lists_the_asset_graph(webserver):
    nodes = post(f"{webserver}/graphql", QUERY)["data"]["assetNodes"]
    by_key = {"/".join(n["assetKey"]["path"]): n for n in nodes}
    assert {k: n["groupName"] for k, n in by_key.items()} == {k: g for k, (g, _) in EXPECTED_GRAPH.items()}
    assert all(n["description"] and n["kinds"] for n in nodes)
    assert all(by_key[t]["hasAssetChecks"] for t in ("sources", "repairs", "exchanges", "claims", "figures", "parties"))
