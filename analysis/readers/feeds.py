"""Feed reader: RSS, Atom (through feedparser) and JSON Feed entries as articles.

An entry whose feed carries its full text becomes an article with that text. Most news feeds
carry only a teaser: such an entry is read as a short article from its summary, marked
`summary_only` in its meta, and `analysis.collect` fetches its linked page instead. An entry's
article id comes from its link, as a fetched page's does, so the same story is not stored twice.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, make_id, parse_date
from analysis.readers.html import is_web_url, url_id

# An entry's content counts as its full text when it says more than the summary, or when it is
# this long even if the feed repeated it as the summary (feedparser copies content to summary
# when the feed has no separate summary).
FULL_TEXT_WORDS = 150

JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/", re.I)
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_BLOCK_TAGS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br",
    "section", "article", "figcaption", "dd", "dt",
)  # fmt: skip


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed, its text as plain text."""

    key: str  # what identifies the entry within its feed: its id/guid, else link, else position
    link: str | None = None  # its web page (http(s) only)
    title: str | None = None
    date: str | None = None
    author: str | None = None
    summary: str | None = None
    content: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def full_text(self) -> str | None:
        """The entry's full text when the feed carries it, else None."""
        if not self.content:
            return None
        # Compared without whitespace: a summary often runs together what the content's
        # paragraphs and line breaks keep apart.
        content, summary = re.sub(r"\s+", "", self.content), re.sub(r"\s+", "", self.summary or "")
        if len(self.content.split()) >= FULL_TEXT_WORDS or content not in summary:
            return self.content
        return None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its own metadata and its entries in feed order."""

    title: str | None = None
    link: str | None = None
    language: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.split())


def html_to_text(fragment: str | None) -> str | None:
    """Plain text of an HTML fragment (an entry's content or summary): one line per block."""
    if not fragment or not fragment.strip():
        return None
    if "<" not in fragment:
        import html

        text = html.unescape(fragment)
    else:
        from lxml import etree
        from lxml import html as lxml_html

        try:
            root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        except (etree.ParserError, ValueError):
            return _norm(re.sub(r"<[^>]+>", " ", fragment)) or None
        for element in root.xpath("//script | //style | //img | //noscript"):
            element.drop_tree()
        for element in root.iter(*_BLOCK_TAGS):
            element.tail = "\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n" + (element.text or "")
        text = root.text_content()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line) or None


