"""A quick development loop for bench/polnear_quotes.py: the tuning part of PolNeAR's training
split parsed once (full dependency parse, cached as a DocBin under bench/out/), then only the
actor and quote extraction re-run and scored with polnear_quotes' own scoring.

Figures differ a little from the real bench, which runs the command line with the selective
parser (its parsed sentences depend on the quote spans found); report those, use these to
iterate. The held-out fifth is never loaded.

    PYTHONPATH=. .venv/bin/python bench/polnear_fast.py [--limit N] [--examples 3]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spacy.tokens import DocBin  # noqa: E402

import polnear_quotes as pq  # noqa: E402
from outside_common import OUT, hash_order, held_out, offset_delta  # noqa: E402

from analysis.extract.actors import resolve_mentions  # noqa: E402
from analysis.extract.quotes import extract_quotes  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402
from analysis.readers.structured import parse_jsonl  # noqa: E402


def load_tuning(limit: int | None = None) -> tuple[dict, dict[str, str], list, list]:
    """PolNeAR's metadata, the tuning part's texts by name, its articles as the reader reads
    them and their cached full parses (parsed and cached on the first run)."""
    import json

    meta = pq.read_metadata()
    names = sorted((n for n in meta if not held_out(n)), key=hash_order)
    if limit:
        names = names[:limit]
    names = sorted(names)
    texts = {n: (pq.POLNEAR / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    lines = "".join(
        json.dumps({"id": n, "text": texts[n], "source": meta[n]["publisher"]}, ensure_ascii=False) + "\n"
        for n in names
    )
    articles = [r for r in parse_jsonl(lines, path="x.jsonl", origin="x.jsonl") if hasattr(r, "text")]
    nlp = load_pipeline(full_parse=True)
    cache = OUT / f"polnear_fast-{len(names)}.docbin"
    if cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    else:
        docs = parse(nlp, [a.text for a in articles])
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(DocBin(store_user_data=False, docs=docs).to_bytes())
    return meta, texts, articles, docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--errors-file", default=str(OUT / "polnear_fast_errors.txt"))
    args = parser.parse_args()
    meta, texts, articles, docs = load_tuning(args.limit)
    rows: dict[str, pq.Tally] = defaultdict(pq.Tally)
    errors = []
    for article, doc in zip(articles, docs):
        n = article.id.removeprefix("x.jsonl#")  # the reader namespaces ids by file
        mentions = resolve_mentions(doc)
        quotes = extract_quotes(doc, mentions)
        record = {
            "text": article.text,
            "quotes": [
                {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker": q.speaker,
                 "speaker_type": q.speaker_type, "cue": q.cue}
                for q in quotes
            ],
            "entities": [{"start": m.start, "end": m.end, "label": m.label} for m in mentions],
        }
        delta = offset_delta(texts[n], article.text)
        golds, contents = pq.gold_quotes(n, meta[n]["annotators"].split("|"), texts[n], 0.8)
        tally, errs = pq.score_article(n, texts[n], record, delta, golds, contents)
        rows[meta[n]["publisher"]].add(tally)
        errors.extend(errs)
    print("\n".join(pq.table("[tuning, full parse]", rows)))
    out = pq.error_report(errors, examples=args.examples)
    Path(args.errors_file).write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
