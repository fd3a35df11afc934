"""The dashboard through Streamlit's AppTest: every panel on the seed and on a BBC sample, filters
change what is shown, URL parameters restore a view."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import quote

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
    monkeypatch.delenv("DASHBOARD_CORPUS", raising=False)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)


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
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)


PANELS = ["Overview", "Actors", "Quotes", "Articles"]


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
    assert charts_per_panel["Overview"] >= 4 and charts_per_panel["Actors"] >= 3
    assert charts_per_panel["Quotes"] >= 2 and charts_per_panel["Articles"] >= 1
    body = all_html(at)
    assert body.count("nr-q-partial") >= 3  # "right perception" twice, "egregious provocation"
    assert "right perception</mark>" in body
    actor_options = at.multiselect(key="actor").options
    assert any(o.startswith("Liu Zhenli") for o in actor_options)


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
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any(says in shown(e.value) and str(bad) in shown(e.value) for e in at.error)


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
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params["source"] = HOSTILE_SOURCE
    at.query_params["section"] = HOSTILE_SECTION
    at.query_params["q"] = HOSTILE_QUERY
    at = at.run()
    assert not at.exception, at.exception
    (caption,) = [c.value for c in at.caption if "articles in the store" in c.value]
    for value in (HOSTILE_SOURCE, HOSTILE_SECTION, HOSTILE_QUERY):
        assert value in shown(caption)
    # Every character Markdown or Streamlit's directives would act on has a backslash before it.
    assert not re.search(r"[:$!\[\]()*_`<>]", re.sub(r"\\.", "", caption.split("·", 2)[-1]))
