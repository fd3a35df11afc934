"""Collecting news from the web: feeds, pages and lists of URLs, fetched politely.

`collect(sources, fetcher=...)` yields `Article`s, `ReadError`s and `ReadWarning`s like the file
readers, so the one ingest loop stores what it yields (`python -m analysis collect`). A source is
a feed URL, a page URL, or a file of URLs (one a line, or a CSV with a `url` column as Media
Cloud and GDELT exports have). A fetched feed's entries become articles when the feed carries
their full text; otherwise their pages are fetched. Pages go through the HTML reader with the
URL they were fetched from, so the id of an article is the same at every fetch of its URL, and a
URL already in the store (`is_stored`) is not fetched again.

`Fetcher` is the polite part: robots.txt honoured (RFC 9309: a robots.txt that is missing or
forbidden means no rules, one that cannot be fetched means nothing may be fetched from that host
this time), at most one request per `delay` seconds to a host (longer when robots.txt asks for a
Crawl-delay), a User-Agent naming the tool, timeouts, retries with exponential back-off on
timeouts, dropped connections, 429 and 5xx, a size limit per page and a cap on fetches per run.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, decode_bytes
from analysis.readers.feeds import FeedEntry, entry_article, looks_like_feed, read_feed
from analysis.readers.html import content_type, is_web_url, normalize_url, parse_html

USER_AGENT = "news-analyst-dashboard/0.1 (python -m analysis collect; a news analysis tool)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
URL_COLUMNS = ("url", "link", "sourceurl", "source_url", "href")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchPolicy:
    """How politely to fetch. The defaults suit news sites; tests shorten the waits."""

    user_agent: str = USER_AGENT
    delay: float = 2.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds to connect, and for the whole answer
    retries: int = 2  # further tries after a timeout, a dropped connection, 429 or 5xx
    backoff: float = 2.0  # seconds before the first retry, doubled for each further one
    max_pages: int = 200  # fetches per run (robots.txt not counted)
    max_bytes: int = 20 * 2**20
    max_wait: float = 120.0  # the longest Crawl-delay or Retry-After honoured
    robots_ttl: float = 24 * 3600.0  # robots.txt is fetched again after this long


@dataclass(frozen=True)
class Response:
    """A fetched document."""

    url: str  # the URL asked for
    final_url: str  # where redirects led
    status: int
    media_type: str
    charset: str | None
    data: bytes


class FetchError(Exception):
    """A URL that could not be fetched; the message says why."""


class Forbidden(FetchError):
    """robots.txt does not allow the URL."""


class CapReached(FetchError):
    """This run has fetched as many pages as it may."""


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: no rules
    allow_all: bool
    fetched_at: float
    problem: str = ""  # why nothing is allowed, when robots.txt could not be read

    def allows(self, agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(agent, url)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class Fetcher:
    """Fetches URLs politely (see the module docstring). Keeps per-host state across runs, so
    one Fetcher serves every poll of `collect --watch`; `new_run()` resets the page count."""

    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        import requests

        self.policy = policy
        self.sleep = sleep
        self.clock = clock
        self.session = requests.Session()
        self.session.headers.update(
            {
                "User-Agent": policy.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                "application/feed+json,application/xml;q=0.9,*/*;q=0.8",
            }
        )
        self.pages = 0
        self._robots: dict[str, _Robots] = {}
        self._last: dict[str, float] = {}
        self._delay: dict[str, float] = {}

    def new_run(self) -> None:
        self.pages = 0

    def close(self) -> None:
        self.session.close()

    # -- politeness ---------------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self._delay.get(host, self.policy.delay) - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        cached = self._robots.get(site)
        if cached is not None and self.clock() - cached.fetched_at < self.policy.robots_ttl:
            return cached
        robots = _Robots(parser=None, allow_all=True, fetched_at=self.clock())
        try:
            target = site + "/robots.txt"
            for _ in range(MAX_REDIRECTS):
                status, headers, data = self._get(target)
                if status not in REDIRECT_STATUSES or not headers.get("Location"):
                    break
                target = urljoin(target, headers["Location"])
        except FetchError as exc:
            robots.allow_all = False  # unreachable: assume everything is disallowed, for now
            robots.problem = f"robots.txt could not be fetched ({exc})"
        else:
            if status == 200:
                parser = RobotFileParser()
                parser.parse(data.decode("utf-8", "replace").splitlines())
                robots.parser = parser
                crawl_delay = parser.crawl_delay(self.policy.user_agent)
                if crawl_delay:
                    self._delay[parts.netloc.lower()] = min(
                        max(float(crawl_delay), self.policy.delay), self.policy.max_wait
                    )
            elif status >= 500 or status == 429:
                robots.allow_all = False
                robots.problem = f"robots.txt could not be fetched (HTTP {status})"
            # other 4xx (no robots.txt), or redirects without end: no rules
        self._robots[site] = robots
        return robots

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this tool fetch `url`."""
        return self._robots_for(url).allows(self.policy.user_agent, url)

    def _check_robots(self, url: str) -> None:
        robots = self._robots_for(url)
        if not robots.allows(self.policy.user_agent, url):
            raise Forbidden(f"not fetched: {robots.problem or 'robots.txt does not allow it'}")

    # -- fetching -----------------------------------------------------------------------------

    def _get(self, url: str) -> tuple[int, Mapping[str, str], bytes]:
        """One URL without following redirects, retried with back-off: (status, headers, body)."""
        import requests

        policy = self.policy
        host = urlsplit(url).netloc.lower()
        problem, wait = "", 0.0
        for attempt in range(policy.retries + 1):
            if attempt:
                self.sleep(min(wait, policy.max_wait))
            self._wait_turn(host)
            wait = policy.backoff * 2**attempt
            started = self.clock()
            try:
                with self.session.get(
                    url, timeout=policy.timeout, stream=True, allow_redirects=False
                ) as answer:
                    body = bytearray()
                    for chunk in answer.iter_content(65536):
                        body += chunk
                        if len(body) > policy.max_bytes:
                            raise FetchError(f"larger than {policy.max_bytes // 2**20} MB")
                        if self.clock() - started > policy.timeout:
                            raise requests.Timeout()
                    status, headers = answer.status_code, answer.headers  # case-insensitive
            except requests.Timeout:
                problem = f"timed out after {policy.timeout:g} s"
                continue
            except requests.ConnectionError as exc:
                # requests reports a read timeout in the middle of a body as a ConnectionError.
                timed_out = "timed out" in str(exc).lower()
                problem = f"timed out after {policy.timeout:g} s" if timed_out else "connection failed"
                continue
            except requests.RequestException as exc:
                raise FetchError(f"bad request ({exc})") from exc
            if status in RETRY_STATUSES:
                problem = f"HTTP {status}"
                later = _retry_after(headers.get("Retry-After"))
                wait = max(wait, later or 0.0)
                continue
            return status, headers, bytes(body)
        tries = policy.retries + 1
        raise FetchError(f"{problem} ({tries} tries)" if tries > 1 else problem)

    def fetch(self, url: str) -> Response:
        """Fetch a URL, following redirects; robots.txt is asked before each request.

        Raises:
            Forbidden: robots.txt does not allow it.
            CapReached: this run has fetched `max_pages` pages.
            FetchError: it could not be fetched (the message says why).
        """
        if not is_web_url(url):
            raise FetchError("not an http(s) URL")
        if self.pages >= self.policy.max_pages:
            raise CapReached(f"page cap of {self.policy.max_pages} fetches per run reached")
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_robots(current)
            self.pages += 1
            status, headers, data = self._get(current)
            if status in REDIRECT_STATUSES and headers.get("Location"):
                target = urljoin(current, headers["Location"])
                if not is_web_url(target):
                    raise FetchError(f"redirected to a non-web URL ({target[:80]})")
                current = target
                continue
            if status != 200:
                reason = {404: "not found", 410: "gone", 403: "forbidden", 401: "needs a login"}.get(status)
                raise FetchError(f"HTTP {status}" + (f" ({reason})" if reason else ""))
            media, charset = content_type(headers.get("Content-Type"))
            return Response(url, current, status, media, charset, data)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")


