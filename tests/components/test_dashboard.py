"""The dashboard through Streamlit's AppTest: every panel on the seed and on a BBC sample, filters
change what is shown, URL parameters restore a view."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import BBC, ROOT, SEED

TIMEOUT = 300


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def shown(markdown: str) -> str:
    """The text a Markdown body shows, for bodies whose data is escaped with backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def all_html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.fixture
def seed_app(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE", str(tmp_path / "seed.duckdb"))
    monkeypatch.setenv("DASHBOARD_CORPUS", str(ROOT / "seeds"))
    return AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT)


@pytest.fixture(scope="module")
def bbc_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    for section in ("politics", "business", "entertainment"):
        (folder / section).mkdir()
        for name in ("001.txt", "002.txt", "003.txt", "004.txt", "005.txt", "006.txt"):
            shutil.copy(BBC / section / name, folder / section / name)
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def bbc_app(tmp_path_factory, bbc_corpus, monkeypatch):
    store = tmp_path_factory.getbasetemp() / "bbc-dashboard.duckdb"
    monkeypatch.setenv("DASHBOARD_STORE", str(store))
    monkeypatch.setenv("DASHBOARD_CORPUS", str(bbc_corpus))
    return AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT)


PANELS = ["Overview", "Topics", "Actors", "Quotes", "Articles"]


def open_tab(at: AppTest, name: str) -> AppTest:
    at.session_state["tab"] = name
    return at.run()


def test_seed_every_panel_renders(seed_app):
    at = seed_app.run()
    assert not at.exception, at.exception
    assert metric(at, "Articles") == "1"
    assert int(metric(at, "Quotes")) == 3
    assert [t.label for t in at.tabs] == PANELS
    charts_per_panel = {}
    for name in PANELS:
        at = open_tab(at, name)
        assert not at.exception, (name, at.exception)
        charts_per_panel[name] = len(at.get("plotly_chart"))
        if name == "Actors":
            table = at.dataframe[0]
            assert table.proto.placeholder == "–"  # no tone shows as a dash, not "None"
            assert table.value["mentions"].dtype.kind == "i" and table.value["own_tone"].isna().any()
    assert charts_per_panel["Overview"] == 3 and charts_per_panel["Topics"] == 2 and charts_per_panel["Actors"] >= 3
    assert charts_per_panel["Quotes"] >= 2 and charts_per_panel["Articles"] >= 1
    body = all_html(at)
    assert body.count("nr-q-partial") >= 3  # "right perception" twice, "egregious provocation"
    assert "right perception</mark>" in body
    actor_options = at.multiselect(key="actor").options
    assert any(o.startswith("Liu Zhenli") for o in actor_options)


def test_a_name_typed_into_the_actor_box_is_the_actor_it_names(seed_app):
    at = seed_app.run()
    box = at.multiselect(key="actor")
    # Not picked from the list: typed and entered, as the text names him, beside a name of nobody.
    box.set_value(["Zhenli", "Nobody Atall"]).run()
    assert not at.exception
    assert at.multiselect(key="actor").value == ["Liu Zhenli"]
    assert any("Nobody Atall" in w.value and "left out" in w.value for w in at.sidebar.warning)
    assert "Liu Zhenli" in next(c.value for c in at.caption if c.value.startswith("Showing"))


def test_url_parameters_restore_a_view(seed_app):
    seed_app.query_params["actor"] = "Liu Zhenli"
    seed_app.query_params["q"] = "perception"
    at = seed_app.run()
    assert not at.exception
    assert at.multiselect(key="actor").value == ["Liu Zhenli"]
    assert at.text_input(key="q").value == "perception"


def test_bbc_sample_every_panel_renders(bbc_app):
    at = bbc_app.run()
    for name in PANELS:
        at = open_tab(at, name)
        assert not at.exception, (name, at.exception)
    assert "nr-body" in all_html(at)


def test_actors_panel_says_there_is_no_time_chart_when_no_article_is_dated(bbc_app):
    """BBC files carry no date: narrowed to a BBC section, the Actors panel says there is no time
    chart, rather than an empty one asking for actors "in dated articles" that no pick can give."""
    at = bbc_app.run()
    at.multiselect(key="section").select("business").run()
    at = open_tab(at, "Actors")
    assert not at.exception, at.exception
    assert "No matching article has a date, so there is no time chart." in [c.value for c in at.caption]
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert not any("over time" in t for t in titles), titles
    mentions = [m.value for m in at.metric if m.label == "Mentions"]
    assert len(mentions) == 2  # the two actors compared, side by side


