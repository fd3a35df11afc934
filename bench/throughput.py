"""End-to-end analysis against spaCy's default pipeline alone, side by side.

Whole processes over the same fixed list of 200 BBC articles (the first 40 files of each
section), alternated --rounds times: `python -m analysis analyze FILES --format jsonl` against a
script that loads the default pipeline and runs `nlp.pipe` over the same files with every
component, in one process. Prints words/s for each and the median ratio, then the cost of each
spaCy component of our pipeline and of each analysis step, in one process, the median of
--passes passes (the machines are noisy: a single pass moved by 10%). A third command in the
same alternation runs our worker processes with spaCy alone (our selective parse, nothing after
it): the ratio no analysis after spaCy can pass. Aims: issue 9, a median ratio of 2.5x or more,
with the analysis after spaCy within 10% of spaCy's time; issue 16, 3.3x.

    .venv/bin/python bench/throughput.py [--rounds 3] [--passes 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "corpora" / "bbc"

BARE = """
import sys, spacy
from pathlib import Path
nlp = spacy.load(sys.argv[1])
texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[2:]]
for doc in nlp.pipe(texts):
    pass
"""

# Our design with nothing after spaCy: the analyze command's worker layout (one process a core,
# tasks of guided sizes), each worker running our pipeline (selective parse) and nothing else.
# Its ratio is the ceiling any analysis after spaCy can reach on this machine.
SPACY_ONLY = """
import multiprocessing, sys
from itertools import accumulate, pairwise
from analysis.nlp import parse
from analysis.pipeline import TASK_ARTICLES, guided_sizes, load_pipeline, worker_count
from analysis.readers import read_file

WORKER = {}

def init():
    WORKER["nlp"] = load_pipeline()

def work(texts):
    parse(WORKER["nlp"], texts, batch_size=len(texts))

if __name__ == "__main__":
    texts = [read_file(p)[0].text for p in sys.argv[1:]]
    workers = worker_count(0)
    cuts = list(accumulate(guided_sizes(len(texts), workers, largest=TASK_ARTICLES), initial=0))
    with multiprocessing.get_context("fork").Pool(workers, initializer=init) as pool:
        list(pool.imap(work, [texts[a:b] for a, b in pairwise(cuts)]))
