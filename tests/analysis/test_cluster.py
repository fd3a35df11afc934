"""Ingest on a real Dask cluster (distributed's own scheduler and worker processes on loopback,
started outside the repository with no PYTHONPATH, as the README's recipe says): the same store
as a local ingest, a worker killed mid-run, an unreachable scheduler."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import queries
from analysis.store import Store
from tests.conftest import BBC, ROOT, run_cli

SECTION = BBC / "entertainment"
DASK = str(Path(sys.executable).with_name("dask"))


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers, as separate processes in a folder outside
    the repository and without PYTHONPATH: they find the project as an installed package."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    address_file = tmp_path / "scheduler.json"
    procs = [
        subprocess.Popen(
            [
                DASK,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(address_file),
            ],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    deadline = time.monotonic() + 60
    while not address_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    address = json.loads(address_file.read_text())["address"]
    workers = [
        subprocess.Popen(
            [
                DASK,
                "worker",
                "--scheduler-file",
                str(address_file),
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
                "--name",
                f"w{i}",
            ],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(2)
    ]
    procs += workers
    yield address, workers
    for p in procs:
        p.kill()
        p.wait()


def records(path: Path) -> list[dict]:
    with Store(path, read_only=True) as store:
        return queries.records(store.con, queries.Filters())


def tables(path: Path) -> dict[str, list[tuple]]:
    """Every table of a store, sorted, without the ingest time."""
    with Store(path, read_only=True) as store:
        names = [r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {
            name: sorted(
                store.con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {name}" if name == "articles"
                                  else f"SELECT * FROM {name}").fetchall(),
                key=repr,
            )
            for name in sorted(names)
        }


@pytest.fixture(scope="module")
def local_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    result = run_cli("ingest", str(SECTION), "--store", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def local_records(local_store):
    return records(local_store)


def test_dask_ingest_gives_the_local_store(cluster, local_store, tmp_path):
    address, _ = cluster
    path = tmp_path / "dask.duckdb"
    result = run_cli("ingest", str(SECTION), "--store", str(path), "--engine", "dask", "--scheduler", address)
    assert result.returncode == 0, result.stderr
    assert "386 articles read, 386 analysed" in result.stderr
    got, want = tables(path), tables(local_store)
    assert set(got) == {
        "articles", "sentences", "entities", "actors", "quotes", "themes", "meta", "phrase_key_df", "topic_terms",
        "article_topics", "tones",
    }
    assert len(got["articles"]) == 386 and got["themes"]
    meta = dict(got["meta"])
    assert meta.pop("themes") and any(k.startswith("corpus:") for k in meta)
    assert got == want  # every row of every table, theme tags and meta included


def test_killed_worker_still_gives_the_complete_result(cluster, local_records, tmp_path):
    address, workers = cluster
    path = tmp_path / "dask.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "analysis",
            "ingest",
            str(SECTION),
            "--store",
            str(path),
            "--engine",
            "dask",
            "--scheduler",
            address,
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    wal = path.with_name(path.name + ".wal")
    deadline = time.monotonic() + 300
    # The schema alone writes a few KB; a partition of 32 articles with their word lists, far more.
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 100_000):
        time.sleep(0.1)  # the first partition has landed in the store
    os.kill(workers[0].pid, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    got = records(path)
    assert len(got) == 386 and len({r["id"] for r in got}) == 386
    assert got == local_records


def test_unreachable_scheduler_is_one_clear_error(tmp_path):
    result = run_cli(
        "ingest",
        "seeds",
        "--store",
        str(tmp_path / "s.duckdb"),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:9",
    )
    assert result.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
