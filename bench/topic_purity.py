"""Topics (NMF over lemmas) against BBC sections: purity with five topics.

A fixed random sample of BBC articles is parsed once (lemmas cached in --cache), five topics are
fitted, and purity is the share of articles whose topic's most common section is their own.
Each topic is printed with its label, its section mix and its top terms (the evidence).

    .venv/bin/python bench/topic_purity.py [--sample 1000] [--seed 3] [--k 5] [--cache FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.nlp.strings import token_forms  # noqa: E402
from analysis.extract.topics import fit_topics  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402
from analysis.readers import Article, read_paths  # noqa: E402

BBC = ROOT.parent / "shared" / "corpora" / "bbc"


def sample(n: int, seed: int) -> list[Article]:
    articles = [a for a in read_paths([BBC]) if isinstance(a, Article)]
    random.Random(seed).shuffle(articles)
    return articles[:n]


def lemmas_of(articles: list[Article], cache: Path | None) -> list[list[str]]:
    key = hashlib.sha1("\0".join(a.text for a in articles).encode()).hexdigest()
    if cache and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return stored["lemmas"]
    lemmas = [token_forms(doc)[1] for doc in parse(load_pipeline(), [a.text for a in articles])]
    if cache:
        cache.write_bytes(pickle.dumps({"key": key, "lemmas": lemmas}))
    return lemmas


def purity(sections: list[str], topics: list[int]) -> float:
    by_topic: dict[int, Counter] = {}
    for s, t in zip(sections, topics):
        by_topic.setdefault(t, Counter())[s] += 1
    return sum(c.most_common(1)[0][1] for c in by_topic.values()) / len(sections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    articles = sample(args.sample, args.seed)
    lemmas = lemmas_of(articles, args.cache)
    started = time.perf_counter()
    model = fit_topics([(a.id, words) for a, words in zip(articles, lemmas)], k=args.k)
    seconds = time.perf_counter() - started
    sections = [a.section or "" for a in articles]
    print(f"BBC sample: {len(articles)} articles (seed {args.seed}), {args.k} topics, NMF {seconds:.1f} s")
    print(f"purity: {purity(sections, list(model.article_topic)):.3f}")
    for topic in model.topics:
        mix = Counter(s for s, t in zip(sections, model.article_topic) if t == topic.number)
        print(f"  {topic.number} [{topic.label}] {sum(mix.values())} articles: {dict(mix.most_common())}")
        print(f"      terms: {', '.join(t for t, _ in topic.terms)}")


if __name__ == "__main__":
    main()
