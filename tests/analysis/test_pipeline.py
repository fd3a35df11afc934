"""The analysis run in worker processes gives what one process gives, in input order."""

from __future__ import annotations

from analysis.readers import read_file
from analysis.pipeline import analyze_articles, guided_sizes
from tests.conftest import BBC


def test_worker_tasks_cover_the_input_and_shrink_at_the_end():
    for total in (1, 7, 17, 200, 256, 1000):
        sizes = guided_sizes(total, 2, largest=16)
        assert sum(sizes) == total
        assert max(sizes) <= 16 and sizes[-1] <= 8
        assert sizes == sorted(sizes, reverse=True)


def test_two_workers_give_the_records_of_one_process_in_order(nlp):
    articles = [read_file(p)[0] for p in sorted((BBC / "sport").glob("*.txt"))[:40]]
    one = [r.to_record() for r in analyze_articles(articles, nlp=nlp)]
    two = [r.to_record() for r in analyze_articles(articles, n_process=2)]
    assert [r["id"] for r in two] == [a.id for a in articles]
    assert two == one