# ----------------------------------------------------------------------------------------------
# sources


def read_url_list(path: str | Path) -> list[str | ReadError | ReadWarning]:
    """The URLs of a file: one a line (blank lines and `#` comments skipped), or a CSV whose
    header names a url column (`url`, `link`, `SOURCEURL`, ...)."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [ReadError(name, f"cannot read ({exc.strerror or exc})")]
    if looks_like_feed(data):
        return [ReadError(name, "a feed file: read it with `ingest`; `collect` takes feed URLs")]
    try:
        text = decode_bytes(data)
    except ValueError as exc:
        return [ReadError(name, str(exc))]
    out: list[str | ReadError | ReadWarning] = []
    header = text.split("\n", 1)[0]
    cells = [c.strip().strip("\"'").lower() for c in header.replace("\t", ",").replace(";", ",").split(",")]
    column = next((c for c in URL_COLUMNS if c in cells), None)
    if column is not None and not is_web_url(header.strip()):
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        key = next(k for k in reader.fieldnames or [] if k and k.strip().strip("\"'").lower() == column)
        rows = ((n, row.get(key) or "") for n, row in enumerate(reader, 2))
    else:
        rows = enumerate(text.split("\n"), 1)
    for n, value in rows:
        value = value.strip()
        if not value or value.startswith("#"):
            continue
        if is_web_url(value):
            out.append(value)
        else:
            out.append(ReadWarning(f"{name}:{n}", f"not an http(s) URL, skipped: {value[:80]!r}"))
    if not any(isinstance(item, str) for item in out):
        out.append(ReadError(name, "no http(s) URLs in the file"))
    return out


def expand_sources(sources: Iterable[str]) -> list[str | ReadError | ReadWarning]:
    """URLs from the command line's sources: URLs as they are, files of URLs read."""
    out: list[str | ReadError | ReadWarning] = []
    for source in sources:
        if is_web_url(source):
            out.append(source.strip())
        elif "://" in source:
            out.append(ReadError(source, "only http(s) URLs are collected"))
        elif Path(source).is_file():
            out.extend(read_url_list(source))
        else:
            out.append(ReadError(source, "neither an http(s) URL nor a file of URLs"))
    return out