def _language(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _date(raw: object, parsed: time.struct_time | None = None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, warning): the date as the feed wrote it (its own day, not UTC's), else
    feedparser's parse of it."""
    try:
        value = parse_date(raw)
    except (ValueError, OverflowError, OSError):
        value = None
    if value is None and parsed is not None:
        value = time.strftime("%Y-%m-%d", parsed)
    if value is None and raw not in (None, ""):
        return None, f"unparseable date {str(raw)[:40]!r}; date left empty"
    return value, None


# ----------------------------------------------------------------------------------------------
# sniffing


def is_json_feed(data: object) -> bool:
    """True for a decoded JSON Feed document (its `version` is a jsonfeed.org URL)."""
    return isinstance(data, dict) and bool(JSON_FEED_VERSION.match(str(data.get("version", ""))))


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes are an RSS, RDF or Atom document, or a JSON Feed."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        try:
            return is_json_feed(json.loads(data.decode("utf-8-sig")))
        except (ValueError, UnicodeDecodeError):
            return False
    text = head.decode("latin-1")
    # The first element after the XML declaration, comments, processing instructions, doctype.
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S)
    match = re.match(r"\s*<([A-Za-z][\w.:-]*)", text)
    return bool(match) and match.group(1).lower() in _FEED_ROOTS


# ----------------------------------------------------------------------------------------------
# parsing


def _xml_feed(data: bytes) -> Feed:
    import feedparser

    parsed = feedparser.parse(data)
    warnings = []
    if parsed.get("bozo") and parsed.entries:
        exc = parsed.get("bozo_exception")
        if exc is not None and "CharacterEncoding" not in type(exc).__name__:
            warnings.append(f"feed is not well-formed ({exc}); read what could be parsed")
    meta = parsed.feed
    entries = []
    for i, e in enumerate(parsed.entries):
        contents = [c for c in e.get("content", []) if c.get("value")]
        # An entry may carry its content in several types; the longest is the fullest.
        content = max((html_to_text(c["value"]) or "" for c in contents), key=len, default="") or None
        date, warning = _date(
            e.get("published") or e.get("updated"), e.get("published_parsed") or e.get("updated_parsed")
        )
        link = e.get("link") if is_web_url(e.get("link")) else None
        entries.append(
            FeedEntry(
                key=str(e.get("id") or link or i),
                link=link,
                title=html_to_text(e.get("title")),
                date=date,
                author=(e.get("author") or "").strip() or None,
                summary=html_to_text(e.get("summary")),
                content=content,
                tags=tuple(t["term"] for t in e.get("tags", []) if t.get("term")),
                warnings=(warning,) if warning else (),
            )
        )
    if parsed.get("bozo") and not parsed.entries and not meta:
        raise ValueError(f"not a readable feed ({parsed.get('bozo_exception')})")
    return Feed(
        title=html_to_text(meta.get("title")),
        link=meta.get("link") if is_web_url(meta.get("link")) else None,
        language=_language(meta.get("language")),
        entries=entries,
        warnings=warnings,
    )


def _json_author(item: dict) -> str | None:
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    names = [a.get("name") for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return "; ".join(names) or None


def json_feed(data: dict) -> Feed:
    """A decoded JSON Feed (https://jsonfeed.org, versions 1 and 1.1)."""
    entries = []
    items = data.get("items")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        link = next((u for u in (item.get("url"), item.get("external_url")) if is_web_url(u)), None)
        content = html_to_text(item.get("content_html")) if item.get("content_html") else None
        if content is None and isinstance(item.get("content_text"), str):
            content = item["content_text"].strip() or None
        date, warning = _date(item.get("date_published") or item.get("date_modified"))
        summary = item.get("summary")
        entries.append(
            FeedEntry(
                key=str(item.get("id") or link or i),
                link=link,
                title=html_to_text(item.get("title")) if isinstance(item.get("title"), str) else None,
                date=date,
                author=_json_author(item) or _json_author(data),
                summary=html_to_text(summary) if isinstance(summary, str) else None,
                content=content,
                tags=tuple(t for t in item.get("tags", []) if isinstance(t, str)),
                warnings=(warning,) if warning else (),
            )
        )
    return Feed(
        title=data.get("title") if isinstance(data.get("title"), str) else None,
        link=data.get("home_page_url") if is_web_url(data.get("home_page_url")) else None,
        language=_language(data.get("language")),
        entries=entries,
    )


def read_feed(data: bytes, *, path: str) -> Feed | ReadError:
    """Parse a feed's bytes: a `Feed`, or a `ReadError` saying why it is not one."""
    if not data.strip():
        return ReadError(path, "empty file")
    if not looks_like_feed(data):
        return ReadError(path, "not an RSS, Atom or JSON feed")
    try:
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return json_feed(json.loads(data.decode("utf-8-sig")))
        return _xml_feed(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return ReadError(path, str(exc))


def entry_article(
    entry: FeedEntry, feed: Feed, *, path: str, origin: str, section: str | None = None
) -> Article | None:
    """The article of a feed entry: its full text, else its summary (marked `summary_only`),
    else None when the entry has no text at all."""
    full = entry.full_text
    text = full or entry.summary or entry.content
    if not text:
        return None
    meta = {
        k: v
        for k, v in (
            ("author", entry.author),
            ("language", feed.language),
            ("tags", "; ".join(entry.tags) if entry.tags else None),
            ("feed", origin if is_web_url(origin) else None),
            ("summary_only", True if full is None else None),
        )
        if v is not None
    }
    if full is not None:
        article_id = url_id(entry.link) if entry.link else make_id(f"{origin}#{entry.key}", "")
    else:
        # Not the page's id: the page fetched later is a different (fuller) article.
        article_id = make_id(entry.link or f"{origin}#{entry.key}", text)
    return Article(
        id=article_id,
        text=text,
        path=path,
        title=entry.title,
        date=entry.date,
        source=feed.title,
        section=section,
        url=entry.link,
        meta=meta,
    )


def parse_feed(data: bytes, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    """Articles from a feed file: one per entry that has any text.

    Args:
        data: the feed as served or saved (RSS, RDF, Atom or JSON Feed).
        path: where it was read from; an entry's path is `path#N` (N counts from 1).
        origin: what ids of entries without a link are made from (the file name, the feed URL).
        section: the articles' section (a folder's name).
    """
    feed = read_feed(data, path=path)
    if isinstance(feed, ReadError):
        return [feed]
    out: list[ReadResult] = [ReadWarning(path, w) for w in feed.warnings]
    for n, entry in enumerate(feed.entries, 1):
        where = f"{path}#{n}"
        out.extend(ReadWarning(where, w) for w in entry.warnings)
        article = entry_article(entry, feed, path=where, origin=origin, section=section)
        if article is None:
            out.append(ReadError(where, "feed entry without text (no content or summary)"))
        else:
            out.append(article)
    if not feed.entries:
        out.append(ReadError(path, "feed without entries"))
    return out
