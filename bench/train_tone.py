"""Train the tone toward actors (analysis/extract/tone.py) on the tuning part of NewsMTSC's
training split, and write analysis/data/tone_model.json.

Only ../shared/corpora/newsmtsc/train.jsonl is read, and of it only the tuning part: the fixed
held-out fifth (bench/outside_common.held_out) is left for bench/actor_tone.py. Every sentence
is parsed by the analysis pipeline itself (its parse plan, so sentences that the pipeline leaves
flat are flat here too), each target's span read by `tone.features`, and then, by 5-fold
cross-validation on the tuning part (folds by sentence):

- hand weights: the valences summed with a fixed weight per relation (1 for the noun phrase,
  the predicate, attack or praise verbs and, in an unparsed sentence, the words next to the
  mention; 0.5 for the clause and the rest of an unparsed sentence; 0.25 for the rest and for
  what the mention itself said), the neutral band tuned on the training folds;
- the learned layer: multinomial logistic regression (scikit-learn, L2, C=--c, balanced
  classes) on the same relation sums (by sign), the lemmas by relation group and in all groups (those seen
  --min-count times or more in the training folds), role, pronoun and entity count; each pair
  of --c and --min-count is tried, and the best kept; then a shift of the negative and positive
  class scores, tuned for macro-F1 on the out-of-fold scores, is added to the intercept.

It prints the macro-F1 of all, and writes the best learned model (fitted on the whole tuning
part) only when it beats the hand weights, unless --dry-run.

    PYTHONPATH=. .venv/bin/python bench/train_tone.py [--c 0.03 0.05 0.1] [--min-count 2 3 5] [--dry-run]
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

from outside_common import CORPORA, held_out  # noqa: E402

from analysis.extract import tone  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402

NEWSMTSC = CORPORA / "newsmtsc" / "train.jsonl"
CLASS_OF = {2.0: 0, 4.0: 1, 6.0: 2}
HAND = {
    "modifier": 1.0,
    "predicate_agent": 1.0,
    "predicate_patient": 1.0,
    "predicate_other": 1.0,
    "verb_object": 1.0,
    "verb_subject": 1.0,
    "own_words": 0.25,
    "clause": 0.5,
    "sentence": 0.25,
    "flat_near": 1.0,
    "flat": 0.5,
}


def macro_f1(gold: numpy.ndarray, pred: numpy.ndarray) -> float:
    scores = []
    for c in range(3):
        tp = numpy.sum((gold == c) & (pred == c))
        fp = numpy.sum((gold != c) & (pred == c))
        fn = numpy.sum((gold == c) & (pred != c))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(numpy.mean(scores))


def hand_score(features: dict[str, float]) -> float:
    return sum(HAND[k[:-1]] * v for k, v in features.items() if k[-1:] in "+-" and k[:-1] in HAND)


def banded(scores: numpy.ndarray, low: float, high: float) -> numpy.ndarray:
    return numpy.where(scores >= high, 2, numpy.where(scores <= low, 0, 1))


def tune_band(scores: numpy.ndarray, gold: numpy.ndarray) -> tuple[float, float]:
    cuts = numpy.unique(numpy.quantile(scores, numpy.linspace(0.02, 0.98, 49)))
    best = (-1.0, 0.0, 0.0)
    for low in cuts:
        for high in cuts[cuts > low]:
            f1 = macro_f1(gold, banded(scores, low, high))
            if f1 > best[0]:
                best = (f1, float(low), float(high))
    return best[1], best[2]


def kept(features: dict[str, float], counts: Counter, min_count: int) -> dict[str, float]:
    return {k: v for k, v in features.items() if not k.startswith("w:") or counts[k] >= min_count}


def fit(rows: list[dict[str, float]], gold: numpy.ndarray, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(matrix, gold)
    return vectorizer, model


def class_shift(logits: numpy.ndarray, y: numpy.ndarray) -> numpy.ndarray:
    """What to add to the negative and positive class scores (neutral's fixed at 0) for the best
    macro-F1 of the out-of-fold class scores `logits`: balanced class weights fit the log-loss,
    not the decision between neighbouring classes. Folded into the intercept, so the explanation
    stays the sum it was."""
    steps = numpy.round(numpy.arange(-0.5, 0.51, 0.05), 2)
    best = max(
        ((a, b) for a in steps for b in steps),
        key=lambda ab: (macro_f1(y, numpy.argmax(logits + numpy.array([ab[0], 0.0, ab[1]]), axis=1)), -abs(ab[0]) - abs(ab[1])),
    )
    before = macro_f1(y, numpy.argmax(logits, axis=1))
    after = macro_f1(y, numpy.argmax(logits + numpy.array([best[0], 0.0, best[1]]), axis=1))
    print(f"class shift (negative, positive) ({best[0]:+.2f}, {best[1]:+.2f}): out-of-fold macro-F1 {before:.3f} -> {after:.3f} (tuned on them)")
    return numpy.array([best[0], 0.0, best[1]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--c", type=float, nargs="+", default=[0.03, 0.05, 0.1], help="inverse L2 strengths to try (0.03 0.05 0.1)"
    )
    parser.add_argument(
        "--min-count", type=int, nargs="+", default=[2, 3, 5], help="words seen fewer times get no weight (2 3 5)"
    )
    parser.add_argument("--dry-run", action="store_true", help="print the comparison, write nothing")
    parser.add_argument("--out", default=str(tone.DEFAULT_MODEL))
    args = parser.parse_args()

    rows = [json.loads(line) for line in NEWSMTSC.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if not held_out(r["primary_gid"])]
    nlp = load_pipeline()
    docs = parse(nlp, [r["sentence_normalized"] for r in rows], batch_size=64)
    features, gold, sentence = [], [], []
    for k, (r, doc) in enumerate(zip(rows, docs)):
        for t in r["targets"]:
            span = tone.char_span_tokens(doc, t["from"], t["to"])
            if span is None:
                continue
            features.append(tone.features(doc, *span))
            gold.append(CLASS_OF[t["polarity"]])
            sentence.append(k)
    y = numpy.array(gold)
    folds = numpy.array(sentence) % 5
    hand = numpy.array([hand_score(f) for f in features])
    settings = [(c, m) for c in args.c for m in args.min_count]
    results: dict[str, list[float]] = {"hand weights, tuned band": []}
    results.update({f"learned, C={c}, min count {m}": [] for c, m in settings})
    # Each setting's class scores of every target from the fold that left it out.
    out_of_fold = {cm: numpy.zeros((len(y), 3)) for cm in settings}
    for fold in range(5):
        train, test = numpy.flatnonzero(folds != fold), numpy.flatnonzero(folds == fold)
        low, high = tune_band(hand[train], y[train])
        results["hand weights, tuned band"].append(macro_f1(y[test], banded(hand[test], low, high)))
        counts = Counter(k for i in train for k in features[i] if k.startswith("w:"))
        for c, m in settings:
            vectorizer, model = fit([kept(features[i], counts, m) for i in train], y[train], c)
            scores = model.decision_function(vectorizer.transform([kept(features[i], counts, m) for i in test]))
            out_of_fold[(c, m)][test] = scores
            results[f"learned, C={c}, min count {m}"].append(macro_f1(y[test], numpy.argmax(scores, axis=1)))
    print(f"NewsMTSC train, tuning part: {len(y)} targets in {len(rows)} sentences; 5-fold cross-validation")
    cv = {name: round(float(numpy.mean(scores)), 4) for name, scores in results.items()}
    for name, score in cv.items():
        print(f"  {name:<34} macro-F1 {score:.3f}  (folds: {', '.join(f'{s:.3f}' for s in results[name])})")
    best = max(settings, key=lambda cm: cv[f"learned, C={cm[0]}, min count {cm[1]}"])
    learned = cv[f"learned, C={best[0]}, min count {best[1]}"]
    print(f"best learned layer: C={best[0]}, min count {best[1]}")
    if learned <= cv["hand weights, tuned band"]:
        print("the learned layer does not beat the hand weights: nothing written")
        return
    args.c, args.min_count = best
    shift = class_shift(out_of_fold[best], y)
    counts = Counter(k for f in features for k in f if k.startswith("w:"))
    vectorizer, model = fit([kept(f, counts, args.min_count) for f in features], y, args.c)
    model.intercept_ += shift
    weights = {
        name: [round(float(w), 4) for w in model.coef_[:, j]]
        for j, name in enumerate(vectorizer.feature_names_)
        if numpy.any(numpy.abs(model.coef_[:, j]) >= 5e-5)
    }
    data = {
        "version": "1",
        "about": "Tone toward an actor mention (analysis/extract/tone.py): multinomial logistic regression, "
        "written by bench/train_tone.py from the tuning part of NewsMTSC's training split",
        "trained_on": {"targets": len(y), "sentences": len(rows), "c": args.c, "min_count": args.min_count},
        "cross_validation_macro_f1": {"hand weights, tuned band": cv["hand weights, tuned band"], "learned layer": learned},
        "classes": list(tone.CLASSES),
        "class_shift": [round(float(b), 4) for b in shift],
        "intercept": [round(float(b), 4) for b in model.intercept_],
        "weights": dict(sorted(weights.items())),
    }
    if args.dry_run:
        print(f"(dry run: {len(weights)} weights not written)")
        return
    head = json.dumps({k: v for k, v in data.items() if k != "weights"}, indent=1, ensure_ascii=False)
    body = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in data["weights"].items())
    Path(args.out).write_text(head[:-2] + ',\n "weights": {\n' + body + "\n }\n}\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} features")


if __name__ == "__main__":
    main()
