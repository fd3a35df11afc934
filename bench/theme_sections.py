"""Themes against BBC sections, and how often article sentiment saturates.

On a fixed random sample of BBC articles: for the economy, sport and technology themes, the
precision and recall of "this theme is the article's top theme" against the business, sport and
tech sections; then the share of articles whose article compound is beyond +-0.95 (mean of
sentence compounds) next to the raw whole-text VADER compound that this design avoids.

    .venv/bin/python bench/theme_sections.py [--sample 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extract import sentiment  # noqa: E402
from analysis.readers import Article, read_paths  # noqa: E402
from analysis.pipeline import analyze_articles  # noqa: E402

BBC = ROOT.parent / "shared" / "corpora" / "bbc"
PAIRS = {"Trade and economy": "business", "Sport": "sport", "Technology": "tech"}


def sample(n: int, seed: int) -> list[Article]:
    articles = [a for a in read_paths([BBC]) if isinstance(a, Article)]
    random.Random(seed).shuffle(articles)
    return articles[:n]


def evaluate(results) -> dict:
    """Per theme: precision and recall of top theme vs section; saturation shares."""
    out = {}
    for theme, section in PAIRS.items():
        predicted = [r for r in results if r.themes and r.themes[0].name == theme]
        actual = [r for r in results if r.article.section == section]
        hits = sum(r.article.section == section for r in predicted)
        out[theme] = {
            "section": section,
            "precision": hits / max(1, len(predicted)),
            "recall": hits / max(1, len(actual)),
            "predicted": len(predicted),
            "actual": len(actual),
        }
    out["saturated"] = sum(abs(r.compound) > 0.95 for r in results) / len(results)
    out["saturated_raw"] = sum(abs(sentiment.compound(r.article.text)) > 0.95 for r in results) / len(results)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    results = list(analyze_articles(sample(args.sample, args.seed)))
    figures = evaluate(results)
    print(f"BBC sample: {len(results)} articles (seed {args.seed})")
    print(f"{'theme':20} {'section':10} {'precision':>9} {'recall':>7} {'top-theme':>9} {'section n':>9}")
    for theme in PAIRS:
        f = figures[theme]
        print(
            f"{theme:20} {f['section']:10} {f['precision']:>9.3f} {f['recall']:>7.3f} "
            f"{f['predicted']:>9} {f['actual']:>9}"
        )
    print(
        f"articles with |compound| > 0.95: {figures['saturated']:.3f} (mean of sentences); "
        f"{figures['saturated_raw']:.3f} (raw whole-text VADER)"
    )


if __name__ == "__main__":
    main()
