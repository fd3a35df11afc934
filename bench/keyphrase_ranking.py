"""The store's top key phrases, as the dashboard ranks them (queries.corpus_keyphrases).

For a store: the top N of the whole store, of each section (BBC), and of the three themes with
the most articles (Reuters has no sections), with each phrase's number of articles. Run it on a
store built by the checkout to judge, and on one built by another checkout to compare:

    .venv/bin/python bench/keyphrase_ranking.py STORE [--top 20] [--actor NAME ...]
    git archive HEAD~1 analysis | tar -x -C /tmp/old && \\
        PYTHONPATH=/tmp/old .venv/bin/python bench/keyphrase_ranking.py OLD_STORE
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH, so another checkout's analysis/ can be measured

import duckdb  # noqa: E402

from analysis.queries import Filters, corpus_keyphrases  # noqa: E402


def views(con, actors: list[str]) -> list[tuple[str, Filters]]:
    out = [("whole store", Filters())]
    sections = [r[0] for r in con.execute("SELECT DISTINCT section FROM articles WHERE section IS NOT NULL ORDER BY 1").fetchall()]
    if len(sections) > 1:
        out += [(f"section {s}", Filters(sections=(s,))) for s in sections]
    else:
        themes = con.execute("SELECT name FROM themes GROUP BY name ORDER BY count(DISTINCT article_id) DESC LIMIT 3").fetchall()
        out += [(f"theme {t}", Filters(themes=(t,))) for (t,) in themes]
    return out + [(f"actor {a}", Filters(actors=(a,))) for a in actors]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--actor", action="append", default=[])
    args = parser.parse_args()
    con = duckdb.connect(args.store, read_only=True)
    (n,) = con.execute("SELECT count(*) FROM articles").fetchone()
    print(f"{args.store}: {n} articles")
    for name, filters in views(con, args.actor):
        top = corpus_keyphrases(con, filters, limit=args.top)
        print(f"\n{name}:")
        print("  " + " | ".join(f"{p} ({a})" for p, a in zip(top["phrase"], top["articles"])))


if __name__ == "__main__":
    main()
