"""Score the quote extractor against the hand-annotated gold set (tests/gold/quotes.yaml).

Precision: a found quote is right when 80% of its words lie in one gold quote. Recall: a gold
quote is found when 80% of its words lie in one found quote. Speaker and kind accuracy are over
the gold quotes found (a gold quote without a speaker needs a found quote without one).

    .venv/bin/python bench/quote_gold.py [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extract.actors import resolve_mentions  # noqa: E402
from analysis.readers import read_file  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402
from analysis.extract.quotes import extract_quotes  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "quotes.yaml"
HOLDOUT = ROOT / "tests" / "gold" / "quotes_holdout.yaml"
ISSUE16 = ROOT / "tests" / "gold" / "quotes_issue16.yaml"  # the five BBC articles issue 16 names
CORPORA = ROOT.parent / "shared" / "corpora"
COVERED = 0.8


@dataclass
class GoldQuote:
    start: int
    end: int
    kind: str
    speakers: list[str]


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "precision": self.correct / max(1, self.predicted),
            "recall": self.found / max(1, self.gold),
            "speaker": self.speaker_right / max(1, self.found),
            "kind": self.kind_right / max(1, self.found),
        }


def article_path(name: str) -> Path:
    return ROOT / name if name.startswith("seeds/") else CORPORA / name


def gold_spans(text: str, quotes: list[dict], where: str) -> list[GoldQuote]:
    out, cursor = [], 0
    for q in quotes:
        start = text.find(q["from"], cursor)
        # The quoted occurrence, right after its mark, when the words also stand unquoted.
        while start > 0 and text[start - 1] not in "\"“”'‘’«» " and text.find(q["from"], start + 1) >= 0:
            start = text.find(q["from"], start + 1)
        if start > 0 and text[start - 1] == " ":
            marked = [
                i
                for i in range(start, len(text))
                if text.startswith(q["from"], i) and i > 0 and text[i - 1] in "\"“”'‘’«»"
            ]
            start = marked[0] if marked else start
        end = text.find(q["to"], start)
        if start < 0 or end < 0:
            raise ValueError(f"{where}: gold quote {q['from']!r} .. {q['to']!r} not found in order")
        out.append(GoldQuote(start, end + len(q["to"]), q["kind"], list(q["speaker"])))
        cursor = start + len(q["from"])
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in re.finditer(r"\w+", text[start:end])]


def coverage(text: str, inner: tuple[int, int], outer: tuple[int, int]) -> float:
    """Share of the words of `inner` that lie inside `outer`."""
    words = _words(text, *inner)
    if not words:
        return 0.0
    return sum(outer[0] <= s and e <= outer[1] for s, e in words) / len(words)


def same_speaker(found: str | None, acceptable: list[str]) -> bool:
    if not acceptable:
        return found is None

    def norm(name: str) -> str:
        name = re.sub(r"^(the|a|an)\s+", "", name.strip().lower())
        return re.sub(r"^(mr|mrs|ms|dr)\.?\s+", "", name)

    return found is not None and norm(found) in {norm(a) for a in acceptable}


def score(nlp, gold_file: Path = GOLD) -> Scores:
    entries = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    articles = [read_file(article_path(e["file"]))[0] for e in entries]
    docs = parse(nlp, [a.text for a in articles])
    total = Scores()
    for entry, article, doc in zip(entries, articles, docs):
        text = article.text
        gold = gold_spans(text, entry["quotes"], entry["file"])
        found = extract_quotes(doc, resolve_mentions(doc))
        total.gold += len(gold)
        total.predicted += len(found)
        total.correct += sum(
            any(coverage(text, (f.start, f.end), (g.start, g.end)) >= COVERED for g in gold) for f in found
        )
        for g in gold:
            match = next(
                (f for f in found if coverage(text, (g.start, g.end), (f.start, f.end)) >= COVERED), None
            )
            label = f"{entry['file']}: {text[g.start : g.end][:50]!r}"
            if match is None:
                total.misses.append(f"missed   {label}")
                continue
            total.found += 1
            total.kind_right += match.kind == g.kind
            total.speaker_right += same_speaker(match.speaker, g.speakers)
            if match.kind != g.kind:
                total.misses.append(f"kind     {label}: {match.kind} for {g.kind}")
            if not same_speaker(match.speaker, g.speakers):
                total.misses.append(f"speaker  {label}: {match.speaker!r} for {g.speakers[:1]}")
        for f in found:
            if not any(coverage(text, (f.start, f.end), (g.start, g.end)) >= COVERED for g in gold):
                total.misses.append(f"spurious {entry['file']}: {f.text[:50]!r}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    nlp = load_pipeline()
    for name, path in (("gold set", GOLD), ("held out", HOLDOUT), ("issue 16", ISSUE16)):
        result = score(nlp, path)
        figures = result.figures()
        articles = len(yaml.safe_load(path.read_text(encoding="utf-8")))
        print(f"{name}: {articles} articles, {result.gold} gold quotes, {result.predicted} found")
        print("  " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
        if args.verbose:
            print("\n".join("  " + m for m in result.misses))


if __name__ == "__main__":
    main()