"""


def files() -> list[Path]:
    return [
        p
        for section in ("business", "entertainment", "politics", "sport", "tech")
        for p in sorted((BBC / section).glob("*.txt"))[:40]
    ]


def timed(cmd: list[str], *, root: Path = ROOT) -> float:
    env = {**os.environ, "PYTHONPATH": str(root)}
    started = time.perf_counter()
    subprocess.run(cmd, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def stage_costs(paths: list[Path], passes: int) -> dict[str, float]:
    """Seconds per stage of our analysis, one process, same articles, the median of `passes`
    passes: each spaCy component on its own, then each analysis step on the parsed documents."""
    from analysis.extract import actors, keyphrases, quotes, sentiment, themes, tone
    from analysis.nlp import load_model
    from analysis.nlp.strings import token_forms
    from analysis.pipeline import PARSE_PLAN, AnalysisOptions, analyze_doc, sentence_spans
    from analysis.readers import read_file

    articles = [read_file(p)[0] for p in paths]
    options = AnalysisOptions()
    lexicon = options.lexicon()
    seconds: dict[str, list[float]] = {}

    def timed_step(stage: str, step) -> None:
        sentiment.compound.cache_clear()  # no step may be warmed by an earlier one
        started = time.perf_counter()
        step()
        seconds.setdefault(stage, []).append(time.perf_counter() - started)

    def themes_and_phrases() -> None:
        for d in docs:
            lowers, lemmas = token_forms(d)
            themes.match_themes(lowers, lemmas, lexicon)
            keyphrases.keyphrases(keyphrases.candidate_phrases(d))

    for _ in range(passes):
        # A fresh model each pass, as in a new process: the tokenizer's cache starts empty.
        nlp = load_model.__wrapped__(parse_plan=PARSE_PLAN)
        list(nlp.pipe([a.text for a in articles[:10]]))  # warm up, as a long run would be
        docs: list = []
        timed_step("spaCy: tokenizer", lambda: docs.extend(nlp.make_doc(a.text) for a in articles))
        for name, component in nlp.pipeline:

            def run(c=component) -> None:
                docs[:] = list(c.pipe(docs, batch_size=16)) if hasattr(c, "pipe") else [c(d) for d in docs]

            timed_step(f"spaCy: {name}", run)
        mentions: list = []
        timed_step("actors", lambda: mentions.extend(actors.resolve_mentions(d, options.actors) for d in docs))
        timed_step("quotes", lambda: [quotes.extract_quotes(d, m) for d, m in zip(docs, mentions)])
        timed_step("actor tone", lambda: [tone.actor_tones(d, m) for d, m in zip(docs, mentions)])
        timed_step(
            "sentence sentiment",
            lambda: [sentiment.compound(a.text[s:e]) for a, d in zip(articles, docs) for s, e in sentence_spans(d)],
        )
        timed_step("themes and key phrases", themes_and_phrases)
        timed_step(
            "whole analysis after spaCy (all of the above and records)",
            lambda: [analyze_doc(a, d, options) for a, d in zip(articles, docs)],
        )
    return {stage: statistics.median(values) for stage, values in seconds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--passes", type=int, default=3, help="passes of the per-stage costs")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of the project (e.g. `git archive` of the commit before a change): its "
        "analyze is timed in the same alternation, so a busy machine weighs on both alike",
    )
    args = parser.parse_args()
    from analysis.nlp import model_name

    paths = files()
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in paths)
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare.py"
        script.write_text(BARE)
        bare_cmd = [sys.executable, str(script), model_name(), *map(str, paths)]
        floor_script = Path(tmp) / "spacy_only.py"
        floor_script.write_text(SPACY_ONLY)
        floor_cmd = [sys.executable, str(floor_script), *map(str, paths)]
        ours_cmd = [
            sys.executable,
            "-m",
            "analysis",
            "analyze",
            *map(str, paths),
            "--format",
            "jsonl",
            "--out",
            str(Path(tmp) / "out.jsonl"),
        ]
        bare, ours, ratios, base, base_ratios, ceilings = [], [], [], [], [], []
        for _ in range(args.rounds):
            b, o = timed(bare_cmd), timed(ours_cmd)
            bare.append(b)
            ours.append(o)
            ratios.append(b / o)
            ceilings.append(b / timed(floor_cmd))
            if args.baseline:
                base.append(timed(ours_cmd, root=args.baseline.resolve()))
                base_ratios.append(b / base[-1])
    print(f"{len(paths)} BBC articles, {words:,} words, {args.rounds} alternated rounds, whole processes")
    print(
        f"bare default spaCy pipeline: median {statistics.median(bare):.1f} s, "
        f"{words / statistics.median(bare):,.0f} words/s"
    )
    print(
        f"python -m analysis analyze:  median {statistics.median(ours):.1f} s, "
        f"{words / statistics.median(ours):,.0f} words/s"
    )
    print(
        f"ratio (bare / ours): median {statistics.median(ratios):.2f}x  (rounds: "
        f"{', '.join(f'{r:.2f}' for r in ratios)})"
    )
    print(
        f"ceiling (bare / our processes running spaCy alone, nothing after it): median "
        f"{statistics.median(ceilings):.2f}x  (rounds: {', '.join(f'{r:.2f}' for r in ceilings)})"
    )
    if base:
        print(
            f"baseline {args.baseline}: median {statistics.median(base):.1f} s, ratio (bare / baseline) "
            f"median {statistics.median(base_ratios):.2f}x (rounds: {', '.join(f'{r:.2f}' for r in base_ratios)}); "
            f"ours / baseline time: median {statistics.median(o / b for o, b in zip(ours, base)):.2f}"
        )
    cost = stage_costs(paths, args.passes)
    spacy_time = sum(seconds for stage, seconds in cost.items() if stage.startswith("spaCy"))
    print(f"stage costs, one process, median of {args.passes} passes (spaCy in all: {spacy_time:.2f} s):")
    for stage, seconds in cost.items():
        print(f"  {stage:58} {seconds:6.2f} s  {seconds / spacy_time:6.1%} of spaCy")
    analysis = cost["whole analysis after spaCy (all of the above and records)"]
    print(
        f"aims: ratio >= 2.5x (median {statistics.median(ratios):.2f}x); "
        f"analysis after spaCy <= 10% of spaCy ({analysis / spacy_time:.1%})"
    )


if __name__ == "__main__":
    main()
