"""Actor tone against NewsMTSC's training split (../shared/corpora/newsmtsc/train.jsonl).

NewsMTSC labels the sentiment a news sentence expresses toward each person target in it
(negative, neutral, positive). The bench runs every sentence through the project's command line
as a one-sentence article (`python -m analysis analyze CORPUS.jsonl --format jsonl`, one JSONL
article per sentence, id = the sentence's primary_gid; the output is cached under bench/out/),
then for each target:

- actor tone (today's method): the record's entity whose span overlaps the target's span (the
  largest overlap; entities of resolved pronouns included) gives the actor, and the actor's
  `sentiment` in `actors[]` (the mean VADER compound of the sentences naming it, its own quotes
  left out) is labelled with the thresholds (compound >= --pos positive, <= --neg negative,
  else neutral; VADER's documented +-0.05 by default). When no entity overlaps the target, the
  target's further mentions (pronouns the annotators marked) are tried. Targets with no
  overlapping actor, or whose actor has no sentiment, are counted and scored with the sentence
  label;
- sentence VADER (the baseline): the record's `sentiment.compound`, labelled the same way.

Accuracy, macro-F1 (the mean of the three classes' F1, computed here) and the 3x3 confusion
matrix (rows gold, columns predicted) are printed for all targets, the tuning part and a fixed
held-out fifth (SHA-256 of the sentence id modulo 5, so a sentence's targets stay together). The
held-out fifth is what later sessions report on; tune and train on the tuning part only. The
evaluation splits of NewsMTSC must never be looked at (published: about 0.83 macro-F1 for
fine-tuned transformers, about 0.50 for a sentence-level lexicon score on them).

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
MATCHED = ("target span", "further mention")
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

    results = []  # (part, gold, actor method, sentence method, how the actor was found)
    for r in rows:
        record = records.get(r["primary_gid"])
        text = r["sentence_normalized"]
        delta = offset_delta(text, record["text"]) if record else None
        part = "held-out" if held_out(r["primary_gid"]) else "tuning"
        for t in r["targets"]:
            gold = POLARITY[t["polarity"]]
            if delta is None:
                results.append((part, gold, None, None, "no record"))
                continue
            sentence = label(record["sentiment"]["compound"], args.pos, args.neg)
            tones = {a["name"]: a.get("sentiment") for a in record.get("actors", [])}
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
            if actor is not None and tones.get(actor) is None:
                how = "actor without sentiment"
            elif actor is None:
                if t["mention"].lower() in PRONOUNS:
                    how = "no actor: target is a pronoun"
                elif any(
                    e["start"] + delta < t["to"] and t["from"] < e["end"] + delta
                    for e in record.get("entities", [])
                ):
                    how = "no actor: entity without actor"
                else:
                    how = "no actor: no entity"
            tone = label(tones[actor], args.pos, args.neg) if how in MATCHED else sentence
            results.append((part, gold, tone, sentence, how))

    parts = [("all", results)]
    if args.holdout:
        parts += [(p, [x for x in results if x[0] == p]) for p in ("tuning", "held-out")]
    print(
        f"NewsMTSC train: tone toward {len(results)} targets in {len(rows)} sentences "
        f"(thresholds: positive >= {args.pos:+.2f}, negative <= {args.neg:+.2f})"
    )
    gold_dist = Counter(x[1] for x in results)
    print("  gold: " + ", ".join(f"{c} {gold_dist[c]}" for c in LABELS))
    print()
    print(
        f"  {'part':<9}{'targets':>8}{'no actor':>10}  {'actor tone':>18}  {'sentence VADER':>18}  actor-tone F1 by class"
    )
    print(
        f"  {'':<9}{'':>8}{'':>10}  {'acc':>8}{'macro-F1':>10}  {'acc':>8}{'macro-F1':>10}  neg / neu / pos"
    )
    for name, items in parts:
        scored = [x for x in items if x[2] is not None]
        actor = [(g, a) for _, g, a, _, _ in scored]
        sent = [(g, s) for _, g, _, s, _ in scored]
        a_acc, a_f1, a_cls = macro_f1(actor)
        s_acc, s_f1, _ = macro_f1(sent)
        fallback = sum(1 for x in scored if x[4] not in MATCHED)
        share = f"{fallback / len(scored):.1%}" if scored else "-"
        print(
            f"  {name:<9}{len(items):>8}{share:>10}  {a_acc:>8.3f}{a_f1:>10.3f}  {s_acc:>8.3f}{s_f1:>10.3f}  "
            + " / ".join(f"{a_cls.get(c, 0):.3f}" for c in LABELS)
        )
    for name, items in parts:
        scored = [x for x in items if x[2] is not None]
        hows = Counter(x[4] for x in items)
        print()
        print(f"[{name}] how the actor was found: " + ", ".join(f"{k} {v}" for k, v in hows.most_common()))
        matched = [x for x in scored if x[4] in MATCHED]
        m_actor = macro_f1([(g, a) for _, g, a, _, _ in matched])
        m_sent = macro_f1([(g, s) for _, g, _, s, _ in matched])
        print(
            f"  targets with an actor tone ({len(matched)}): actor acc {m_actor[0]:.3f} macro-F1 {m_actor[1]:.3f}; "
            f"sentence acc {m_sent[0]:.3f} macro-F1 {m_sent[1]:.3f}; "
            f"labels differ on {sum(a != s for _, _, a, s, _ in matched)}"
        )
        print(
            "\n".join(
                matrices(
                    [
                        ("actor tone", [(g, a) for _, g, a, _, _ in scored]),
                        ("sentence VADER", [(g, s) for _, g, _, s, _ in scored]),
                    ]
                )
            )
        )


if __name__ == "__main__":
    main()