def test_framing_phrases_show_a_missing_date_as_a_dash(bbc_app):
    """BBC files have no date or source: the framing-phrase table shows a dash for them, as the
    quote table does, not "None"; and it is said to cover the matching articles, not the corpus."""
    at = bbc_app.run()
    at.multiselect(key="section").select("politics").run()
    at = open_tab(at, "Quotes")
    assert not at.exception, at.exception
    (phrases,) = [d for d in at.dataframe if "first_seen" in d.value.columns]
    assert phrases.value["first_seen"].isna().any()
    assert phrases.proto.placeholder == "–"
    assert any(c.value.startswith("Partial and scare quotes in the matching articles") for c in at.caption)


def test_a_one_article_store_says_why_it_has_no_topics_or_key_phrases(seed_app):
    """The seed store holds one article, too few to find topics in: the topic chart says so (it
    said "No themes in the matching articles", the theme chart's reason, beside a theme chart
    full of themes), and the store line counts "1 article"."""
    at = open_tab(seed_app.run(), "Topics")
    assert not at.exception, at.exception
    layouts = [json.loads(c.proto.spec)["layout"] for c in at.get("plotly_chart")]
    (topics,) = [lay for lay in layouts if lay["title"]["text"] == "Topics found in the corpus"]
    assert topics["annotations"][0]["text"].startswith("No topics in the matching articles")
    # Every phrase of the one article is in every stored article: none weighs anything, and the
    # chart says so rather than listing phrases without bars.
    (phrases,) = [lay for lay in layouts if lay["title"]["text"] == "Key phrases"]
    assert phrases["annotations"][0]["text"].startswith("No phrase sets the matching articles apart")
    assert any(" · 1 article · " in c.value for c in at.caption if c.value.startswith("Store "))


def test_article_link_opens_the_reader(seed_app):
    from analysis.readers import read_file

    seed_app.query_params["article"] = read_file(SEED)[0].id
    at = seed_app.run()
    assert not at.exception
    assert at.session_state["tab"] == "Articles"
    assert "right perception</mark>" in all_html(at)


def test_bbc_sample_filters_change_what_is_shown(bbc_app):
    at = bbc_app.run()
    assert not at.exception, at.exception
    total = int(metric(at, "Articles").replace(",", ""))
    assert total == 19
    at.multiselect(key="section").select("business").run()
    assert not at.exception
    assert int(metric(at, "Articles")) == 6
    at.multiselect(key="section").unselect("business").run()
    at.text_input(key="q").input("maternity").run()
    assert int(metric(at, "Articles")) < total
    at.text_input(key="q").input("no article says zzqxj").run()
    assert int(metric(at, "Articles")) == 0
    assert any("No articles match" in w.value for w in at.warning)


def test_filter_option_counts_say_they_are_the_whole_stores(bbc_app):
    # "Health (42)" beside a page of 19 articles: the figure is the whole store's, and says so.
    at = bbc_app.run()
    at.multiselect(key="section").select("business").run()
    assert not at.exception, at.exception
    for key in ("actor", "theme", "topic"):
        assert "in the whole store, whatever the other filters" in at.multiselect(key=key).help


@pytest.mark.parametrize(
    "content, says",
    [
        (b"this is not a database", "move this one away"),
        (b"\x00", "move this one away"),
    ],
)
def test_a_foreign_store_file_is_an_error_box_not_a_traceback(tmp_path, monkeypatch, content, says):
    bad = tmp_path / "foreign.duckdb"
    bad.write_bytes(content * 100)
    monkeypatch.setenv("DASHBOARD_STORE", str(bad))
    monkeypatch.delenv("DASHBOARD_CORPUS", raising=False)
    at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any(says in shown(e.value) and str(bad) in shown(e.value) for e in at.error)


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


