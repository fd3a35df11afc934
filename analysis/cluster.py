"""The Dask engine of the ingest loop: `python -m analysis ingest PATH --engine dask [--scheduler ADDR]`.

The analysis of an article is a pure function (DESIGN.md), so batches of articles go to Dask
workers, each of which loads the spaCy model once (a worker plugin), analyses its batch and
writes the store frames as Parquet partitions (one file per store table) into a directory that
the ingesting process reads (on this machine, or a shared filesystem for a remote cluster). A
batch lost with a dying worker is rerun by Dask; a batch that fails comes back as a
`BatchFailure` and the rest goes on. Scheduler and workers need the project installed
(`pip install .`), since both unpickle tasks that name its functions.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from distributed import WorkerPlugin

from analysis.errors import ClusterError
from analysis.ingest import BatchFailure, BatchResult
from analysis.pipeline import AnalysisOptions, analyze_articles, load_pipeline
from analysis.readers import Article
from analysis.records import CHILD_TABLES, store_frames

# Articles per Dask task.
BATCH = 32


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once per worker, when the worker starts (or joins)."""

    idempotent = True
    name = "news-analysis-model"

    def __init__(self, model: str | None):
        self.model = model

    def setup(self, worker) -> None:
        load_pipeline(self.model)


def analyze_partition(
    batch: list[Article], options: AnalysisOptions, version: str, out_dir: str, index: int
) -> int:
    """Run on a worker: analyse a batch and write its store frames as Parquet files."""
    results = list(analyze_articles(batch, options=options, nlp=load_pipeline(options.model), n_process=1))
    target = Path(out_dir) / f"part-{index:06d}"
    staging = Path(out_dir) / f".part-{index:06d}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for table, frame in store_frames(results, version).items():
        frame.to_parquet(staging / f"{table}.parquet", index=False)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)  # a partition appears whole or not at all
    return index


def read_partition(folder: Path) -> dict[str, pd.DataFrame]:
    return {table: pd.read_parquet(folder / f"{table}.parquet") for table in ("articles", *CHILD_TABLES)}


@dataclass
class DaskEngine:
    """Batches of `BATCH` articles on a Dask cluster: the one at `scheduler`, or a LocalCluster
    of `n_workers` single-threaded worker processes on this machine."""

    scheduler: str | None = None
    n_workers: int = 2
    name: str = "dask"

    def _client(self):
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="10s"), None
            except (OSError, TimeoutError) as exc:
                raise ClusterError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); "
                    f"check the address and that `dask scheduler` is running"
                ) from exc
        cluster = LocalCluster(
            n_workers=max(1, self.n_workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        return Client(cluster), cluster

    def run(self, batches: Iterable[list[Article]], options: AnalysisOptions, version: str) -> Iterator[BatchResult]:
        from dask.distributed import as_completed

        client, cluster = self._client()
        out_dir = Path(tempfile.mkdtemp(prefix="news-ingest-"))
        try:
            client.register_plugin(ModelPlugin(options.model))
            futures = {}
            index = 0
            for batch in batches:
                for start in range(0, len(batch), BATCH):
                    todo = batch[start : start + BATCH]
                    future = client.submit(
                        analyze_partition, todo, options, version, str(out_dir), index, retries=2, pure=False
                    )
                    futures[future] = todo
                    index += 1
            for future in as_completed(list(futures)):
                todo = futures[future]
                try:
                    part = future.result()
                except Exception as exc:  # a failed batch is reported; the others still land
                    yield BatchFailure(todo[0].path or todo[0].id, len(todo), f"{type(exc).__name__}: {exc}")
                    continue
                yield read_partition(out_dir / f"part-{part:06d}")
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            shutil.rmtree(out_dir, ignore_errors=True)
