"""Themes against the hand-labelled gold set (tests/gold/themes.yaml).

Micro precision and recall over (article, theme) pairs, for the whole set, the tuning half and
the holdout half (bench/gold_common.py: even and odd positions), and per gold group (`sample`:
20 articles a BBC section and 20 Reuters stories; `actors`: 10 Reuters stories); then per theme,
with the tags given as an article's best theme and beside it counted apart (counts only, so they
may be shown for the holdout half). With -v, every wrong or missed theme of the chosen split with
the terms that hit. Both halves have been read for tuning since session 14; `themes_fresh.yaml`
(75 articles labelled blind in session 14) and `themes_fresh2.yaml` (75 more, session 15) are the
held-out part: their rows give totals only, each and together; `--split fresh` or `fresh2` with
-v lists a set's errors, which spends it.

Theme matching reads only an article's lower-case forms and lemmas, so these are cached in
--cache (keyed by the texts) and a lexicon or rule change is re-scored without spaCy.

    .venv/bin/python bench/theme_gold.py [--split all|tune|holdout|fresh|fresh2] [-v] [--cache FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_common import GOLD, SPLITS, gold_articles, in_split, label, load_gold  # noqa: E402

from analysis.extract.themes import ThemeLexicon, match_themes
from analysis.nlp.strings import token_forms  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402


# A blind set labelled in session 14 (tests/gold/README.md): its row is printed with totals only;
# `--split fresh` lists its errors, which spends it. themes_fresh2.yaml was labelled blind in
# session 15 the same way; the two are also scored together.
FRESH_SETS = (("fresh", "themes_fresh.yaml"), ("fresh2", "themes_fresh2.yaml"))


def word_forms(articles, cache: Path | None) -> list[tuple[list[str], list[str]]]:
    key = hashlib.sha1("\0".join(a.text for a in articles).encode()).hexdigest()
    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return stored["forms"]
    docs = parse(load_pipeline(), [a.text for a in articles])
    forms = [token_forms(doc) for doc in docs]
    if cache:
        cache.write_bytes(pickle.dumps({"key": key, "forms": forms}))
    return forms


def score(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float, int, int, int]:
    """Micro precision, recall, true positives, predicted, gold over (gold, predicted) sets."""
    tp = sum(len(g & p) for g, p in pairs)
    predicted = sum(len(p) for _, p in pairs)
    gold = sum(len(g) for g, _ in pairs)
    return tp / max(1, predicted), tp / max(1, gold), tp, predicted, gold


def print_blind(part: str, pairs: list[tuple[set[str], list[str]]]) -> None:
    """A blind set's totals: (gold themes, themes found best first) per article."""
    p, r, tp, pred, gold = score([(g, set(f)) for g, f in pairs])
    best = sum(bool(f) for _, f in pairs)
    best_tp = sum(bool(f) and f[0] in g for g, f in pairs)
    beside = sum(len(f[1:]) for _, f in pairs)
    beside_tp = sum(len(set(f[1:]) & g) for g, f in pairs)
    print(
        f"{part:22} {len(pairs):>4} {p:>9.3f} {r:>7.3f} {tp:>4} {pred:>5} {gold:>5}"
        f"   best {best_tp} / {best}, beside {beside_tp} / {beside}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, *(part for part, _ in FRESH_SETS)), default="all", help="the part listed by -v")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    entries = load_gold("themes.yaml")
    articles = gold_articles(entries)
    lexicon = ThemeLexicon.load()
    rows = []
    for position, (entry, (lowers, lemmas)) in enumerate(zip(entries, word_forms(articles, args.cache))):
        found = match_themes(lowers, lemmas, lexicon)
        rows.append((position, entry, set(entry["themes"] or []), {t.name for t in found}, found))

    print(f"themes.yaml: {len(rows)} articles; micro precision / recall over (article, theme) pairs")
    print(f"{'part':22} {'n':>4} {'precision':>9} {'recall':>7} {'tp':>4} {'pred':>5} {'gold':>5}")
    parts = [(s, lambda r, s=s: in_split(r[0], s, r[1])) for s in SPLITS] + [
        (f"group {g}", lambda r, g=g: r[1].get("group") == g) for g in ("sample", "actors", "extra")
    ]
    for name, keep in parts:
        chosen = [r for r in rows if keep(r)]
        p, r, tp, pred, gold = score([(g, f) for _, _, g, f, _ in chosen])
        print(f"{name:22} {len(chosen):>4} {p:>9.3f} {r:>7.3f} {tp:>4} {pred:>5} {gold:>5}")
    blind, scored = [], 0
    for part, file in FRESH_SETS:
        if not (GOLD / file).exists():
            continue
        fresh = load_gold(file)
        cache = args.cache.with_name(f"{args.cache.stem}-{part}{args.cache.suffix}") if args.cache else None
        found = [match_themes(lo, le, lexicon) for lo, le in word_forms(gold_articles(fresh), cache)]
        pairs = [(set(e["themes"] or []), [t.name for t in f]) for e, f in zip(fresh, found)]
        print_blind(f"{part} (blind)", pairs)
        blind += pairs
        scored += 1
        if args.split == part:
            rows = [(-1, e, set(e["themes"] or []), {t.name for t in f}, f) for e, f in zip(fresh, found)]
    if scored > 1:
        print_blind("blind sets together", blind)

    # A theme is given as an article's best or beside the best (module docstring of
    # analysis/extract/themes.py); the two rules fail differently, so their tags are counted apart.
    print(f"\nper theme ({args.split}): tp / predicted / gold; as the best theme, beside it: tp / predicted")
    tp, pred, gold = Counter(), Counter(), Counter()
    best_tp, best, beside_tp, beside = Counter(), Counter(), Counter(), Counter()
    for position, entry, g, f, found in rows:
        if position < 0 or in_split(position, args.split, entry):
            tp.update(g & f)
            pred.update(f)
            gold.update(g)
            for rank, theme in enumerate(t.name for t in found):
                (best if rank == 0 else beside)[theme] += 1
                (best_tp if rank == 0 else beside_tp)[theme] += theme in g
    for theme in sorted(set(pred) | set(gold), key=lambda t: (-gold[t], t)):
        print(
            f"  {theme:28} {tp[theme]:>3} / {pred[theme]:>3} / {gold[theme]:>3}"
            f"   best {best_tp[theme]:>3} / {best[theme]:>3}   beside {beside_tp[theme]:>3} / {beside[theme]:>3}"
        )
    print(
        f"  {'(all themes)':28} {sum(tp.values()):>3} / {sum(pred.values()):>3} / {sum(gold.values()):>3}"
        f"   best {sum(best_tp.values()):>3} / {sum(best.values()):>3}"
        f"   beside {sum(beside_tp.values()):>3} / {sum(beside.values()):>3}"
    )

    if args.verbose:
        print(f"\nerrors ({args.split}):")
        for position, entry, g, f, found in rows:
            if g == f or (position >= 0 and not in_split(position, args.split, entry)):
                continue
            terms = {t.name: (t.score, t.terms) for t in found}
            print(f"  {label(entry)}  {entry.get('title', '')!r}")
            for theme in sorted(f - g):
                print(f"     + {theme}: {terms[theme]}")
            for theme in sorted(g - f):
                print(f"     - {theme}")


if __name__ == "__main__":
    main()
