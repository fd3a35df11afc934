"""The dashboard in a real browser: it loads, highlights quotes, takes its view from the URL,
and shows hostile markup in articles as text without running it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import settle

pytestmark = pytest.mark.browser


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    settle(page)


def test_page_loads_without_error(page, dashboard_url):
    page.goto(dashboard_url)
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.get_by_text("Mean sentiment").count() >= 1
    assert page.locator(".js-plotly-plot").count() >= 3


def test_right_perception_is_highlighted_in_the_reader(page, dashboard_url):
    page.goto(f"{dashboard_url}/?actor=Liu%20Zhenli")
    settle(page)
    open_tab(page, "Articles")
    marks = page.locator("mark.nr-q-partial", has_text="right perception")
    assert marks.count() == 2
    assert "Liu Zhenli" in marks.first.get_attribute("title")


def test_actor_filter_from_url_narrows_the_article_list(page, dashboard_url):
    page.goto(dashboard_url)
    settle(page)
    open_tab(page, "Articles")
    assert page.locator(".nr-count").first.inner_text() == "4 matching articles"
    page.goto(f"{dashboard_url}/?actor=Liu%20Zhenli")
    settle(page)
    open_tab(page, "Articles")
    assert page.locator(".nr-count").first.inner_text() == "1 matching articles"
    assert "actor=Liu+Zhenli" in page.url or "actor=Liu%20Zhenli" in page.url


def test_hostile_markup_shows_as_text_and_never_runs(page, dashboard_url):
    page.goto(f"{dashboard_url}/?q=minister%20said%20the%20plan")
    settle(page)
    open_tab(page, "Articles")
    body = page.locator(".nr-body").first
    text = body.inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert "<img src=x onerror=" in text
    assert body.locator("script, img, svg, a").count() == 0
    heading = page.locator("h3", has_text="Markup <b>test</b>")
    assert heading.count() == 1
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_two_sessions_keep_their_own_filters(browser, dashboard_url):
    first = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
    second = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
    try:
        first.goto(f"{dashboard_url}/?actor=Liu%20Zhenli")
        second.goto(f"{dashboard_url}/?q=maternity")
        settle(first)
        settle(second)
        open_tab(first, "Articles")
        open_tab(second, "Articles")
        first.reload()
        settle(first)
        open_tab(first, "Articles")
        assert first.locator(".nr-count").first.inner_text() == "1 matching articles"
        assert (
            "Liu Zhenli" in first.locator("h3").first.inner_text()
            or "16-month" in first.locator("h3").first.inner_text()
        )
        assert second.locator(".nr-count").first.inner_text() == "1 matching articles"
        assert "maternity" in second.locator("h3").first.inner_text().lower()
    finally:
        first.context.close()
        second.context.close()


def test_upload_over_the_limit_is_refused_with_a_message(page, dashboard_url, tmp_path):
    big = tmp_path / "huge.txt"
    big.write_bytes(b"word " * (51 * 1024 * 1024 // 5))  # 51 MB, over server.maxUploadSize = 50
    page.goto(dashboard_url)
    settle(page)
    page.get_by_text("Corpus", exact=True).click()
    corpus = page.locator("[data-testid=stExpander]", has_text="Add files")
    corpus.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(big))
    page.wait_for_timeout(2000)
    assert page.get_by_text("File must be 50.0MB or smaller.").count() >= 1
    assert page.locator("[data-testid=stException]").count() == 0


def test_selecting_a_bar_filters_the_page_and_shows_the_evidence(page, dashboard_url):
    page.goto(f"{dashboard_url}/?q=perception")
    settle(page)
    top_actors = page.locator(".js-plotly-plot").nth(1)
    top_actors.locator("g.point path").last.click(force=True)  # the top bar: the most mentioned actor
    settle(page)
    assert "actor=China" in page.url
    assert page.get_by_text("Evidence for actor: China").count() == 1
    assert page.get_by_text("8 sentences").count() >= 1


def test_page_downloads_match_the_command_line_export(page, dashboard_url, tmp_path):
    import os
    import shutil

    from analysis.__main__ import main as cli

    page.goto(dashboard_url)
    settle(page)
    page.get_by_role("button", name="Export").nth(1).click()  # the top-actors chart's menu
    downloads = {}
    for fmt in ("CSV", "HTML"):
        # Click only once the page is idle: a click during a rerun can reach a button that the
        # rerun then replaces (one CI run timed out waiting for this download).
        settle(page)
        button = page.get_by_role("button", name=fmt, exact=True)
        button.wait_for(state="visible")
        with page.expect_download(timeout=60_000) as info:
            button.click()
        downloads[fmt] = Path(info.value.path()).read_bytes()
    out = tmp_path / "top-actors.csv"
    store = Path(os.environ["BROWSER_TEST_STORE"])
    # The running dashboard holds the store file; the command line reads a copy of it.
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    if store.with_name(store.name + ".wal").exists():
        shutil.copy(store.with_name(store.name + ".wal"), copy.with_name(copy.name + ".wal"))
    assert (
        cli(["export", "--store", str(copy), "--chart", "top-actors", "--format", "csv", "--out", str(out)])
        == 0
    )
    assert downloads["CSV"] == out.read_bytes()
    assert b"Plotly.newPlot" in downloads["HTML"] and b"Top actors" in downloads["HTML"]


def test_a_hostile_upload_does_not_stall_another_session(browser, page, dashboard_url, tmp_path):
    import time

    from tests.hostile import unclosed_sgm

    hostile = unclosed_sgm(tmp_path)  # 600 KB of unclosed tags: ~100 s with the old regex
    page.goto(dashboard_url)
    settle(page)
    page.get_by_text("Corpus", exact=True).click()
    corpus = page.locator("[data-testid=stExpander]", has_text="Add files")
    corpus.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(hostile))
    page.get_by_role("button", name="Analyse and add").click()
    other = browser.new_context(viewport={"width": 1400, "height": 1400}).new_page()
    try:
        started = time.monotonic()
        other.goto(dashboard_url)
        other.get_by_text("Mean sentiment").first.wait_for(timeout=5_000)
        assert time.monotonic() - started < 5
    finally:
        other.context.close()
    settle(page)
    assert page.get_by_text("20,000 stories not read").count() >= 1
    assert page.locator("[data-testid=stException]").count() == 0