class TestCorpusAndStore:
    """A store holds one collection: --store alone adds nothing, --corpus alone gets a store of
    its own, both add the corpus to that store; the page says which store it shows."""

    @pytest.fixture
    def env(self, tmp_path, monkeypatch):
        monkeypatch.delenv("DASHBOARD_CORPUS", raising=False)
        monkeypatch.delenv("DASHBOARD_STORE", raising=False)
        monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path / "data"))
        return monkeypatch

    def test_store_alone_adds_nothing(self, env, tmp_path):
        from tests.conftest import run_cli

        store = tmp_path / "bbc.duckdb"
        folder = tmp_path / "three"
        folder.mkdir()
        for name in ("001.txt", "002.txt", "003.txt"):
            shutil.copy(BBC / "business" / name, folder / name)
        assert run_cli("ingest", str(folder), "--store", str(store)).returncode == 0
        env.setenv("DASHBOARD_STORE", str(store))
        at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT).run()
        assert not at.exception
        assert metric(at, "Articles") == "3"
        assert "3 articles" in captions(at) and "bbc.duckdb" in captions(at)

    def test_two_corpora_get_two_stores(self, env, tmp_path):
        stores = []
        for section in ("politics", "tech"):
            folder = tmp_path / section
            folder.mkdir()
            for name in ("001.txt", "002.txt"):
                shutil.copy(BBC / section / name, folder / name)
            env.setenv("DASHBOARD_CORPUS", str(folder))
            at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT).run()
            assert not at.exception
            assert metric(at, "Articles") == "2"  # only this corpus, not the one before
            stores.append(next(p for p in (tmp_path / "data" / "corpora").glob(f"{section}-*.duckdb")))
        assert stores[0] != stores[1]

    def test_corpus_and_store_together_add_the_corpus(self, env, tmp_path):
        store = tmp_path / "both.duckdb"
        env.setenv("DASHBOARD_STORE", str(store))
        env.setenv("DASHBOARD_CORPUS", str(ROOT / "seeds"))
        at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT).run()
        assert not at.exception and metric(at, "Articles") == "1"
        assert store.exists()