# ----------------------------------------------------------------------------------------------
# collecting


@dataclass(frozen=True)
class FetchEvent:
    """What happened to one URL, for a progress display."""

    url: str
    outcome: str  # "fetched", "stored" (already in the store, not fetched), "failed", "forbidden"
    detail: str = ""


@dataclass(frozen=True)
class _Task:
    url: str
    entry: FeedEntry | None = None  # the feed entry that links to this page
    feed: str | None = None  # that feed's URL


def _with_entry(article: Article, task: _Task, response: Response) -> Article:
    """A fetched page's article, with gaps filled from the feed entry that linked to it."""
    meta = dict(article.meta)
    entry = task.entry
    if entry is not None:
        if entry.author and "author" not in meta:
            meta["author"] = entry.author
        if entry.tags:
            meta.setdefault("tags", "; ".join(entry.tags))
        meta["feed"] = task.feed
    if normalize_url(response.final_url) != normalize_url(response.url):
        meta["final_url"] = response.final_url
    return dataclasses.replace(
        article,
        title=article.title or (entry.title if entry else None),
        date=article.date or (entry.date if entry else None),
        meta=meta,
    )


def collect(
    sources: Iterable[str],
    *,
    fetcher: Fetcher,
    is_stored: Callable[[str], bool] | None = None,
    progress: Callable[[FetchEvent], None] | None = None,
) -> Iterator[ReadResult]:
    """Fetch the sources and yield their articles, errors and warnings, as readers do.

    Args:
        sources: feed URLs, page URLs and files of URLs.
        fetcher: fetches politely; its page cap counts from the start of this call.
        is_stored: whether the article of a URL is stored already (it is then not fetched).
        progress: told what happened to each URL.

    A URL that cannot be fetched or read comes out as `ReadError(URL, reason)`; the rest go on.
    """
    fetcher.new_run()
    stored = is_stored or (lambda url: False)
    report = progress or (lambda event: None)
    queue: deque[_Task] = deque()
    for item in expand_sources(sources):
        if isinstance(item, str):
            queue.append(_Task(item))
        else:
            yield item
    seen: set[str] = set()
    while queue:
        task = queue.popleft()
        key = normalize_url(task.url)
        if key in seen:
            continue
        seen.add(key)
        if stored(task.url):
            report(FetchEvent(task.url, "stored"))
            continue
        try:
            response = fetcher.fetch(task.url)
        except CapReached as exc:
            left = 1 + sum(1 for t in queue if normalize_url(t.url) not in seen)
            yield ReadWarning(task.url, f"{exc}; {left} URLs left for the next run")
            return
        except Forbidden as exc:
            report(FetchEvent(task.url, "forbidden", str(exc)))
            yield ReadError(task.url, str(exc))
            continue
        except FetchError as exc:
            report(FetchEvent(task.url, "failed", str(exc)))
            yield ReadError(task.url, str(exc))
            continue
        report(FetchEvent(task.url, "fetched"))
        if task.entry is None and looks_like_feed(response.data):
            yield from _feed_results(task.url, response, queue)
        elif response.media_type in _HTML_TYPES or (
            not response.media_type and b"<html" in response.data[:2048].lower()
        ):
            for item in parse_html(
                response.data, path=task.url, origin=task.url, url=task.url, charset=response.charset
            ):
                yield _with_entry(item, task, response) if isinstance(item, Article) else item
        else:
            kind = response.media_type or "unknown"
            yield ReadError(task.url, f"neither a web page nor a feed (content type {kind})")


def _feed_results(url: str, response: Response, queue: deque[_Task]) -> Iterator[ReadResult]:
    """A fetched feed: full-text entries as articles; the pages of the others queued next."""
    feed = read_feed(response.data, path=url)
    if isinstance(feed, ReadError):
        yield feed
        return
    yield from (ReadWarning(url, w) for w in feed.warnings)
    pages: list[_Task] = []
    for n, entry in enumerate(feed.entries, 1):
        where = f"{url}#{n}"
        yield from (ReadWarning(where, w) for w in entry.warnings)
        if entry.full_text is not None or entry.link is None:
            article = entry_article(entry, feed, path=where, origin=url)
            if article is None:
                yield ReadError(where, "feed entry without text or link")
            else:
                if entry.full_text is None:
                    yield ReadWarning(where, "feed entry without a link to its page; its summary is kept")
                yield article
        else:
            pages.append(_Task(entry.link, entry=entry, feed=url))
    # Entry pages next (before other sources), in feed order.
    queue.extendleft(reversed(pages))
