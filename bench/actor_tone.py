"""Actor tone against NewsMTSC's training split (../shared/corpora/newsmtsc/train.jsonl).

NewsMTSC labels the sentiment a news sentence expresses toward each person target in it
(negative, neutral, positive). The bench runs every sentence through the project's command line
as a one-sentence article (`python -m analysis analyze CORPUS.jsonl --format jsonl`, one JSONL
article per sentence, id = the sentence's primary_gid; the output is cached under bench/out/),
then for each target:

- tone toward the actor (issue 20): the record's entity whose span overlaps the target's span
  (the largest overlap) gives the actor, and the actor's `tone_label` in `actors[]` (the most
  probable class of the mean class probabilities of its mentions, extract/tone.py) is the label.
  When no entity overlaps the target, the target's further mentions (pronouns the annotators
  marked) are tried. A pronoun target ("She", "he") cannot get an actor in a one-sentence
  article (no one is named before it), so the tone of the pronoun's own mention is used: the
  record's `tones[]` row at the target's span (the pipeline scores every person pronoun, with
  or without an antecedent); so is a target that is a name the entity recogniser missed (a
  `tones[]` row of kind "name": proper nouns outside every entity), and so is a description
  ("the president", a `tones[]` row of kind "description"). Other targets (no entity,
  or an entity without an actor) are counted and scored with the sentence label;
- sentences naming the actor (today's method before issue 20, still the actor's `sentiment`):
  the same actor's `sentiment` (the mean VADER compound of the sentences naming it, its own
  quotes left out) labelled with the thresholds (compound >= --pos positive, <= --neg negative,
  else neutral; VADER's documented +-0.05 by default), the sentence label where it has none;
- sentence VADER (the baseline): the record's `sentiment.compound`, labelled the same way.

Accuracy, macro-F1 (the mean of the three classes' F1, computed here) and the 3x3 confusion
matrices (rows gold, columns predicted) are printed for all targets, the tuning part and a fixed
held-out fifth (SHA-256 of the sentence id modulo 5, so a sentence's targets stay together). The
held-out fifth is what later sessions report on; tune and train on the tuning part only
(bench/train_tone.py trains the tone on it). The evaluation splits of NewsMTSC must never be
looked at (published: about 0.83 macro-F1 for fine-tuned transformers, about 0.50 for a
sentence-level lexicon score on them).

    PYTHONPATH=. .venv/bin/python bench/actor_tone.py [--limit N] [--holdout] [--pos 0.05 --neg -0.05]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from outside_common import CORPORA, add_run_options, analyze, hash_order, held_out, offset_delta  # noqa: E402

NEWSMTSC = CORPORA / "newsmtsc" / "train.jsonl"
LABELS = ("negative", "neutral", "positive")
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
PRONOUNS = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "they",
    "them",
    "their",
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "himself",
    "herself",
    "themselves",
    "myself",
    "ourselves",
}


def label(compound: float, pos: float, neg: float) -> str:
    return "positive" if compound >= pos else "negative" if compound <= neg else "neutral"


def macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, float, dict[str, float]]:
    """Accuracy, macro-F1 and per-class F1 of (gold, predicted) pairs."""
    if not pairs:
        return 0.0, 0.0, {}
    f1 = {}
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        f1[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    return accuracy, sum(f1.values()) / len(LABELS), f1


def matrices(named: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    """Confusion matrices side by side: rows gold, columns predicted (neg, neu, pos)."""
    width = 30
    head = "".join(f"{name:<{width}}" for name, _ in named)
    corner = "gold\\pred"
    cols = "".join(f"{corner:<9}{'neg':>5}{'neu':>5}{'pos':>5}".ljust(width) for _ in named)
    out = ["    " + head, "    " + cols]
    for g in LABELS:
        row = ""
        for _, pairs in named:
            counts = Counter(p for gg, p in pairs if gg == g)
            row += f"{g[:3]:<9}{counts['negative']:>5}{counts['neutral']:>5}{counts['positive']:>5}".ljust(
                width
            )
        out.append("    " + row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_options(parser, unit="sentences", holdout_help="print the tuning part and the held-out fifth too")
    parser.add_argument("--pos", type=float, default=0.05, help="positive from this compound on (0.05)")
    parser.add_argument("--neg", type=float, default=-0.05, help="negative up to this compound (-0.05)")
    args = parser.parse_args()

    rows = [json.loads(line) for line in NEWSMTSC.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: hash_order(r["primary_gid"]))
    if args.limit:
        rows = rows[: args.limit]
    rows.sort(key=lambda r: r["primary_gid"])
    corpus = [{"id": r["primary_gid"], "text": r["sentence_normalized"]} for r in rows]
    records = analyze(corpus, "newsmtsc", python=args.python, n_process=args.n_process, fresh=args.fresh)

    results = []  # (part, gold, tone toward the actor, sentences naming it, sentence VADER, how found)
    for r in rows:
        record = records.get(r["primary_gid"])
        text = r["sentence_normalized"]
        delta = offset_delta(text, record["text"]) if record else None
        part = "held-out" if held_out(r["primary_gid"]) else "tuning"
        for t in r["targets"]:
            gold = POLARITY[t["polarity"]]
            if delta is None:
                results.append((part, gold, None, None, None, "no record"))
                continue
            sentence = label(record["sentiment"]["compound"], args.pos, args.neg)
            actors = {a["name"]: a for a in record.get("actors", [])}
            how, actor = "no actor", None
            spans = [("target", t["from"], t["to"])]
            spans += [("further mention", m["from"], m["to"]) for m in t.get("further_mentions") or []]
            for kind, start, end in spans:
                hits = [
                    (min(end, e["end"] + delta) - max(start, e["start"] + delta), e["actor"])
                    for e in record.get("entities", [])
                    if e.get("actor") and e["start"] + delta < end and start < e["end"] + delta
                ]
                if hits:
                    actor = max(hits)[1]
                    how = "target span" if kind == "target" else "further mention"
                    break
            own = [
                x
                for x in record.get("tones", [])
                if x["start"] + delta < t["to"] and t["from"] < x["end"] + delta
            ]
            if actor is not None:
                toward = actors[actor].get("tone_label") or sentence
                naming = actors[actor].get("sentiment")
                naming = label(naming, args.pos, args.neg) if naming is not None else sentence
            elif own and t["mention"].lower() in PRONOUNS:
                how, toward, naming = "pronoun: its own mention", own[0]["label"], sentence
            elif own and own[0].get("kind") == "name":
                how, toward, naming = "missed name: its own mention", own[0]["label"], sentence
            elif own and own[0].get("kind") == "description":
                how, toward, naming = "description: its own mention", own[0]["label"], sentence
            else:
                toward = naming = sentence
                if t["mention"].lower() in PRONOUNS:
                    how = "no actor: pronoun without a tone row"
                elif any(
                    e["start"] + delta < t["to"] and t["from"] < e["end"] + delta
                    for e in record.get("entities", [])
                ):
                    how = "no actor: entity without actor"
                else:
                    how = "no actor: no entity"
            results.append((part, gold, toward, naming, sentence, how))

    parts = [("all", results)]
    if args.holdout:
        parts += [(p, [x for x in results if x[0] == p]) for p in ("tuning", "held-out")]
    print(
        f"NewsMTSC train: tone toward {len(results)} targets in {len(rows)} sentences "
        f"(thresholds of the VADER labels: positive >= {args.pos:+.2f}, negative <= {args.neg:+.2f})"
    )
    gold_dist = Counter(x[1] for x in results)
    print("  gold: " + ", ".join(f"{c} {gold_dist[c]}" for c in LABELS))
    print("  tone toward: actors[].tone_label (pronoun targets: their own tones[] row); "
          "naming it: actors[].sentiment (today's method before issue 20)")
    print()
    print(
        f"  {'part':<9}{'targets':>8}{'fallback':>10}  {'tone toward':>18}  {'naming it':>18}  {'sentence VADER':>18}"
        "  tone-toward F1 by class"
    )
    print(
        f"  {'':<9}{'':>8}{'':>10}  {'acc':>8}{'macro-F1':>10}  {'acc':>8}{'macro-F1':>10}  {'acc':>8}{'macro-F1':>10}"
        "  neg / neu / pos"
    )
    for name, items in parts:
        scored = [x for x in items if x[2] is not None]
        figures = [macro_f1([(x[1], x[k]) for x in scored]) for k in (2, 3, 4)]
        fallback = sum(1 for x in scored if x[5].startswith("no actor"))
        share = f"{fallback / len(scored):.1%}" if scored else "-"
        print(
            f"  {name:<9}{len(items):>8}{share:>10}  "
            + "  ".join(f"{acc:>8.3f}{f1:>10.3f}" for acc, f1, _ in figures)
            + "  "
            + " / ".join(f"{figures[0][2].get(c, 0):.3f}" for c in LABELS)
        )
    for name, items in parts:
        scored = [x for x in items if x[2] is not None]
        hows = Counter(x[5] for x in items)
        print()
        print(f"[{name}] how the target was scored: " + ", ".join(f"{k} {v}" for k, v in hows.most_common()))
        matched = [x for x in scored if not x[5].startswith("no actor")]
        m_toward = macro_f1([(x[1], x[2]) for x in matched])
        m_naming = macro_f1([(x[1], x[3]) for x in matched])
        print(
            f"  targets with a tone of their own ({len(matched)}): tone toward acc {m_toward[0]:.3f} "
            f"macro-F1 {m_toward[1]:.3f}; naming it acc {m_naming[0]:.3f} macro-F1 {m_naming[1]:.3f}"
        )
        print(
            "\n".join(
                matrices(
                    [
                        ("tone toward", [(x[1], x[2]) for x in scored]),
                        ("naming it (today)", [(x[1], x[3]) for x in scored]),
                        ("sentence VADER", [(x[1], x[4]) for x in scored]),
                    ]
                )
            )
        )


if __name__ == "__main__":
    main()
