"""Actors against the hand-checked gold set (tests/gold/actors.yaml).

Scoring follows tests/gold/README.md. Names are compared as the alias table compares them (case,
full stops and a leading "the" ignored) and, since the gold keeps titles in its forms ("Mr
Blair") while the product keeps them apart, with leading titles dropped on both sides.

- Listed actors: a predicted actor matches a gold actor when its name is the gold name or one of
  its forms. Optional entries count neither way. A second predicted actor matching a gold actor
  already matched ("Blair" beside "Tony Blair") is a false actor: the filter list shows two.
  Precision = matched predicted / predicted not optional; recall = matched gold / gold.
- Merges: the pairs of distinct forms that one actor gathers. Gold pairs come from each gold
  actor's forms; predicted pairs from the surface forms of each predicted actor's mentions,
  counted only between forms that the gold lists for the article (a form the gold never lists
  cannot be judged as a merge; as an actor it is already scored above).
- not_actors: predicted actor names equal to a `not_actors` string (counted apart; most are also
  false actors above).

Splits (bench/gold_common.py): even positions in the file were used for tuning, odd positions
were the holdout until session 11, when its errors were read and all 44 articles became tuning
material. `actors_fresh.yaml`, annotated blind after that, was the held-out part until session
14, when its errors were read too (`--split fresh`). `actors_fresh2.yaml` (annotated blind in
session 14) and `actors_fresh3.yaml` (session 15) are the held-out part now: their rows are printed
when the files exist, and their errors are listed only when asked for (`--split fresh2`,
`--split fresh3`), which spends them.

With --origins, each part's errors are counted by where they start (`error_origins`): the model's
entities or the resolver after them.

    .venv/bin/python bench/actor_gold.py [--split all|tune|holdout|fresh|fresh2|fresh3] [-v] [--origins]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_common import GOLD, SPLITS, gold_articles, in_split, label, load_gold  # noqa: E402

from analysis.extract.actors import TITLES, ActorOptions, count_actors, normal_form, resolve_mentions  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402

# The blind sets, oldest first: (part name, file).
FRESH_SETS = (("fresh", "actors_fresh.yaml"), ("fresh2", "actors_fresh2.yaml"), ("fresh3", "actors_fresh3.yaml"))
_TITLE_WORDS = sorted((t.split() for t in TITLES), key=len, reverse=True)


def key(name: str) -> str:
    """Normal form without possessive and leading titles ("Mr Blair's" -> "blair")."""
    words = normal_form(name).replace("'s", "").replace("’s", "").split()
    stripped = True
    while stripped:
        stripped = False
        for title in _TITLE_WORDS:
            if len(words) > len(title) and words[: len(title)] == title:
                words = words[len(title) :]
                stripped = True
                break
    return " ".join(words)


def score_article(entry: dict, actors, mentions) -> dict:
    gold = [
        (key(a["name"]), {key(f) for f in a.get("forms") or []} | {key(a["name"])})
        for a in entry.get("actors") or []
    ]
    optional = [
        {key(a["name"]), *(key(f) for f in a.get("forms") or [])} for a in entry.get("optional") or []
    ]
    not_actors = {key(s) for s in entry.get("not_actors") or []}

    matched: set[int] = set()
    true, false, ignored = [], [], []
    # Names first, then forms: "Tony Blair" claims the gold actor before a stray "Blair" does.
    ranked = sorted(actors, key=lambda a: (not any(key(a.name) == g for g, _ in gold), -a.mentions))
    for actor in ranked:
        k = key(actor.name)
        hit = next((i for i, (g, _) in enumerate(gold) if g == k), None)
        if hit is None:
            hit = next((i for i, (_, forms) in enumerate(gold) if k in forms), None)
        if hit is not None and hit not in matched:
            matched.add(hit)
            true.append(actor.name)
        elif hit is None and any(k in forms for forms in optional):
            ignored.append(actor.name)
        else:
            false.append(actor.name)
    missed = [entry["actors"][i]["name"] for i in range(len(gold)) if i not in matched]

    known = set().union(*(forms for _, forms in gold), *optional) if gold or optional else set()
    gold_pairs = {frozenset(p) for _, forms in gold for p in combinations(sorted(forms - {""}), 2)}
    # The gold name is not always a written form: pairs are only between written forms.
    gold_pairs = {
        frozenset(p)
        for a in entry.get("actors") or []
        for p in combinations(sorted({key(f) for f in a.get("forms") or []}), 2)
    }
    forms_by_actor: dict[str, set[str]] = {}
    for m in mentions:
        if m.actor is not None and key(m.text) in known:
            forms_by_actor.setdefault(m.actor, set()).add(key(m.text))
    predicted_pairs = {
        frozenset(p) for forms in forms_by_actor.values() for p in combinations(sorted(forms), 2)
    }
    return {
        "true": true,
        "false": false,
        "missed": missed,
        "ignored": ignored,
        "not_actors": [a.name for a in actors if key(a.name) in not_actors],
        "gold_pairs": gold_pairs,
        "predicted_pairs": predicted_pairs,
    }


def summary(results: list[dict]) -> tuple[float, float, float, float, int]:
    true = sum(len(r["true"]) for r in results)
    predicted = true + sum(len(r["false"]) for r in results)
    gold = true + sum(len(r["missed"]) for r in results)
    pair_tp = sum(len(r["gold_pairs"] & r["predicted_pairs"]) for r in results)
    pair_pred = sum(len(r["predicted_pairs"]) for r in results)
    pair_gold = sum(len(r["gold_pairs"]) for r in results)
    return (
        true / max(1, predicted),
        true / max(1, gold),
        pair_tp / max(1, pair_pred),
        pair_tp / max(1, pair_gold),
        sum(len(r["not_actors"]) for r in results),
    )


def score_entries(nlp, entries: list[dict]) -> list[dict]:
    """Each entry's scores, from the actors resolved in its article, with its errors' origins."""
    articles = gold_articles(entries)
    results = []
    for entry, article, doc in zip(entries, articles, parse(nlp, [a.text for a in articles])):
        mentions = resolve_mentions(doc, ActorOptions())
        result = score_article(entry, count_actors(mentions), mentions)
        result["origins"] = error_origins(entry, article.text, doc, mentions, result)
        results.append(result)
    return results


# The labels the resolver reads as actors; a false actor all of whose mentions the model tagged so,
# as written, was the model's error before it was the resolver's.
_MODEL_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


def error_origins(entry: dict, text: str, doc, mentions, result: dict) -> Counter:
    """One article's errors counted by where they start. A false actor is the model's when every
    mention of it is an entity the model tagged with an actor label, exactly as the mention is
    written (the resolver kept what the model gave); a missed actor is the model's when no entity
    it tagged with an actor label is exactly a place where the text writes one of the actor's
    forms (it missed the name or cut it wrong: "Sandino Moreno" for "Catalina Sandino Moreno").
    Counts only: no names, so a blind set stays blind."""
    tally: Counter = Counter()
    tagged = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in _MODEL_ACTOR_LABELS}
    for name in result["false"]:
        own = [m for m in mentions if m.actor == name]
        tally["false", "model" if own and all((m.start, m.end) in tagged for m in own) else "resolver"] += 1
    for name in result["missed"]:
        gold = next(a for a in entry["actors"] if a["name"] == name)
        spots = [
            found.span()
            for form in gold.get("forms") or [name]
            for found in re.finditer(r"(?<!\w)" + re.escape(str(form)) + r"(?!\w)", text)
        ]
        tally["missed", "resolver" if any(spot in tagged for spot in spots) else "model"] += 1
    return tally


def print_row(part: str, results: list[dict]) -> None:
    p, r, mp, mr, bad = summary(results)
    print(f"{part:10} {len(results):>4} {p:>8.3f} {r:>8.3f} {mp:>8.3f} {mr:>8.3f} {bad:>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", choices=(*SPLITS, *(name for name, _ in FRESH_SETS)), default="all", help="the part listed by -v"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--origins", action="store_true", help="count each part's errors by where they start: the model or the resolver"
    )
    args = parser.parse_args()
    nlp = load_pipeline()
    entries = load_gold("actors.yaml")
    results = score_entries(nlp, entries)
    fresh = {name: load_gold(file) for name, file in FRESH_SETS if (GOLD / file).exists()}
    fresh_results = {name: score_entries(nlp, part) for name, part in fresh.items()}

    sizes = "; ".join(f"{file}: {len(fresh_results[name])}" for name, file in FRESH_SETS if name in fresh)
    print(f"actors.yaml: {len(results)} articles; {sizes}")
    print(
        f"{'part':10} {'n':>4} {'actor P':>8} {'actor R':>8} {'merge P':>8} {'merge R':>8} {'not_actors':>10}"
    )
    for split in SPLITS:
        print_row(split, [r for i, r in enumerate(results) if in_split(i, split)])
    for source in ("bbc", "reuters"):
        print_row(source, [r for e, r in zip(entries, results) if e["file"].startswith(source)])
    for name, part in fresh_results.items():
        print_row(name, part)

    if args.origins:
        print("\nerrors by origin: false actors (model / resolver), missed actors (model / resolver)")
        for name, part in (("all", results), *fresh_results.items()):
            t = sum((r["origins"] for r in part), Counter())
            print(
                f"{name:10} false {t['false', 'model']:>3} / {t['false', 'resolver']:<3}"
                f" missed {t['missed', 'model']:>3} / {t['missed', 'resolver']:<3}"
            )

    if args.verbose:
        print(f"\nerrors ({args.split}):")
        if args.split in fresh:
            listed = list(zip(fresh[args.split], fresh_results[args.split]))
        else:
            listed = [(e, r) for i, (e, r) in enumerate(zip(entries, results)) if in_split(i, args.split)]
        for entry, r in listed:
            wrong_pairs = r["predicted_pairs"] - r["gold_pairs"]
            lost_pairs = r["gold_pairs"] - r["predicted_pairs"]
            if not (r["false"] or r["missed"] or wrong_pairs or lost_pairs):
                continue
            print(f"  {label(entry)}")
            for name, items in (
                ("false", r["false"]),
                ("missed", r["missed"]),
                ("wrong merge", [" = ".join(sorted(p)) for p in wrong_pairs]),
                ("lost merge", [" = ".join(sorted(p)) for p in lost_pairs]),
            ):
                if items:
                    print(f"     {name}: {'; '.join(items)}")


if __name__ == "__main__":
    main()
