"""`python -m analysis export`: charts and their data from a store, the same as on the page,
and the report zip that the dashboard's sidebar offers too."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from analysis import queries
from analysis.errors import NoBrowser
from analysis.figures import catalog, export
from analysis.store import Store


def provenance_of(store: Store, filters: queries.Filters) -> export.Provenance:
    articles = queries.overview(store.con, filters)["articles"]
    return export.provenance_for(store.stats(), articles, filters.describe())


Progress = Callable[[float, str], None]


def bundle(
    con, filters: queries.Filters, provenance: export.Provenance, *, images: bool = True, progress: Progress | None = None
) -> bytes:
    """The report zip for a view: every chart, the articles, the methods note. `progress` is
    told the share done and what is being done, at each step."""
    say = progress or (lambda done, what: None)
    query = catalog.bind(con, filters)
    figures = {}
    for k, name in enumerate(catalog.CHARTS):
        say(0.3 * k / len(catalog.CHARTS), f"Chart {k + 1} of {len(catalog.CHARTS)}: {name}")
        figures[name] = catalog.build(name, query)
    articles = queries.articles(con, filters, limit=None)
    say(0.3, f"Listing {len(articles):,} matching articles")
    # Written into the zip as they are read: a 200,000-article store's records held at once took
    # the server past 9 GB.
    jsonl = (json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in queries.iter_records(con, filters))
    return export.report_bundle(
        figures,
        provenance,
        articles_csv=export.data_csv(articles),
        records_jsonl=jsonl,
        chart_notes={n: c.describe for n, c in catalog.CHARTS.items()},
        images=images,
        progress=lambda done, what: say(0.5 + 0.5 * done, what),
    )


def run_export(args: argparse.Namespace) -> int:
    if args.list:
        print("\n".join(catalog.CHARTS))
        return 0
    filters = queries.Filters(
        actors=tuple(args.actor),
        themes=tuple(args.theme),
        topics=tuple(args.topic),
        since=args.since,
        until=args.until,
        q=args.q,
    )
    if args.topic:
        with Store(args.store, read_only=True, wait=args.wait) as store:
            labels = queries.topic_labels(store.con)
        unknown = [t for t in args.topic if t not in labels]
        if unknown:
            # Named, not dropped: an export without the topic would pass for the topic's figures.
            held = "; ".join(f"{t!r}" for t in labels) or "none (ingest again to find them)"
            print(f"error: no topic {', '.join(map(repr, unknown))} in this store; its topics: {held}", file=sys.stderr)
            return 2
    if args.bundle:
        with Store(args.store, read_only=True, wait=args.wait) as store:
            data = bundle(store.con, filters, provenance_of(store, filters))
        Path(args.bundle).write_bytes(data)
        print(f"wrote {args.bundle} ({len(data):,} bytes)", file=sys.stderr)
        return 0
    if not (args.chart and args.format and args.out):
        print(
            "error: export needs --list, --bundle FILE, or --chart NAME --format FMT --out FILE",
            file=sys.stderr,
        )
        return 2
    if args.chart not in catalog.CHARTS:
        print(f"error: no chart named {args.chart!r}; `--list` names them", file=sys.stderr)
        return 2
    with Store(args.store, read_only=True, wait=args.wait) as store:
        fig, data = catalog.build(args.chart, catalog.bind(store.con, filters))
        provenance = provenance_of(store, filters)
    if args.format == "csv":
        payload = export.data_csv(data)
    elif args.format == "html":
        payload = export.figure_html(fig, provenance, title=catalog.CHARTS[args.chart].title)
    else:
        try:
            payload = export.figure_image(fig, args.format, provenance)
        except NoBrowser as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    Path(args.out).write_bytes(payload)
    print(f"wrote {args.out} ({len(payload):,} bytes)", file=sys.stderr)
    return 0
