"""Themes given per BBC section on the articles outside the theme gold: a weak check of a rule
change on text nobody labelled or tuned on.

A section is no theme, but some pairs are telling: Sport on politics articles should be a story
about sport (issue 21), politics on tech articles and Crime and justice on entertainment
articles are often an aside. Each article's themes are counted under its section, the best theme
and those beside it apart; the articles of tests/gold/themes.yaml are left out.

    .venv/bin/python bench/theme_outside.py [--cache FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_common import CORPORA, load_gold  # noqa: E402
from theme_gold import word_forms  # noqa: E402

from analysis.extract.themes import ThemeLexicon, match_themes  # noqa: E402
from analysis.readers import Article, read_paths  # noqa: E402

# (section, theme) pairs read after each change (issue 21).
WATCHED = [
    ("politics", "Sport"),
    ("tech", "Elections and politics"),
    ("business", "Elections and politics"),
    ("entertainment", "Crime and justice"),
    ("tech", "Crime and justice"),
    ("business", "Technology"),
]


def outside_articles() -> list[Article]:
    """Every BBC article that tests/gold/themes.yaml does not label, in file order."""
    gold = {entry["file"] for entry in load_gold("themes.yaml") if "newid" not in entry}
    articles = [a for a in read_paths([CORPORA / "bbc"]) if isinstance(a, Article)]
    return [a for a in articles if str(Path(a.path).relative_to(CORPORA)) not in gold]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    articles = outside_articles()
    lexicon = ThemeLexicon.load()
    sections: Counter[str] = Counter()
    best: Counter[tuple[str, str]] = Counter()
    beside: Counter[tuple[str, str]] = Counter()
    for article, (lowers, lemmas) in zip(articles, word_forms(articles, args.cache)):
        sections[article.section] += 1
        for rank, theme in enumerate(t.name for t in match_themes(lowers, lemmas, lexicon)):
            (best if rank == 0 else beside)[article.section, theme] += 1

    print(f"BBC outside the theme gold: {sum(sections.values())} articles; per section, a theme's")
    print("articles as the best theme + beside it")
    themes = sorted({t for _, t in best | beside})
    print(f"{'theme':28}" + "".join(f"{s[:13]:>15}" for s in sorted(sections)))
    for theme in themes:
        cells = "".join(f"{best[s, theme]:>9} +{beside[s, theme]:>4}" for s in sorted(sections))
        print(f"{theme:28}{cells}")
    print(f"{'(articles)':28}" + "".join(f"{sections[s]:>15}" for s in sorted(sections)))
    print("\nwatched pairs (best + beside):")
    for section, theme in WATCHED:
        print(f"  {section:14} {theme:28} {best[section, theme]:>3} + {beside[section, theme]:>3}")


if __name__ == "__main__":
    main()
