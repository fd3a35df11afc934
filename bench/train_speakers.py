"""Train the learned second look at a direct quotation's speaker (analysis/extract/speaker_choice.py)
on the tuning part of PolNeAR's training split, and write analysis/data/speaker_model.json.

The tuning part's cached full parses (bench/polnear_fast.py) run through `extract_quotes` with a
recorder in place of the model: it keeps every direct quotation's candidates and their features
and lets the rules' pick stand. Each direct quotation that matches a gold one (polnear_quotes'
own matching) labels its candidates with polnear_quotes' own speaker scorer (`spk`). Then, by
5-fold cross-validation with folds by article: logistic regression (scikit-learn, L2, each
--c) on the candidates, features seen --min-count times or more in the training folds; on the
held-back fold each quotation takes the best-scoring candidate when it beats the rules' pick by
more than a margin (each of --margins). It prints the rules' and each setting's speaker
accuracy on the found direct quotations, and writes the best setting (refitted on the whole
tuning part) only when it beats the rules, unless --dry-run. The held-out fifth is never loaded.

    PYTHONPATH=. .venv/bin/python bench/train_speakers.py [--c 0.1 0.3 1] [--margins 0 0.5 1] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import polnear_quotes as pq  # noqa: E402
from outside_common import offset_delta  # noqa: E402
from polnear_fast import load_tuning  # noqa: E402

from analysis.extract.actors import resolve_mentions  # noqa: E402
from analysis.extract.quotes import extract_quotes  # noqa: E402
from analysis.extract.speaker_choice import DEFAULT_MODEL, Candidate, SpeakerModel  # noqa: E402


class Recorder:
    """Stands where the model would: keeps each quotation's candidates, picks the rules' one."""

    def __init__(self) -> None:
        self.calls: list[list[Candidate]] = []

    def pick(self, candidates: list[Candidate]) -> int:
        self.calls.append(candidates)
        return 0


def labelled_quotes(limit: int | None) -> list[tuple[str, list[Candidate], list[bool]]]:
    """(article, candidates, which are right) for every found direct quotation with a gold one."""
    meta, texts, articles, docs = load_tuning(limit)
    out = []
    for article, doc in zip(articles, docs):
        n = article.id.removeprefix("x.jsonl#")
        recorder = Recorder()
        quotes = extract_quotes(doc, resolve_mentions(doc), speaker_model=recorder)
        direct = [q for q in quotes if q.kind == "direct"]
        assert len(direct) == len(recorder.calls)
        delta = offset_delta(texts[n], article.text)
        shifted = [{"start": q.start + delta, "end": q.end + delta, "kind": q.kind} for q in quotes]
        golds, _ = pq.gold_quotes(n, meta[n]["annotators"].split("|"), texts[n], 0.8)
        candidates_of = {id(q): c for q, c in zip(direct, recorder.calls)}
        for g in golds:
            found = [(s, q) for s, q in zip(shifted, quotes) if pq.matches(s, g)]
            if not found:
                continue
            best = max(found, key=lambda sq: pq.overlap(sq[0], g.quoted))[1]
            if best.kind != "direct":
                continue
            cands = candidates_of[id(best)]
            out.append((n, cands, [pq.speaker_right(c.speaker, g) for c in cands]))
    return out


def fit(rows, c: float, min_count: int):
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for _, cands, _ in rows for cand in cands for f in cand.features)
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}

    def vector(cand: Candidate) -> numpy.ndarray:
        vec = numpy.zeros(len(vocab))
        for f in cand.features:
            if f in vocab:
                vec[vocab[f]] = 1.0
        return vec

    # Pairs against the rules' pick where one of the two is right: the score difference the
    # choice reads is what is learned.
    matrix, gold = [], []
    for _, cands, right in rows:
        rule = vector(cands[0])
        for cand, ok in zip(cands[1:], right[1:]):
            if ok != right[0]:
                matrix.append(vector(cand) - rule)
                gold.append(ok)
                matrix.append(rule - vector(cand))
                gold.append(not ok)
    model = LogisticRegression(C=c, max_iter=5000, fit_intercept=False).fit(
        numpy.array(matrix), numpy.array(gold)
    )
    return {f: float(model.coef_[0][k]) for f, k in vocab.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--c", type=float, nargs="+", default=[0.1, 0.3, 1.0])
    parser.add_argument("--min-count", type=int, nargs="+", default=[3, 10])
    parser.add_argument("--margins", type=float, nargs="+", default=[0.0, 0.5, 1.0, 1.5, 2.0, 3.0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    rows = labelled_quotes(args.limit)
    articles = sorted({n for n, _, _ in rows})
    fold_of = {n: k % args.folds for k, n in enumerate(articles)}
    rules = sum(right[0] for _, _, right in rows)
    reachable = sum(any(right) for _, _, right in rows)
    print(f"{len(rows)} found direct quotations with gold, {len(articles)} articles")
    print(f"rules' pick right {rules / len(rows):.4f}; some candidate right {reachable / len(rows):.4f}")
    results = {}
    for c in args.c:
        for min_count in args.min_count:
            right = Counter()
            for fold in range(args.folds):
                train = [r for r in rows if fold_of[r[0]] != fold]
                weights = fit(train, c, min_count)
                models = {margin: SpeakerModel(weights, margin) for margin in args.margins}
                for _, cands, ok in (r for r in rows if fold_of[r[0]] == fold):
                    for margin, model in models.items():
                        right[margin] += ok[model.pick(cands)]
            for margin in args.margins:
                results[(c, min_count, margin)] = right[margin] / len(rows)
                print(f"  C={c} min_count={min_count} margin={margin}: {right[margin] / len(rows):.4f}")
    (c, min_count, margin), best = max(results.items(), key=lambda kv: kv[1])
    print(f"best: C={c} min_count={min_count} margin={margin}: {best:.4f} (rules {rules / len(rows):.4f})")
    if args.dry_run or best <= rules / len(rows):
        return
    weights = fit(rows, c, min_count)
    DEFAULT_MODEL.write_text(
        json.dumps(
            {
                "version": "1",
                "about": "Speaker of a direct quotation (analysis/extract/speaker_choice.py): logistic regression"
                " over candidate features, written by bench/train_speakers.py from the tuning part of"
                " PolNeAR's training split",
                "trained_on": {
                    "quotations": len(rows),
                    "articles": len(articles),
                    "c": c,
                    "min_count": min_count,
                },
                "cross_validation_speaker_accuracy": {
                    "rules": round(rules / len(rows), 4),
                    "learned": round(best, 4),
                },
                "margin": margin,
                "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4},
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {DEFAULT_MODEL}")


if __name__ == "__main__":
    main()
