"""Every number the page shows is true, in a real browser: evidence behind a mark on every chart
of every tab, true totals on a store where the old caps bit, links that name what they cannot
apply, and a table row that opens its article."""

from __future__ import annotations

import re

import duckdb
import pytest

from tests.browser.conftest import serve, settle
from tests.browser.test_browser import article_count, open_tab
from tests.conftest import BBC, run_cli

pytestmark = pytest.mark.browser

# (tab, chart position on the tab, what the evidence header names)
MARKS = [
    ("Overview", 0, "Articles dated"),
    ("Overview", 1, "Actor:"),
    ("Overview", 2, "Theme:"),
    ("Topics", 1, "“"),
    ("Actors", 0, ""),
    ("Actors", 1, " articles"),
    ("Actors", 2, " on "),
    ("Quotes", 0, "Quotes of "),
    ("Quotes", 1, "“"),
]


def click_mark(chart) -> None:
    marks = chart.locator("g.point path, g.points path.point")
    assert marks.count() >= 1
    marks.last.click(force=True)


@pytest.mark.parametrize("tab, position, names", MARKS)
def test_a_mark_on_every_chart_opens_its_evidence(page, dashboard_url, tab, position, names):
    page.goto(f"{dashboard_url}/?tab={tab}")
    settle(page)
    click_mark(page.locator(".js-plotly-plot").nth(position))
    settle(page)
    header = page.get_by_text("Evidence ·").first.inner_text()
    assert names in header
    items = page.locator("ol li")
    assert items.count() >= 1
    if "Theme:" in header or "Topic:" in header or "“" in header:
        # Sentences behind a theme or a phrase hold its words, marked.
        for i in range(items.count()):
            assert items.nth(i).locator("mark").count() >= 1, items.nth(i).inner_text()
    assert page.get_by_text(re.compile(r"^(Sentences|Articles) 1–\d+ of \d+")).count() >= 1


def test_a_table_row_opens_its_article(page, dashboard_url):
    page.goto(f"{dashboard_url}/?tab=Articles")
    settle(page)
    table = page.locator("[data-testid=stDataFrame]").first
    box = table.bounding_box()
    first_title = page.locator("h3").first.inner_text()
    # The grid is drawn on a canvas: the third row's selection box, by position.
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 35 * 2 + 17)
    settle(page)
    opened = page.locator("h3").first.inner_text()
    assert opened != first_title
    assert "article=" in page.url


def test_a_link_names_what_it_cannot_apply_and_resolves_names(page, dashboard_url):
    page.goto(f"{dashboard_url}/?actor=Mr%20Blair&actor=Nobody%20Such&theme=No%20Such%20Theme&since=2005-13-45")
    settle(page)
    alerts = " ".join(page.locator("[data-testid=stAlert]").all_inner_texts())
    assert "Nobody Such" in alerts and "No Such Theme" in alerts and "2005-13-45" in alerts
    assert "Mr Blair" in alerts and "Tony Blair" in alerts
    assert "actor=Tony+Blair" in page.url or "actor=Tony%20Blair" in page.url


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """Twelve BBC politics articles, analysed, then stored 175 times over under new ids: more
    than 2,000 articles and 1,000 quotes, where the page used to cap its counts."""
    folder = tmp_path_factory.mktemp("twelve")
    for i in range(1, 13):
        (folder / f"{i:03d}.txt").write_bytes((BBC / "politics" / f"{i:03d}.txt").read_bytes())
    store = folder / "big.duckdb"
    assert run_cli("ingest", str(folder), "--store", str(store)).returncode == 0
    con = duckdb.connect(str(store))
    copies = "range(1, 175) r(k)"
    con.execute(f"INSERT INTO articles SELECT t.* REPLACE (t.id || '~' || k AS id) FROM articles t, {copies}")
    for table in ("sentences", "entities", "actors", "quotes", "themes"):
        con.execute(
            f"INSERT INTO {table} SELECT t.* REPLACE (t.article_id || '~' || k AS article_id) FROM {table} t, {copies}"
        )
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    con.close()
    assert articles == 2100 and quotes > 1000
    return store, articles, quotes


def test_true_totals_on_a_large_store_opened_alone(page, big_store):
    store, articles, quotes = big_store
    with serve(DASHBOARD_STORE=str(store)) as url:
        page.goto(url)
        settle(page)
        # The store alone: nothing added to it (no seed), and the page says which store it is.
        assert page.get_by_text(f"{articles:,} articles").count() >= 1
        metrics = " ".join(page.locator("[data-testid=stMetric]").all_inner_texts())
        assert f"{articles:,}" in metrics and f"{quotes:,}" in metrics
        # Topics need more articles than the small corpus has: a topic's evidence, here.
        open_tab(page, "Topics")
        click_mark(page.locator(".js-plotly-plot").nth(0))
        settle(page)
        assert "Topic:" in page.get_by_text("Evidence ·").first.inner_text()
        items = page.locator("ol li")
        assert items.count() >= 1 and all(items.nth(i).locator("mark").count() for i in range(items.count()))
        page.get_by_role("button", name="Close").first.click()
        settle(page)
        open_tab(page, "Articles")
        assert article_count(page).startswith(f"Articles 1–100 of {articles:,}")
        assert "same title and text" in article_count(page)
        open_tab(page, "Quotes")
        assert page.get_by_text(f"Quotes ({quotes:,})").count() == 1
        assert page.get_by_text(f"Quotes 1–100 of {quotes:,}").count() == 1


def test_a_topic_bar_narrows_the_page_to_its_stored_articles(page, big_store):
    """A topic bar's evidence offers its filter; the filter puts the topic in the URL and the
    page then counts exactly the articles stored under it (read here from the store's tables)."""
    store, _, _ = big_store
    con = duckdb.connect(str(store), read_only=True)
    stored = dict(
        con.execute(
            "SELECT t.label, count(*) FROM article_topics m JOIN topic_terms t USING (topic) GROUP BY t.label"
        ).fetchall()
    )
    con.close()
    with serve(DASHBOARD_STORE=str(store)) as url:
        page.goto(f"{url}/?tab=Topics")
        settle(page)
        click_mark(page.locator(".js-plotly-plot").nth(0))
        settle(page)
        header = page.get_by_text("Evidence ·").first.inner_text()
        label = re.search(r"Topic: ([^—\n]+)", header).group(1).strip()
        assert label in stored
        page.get_by_role("button", name=f"Filter the page to topic: {label}").click()
        settle(page)
        assert "topic=" in page.url
        open_tab(page, "Overview")
        metrics = page.locator("[data-testid=stMetric]").first.inner_text()
        assert metrics.split()[-1] == f"{stored[label]:,}", (metrics, label, stored)
