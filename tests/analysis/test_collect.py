"""Collecting from the web, against a local HTTP server on 127.0.0.1 that serves the saved news
pages and a feed (tests never reach the internet). The server's robots.txt forbids /private/;
it also has a slow page, a 404, a 500 and a redirect."""

from __future__ import annotations

import html
import json
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from analysis.readers import Article, ReadError, ReadWarning
from analysis.readers.collect import FetchPolicy, Fetcher, collect, read_url_list
from analysis.readers.html import url_id
from tests.conftest import BBC, SHARED, run_cli

WEB = SHARED / "corpora" / "web"
PAGES = WEB / "pages"
EXPECTED = json.loads((WEB / "expected.json").read_text(encoding="utf-8"))
SLOW_SECONDS = 3.0
# Short waits so the tests are quick; the slow page outlasts the timeout on every try.
POLICY = FetchPolicy(delay=0.05, timeout=1.0, retries=1, backoff=0.05, max_pages=50)
CLI_POLICY = ("--delay", "0.05", "--timeout", "1", "--retries", "1", "--n-process", "1")


def _bbc_text(name: str) -> tuple[str, str]:
    title, _, body = (BBC / name).read_text(encoding="utf-8").partition("\n\n")
    return title.strip(), body.strip()


class Site:
    """What the local server serves, and every request it saw (path, User-Agent, time)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, float]] = []
        self.feed_requests = 0
        self.late_entry_after: int | None = None  # the feed gains an entry after this many requests
        self.robots = (200, b"User-agent: *\nDisallow: /private/\n")
        self.base = ""

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.requests]

    def feed(self) -> bytes:
        title, body = _bbc_text("politics/001.txt")
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n") if p.strip())
        when = format_datetime(datetime(2005, 2, 14, 9, 30, tzinfo=timezone.utc))
        items = [
            # Full text in the feed: becomes an article without fetching its link.
            f"""<item><title>{html.escape(title)}</title><link>{self.base}/news/maternity</link>
            <guid>maternity</guid><pubDate>{when}</pubDate><dc:creator>Political staff</dc:creator>
            <description>Maternity pay is to rise.</description>
            <content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>""",
            # Teasers only: their pages are fetched.
            f"""<item><title>Mass burials in New York</title>
            <link>{self.base}/pages/bbc.com.52241221.html</link>
            <description>New York ramps up burials.</description>
            <pubDate>Fri, 10 Apr 2020 17:58:15 +0100</pubDate></item>""",
            f"""<item><title>Academics</title><link>{self.base}/old/guardian</link>
            <description>A report on academics.</description></item>""",
            f"""<item><title>Secret</title><link>{self.base}/private/secret.html</link>
            <description>Not for robots.</description></item>""",
            f"""<item><title>Gone</title><link>{self.base}/missing.html</link>
            <description>A page that is not there.</description></item>""",
        ]
        if self.late_entry_after is not None and self.feed_requests > self.late_entry_after:
            items.insert(
                0,
                f"""<item><title>Parasite at the SAG awards</title>
                <link>{self.base}/pages/reuters.com.parasite.html</link>
                <description>A late entry.</description></item>""",
            )
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Local News</title><link>{self.base}/</link><language>en-gb</language>
{"".join(items)}
</channel></rss>""".encode()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the server's own signature
            pass  # the test reads site.requests instead of a log on stderr

        def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow page): nothing to do

        def do_GET(self):  # noqa: N802 - the server's own name
            path = self.path
            site.requests.append((path, self.headers.get("User-Agent", ""), time.monotonic()))
            if path == "/robots.txt":
                self.send(*site.robots, "text/plain")
            elif path == "/feed.rss":
                site.feed_requests += 1
                self.send(200, site.feed(), "application/rss+xml")
            elif path.startswith("/pages/") and (PAGES / path[len("/pages/") :]).is_file():
                self.send(200, (PAGES / path[len("/pages/") :]).read_bytes())
            elif path == "/old/guardian":
                self.send(301, b"", Location="/pages/theguardian.com.academics.html")
            elif path == "/slow.html":
                time.sleep(SLOW_SECONDS)
                self.send(200, b"<html><body><p>Too late.</p></body></html>")
            elif path == "/broken.html":
                self.send(500, b"<html><body>Internal error</body></html>")
            elif path.startswith("/private/"):
                self.send(200, b"<html><body><p>Robots should not see this.</p></body></html>")
            else:
                self.send(404, b"<html><body>Not found</body></html>")

    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def url_list(site, tmp_path) -> Path:
    path = tmp_path / "urls.txt"
    lines = [
        "# pages from a list, one a line",
        f"{site.base}/pages/nytimes.com.blackouts.html",
        f"{site.base}/pages/politico.com.retirement.html",
        "",
        f"{site.base}/slow.html",
        f"{site.base}/broken.html",
        f"{site.base}/private/listed.html",
        "not a url",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def csv_list(site, tmp_path) -> Path:
    # The shape of a Media Cloud export: a url column among others.
    path = tmp_path / "mediacloud.csv"
    path.write_text(
        "stories_id,publish_date,title,url\n"
        f'1,2019-01-18,"Axios Future",{site.base}/pages/axios.com.future.html\n',
        encoding="utf-8",
    )
    return path


def _run(sources, *, stored=frozenset(), policy=POLICY):
    fetcher = Fetcher(policy)
    try:
        return list(
            collect([str(s) for s in sources], fetcher=fetcher, is_stored=lambda u: url_id(u) in stored)
        )
    finally:
        fetcher.close()


class TestReadUrlList:
    def test_lines_and_comments(self, url_list, site):
        items = read_url_list(url_list)
        urls = [i for i in items if isinstance(i, str)]
        assert urls[0] == f"{site.base}/pages/nytimes.com.blackouts.html" and len(urls) == 5
        (warning,) = [i for i in items if isinstance(i, ReadWarning)]
        assert warning.path == f"{url_list}:8" and "not an http(s) URL" in warning.reason

    def test_csv_with_a_url_column(self, csv_list, site):
        assert read_url_list(csv_list) == [f"{site.base}/pages/axios.com.future.html"]

    def test_a_feed_file_is_not_a_url_list(self):
        (error,) = read_url_list(WEB / "feed2.rss")
        assert isinstance(error, ReadError) and "ingest" in error.reason


class TestCollect:
    def test_feed_and_lists_land_with_metadata_and_failures_are_reported(self, site, url_list, csv_list):
        results = _run([f"{site.base}/feed.rss", url_list, csv_list])
        articles = {a.url: a for a in results if isinstance(a, Article)}
        errors = {e.path: e.reason for e in results if isinstance(e, ReadError)}

        # The full-text entry, from the feed alone.
        title, body = _bbc_text("politics/001.txt")
        entry = articles[f"{site.base}/news/maternity"]
        assert (entry.title, entry.date, entry.source) == (title, "2005-02-14", "Local News")
        assert entry.text.startswith("Maternity pay for new mothers is to rise") and "desperate" in entry.text
        assert entry.meta["author"] == "Political staff" and entry.meta["language"] == "en"
        assert entry.id == url_id(entry.url)
        assert "/news/maternity" not in site.paths()

        # Teaser entries: their pages, with the page's own metadata.
        bbc = articles[f"{site.base}/pages/bbc.com.52241221.html"]
        assert bbc.title == "New York ramps up mass burials amid virus outbreak"
        assert bbc.date == "2020-04-10" and bbc.source == "BBC News"
        assert bbc.meta["feed"] == f"{site.base}/feed.rss"
        assert all(s in bbc.text for s in EXPECTED["bbc.com.52241221.html"]["with"])
        redirected = articles[f"{site.base}/old/guardian"]  # the URL asked for keeps the id stable
        assert redirected.title == "Thousands of UK academics 'treated as second-class citizens'"
        assert redirected.meta["final_url"] == f"{site.base}/pages/theguardian.com.academics.html"

        # Pages of the URL list and of the CSV.
        nyt = articles[f"{site.base}/pages/nytimes.com.blackouts.html"]
        assert nyt.title == "Rolling Blackouts in California Have Power Experts Stumped"
        assert nyt.date == "2020-08-16" and nyt.source == "The New York Times"
        assert articles[f"{site.base}/pages/politico.com.retirement.html"].date == "2019-12-30"
        assert articles[f"{site.base}/pages/axios.com.future.html"].title == "Axios Future"
        assert len(articles) == 6

        # Forbidden paths never requested; the 404, the 500 and the slow page reported.
        assert not [p for p in site.paths() if p.startswith("/private/")]
        assert "robots.txt" in errors[f"{site.base}/private/secret.html"]
        assert "robots.txt" in errors[f"{site.base}/private/listed.html"]
        assert errors[f"{site.base}/missing.html"] == "HTTP 404 (not found)"
        assert errors[f"{site.base}/broken.html"] == "HTTP 500 (2 tries)"
        assert site.paths().count("/broken.html") == 2  # retried once
        assert "(2 tries)" in errors[f"{site.base}/slow.html"]
        assert len(errors) == 5

        # Every request names the tool; robots.txt is read once.
        assert all(agent.startswith("news-analyst-dashboard/") for _, agent, _ in site.requests)
        assert site.paths().count("/robots.txt") == 1

    def test_stored_urls_are_not_fetched_again(self, site, url_list):
        first = _run([f"{site.base}/feed.rss", url_list])
        stored = frozenset(a.id for a in first if isinstance(a, Article))
        before = len(site.requests)
        second = _run([f"{site.base}/feed.rss", url_list], stored=stored)
        again = site.paths()[before:]
        assert not [p for p in again if p.startswith("/pages/") or p == "/old/guardian"]
        # Only the feed (polled), robots.txt and the pages that failed last time are asked again.
        assert set(again) == {"/robots.txt", "/feed.rss", "/missing.html", "/slow.html", "/broken.html"}
        # The full-text entry comes out of the feed again; the store skips it when unchanged.
        assert [a.url for a in second if isinstance(a, Article)] == [f"{site.base}/news/maternity"]

    def test_one_request_per_delay_to_a_host(self, site):
        pages = ["nytimes.com.blackouts.html", "politico.com.retirement.html", "phys.org.tool.html"]
        policy = FetchPolicy(delay=0.3, timeout=2.0, retries=0, max_pages=10)
        results = _run([f"{site.base}/pages/{p}" for p in pages], policy=policy)
        assert sum(isinstance(r, Article) for r in results) == 3
        times = [t for _, _, t in site.requests]  # robots.txt, then the three pages
        assert len(times) == 4 and all(b - a >= 0.25 for a, b in zip(times, times[1:]))

    def test_crawl_delay_of_robots_txt(self, site):
        site.robots = (200, b"User-agent: *\nCrawl-delay: 1\n")  # whole seconds, as Python's parser reads it
        pages = ["nytimes.com.blackouts.html", "politico.com.retirement.html"]
        results = _run([f"{site.base}/pages/{p}" for p in pages])  # POLICY's own delay is 0.05 s
        assert sum(isinstance(r, Article) for r in results) == 2
        times = [t for _, _, t in site.requests]
        assert len(times) == 3 and all(b - a >= 0.95 for a, b in zip(times, times[1:]))

    def test_nothing_is_fetched_when_robots_txt_fails(self, site):
        site.robots = (500, b"oops")
        (error,) = _run([f"{site.base}/pages/nytimes.com.blackouts.html"])
        assert error.reason == "not fetched: robots.txt could not be fetched (HTTP 500 (2 tries))"
        assert site.paths() == ["/robots.txt", "/robots.txt"]

    def test_page_cap(self, site, url_list):
        policy = FetchPolicy(delay=0.0, timeout=1.0, retries=0, max_pages=2)
        results = _run([url_list], policy=policy)
        assert sum(isinstance(r, Article) for r in results) == 2
        (cap,) = [r for r in results if isinstance(r, ReadWarning) and "cap" in r.reason]
        assert "3 URLs left for the next run" in cap.reason
        assert [p for p in site.paths() if p != "/robots.txt"] == [
            "/pages/nytimes.com.blackouts.html",
            "/pages/politico.com.retirement.html",
        ]

    def test_sources_that_are_neither_urls_nor_files(self, tmp_path):
        results = _run(["ftp://example.org/feed", str(tmp_path / "nothing.txt")])
        assert [str(r) for r in results] == [
            "error: ftp://example.org/feed: only http(s) URLs are collected",
            f"error: {tmp_path / 'nothing.txt'}: neither an http(s) URL nor a file of URLs",
        ]


def _stored(store: Path) -> dict[str, tuple]:
    with duckdb.connect(str(store), read_only=True) as con:
        rows = con.execute("SELECT url, title, CAST(date AS VARCHAR), source, meta FROM articles").fetchall()
    return {url: (title, day, source, json.loads(meta or "{}")) for url, title, day, source, meta in rows}


class TestCollectCommand:
    def test_lands_reports_and_a_second_run_fetches_nothing_new(self, site, url_list, tmp_path):
        store = tmp_path / "news.duckdb"
        args = ("collect", f"{site.base}/feed.rss", str(url_list), "--store", str(store), *CLI_POLICY)
        first = run_cli(*args, timeout=300)
        assert first.returncode == 0, first.stderr
        errors = sorted(line for line in first.stderr.splitlines() if line.startswith("error: "))
        assert errors == sorted(
            [
                f"error: {site.base}/private/secret.html: not fetched: robots.txt does not allow it",
                f"error: {site.base}/missing.html: HTTP 404 (not found)",
                f"error: {site.base}/slow.html: timed out after 1 s (2 tries)",
                f"error: {site.base}/broken.html: HTTP 500 (2 tries)",
                f"error: {site.base}/private/listed.html: not fetched: robots.txt does not allow it",
            ]
        )
        landed = _stored(store)
        assert set(landed) == {
            f"{site.base}/news/maternity",
            f"{site.base}/pages/bbc.com.52241221.html",
            f"{site.base}/old/guardian",
            f"{site.base}/pages/nytimes.com.blackouts.html",
            f"{site.base}/pages/politico.com.retirement.html",
        }
        title, day, source, meta = landed[f"{site.base}/pages/bbc.com.52241221.html"]
        assert (title, day, source) == (
            "New York ramps up mass burials amid virus outbreak",
            "2020-04-10",
            "BBC News",
        )
        assert meta["feed"] == f"{site.base}/feed.rss" and meta["language"] == "en"
        assert landed[f"{site.base}/news/maternity"][:3] == (
            "Labour plans maternity pay rise",
            "2005-02-14",
            "Local News",
        )
        assert not [p for p in site.paths() if p.startswith("/private/")]

        before = len(site.requests)
        second = run_cli(*args, timeout=300)
        assert second.returncode == 0, second.stderr
        assert not [p for p, _, _ in site.requests[before:] if p.startswith(("/pages/", "/old/"))]
        assert "4 skipped as stored" in second.stderr and "0 analysed" in second.stderr
        assert _stored(store) == landed

    def test_watch_picks_up_an_entry_added_between_polls(self, site, tmp_path):
        store = tmp_path / "news.duckdb"
        site.late_entry_after = 1  # the feed's second answer has one more entry
        result = run_cli(
            "collect", f"{site.base}/feed.rss", "--store", str(store), "--watch", "0.01", "--polls", "2",
            *CLI_POLICY, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert site.feed_requests == 2
        polls = [line for line in result.stderr.splitlines() if "URLs fetched," in line]
        assert len(polls) == 2 and "1 analysed" in polls[1]
        late = _stored(store)[f"{site.base}/pages/reuters.com.parasite.html"]
        assert late[:3] == (
            "'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
            "2020-01-19",
            "Reuters",
        )
        # The pages of the first poll were not fetched again in the second.
        assert site.paths().count("/pages/bbc.com.52241221.html") == 1

    def test_exit_1_when_nothing_could_be_collected(self, site, tmp_path):
        store = str(tmp_path / "news.duckdb")
        result = run_cli("collect", f"{site.base}/missing.html", "--store", store, *CLI_POLICY, timeout=300)
        assert result.returncode == 1
        assert f"error: {site.base}/missing.html: HTTP 404 (not found)" in result.stderr.splitlines()
        # A usage error, before anything is fetched.
        assert run_cli("collect", f"{site.base}/feed.rss", "--watch", "0", "--store", store).returncode == 2
        assert site.paths() == ["/robots.txt", "/missing.html"]
