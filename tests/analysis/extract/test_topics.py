"""Corpus topics (NMF over lemmas) on real BBC articles, through the pipeline and the store."""

from __future__ import annotations

from collections import Counter

import pytest

from analysis import queries
from analysis.extract.topics import fit_topics
from analysis.figures import catalog
from analysis.ingest import ingest
from analysis.readers import read_paths
from analysis.store import Store
from tests.conftest import BBC


@pytest.fixture(scope="module")
def bbc_store(tmp_path_factory):
    # 12 articles from each of the five sections: enough for five topics, quick to analyse.
    paths = [p for s in ("business", "entertainment", "politics", "sport", "tech") for p in sorted((BBC / s).glob("*.txt"))[:12]]
    path = tmp_path_factory.mktemp("topics") / "s.duckdb"
    with Store(path) as store:
        ingest(read_paths(paths), store)
    return path


def test_five_topics_follow_the_sections(bbc_store):
    with Store(bbc_store, read_only=True) as store:
        # The section is the file's folder (the files were read one by one, so none is set).
        rows = store.con.execute("SELECT id, split_part(path, '/', -2), lemmas FROM articles").fetchall()
    model = fit_topics([(i, lemmas) for i, _, lemmas in rows], k=5)
    sections = [s for _, s, _ in rows]
    by_topic: dict[int, Counter] = {}
    for s, t in zip(sections, model.article_topic):
        by_topic.setdefault(t, Counter())[s] += 1
    purity = sum(c.most_common(1)[0][1] for c in by_topic.values()) / len(rows)
    assert len(set(sections)) == 5
    assert purity >= 0.7, (purity, by_topic)
    assert all(len(t.terms) >= 5 and t.label for t in model.topics)


def test_topics_query_and_chart_carry_their_evidence(bbc_store):
    with Store(bbc_store, read_only=True) as store:
        df = queries.run(store.con, "topics", queries.Filters())
        assert df["articles"].sum() == 60 and len(df) >= 4
        assert all(df["terms"].str.count(",") >= 4) and all(df["examples"].str.len() > 0)
        # Filters narrow the counts, the topics stay those of the whole store.
        film = queries.run(store.con, "topics", queries.Filters(q="film"))
        assert 0 < film["articles"].sum() < 60 and set(film["label"]) <= set(df["label"])
        figure, data = catalog.build("topics", catalog.bind(store.con, queries.Filters()))
        assert len(figure.data[0].y) == len(data)


def test_too_few_articles_is_an_error_that_says_so():
    with pytest.raises(ValueError, match="cannot make 5 topics"):
        fit_topics([("a", ["word"])], k=5)



def test_a_topic_filters_and_its_evidence_lie_in_its_articles(bbc_store, tmp_path):
    """The Topic filter counts exactly a topic's articles and its evidence lies in them; a store
    from before topics were stored (fitted when read, with the same seed) gives the same
    evidence and offers no Topic filter it could not apply."""
    import shutil

    legacy = tmp_path / "legacy.duckdb"
    shutil.copy(bbc_store, legacy)
    with Store(legacy) as store:
        store.con.execute("DROP TABLE article_topics")
        store.con.execute("DROP TABLE topic_terms")
    found = {}
    for path in (bbc_store, legacy):
        with Store(path, read_only=True) as store:
            con = store.con
            everything = queries.run(con, "topics", queries.Filters())
            label, count = everything.iloc[0]["label"], int(everything.iloc[0]["articles"])
            request = queries.Evidence(topic=label, terms=tuple(label.split(", ")))
            rows = queries.run(con, "evidence", queries.Filters(), request=request, limit=None)
            assert len(rows) == queries.run(con, "evidence_count", queries.Filters(), request=request) > 0
            found[path] = (label, set(zip(rows["article_id"], rows["idx"])))
            assert len({a for a, _ in found[path][1]}) <= count
            if path == legacy:
                assert queries.corpus_options(con)["topics"].empty
                continue
            options = queries.corpus_options(con)["topics"]
            assert dict(zip(options["topic"], options["articles"]))[label] == count
            narrowed = queries.Filters(topics=(label,))
            assert queries.run(con, "overview", narrowed)["articles"] == count
            # Within the topic's articles, the evidence is the same sentences.
            assert queries.run(con, "evidence_count", narrowed, request=request) == len(rows)
            # The terms alone, over every article, reach beyond the topic's articles.
            terms_only = queries.Evidence(terms=request.terms)
            assert queries.run(con, "evidence_count", queries.Filters(), request=terms_only) > len(rows)
    assert found[bbc_store] == found[legacy]
