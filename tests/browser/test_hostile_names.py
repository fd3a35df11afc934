"""Hostile source, section, title and query strings in a real browser: the page holds them as
text, renders no Markdown or KaTeX from them, and fetches nothing from outside."""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlparse

import pytest

from tests.browser.conftest import serve, settle
from tests.browser.test_browser import article_count

pytestmark = pytest.mark.browser

SOURCE = ":red[X] $$x$$ ![p](https://evil.invalid/source.png)"
SECTION = "**S** :blue[s] ![s](https://evil.invalid/section.png)"
TITLE = "# Title ![t](https://evil.invalid/title.png) <img src=https://evil.invalid/t2.png>"
QUERY = ":red[Q] $$q$$ ![q](https://evil.invalid/q.png)"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    record = {
        "title": TITLE,
        "text": "The minister said the plan was fine and the council agreed with her.",
        "source": SOURCE,
        "section": SECTION,
        "date": "2024-01-02",
    }
    (corpus / "feed.jsonl").write_text(json.dumps(record) + "\n")
    store = tmp_path_factory.mktemp("hostile-store") / "store.duckdb"
    with serve(DASHBOARD_STORE=str(store), DASHBOARD_CORPUS=str(corpus)) as url:
        yield url


def test_hostile_names_show_as_text_and_fetch_nothing(page, hostile_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    query = urlencode({"source": SOURCE, "section": SECTION, "q": QUERY})
    page.goto(f"{hostile_url}/?{query}")
    settle(page)
    caption = page.locator("[data-testid=stCaptionContainer]", has_text="Showing ").first
    text = caption.inner_text().replace("\u2060", "")  # md_escape's joiner inside bare links
    for value in (SOURCE, SECTION, QUERY):
        assert value in text, (value, text)
    assert caption.locator("img, .katex, strong, span[class*=color], a").count() == 0, caption.inner_html()
    # Without the query the article matches: its title, source and section in the reader.
    page.goto(f"{hostile_url}/?{urlencode({'source': SOURCE, 'section': SECTION, 'tab': 'Articles'})}")
    settle(page)
    assert article_count(page).startswith("Articles 1–1 of 1")
    assert page.locator("h3", has_text="# Title ![t](https://evil.invalid/title.png)").count() == 1
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("img[src*='evil.invalid']").count() == 0
    assert page.locator(".katex").count() == 0
    # No request leaves the machine: not for the article's images, nor for the page's own icon
    # (an emoji is drawn in place; a :material/...: icon would be fetched from Google's fonts).
    outside = {urlparse(u).hostname for u in requests if u.startswith("http")} - {"127.0.0.1"}
    assert not outside, [u for u in requests if urlparse(u).hostname in outside]


def test_upload_of_deep_json_beside_a_good_file_adds_the_good_one(page, hostile_url, tmp_path):
    from tests.hostile import GOOD_TEXT, deep_json

    deep = deep_json(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    page.goto(hostile_url)
    settle(page)
    page.get_by_text("Corpus", exact=True).click()
    corpus = page.locator("[data-testid=stExpander]", has_text="Add files")
    corpus.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files([str(deep), str(good)])
    # The button is enabled once the first file is up; on a busy machine a click then would
    # send deep.json alone. Both files listed and the page idle: both are on the server.
    for name in ("deep.json", "good.txt"):
        corpus.get_by_text(name, exact=True).wait_for(timeout=60_000)
    settle(page)
    page.get_by_role("button", name="Analyse and add").click()
    page.get_by_text("1 analysed, 0 already stored").wait_for(timeout=120_000)  # in a bounded child process
    settle(page)
    assert page.get_by_text("deep.json: JSON nested deeper than 64 levels; not read").count() == 1
    assert page.locator("[data-testid=stException]").count() == 0
