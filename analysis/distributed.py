"""Batch ingest on a Dask cluster: `python -m analysis ingest PATH --engine dask [--scheduler ADDR]`.

The analysis of an article is a pure function (DESIGN.md), so batches of articles go to Dask
workers, each of which loads the spaCy model once (a worker plugin), analyses its batch and
writes the result as Parquet partitions (one file per store table) into a directory; this process
reads each finished partition into the DuckDB store in one transaction. A batch lost with a dying
worker is rerun by Dask; a batch that fails is reported and the rest goes on. Rewriting a batch
replaces its articles, so nothing is duplicated.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

import pandas as pd
from distributed import WorkerPlugin

from analysis.actors import ActorOptions
from analysis.articles import Article, ReadError, read_paths
from analysis.pipeline import AnalysisOptions
from analysis.store import CHILD_TABLES, IngestSummary, Store, frames_of

BATCH = 32


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model once per worker, when the worker starts (or joins)."""

    idempotent = True
    name = "news-analysis-model"

    def __init__(self, model: str | None):
        self.model = model

    def setup(self, worker) -> None:
        from analysis.nlp import load_model

        load_model(self.model)


def analyze_partition(
    batch: list[Article], options: AnalysisOptions, version: str, out_dir: str, index: int
) -> tuple[int, int]:
    """Run on a worker: analyse a batch and write it as Parquet files; returns (index, articles)."""
    from analysis.nlp import load_model
    from analysis.pipeline import analyze_articles

    results = list(analyze_articles(batch, options=options, nlp=load_model(options.model), n_process=1))
    frames = frames_of(results, version)
    target = Path(out_dir) / f"part-{index:06d}"
    staging = Path(out_dir) / f".part-{index:06d}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for table, frame in frames.items():
        frame.to_parquet(staging / f"{table}.parquet", index=False)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)  # a partition appears whole or not at all
    return index, len(results)


def read_partition(folder: Path) -> dict[str, pd.DataFrame]:
    return {table: pd.read_parquet(folder / f"{table}.parquet") for table in ("articles", *CHILD_TABLES)}


def _client(args: argparse.Namespace):
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        try:
            return Client(args.scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as exc:
            raise ConnectionError(f"cannot reach the Dask scheduler at {args.scheduler} ({exc})") from exc
    cluster = LocalCluster(
        n_workers=max(1, args.n_process or 2),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    )
    return Client(cluster), cluster


def ingest_dask(args: argparse.Namespace) -> int:
    """The dask engine of `ingest`; returns the exit status."""
    from dask.distributed import as_completed

    started = time.perf_counter()
    options = AnalysisOptions(
        model=args.model,
        actors=ActorOptions(
            metonyms=not args.literal_metonyms, demonyms=not args.no_demonyms, alias_file=args.aliases
        ),
        theme_file=args.themes,
    )
    version = options.version()
    summary = IngestSummary()
    try:
        client, cluster = _client(args)
    except ConnectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out_dir = Path(tempfile.mkdtemp(prefix="news-ingest-"))
    try:
        client.register_plugin(ModelPlugin(options.model))
        with Store(args.store) as store:
            futures = {}
            articles = (r for r in read_paths(args.paths) if _keep(r, summary))
            index = 0
            while batch := list(islice(articles, BATCH)):
                known = store.known([a.id for a in batch])
                todo = list({a.id: a for a in batch if known.get(a.id) != (a.content_hash, version)}.values())
                summary.skipped += len(batch) - len(todo)
                if todo:
                    future = client.submit(
                        analyze_partition, todo, options, version, str(out_dir), index, retries=2, pure=False
                    )
                    futures[future] = todo
                    index += 1
            for future in as_completed(list(futures)):
                todo = futures[future]
                try:
                    part, count = future.result()
                except Exception as exc:  # a failed batch is reported; the others still land
                    print(
                        f"error: batch starting with {todo[0].path or todo[0].id} ({len(todo)} articles) "
                        f"failed: {type(exc).__name__}: {exc}",
                        file=sys.stderr,
                    )
                    continue
                store.write_frames(read_partition(out_dir / f"part-{part:06d}"))
                summary.analysed += count
            if summary.analysed:
                store.refresh_phrase_frequencies()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(out_dir, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    print(summary.line() + " (dask)", file=sys.stderr)
    return 0 if summary.analysed or (summary.read and not summary.errors) else 1


def _keep(item, summary: IngestSummary) -> bool:
    if isinstance(item, Article):
        summary.read += 1
        return True
    if isinstance(item, ReadError):
        summary.errors.append(item)
    print(item, file=sys.stderr)
    return False