def test_a_pasted_page_url_is_fetched_and_added(seed_app):
    """The Corpus panel's URL box, against a saved news page served on loopback."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from tests.conftest import SHARED

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(SHARED / "corpora" / "web" / "pages"))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        at = seed_app.run()
        assert metric(at, "Articles") == "1"
        at.text_input(key="corpus_url").set_value(f"http://127.0.0.1:{server.server_port}/bbc.com.52241221.html")
        at.run()
        at.button(key="corpus_add").click().run()
        assert not at.exception
        assert any("1 analysed" in s.value for s in at.success)
        assert metric(at, "Articles") == "2"
    finally:
        server.shutdown()


def test_unknown_link_values_are_named_and_the_rest_applies(bbc_app):
    bbc_app.query_params["actor"] = ["Nobody Such", "Mr Blair"]
    bbc_app.query_params["theme"] = "No Such Theme"
    bbc_app.query_params["since"] = "2005-13-45"
    bbc_app.query_params["q"] = "election"
    at = bbc_app.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "Nobody Such" in warnings and "No Such Theme" in warnings and "2005\\-13\\-45" in warnings
    assert any("Mr Blair" in i.value and "Tony Blair" in i.value for i in at.info)
    assert at.multiselect(key="actor").value == ["Tony Blair"]  # resolved, the unknown one left out
    assert at.text_input(key="q").value == "election"  # the rest of the view still applies


def test_an_ingest_completes_while_the_page_is_open_and_the_page_then_shows_it(seed_app, tmp_path):
    """The page holds no connection between runs: an ingest from the command line gets the
    file, and the next run shows what it added."""
    from tests.conftest import run_cli

    at = seed_app.run()
    assert metric(at, "Articles") == "1"
    folder = tmp_path / "more"
    folder.mkdir()
    for name in ("001.txt", "002.txt", "003.txt"):
        shutil.copy(BBC / "tech" / name, folder / name)
    store = str(tmp_path / "seed.duckdb")
    result = run_cli("ingest", str(folder), "--store", store, timeout=300)
    assert result.returncode == 0, result.stderr
    stats = run_cli("stats", "--store", store)
    assert stats.returncode == 0 and '"articles": 4' in stats.stdout
    at.run()
    assert not at.exception
    assert metric(at, "Articles") == "4"


def test_a_view_already_seen_shows_while_another_process_holds_the_store_for_writing(bbc_app):
    """A rerun whose queries are all cached opens no connection: while an ingest holds the store
    (here a process holding DuckDB's write lock on it), the page shows a view it has computed
    before at once, rather than waiting for the file and then saying it is in use."""
    import os
    import subprocess
    import sys
    import time

    from components.state import READ_WAIT

    at = bbc_app.run()
    assert not at.exception, at.exception
    articles = metric(at, "Articles")
    store = os.environ["DASHBOARD_STORE"]
    time.sleep(1.1)  # a store between ingests: its file not written in the last second
    at.run()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "time.sleep(120)", store],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        at.run()
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert metric(at, "Articles") == articles
    assert waited < READ_WAIT / 2


HOSTILE_SOURCE = ":red[X] $$x$$ ![p](https://evil.invalid/source.png)"
HOSTILE_SECTION = "**S** :blue[s] ![s](https://evil.invalid/section.png)"
HOSTILE_QUERY = ":red[Q] $$q$$ ![q](https://evil.invalid/q.png)"


def test_data_in_captions_is_escaped_markdown(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {
        "title": "# Title ![t](https://evil.invalid/t.png)",
        "text": "The minister said the plan was fine and the council agreed.",
        "source": HOSTILE_SOURCE,
        "section": HOSTILE_SECTION,
        "date": "2024-01-02",
    }
    (corpus / "feed.jsonl").write_text(json.dumps(record) + "\n")
    monkeypatch.setenv("DASHBOARD_STORE", str(tmp_path / "s.duckdb"))
    monkeypatch.setenv("DASHBOARD_CORPUS", str(corpus))
    at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT)
    at.query_params["source"] = HOSTILE_SOURCE
    at.query_params["section"] = HOSTILE_SECTION
    at.query_params["q"] = HOSTILE_QUERY
    at = at.run()
    assert not at.exception, at.exception
    (caption,) = [c.value for c in at.caption if c.value.startswith("Showing ")]
    for value in (HOSTILE_SOURCE, HOSTILE_SECTION, HOSTILE_QUERY):
        assert value in shown(caption)
    # Every character Markdown or Streamlit's directives would act on has a backslash before it.
    assert not re.search(r"[:$!\[\]()*_`<>]", re.sub(r"\\.", "", caption.split("·", 2)[-1]))


def test_the_reader_explains_the_tone_toward_the_filtered_actor(seed_app, tmp_path):
    import duckdb

    from analysis.records import ToneRow

    seed_app.query_params["actor"] = "Liu Zhenli"
    at = open_tab(seed_app.run(), "Articles")
    assert not at.exception, at.exception
    mention = next(s for s in at.selectbox if s.label == "Mention")
    assert "→ Liu Zhenli ·" in mention.options[mention.index]
    table = next(d.value for d in at.dataframe if "how it relates to the mention" in d.value.columns)
    shown = list(zip(table["word"], table["push"]))
    with duckdb.connect(str(tmp_path / "seed.duckdb"), read_only=True) as con:
        stored = con.execute("SELECT words FROM tones WHERE actor = 'Liu Zhenli'").fetchall()
    # Exactly one stored mention's words, every one of them, with its push.
    assert shown and shown in [[(w, p) for w, _, p in ToneRow.read_words(words)] for (words,) in stored]


def stored_topics(store) -> dict[str, int]:
    """Each stored topic's label and its number of articles, read from the store's own tables
    (not through the page's queries)."""
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        rows = con.execute(
            "SELECT t.label, count(*) FROM article_topics m JOIN topic_terms t USING (topic) GROUP BY t.label"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def test_bbc_sample_topic_filter_narrows_the_page_to_the_topics_articles(bbc_app):
    """The Topic filter offers each topic found at ingest, named by its top terms with its
    article count; choosing one narrows every panel to exactly its stored articles and puts it
    in the URL."""
    import os

    at = bbc_app.run()
    assert not at.exception, at.exception
    counts = stored_topics(os.environ["DASHBOARD_STORE"])
    assert len(counts) == 5  # five topics, fitted over the 19 articles at ingest
    box = at.multiselect(key="topic")
    assert sorted(box.options) == sorted(f"{label} ({n})" for label, n in counts.items())
    label, n = min(counts.items(), key=lambda item: item[1])  # the smallest: a visible narrowing
    assert 0 < n < 19
    at.multiselect(key="topic").select(label).run()
    assert not at.exception, at.exception
    assert int(metric(at, "Articles")) == n
    assert any(c.value.startswith(f"Showing {n} of 19 articles") and "topic" in c.value for c in at.caption)
    assert at.query_params["topic"] in (label, [label])  # AppTest gives a lone value bare
    for name in PANELS[1:]:
        at = open_tab(at, name)
        assert not at.exception, (name, at.exception)
    # The Articles panel lists exactly the topic's articles.
    assert f"of {n}" in " ".join(c.value for c in at.caption)


def test_a_topic_in_the_link_applies_and_an_unknown_one_is_named(bbc_app):
    import os

    bbc_app.run()  # the sample is analysed into the store
    counts = stored_topics(os.environ["DASHBOARD_STORE"])
    label, n = max(counts.items(), key=lambda item: item[1])
    at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT)
    at.query_params["topic"] = [label.upper(), "no, such, topic"]
    at = at.run()
    assert not at.exception, at.exception
    assert at.multiselect(key="topic").value == [label]  # matched whatever its case
    assert int(metric(at, "Articles")) == n
    assert any("no, such, topic" in w.value and "left out" in w.value for w in at.warning)


def test_a_topic_bar_opens_its_evidence_and_can_filter_the_page(bbc_app):
    """What selecting a bar of the topic chart opens (the catalog's drill, as the chart's
    selection callback sets it): the sentences of the topic's articles holding its top terms,
    a true count, and a button that narrows the page to the topic."""
    import os

    from analysis.figures.catalog import CHARTS

    at = bbc_app.run()
    counts = stored_topics(os.environ["DASHBOARD_STORE"])
    label, n = max(counts.items(), key=lambda item: item[1])
    at.session_state["drill"] = CHARTS["topics"].drill([label], {})
    at.run()
    assert not at.exception, at.exception
    heads = [shown(m.value) for m in at.markdown if "Evidence ·" in m.value]
    assert heads and f"Topic: {label}" in heads[0] and "in articles of the topic" in heads[0]
    (count,) = [c.value for c in at.caption if c.value.startswith("Sentences 1–")]
    assert int(re.match(r"Sentences 1–[\d,]+ of ([\d,]+)", count)[1].replace(",", "")) >= 1
    body = all_html(at)
    assert "<mark>" in body
    at.button(key="evidence_filter").click().run()
    assert not at.exception, at.exception
    assert at.multiselect(key="topic").value == [label]
    assert int(metric(at, "Articles")) == n


def test_a_topic_bars_evidence_adds_up_to_the_bars_articles(bbc_app):
    """A topic bar counts articles; its evidence lists sentences holding the topic's top terms.
    The evidence says how many articles its sentences come from and how many of the bar's
    articles hold none of the terms, and the two add up to the bar, read from the store's own
    tables (not through the page's queries)."""
    import os

    import duckdb

    from analysis.figures.catalog import CHARTS

    at = bbc_app.run()
    store = os.environ["DASHBOARD_STORE"]
    for label, n in stored_topics(store).items():
        at.session_state["drill"] = CHARTS["topics"].drill([label], {})
        at.run()
        assert not at.exception, at.exception
        con = duckdb.connect(store, read_only=True)
        try:
            texts = con.execute(
                """SELECT m.article_id, a.text FROM article_topics m JOIN topic_terms t USING (topic)
                   JOIN articles a ON a.id = m.article_id WHERE t.label = ?""",
                [label],
            ).fetchall()
        finally:
            con.close()
        terms = label.split(", ")
        # A term as the evidence reads it: the whole word, with a common inflection.
        words = re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")(s|es|ed|d|ing)?\b", re.I)
        holding = sum(bool(words.search(text)) for _, text in texts)
        captions = [c.value for c in at.caption]
        listed = [c for c in captions if c.startswith("Sentences 1–")]
        if holding:
            assert listed and listed[0].endswith(f"from {holding} article{'s' if holding != 1 else ''}"), listed
        if holding < n:
            assert f"{n - holding} of the {n} articles behind this bar hold none of these words" in " ".join(
                captions
            ), captions


def test_the_report_is_built_on_request_then_offered(seed_app):
    import io
    import zipfile

    from analysis.figures import catalog

    def report_buttons(at):
        return [b for b in at.get("download_button") if b.key == "report_zip"]

    at = seed_app.run()
    assert not report_buttons(at)  # nothing is built before it is asked for
    at = at.button(key="report_build").click().run()
    assert not at.exception, at.exception
    (button,) = report_buttons(at)
    key, data = at.session_state["_report"]
    assert f"{len(data) / 1e6:,.1f} MB" in button.proto.label
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert {f"charts/{n}.html" for n in catalog.CHARTS} | {f"data/{n}.csv" for n in catalog.CHARTS} <= names
    assert {"articles.csv", "articles.jsonl", "METHODS.md"} <= names
    records = zipfile.ZipFile(io.BytesIO(data)).read("articles.jsonl").decode().splitlines()
    assert len(records) == 1 and json.loads(records[0])["text"]
    # Another view is another report: the built one is not offered for it.
    at.query_params["q"] = "perception"
    at.text_input(key="q").set_value("perception")
    at = at.run()
    assert not report_buttons(at) and at.button(key="report_build")


def test_the_servers_warm_up_is_what_the_first_page_run_shows(tmp_path, monkeypatch):
    """`page.warm` (run when the server starts) builds the unfiltered Overview's and Topics' charts
    under the keys the first analyst's runs look up: those runs show the warmed figures, not new
    ones."""
    from analysis.queries import Filters
    from components import page, state
    from components.overview import OVERVIEW_CHARTS
    from components.topics_panel import TOPICS_CHARTS
    from tests.conftest import run_cli

    store = tmp_path / "seed.duckdb"
    assert run_cli("ingest", str(SEED), "--store", str(store)).returncode == 0
    monkeypatch.setenv("DASHBOARD_STORE", str(store))
    monkeypatch.delenv("DASHBOARD_CORPUS", raising=False)
    page.warm()
    version = state.store_version(str(store))
    away = store.rename(tmp_path / "away.duckdb")  # so that only a warmed chart can be had
    for name in OVERVIEW_CHARTS + TOPICS_CHARTS:
        # Charts are shared objects: a mark on the warmed one shows wherever the page uses it.
        fig, _ = state.chart(name, str(store), version, Filters())
        fig.layout.meta = f"warmed {name}"
    away.rename(store)
    at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=TIMEOUT).run()
    for tab, names in (("Overview", OVERVIEW_CHARTS), ("Topics", TOPICS_CHARTS)):
        at = open_tab(at, tab)
        assert not at.exception, at.exception
        shown_meta = [json.loads(chart.proto.spec)["layout"].get("meta") for chart in at.get("plotly_chart")]
        assert shown_meta == [f"warmed {name}" for name in names]


