"""Queries on a small store built by hand from typed records (no model): filters, counts,
evidence and the record read back from the store."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import queries
from analysis.errors import ConfigError
from analysis.readers import Article
from analysis.records import ActorRow, ArticleAnalysis, EntityRow, QuoteRow, SentenceRow, ThemeRow
from analysis.store import Store

TEXT_A = 'Tony Blair spoke in London. "We will win," he said. Sales rose 5% in May.'
TEXT_B = "Gordon Brown met Tony Blair. The match was a draw."


def analysis_a() -> ArticleAnalysis:
    return ArticleAnalysis(
        article=Article(
            id="a", text=TEXT_A, title="Blair speaks", date="2005-01-02", source="BBC", section="politics"
        ),
        sentences=[SentenceRow(0, 27, 0.0), SentenceRow(28, 51, 0.5859), SentenceRow(52, 74, 0.0)],
        entities=[
            EntityRow(0, 10, "Tony Blair", "PERSON", "Tony Blair", "PERSON", 0),
            EntityRow(20, 26, "London", "GPE", "London", "GPE", 0),
        ],
        actors=[  # as the pipeline orders them: most mentioned first, then by name
            ActorRow("London", "GPE", 1, 0.0, None, 0),
            ActorRow("Tony Blair", "PERSON", 1, 0.0, 0.5859, 1),
        ],
        quotes=[QuoteRow(29, 40, "We will win", "direct", "Tony Blair", "PERSON", "said", 0.5859, 1)],
        themes=[ThemeRow("Elections and politics", 1.5, 2)],
        keyphrases=["sales"],
        compound=0.1953,
        narrator=0.0,
        quoted=0.5859,
        lowers=TEXT_A.lower().split(),
        lemmas=TEXT_A.lower().split(),
        phrases=["sales"],
    )


def analysis_b() -> ArticleAnalysis:
    return ArticleAnalysis(
        article=Article(id="b", text=TEXT_B, title=None, date=None, source=None, section="sport"),
        sentences=[SentenceRow(0, 28, 0.0), SentenceRow(29, 50, -0.2)],
        entities=[
            EntityRow(0, 12, "Gordon Brown", "PERSON", "Gordon Brown", "PERSON", 0),
            EntityRow(17, 27, "Tony Blair", "PERSON", "Tony Blair", "PERSON", 0),
        ],
        actors=[
            ActorRow("Gordon Brown", "PERSON", 1, 0.0, None, 0),
            ActorRow("Tony Blair", "PERSON", 1, 0.0, None, 0),
        ],
        quotes=[],
        themes=[ThemeRow("Sport", 1.0, 2)],
        keyphrases=["match"],
        compound=-0.1,
        narrator=-0.1,
        quoted=None,
    )


@pytest.fixture
def con(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysis_a(), analysis_b()], "v1")
        store.refresh_phrase_frequencies()
        yield store.con


class TestFilters:
    @pytest.mark.parametrize(
        "filters, ids",
        [
            (queries.Filters(), ["a", "b"]),
            (queries.Filters(actors=("Gordon Brown",)), ["b"]),
            (queries.Filters(actors=("Tony Blair",)), ["a", "b"]),
            (queries.Filters(themes=("Sport",)), ["b"]),
            (queries.Filters(since="2005-01-01"), ["a"]),
            (queries.Filters(q="5%"), ["a"]),  # % is a character here, not a wildcard
            (queries.Filters(q="win"), ["a"]),
            (queries.Filters(sections=("sport",)), ["b"]),
            (queries.Filters(sentiment=(0.0, 1.0)), ["a"]),
        ],
    )
    def test_which_articles_match(self, con, filters, ids):
        assert sorted(queries.run(con, "articles", filters)["id"]) == ids

    def test_describe_names_every_filter(self):
        text = queries.Filters(actors=("X",), themes=("T",), q="w", since="2005-01-01").describe()
        assert "actor: X" in text and "theme: T" in text and "'w'" in text and "2005-01-01" in text


def test_a_phrase_in_two_cases_in_one_article_counts_that_article_once(tmp_path):
    from dataclasses import replace

    # Reuters: an article can list "Net loss" (a line's start) and "net loss" (within a line).
    both = replace(analysis_a(), keyphrases=["Net loss", "net loss"], phrases=["Net loss", "net loss"])
    one = replace(analysis_b(), keyphrases=["net loss"], phrases=["net loss"])
    with Store(tmp_path / "s.duckdb") as store:
        store.write([both, one], "v1")
        store.refresh_phrase_frequencies()
        top = queries.run(store.con, "corpus_keyphrases", queries.Filters())
    assert top[["phrase", "articles"]].values.tolist() == [["net loss", 2]]


def test_counts(con):
    figures = queries.overview(con, queries.Filters())
    assert (figures["articles"], figures["quotes"], figures["actors"], figures["dated"]) == (2, 1, 3, 1)
    actors = queries.run(con, "top_actors", queries.Filters()).set_index("actor")
    assert actors.loc["Tony Blair", "mentions"] == 2 and actors.loc["Tony Blair", "articles"] == 2
    assert actors.loc["Tony Blair", "quotes"] == 1
    # Counts are whole numbers all the way to the table and the CSV ("2", not "2.0").
    assert all(pd.api.types.is_integer_dtype(actors[c]) for c in ("mentions", "articles", "quotes"))


@pytest.mark.parametrize(
    "request_, sentences",
    [
        (queries.Evidence(actors=("Gordon Brown",)), ["Gordon Brown met Tony Blair."]),
        (queries.Evidence(actors=("Tony Blair", "Gordon Brown")), ["Gordon Brown met Tony Blair."]),
        (queries.Evidence(actors=("Tony Blair", "London")), ["Tony Blair spoke in London."]),
        (queries.Evidence(actors=("Tony Blair",), theme="Sport"), ["Gordon Brown met Tony Blair."]),
        (queries.Evidence(speaker="Tony Blair"), ['"We will win," he said.']),
        (queries.Evidence(terms=("match",)), ["The match was a draw."]),
        (queries.Evidence(terms=("sale",)), ["Sales rose 5% in May."]),  # inflections count
        (queries.Evidence(terms=("ale",)), []),  # but only whole words
        (queries.Evidence(theme="Sport", terms=("draw", "match")), ["The match was a draw."]),
        (
            queries.Evidence(since="2005-01-01", until="2005-01-31", actors=("Tony Blair",)),
            ["Tony Blair spoke in London."],
        ),
    ],
)
def test_evidence_is_exactly_the_sentences_behind_a_mark(con, request_, sentences):
    rows = queries.run(con, "evidence", queries.Filters(), request=request_)
    assert list(rows["sentence"]) == sentences
    assert queries.run(con, "evidence_count", queries.Filters(), request=request_) == len(sentences)


def test_evidence_pages_add_up_to_the_count(con):
    request = queries.Evidence()
    everything = list(
        queries.run(con, "evidence", queries.Filters(), request=request, limit=None)["sentence"]
    )
    pages = [
        list(queries.run(con, "evidence", queries.Filters(), request=request, limit=2, offset=k)["sentence"])
        for k in range(0, 6, 2)
    ]
    assert sum(pages, []) == everything and len(everything) == 5
    assert queries.run(con, "evidence_count", queries.Filters(), request=request) == 5


def test_cooccurrence_pairs_actors_in_one_sentence(con):
    edges = queries.run(con, "cooccurrence", queries.Filters())
    assert edges[["source", "target", "weight"]].values.tolist() == [
        ["Gordon Brown", "Tony Blair", 1],
        ["London", "Tony Blair", 1],
    ]


def test_record_read_back_equals_the_record_written(con):
    records = {r["id"]: r for r in queries.records(con, queries.Filters())}
    assert records["a"] == analysis_a().to_record()
    assert records["b"] == analysis_b().to_record()


def test_unknown_query_name_is_a_config_error(con):
    with pytest.raises(ConfigError, match="no query named 'nope'"):
        queries.run(con, "nope", queries.Filters())


def test_store_version_changes_with_the_content(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        before = queries.store_version(store.con)
        store.write([analysis_b()], "v1")
        assert queries.store_version(store.con) != before


@pytest.mark.parametrize(
    "value, actor",
    [
        ("Tony Blair", "Tony Blair"),
        ("tony blair", "Tony Blair"),
        ("Mr Blair", "Tony Blair"),  # the surname of one person only
        ("Brown", "Gordon Brown"),
        ("London", "London"),
        ("Nobody", None),
        ("Blair Witch", None),
    ],
)
def test_resolve_actor(con, value, actor):
    assert queries.resolve_actor(con, value) == actor


def test_actor_forms_are_how_the_text_names_an_actor(tmp_path):
    row = analysis_a()
    row = ArticleAnalysis(
        **{
            **row.__dict__,
            "entities": [*row.entities, EntityRow(60, 65, "Blair", "PERSON", "Tony Blair", "PERSON", 2)],
        }
    )
    with Store(tmp_path / "s.duckdb") as store:
        store.write([row], "v1")
        assert queries.actor_forms(store.con) == {"Tony Blair": ["Blair"]}


def test_records_of_real_articles_read_back_as_analysed(nlp, tmp_path):
    from analysis.pipeline import ANALYSIS_VERSION, analyze_articles
    from analysis.readers import read_file
    from tests.conftest import BBC

    # entertainment/024 has two entities starting at one offset ("US" inside "US National Book
    # Awards"): read back in the order written. Records are read a block of articles at a time.
    paths = [BBC / "entertainment" / "024.txt", BBC / "politics" / "012.txt", BBC / "business" / "001.txt"]
    analysed = list(analyze_articles([a for p in paths for a in read_file(p)], nlp=nlp))
    with Store(tmp_path / "s.duckdb") as store:
        store.write(analysed, ANALYSIS_VERSION)
        read_back = {r["id"]: r for r in queries.records(store.con, queries.Filters())}
    assert read_back == {a.article.id: a.to_record() for a in analysed}


@pytest.fixture(scope="module")
def sixteen_bbc(nlp, tmp_path_factory):
    """Eight business and eight tech articles of BBC, analysed and stored: (store path, analyses)."""
    from dataclasses import replace

    from analysis.pipeline import ANALYSIS_VERSION, analyze_articles
    from analysis.readers import read_file
    from tests.conftest import BBC

    paths = [BBC / section / f"{n:03d}.txt" for section in ("business", "tech") for n in range(1, 9)]
    articles = [replace(a, section=p.parent.name) for p in paths for a in read_file(p)]
    analysed = list(analyze_articles(articles, nlp=nlp))
    path = tmp_path_factory.mktemp("sixteen") / "s.duckdb"
    with Store(path) as store:
        store.write(analysed, ANALYSIS_VERSION)
        store.refresh_phrase_frequencies()
    return path, analysed


def test_a_key_phrase_counts_exactly_the_matching_articles_that_list_it(sixteen_bbc):
    path, analysed = sixteen_bbc
    # The query counts rows as articles: an article lists a phrase once (in one case or two).
    assert all(len(set(a.keyphrases)) == len(a.keyphrases) for a in analysed)
    with Store(path, read_only=True) as store:
        top = queries.run(store.con, "corpus_keyphrases", queries.Filters(sections=("tech",)))
    tech = [{p.lower() for p in a.keyphrases} for a in analysed if a.article.section == "tech"]
    assert len(top) > 5 and list(top["weight"]) == sorted(top["weight"], reverse=True)
    for row in top.itertuples():
        assert row.articles == sum(row.phrase.lower() in phrases for phrases in tech), row.phrase


def test_an_actor_counts_exactly_the_matching_articles_that_name_it(sixteen_bbc):
    path, analysed = sixteen_bbc
    # The query counts an actor's rows as its articles: an article lists an actor once.
    assert all(len({r.name for r in a.actors}) == len(a.actors) for a in analysed)
    with Store(path, read_only=True) as store:
        top = queries.run(store.con, "top_actors", queries.Filters(sections=("business",)), limit=15)
        listed = queries.corpus_options(store.con)["actors"]
    business = [{r.name: r.mentions for r in a.actors} for a in analysed if a.article.section == "business"]
    assert len(top) > 5
    for row in top.itertuples():
        assert row.articles == sum(row.actor in names for names in business), row.actor
        assert row.mentions == sum(names.get(row.actor, 0) for names in business), row.actor
    every = [{r.name for r in a.actors} for a in analysed]
    for row in listed.head(15).itertuples():
        assert row.articles == sum(row.name in names for names in every), row.name


def test_a_capped_list_of_framing_phrases_knows_how_many_there_are(sixteen_bbc):
    """The framing phrases are capped; the list carries how many phrases there are in all, so the
    page can say "the 5 most quoted of N", N counted here from the analyses themselves."""
    path, analysed = sixteen_bbc
    phrases = {
        queries.normalise_phrase(q.text) for a in analysed for q in a.quotes if q.kind in ("partial", "scare")
    } - {""}
    assert len(phrases) > 5
    with Store(path, read_only=True) as store:
        top = queries.run(store.con, "framing_phrases", queries.Filters(), limit=5)
    assert len(top) == 5 and top.attrs["total"] == len(phrases)


def test_a_phrase_s_evidence_is_every_sentence_holding_it(sixteen_bbc):
    """A phrase's evidence reads only the articles holding its longest word; it must still be
    every sentence of the view the phrase's pattern matches, found here by reading every stored
    sentence (RE2's \\w is ASCII: so is the pattern here). The terms: the tech view's key phrases,
    a word written in capitals at a sentence's start and a word written with a hyphen."""
    import re

    path, analysed = sixteen_bbc
    filters = queries.Filters(sections=("tech",))
    tech = [a for a in analysed if a.article.section == "tech"]
    with Store(path, read_only=True) as store:
        phrases = list(queries.run(store.con, "corpus_keyphrases", filters)["phrase"].head(8))
        requests = [queries.Evidence(terms=(p,)) for p in phrases]
        requests += [queries.Evidence(terms=("the",)), queries.Evidence(terms=("e mail", "high speed"))]
        for request in requests:
            pattern = re.compile(request.pattern(), re.ASCII)
            expected = [
                (a.article.id, k)
                for a in tech
                for k, s in enumerate(a.sentences)
                if pattern.search(a.article.text[s.start : s.end].lower())
            ]
            rows = queries.run(store.con, "evidence", filters, request=request, limit=None)
            assert sorted(zip(rows["article_id"], rows["idx"])) == sorted(expected), request.terms
            assert queries.run(store.con, "evidence_count", filters, request=request) == len(expected)
    assert len(phrases) == 8


def test_the_overview_rankings_say_of_how_many_they_show_the_head(sixteen_bbc):
    """The Overview's top actors and key phrases are capped; their titles say "15 of N", N the
    actors counted here from the analyses and the phrases the query ranks before its cap."""
    from analysis.figures import catalog

    path, analysed = sixteen_bbc
    business = [a for a in analysed if a.article.section == "business"]
    names = {r.name for a in business for r in a.actors}
    filters = queries.Filters(sections=("business",))
    with Store(path, read_only=True) as store:
        run = catalog.bind(store.con, filters)
        actors, _ = catalog.build("top-actors", run)
        phrases, ranked = catalog.build("key-phrases", run)
        every = queries.run(store.con, "corpus_keyphrases", filters, limit=100_000)
    assert len(names) > 15
    assert actors.layout.title.text == f"Top actors: 15 of {len(names):,}"
    assert len(every) > 20 and ranked.attrs["total"] == len(every)
    assert phrases.layout.title.text == f"Key phrases: top 20 of {len(every):,}"


def test_a_rating_quoted_alone_is_no_framing_phrase_and_is_counted_apart(nlp, tmp_path):
    """Reuters quotes credit ratings ('B', 'A'): a letter alone is no framing phrase, so it is
    left out of the ranking and counted apart for the page to say so; every worded phrase stays.
    Counted here from the analyses of four Reuters stories that quote ratings and one that quotes words."""
    import re

    from analysis.pipeline import ANALYSIS_VERSION, analyze_articles
    from analysis.readers import read_file
    from tests.conftest import REUTERS

    stories = [
        a
        for a in read_file(REUTERS / "reut2-003.sgm")
        if a.meta.get("newid") in {"3111", "3112", "3470", "3623", "4107"}
    ]
    analysed = list(analyze_articles(stories, nlp=nlp))
    phrases = [
        queries.normalise_phrase(q.text) for a in analysed for q in a.quotes if q.kind in ("partial", "scare")
    ]
    wordless = [p for p in phrases if p and not re.search(r"[a-z]{2}", p)]
    worded = {p for p in phrases if re.search(r"[a-z]{2}", p)}
    assert wordless and worded
    with Store(tmp_path / "s.duckdb") as store:
        store.write(analysed, ANALYSIS_VERSION)
        ranked = queries.run(store.con, "framing_phrases", queries.Filters())
    assert set(ranked["phrase"]) == worded and ranked.attrs["total"] == len(worded)
    assert ranked.attrs["wordless"] == len(wordless)


def test_an_actor_typed_two_ways_shows_the_type_most_of_its_mentions_have(sixteen_bbc, tmp_path):
    """The model may type one name two ways in two articles; the actor list shows the type of
    most of its mentions, not that of the row the store happens to read first (its first article
    here: the minority type is put there)."""
    import shutil

    path, analysed = sixteen_bbc
    rows: dict[str, list] = {}
    for a in analysed:  # in the order they were stored
        for r in a.actors:
            rows.setdefault(r.name, []).append((a.article.id, r))
    name, mine = next(
        (n, found)
        for n, found in sorted(rows.items(), key=lambda kv: -len(kv[1]))
        if len(found) >= 3 and 2 * found[0][1].mentions < sum(r.mentions for _, r in found)
    )
    first, own = mine[0][0], mine[0][1].type
    other = "ORG" if own != "ORG" else "PERSON"

    def shown(retype_where: str) -> str:
        copy = tmp_path / f"{len(list(tmp_path.iterdir()))}.duckdb"
        shutil.copy(path, copy)
        with Store(copy) as store:
            store.con.execute(
                f"UPDATE actors SET type = ? WHERE name = ? AND {retype_where}", [other, name, first]
            )
        with Store(copy, read_only=True) as store:
            return (
                queries.run(store.con, "top_actors", queries.Filters(), limit=200)
                .set_index("actor")
                .loc[name, "type"]
            )

    assert all(r.type == own for _, r in mine)
    assert shown("article_id = ?") == own  # the first article alone is typed otherwise
    assert shown("article_id <> ?") == other  # every article but the first


def test_a_filtered_view_reads_alike_through_its_kept_ids_or_found_each_time(sixteen_bbc, tmp_path):
    """A read-only connection keeps a filtered view's article ids for all its queries; one that
    writes finds them each time, so it sees an article it adds after a query. Both give the same
    figures."""
    import shutil

    path, analysed = sixteen_bbc
    copy = tmp_path / "w.duckdb"
    shutil.copy(path, copy)
    views = [
        queries.Filters(sections=("tech",)),
        queries.Filters(q="mobile"),
        queries.Filters(sentiment=(0.05, 1.0)),
    ]
    asked = [
        ("overview", {}),
        ("top_actors", {}),
        ("articles", {}),
        ("theme_distribution", {}),
        ("quote_count", {}),
    ]
    with Store(path, read_only=True) as reader, Store(copy) as writer:
        for f in views:
            for name, options in asked:
                kept, found = (
                    queries.run(reader.con, name, f, **options),
                    queries.run(writer.con, name, f, **options),
                )
                if isinstance(kept, pd.DataFrame):
                    pd.testing.assert_frame_equal(kept, found)
                else:
                    assert kept == found, (f, name)
        tech = queries.Filters(sections=("tech",))
        before = queries.run(writer.con, "overview", tech)["articles"]
        writer.con.execute(
            "INSERT INTO articles SELECT * REPLACE (id || '-again' AS id) FROM articles WHERE section = 'tech'"
        )
        assert queries.run(writer.con, "overview", tech)["articles"] == 2 * before == 16


def test_the_article_list_pages_in_order_with_quote_counts_and_copies(sixteen_bbc, tmp_path):
    """Page by page, in every order, the article list holds each article once with its number of
    quotes; "copy" marks exactly the articles another stored article repeats (same title and
    text), not one that shares only a title."""
    import shutil

    path, analysed = sixteen_bbc
    store_path = tmp_path / "copies.duckdb"
    shutil.copy(path, store_path)
    first, second = analysed[0].article, analysed[1].article
    with Store(store_path) as store:
        store.con.execute(
            "INSERT INTO articles SELECT * REPLACE ('again' AS id) FROM articles WHERE id = ?", [first.id]
        )
        store.con.execute(
            "INSERT INTO articles SELECT * REPLACE ('same-title' AS id, text || ' More.' AS text) FROM articles WHERE id = ?",
            [second.id],
        )
    quotes = {a.article.id: len(a.quotes) for a in analysed} | {"again": 0, "same-title": 0}
    assert any(quotes.values())
    with Store(store_path, read_only=True) as store:
        for order in queries.ARTICLE_ORDERS:
            for descending in (True, False):
                pages = [
                    queries.articles(
                        store.con, queries.Filters(), limit=5, offset=k, order=order, descending=descending
                    )
                    for k in range(0, 20, 5)
                ]
                listed = pd.concat(pages, ignore_index=True)
                whole = queries.articles(
                    store.con, queries.Filters(), limit=None, order=order, descending=descending
                )
                pd.testing.assert_frame_equal(listed, whole)
                assert sorted(listed["id"]) == sorted(quotes)
                assert dict(zip(listed["id"], listed["quotes"])) == quotes
                assert set(listed.loc[listed["duplicate"], "id"]) == {first.id, "again"}
        by_quotes = queries.articles(store.con, queries.Filters(), limit=None, order="quotes")
        assert list(by_quotes["quotes"]) == sorted(by_quotes["quotes"], reverse=True)


def test_key_phrases_rank_alike_with_frequencies_stored_at_ingest_or_counted_at_once(sixteen_bbc, tmp_path):
    """A store from before the phrase frequencies were stored (no phrase_key_df) counts them in
    the query: the same phrases, weights and counts as from the stored table."""
    import shutil

    path, _ = sixteen_bbc
    older = tmp_path / "older.duckdb"
    shutil.copy(path, older)
    with Store(older) as store:
        store.con.execute("DROP TABLE phrase_key_df")
    filters = (queries.Filters(), queries.Filters(sections=("tech",)))
    with Store(path, read_only=True) as stored, Store(older, read_only=True) as counted:
        for f in filters:
            ranked = queries.run(stored.con, "corpus_keyphrases", f)
            assert len(ranked) > 5
            pd.testing.assert_frame_equal(ranked, queries.run(counted.con, "corpus_keyphrases", f))


def test_each_framing_phrase_counts_its_quotes_articles_speakers_and_kinds(sixteen_bbc):
    """Every column of the ranked framing phrases, against a count made here from the analyses:
    how often, in how many articles, by whom, from which sources, since when, of which kinds."""
    path, analysed = sixteen_bbc
    seen: dict[str, list] = {}
    for a in analysed:
        for q in a.quotes:
            phrase = queries.normalise_phrase(q.text)
            if q.kind in ("partial", "scare") and phrase:
                seen.setdefault(phrase, []).append((q, a.article))
    expected = {
        phrase: (
            len(uses),
            len({art.id for _, art in uses}),
            ", ".join(sorted({q.speaker for q, _ in uses if q.speaker})),
            ", ".join(sorted({art.source for _, art in uses if art.source})),
            ", ".join(sorted({q.kind for q, _ in uses})),
        )
        for phrase, uses in seen.items()
    }
    with Store(path, read_only=True) as store:
        listed = queries.run(store.con, "framing_phrases", queries.Filters(), limit=len(expected))
    assert len(listed) == len(expected) > 10
    assert any(", " in row.speakers or row.count > 1 for row in listed.itertuples())
    for row in listed.itertuples():
        assert (row.count, row.articles, row.speakers, row.sources, row.kinds) == expected[row.phrase], (
            row.phrase
        )
    ranks = [(-row.count, -row.articles, row.phrase) for row in listed.itertuples()]
    assert ranks == sorted(ranks)


def test_the_most_quoted_speakers_count_their_quotes_of_each_kind(sixteen_bbc):
    """The speakers of the quote-kinds chart, against a count made here from the analyses: their
    quotes of each kind, the most quoted first (ties by name); a Quote kind filter narrows it."""
    from collections import Counter

    path, analysed = sixteen_bbc
    by_kind = Counter((q.speaker, q.kind) for a in analysed for q in a.quotes if q.speaker)
    totals = Counter(q.speaker for a in analysed for q in a.quotes if q.speaker)
    expected = sorted(totals, key=lambda s: (-totals[s], s))[:5]
    with Store(path, read_only=True) as store:
        top = queries.run(store.con, "quotes_by_speaker", queries.Filters(), limit=5)
        direct = queries.run(store.con, "quotes_by_speaker", queries.Filters(kinds=("direct",)), limit=50)
    assert list(top["speaker"]) == expected and len(expected) == 5
    assert top.attrs["total"] == len(totals) > 5  # the chart is capped and says of how many
    for row in top.itertuples():
        assert (row.quotes, row.direct, row.partial, row.scare) == (
            totals[row.speaker],
            by_kind[row.speaker, "direct"],
            by_kind[row.speaker, "partial"],
            by_kind[row.speaker, "scare"],
        )
    spoken = {s for (s, kind) in by_kind if kind == "direct"}
    assert set(direct["speaker"]) == spoken and (direct["partial"] + direct["scare"] == 0).all()


@pytest.fixture(scope="module")
def bbc_politics(tmp_path_factory, nlp):
    """A store of the first 60 BBC politics articles, analysed with the real model."""
    from analysis.ingest import ingest
    from analysis.readers import read_paths
    from tests.conftest import BBC

    path = tmp_path_factory.mktemp("bbc") / "s.duckdb"
    with Store(path) as store:
        ingest(read_paths([BBC / "politics" / f"{i:03d}.txt" for i in range(1, 61)]), store)
        yield store.con


class TestCorpusKeyphrases:
    def test_a_phrase_of_many_articles_beats_one_story_run_long(self, bbc_politics):
        """60 BBC politics articles: "home secretary" is a key phrase of five of them; one story's
        long runs of words ("BBC Radio Scotland's Good Morning Scotland programme", "Scottish
        National Party's Holyrood leader", in one article or a story filed twice) ranked above it
        on length and rarity alone."""
        top = queries.corpus_keyphrases(bbc_politics, queries.Filters(), limit=5)
        assert "home secretary" in top["phrase"].tolist()[:3], top
        assert (top["articles"] >= 2).all(), top

    def test_a_common_noun_alone_ranks_below_a_named_topic(self, bbc_politics):
        """A single common noun is seldom what the articles are about: "parents" (a key phrase of
        five of the 60 articles) ranked above "prime minister" (four), and "government" (15) is
        the most common key phrase of all. Each now ranks below the named office."""
        ranked = queries.corpus_keyphrases(bbc_politics, queries.Filters(), limit=1000)
        rank = {p: i for i, p in enumerate(ranked["phrase"])}
        assert rank["prime minister"] < rank["parents"], ranked.head(20)
        assert rank["home secretary"] < rank["prime minister"] < rank["government"], ranked.head(20)

    def test_a_phrase_in_several_cases_is_one_phrase(self, bbc_politics):
        """ "Prime Minister's Questions", "Prime minister's questions" and "prime minister's
        questions" (a name to the tagger in some sentences, not in others) are one phrase."""
        ranked = queries.corpus_keyphrases(bbc_politics, queries.Filters(), limit=1000)
        assert not ranked["phrase"].str.lower().duplicated().any(), ranked[
            ranked["phrase"].str.lower().duplicated(keep=False)
        ]
        row = ranked[ranked["phrase"].str.lower() == "prime minister's questions"]
        assert row["articles"].tolist() == [4], row