def test_the_reader_and_the_evidence_name_only_the_dates_and_sources_the_store_has(bbc_app):
    """BBC files carry a section but no date or source: the reader's header says "undated ·
    politics", not "no date · – ·", and an evidence line says "undated" without a dash for the
    missing source."""
    from analysis.figures.catalog import CHARTS

    at = bbc_app.run()
    at.multiselect(key="section").select("politics").run()
    at = open_tab(at, "Articles")
    assert not at.exception, at.exception
    header = next(h for h in at.get("html") if h.proto.body.startswith("<h3>"))
    assert "<p>undated · politics · " in header.proto.body and "– ·" not in header.proto.body
    at.session_state["drill"] = CHARTS["top-actors"].drill(["Tony Blair"], {})
    at.run()
    assert not at.exception, at.exception
    evidence = next(h.proto.body for h in at.get("html") if 'class="nr-ev"' in h.proto.body)
    assert "</a> · undated</span>" in evidence and "no date" not in evidence


def test_the_framing_phrases_have_one_heading(bbc_app):
    """The framing-phrase chart's title heads its part of the Quotes tab; no heading above it
    repeats the same words."""
    at = bbc_app.run()
    at = open_tab(at, "Quotes")
    assert not at.exception, at.exception
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "Recurring framing phrases" in titles
    assert "Recurring framing phrases" not in [h.value for h in at.subheader]


def test_the_quote_kinds_chart_says_of_how_many_speakers_it_shows_the_most_quoted(bbc_app):
    """The quote-kinds chart draws the 15 most quoted speakers; its caption says of how many, as
    counted by the speakers' own query without a cap."""
    from analysis import queries
    from analysis.store import Store

    at = bbc_app.run()
    at = open_tab(at, "Quotes")
    assert not at.exception, at.exception
    with Store(os.environ["DASHBOARD_STORE"], read_only=True) as store:
        every = queries.run(store.con, "quotes_by_speaker", queries.Filters(), limit=100_000)
    assert len(every) > 15
    assert f"The 15 most quoted of {len(every):,} speakers." in [c.value for c in at.caption]
