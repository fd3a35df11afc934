"""Article model and readers: turn files and folders of news into `Article` objects.

Readers never raise on bad input. Each yields `Article`s and `ReadError`s in file order, so a
caller can report the errors one line each and keep analysing the rest of a corpus.
"""

from __future__ import annotations

import csv
import hashlib
import html
import importlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".sgm")
SUPPORTED_SUFFIXES += (".html", ".htm", ".rss", ".atom", ".xml", ".warc", ".warc.gz")  # analysis/readers/

TEXT_FIELDS = ("text", "body", "content", "article", "story", "full_text")
TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "time")
SOURCE_FIELDS = ("source", "outlet", "publisher", "media", "site")
SECTION_FIELDS = ("section", "category", "topic")
URL_FIELDS = ("url", "link", "href")

SEED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+\(([^)\n]{1,100})\)[ \t]*\n*")


# What the record and the store keep of an article besides its analysis, in contract order.
METADATA_FIELDS = ("id", "path", "title", "date", "source", "section", "url", "text")


@dataclass(frozen=True)
class Article:
    """One news article: its body text and what is known of where it came from."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    section: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """Hash of what the store keeps of this article: its text and its metadata, so a
        corrected date or title is stored again too."""
        fields = (self.text, self.title, self.date, self.source, self.section, self.url)
        return hashlib.sha256("\0".join(f or "" for f in fields).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReadError:
    """A file, or a record inside one, that could not be read, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"error: {self.path}: {self.reason}"


@dataclass(frozen=True)
class ReadWarning:
    """Something odd about an article that was still read (an unparseable date, say)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"warning: {self.path}: {self.reason}"


ReadResult = Article | ReadError | ReadWarning


def make_id(origin: str, text: str) -> str:
    """A stable article id from where it came from (file name and record) and its content."""
    digest = hashlib.sha1(f"{origin}\0{text}".encode("utf-8")).hexdigest()
    return digest[:16]


# ----------------------------------------------------------------------------------------------
# bytes -> text


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (BOM or not), else Windows-1252, else Latin-1.

    Raises:
        ValueError: when the bytes look binary rather than text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
            text = data.decode("latin-1")
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.05:
        raise ValueError("binary file (mostly control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ----------------------------------------------------------------------------------------------
# dates

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d-%b-%Y %H:%M:%S.%f",
    "%d-%b-%Y %H:%M:%S",
    "%d-%b-%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%a, %d %b %Y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S %Z",
    "%Y%m%d",
)


def parse_date(value: object) -> str | None:
    """Parse a date in one of the common news formats to `YYYY-MM-DD`, or None.

    Raises:
        ValueError: when there is a value but it is not a date this reader understands.
    """
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Unix seconds, or milliseconds as many APIs send them.
        seconds = value / 1000 if value > 1e11 else value
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
    raw = str(value).strip()
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", raw)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass
    raise ValueError(f"unparseable date {raw[:40]!r}")


# ----------------------------------------------------------------------------------------------
# formats


def parse_txt(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    """One article from a plain-text file: seed header, BBC title line, or all body."""
    title = date_ = source = None
    header = SEED_HEADER.match(text)
    if header:
        date_, source = header.group(1), header.group(2).strip()
        text = text[header.end() :]
    else:
        first, sep, rest = text.lstrip("\n").partition("\n")
        if sep and rest.startswith("\n") and rest.strip() and len(first) <= 300:
            title = first.strip() or None
            text = rest
    body = text.strip()
    if not body:
        return [ReadError(path, "empty file (no article text)")]
    out: list[ReadResult] = []
    if date_ is not None:
        try:
            date_ = parse_date(date_)
        except ValueError as exc:
            out.append(ReadWarning(path, f"{exc}; date left empty"))
            date_ = None
    out.append(
        Article(
            id=make_id(origin, body),
            text=body,
            path=path,
            title=title,
            date=date_,
            source=source,
            section=section,
        )
    )
    return out


def _pick(record: dict, names: Iterable[str]) -> object:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = _pick(value, ("name", "title", "text", "value"))
    text = str(value).strip()
    return text or None


def record_to_article(
    record: object, *, path: str, origin: str, section: str | None = None
) -> list[ReadResult]:
    """One article from a JSON object or CSV row with the common news field names."""
    if not isinstance(record, dict):
        return [ReadError(path, f"expected an object with a text field, got {type(record).__name__}")]
    body = _pick(record, TEXT_FIELDS)
    if not isinstance(body, str):
        if body is None:
            return [ReadError(path, f"no text field (looked for {', '.join(TEXT_FIELDS)})")]
        return [ReadError(path, f"text field is a {type(body).__name__}, not a string")]
    body = body.replace("\r\n", "\n").strip()
    if not body:
        return [ReadError(path, "empty text field")]
    out: list[ReadResult] = []
    raw_date = _pick(record, DATE_FIELDS)
    try:
        date_ = parse_date(raw_date)
    except (ValueError, OverflowError, OSError) as exc:
        out.append(ReadWarning(path, f"{exc}; date left empty"))
        date_ = None
    url = _as_text(_pick(record, URL_FIELDS))
    if url and not re.match(r"https?://", url, re.I):
        url = None  # only web links are kept: a "javascript:" URL must never reach a page
    meta = {
        k: v
        for k, v in record.items()
        if isinstance(v, (str, int, float, bool)) and str(k).lower() not in TEXT_FIELDS
    }
    out.append(
        Article(
            id=_as_text(record.get("id")) or make_id(origin, body),
            text=body,
            path=path,
            title=_as_text(_pick(record, TITLE_FIELDS)),
            date=date_,
            source=_as_text(_pick(record, SOURCE_FIELDS)),
            section=_as_text(_pick(record, SECTION_FIELDS)) or section,
            url=url,
            meta=meta,
        )
    )
    return out


def parse_jsonl(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    out: list[ReadResult] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(ReadError(where, f"broken JSON line ({exc.msg} at column {exc.colno})"))
            continue
        out.extend(record_to_article(record, path=where, origin=f"{origin}:{lineno}", section=section))
    if not out:
        out.append(ReadError(path, "empty file (no JSON lines)"))
    return out


def parse_json(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [ReadError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})")]
    if isinstance(data, dict) and str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        from analysis.readers.feeds import parse_feed  # a JSON Feed's items are the articles

        return parse_feed(text.encode("utf-8"), path=path, origin=origin, section=section)
    if isinstance(data, dict):
        # Either one article, or an API envelope holding a list of them.
        inner = next(
            (
                v
                for k, v in data.items()
                if k.lower() in ("articles", "items", "results", "data", "documents") and isinstance(v, list)
            ),
            None,
        )
        if inner is None:
            return record_to_article(data, path=path, origin=origin, section=section)
        data = inner
    if not isinstance(data, list):
        return [ReadError(path, f"expected a list of articles or an object, got {type(data).__name__}")]
    out: list[ReadResult] = []
    for i, record in enumerate(data):
        out.extend(record_to_article(record, path=f"{path}[{i}]", origin=f"{origin}[{i}]", section=section))
    if not out:
        out.append(ReadError(path, "empty list (no articles)"))
    return out


def parse_csv(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = [c.lower() for c in (reader.fieldnames or []) if c]
    if not any(c in TEXT_FIELDS for c in columns):
        shown = ", ".join(columns[:8]) or "none"
        return [
            ReadError(path, f"CSV has no text column (looked for {', '.join(TEXT_FIELDS)}; found {shown})")
        ]
    out: list[ReadResult] = []
    try:
        for i, row in enumerate(reader, 2):
            row = {k: v for k, v in row.items() if k is not None}
            out.extend(record_to_article(row, path=f"{path}:{i}", origin=f"{origin}:{i}", section=section))
    except csv.Error as exc:
        out.append(ReadError(path, f"broken CSV ({exc})"))
    return out


_REUTERS_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_REUTERS_TAGS = ("PLACES", "PEOPLE", "ORGS", "TOPICS", "EXCHANGES", "COMPANIES")


def _sgml_field(block: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return match.group(1) if match else None


def parse_sgm(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    """Reuters-21578 SGML: one article per story that has a BODY."""
    out: list[ReadResult] = []
    stories = 0
    for match in _REUTERS_STORY.finditer(text):
        stories += 1
        attrs, block = match.group(1), match.group(2)
        newid = re.search(r'NEWID="(\d+)"', attrs)
        story_id = newid.group(1) if newid else str(stories)
        where = f"{path}#{story_id}"
        body = _sgml_field(block, "BODY")
        if body is None:
            continue  # title-only stories ("BRIEF" and "UNPROC") carry no article text
        body = html.unescape(body)
        body = re.sub(r"\s*\bReuter\s*\x03?\s*$", "", body.strip()).strip()
        body = re.sub(r"\n[ \t]+", "\n\n", body)  # an indented line starts a paragraph
        body = re.sub(r"(?<!\n)\n(?!\n)", " ", body)  # hard-wrapped lines join
        if not body:
            continue
        title = _sgml_field(block, "TITLE")
        meta = {
            tag.lower(): re.findall(r"<D>(.*?)</D>", _sgml_field(block, tag) or "") for tag in _REUTERS_TAGS
        }
        meta["newid"] = story_id
        date_ = None
        raw_date = (_sgml_field(block, "DATE") or "").strip()
        day = re.match(r"\d{1,2}-[A-Za-z]{3}-\d{4}", raw_date)  # the time part is sometimes garbled
        try:
            date_ = parse_date(day.group(0) if day else raw_date or None)
        except ValueError as exc:
            out.append(ReadWarning(where, f"{exc}; date left empty"))
        out.append(
            Article(
                id=f"reuters-{story_id}",
                text=body,
                path=where,
                title=html.unescape(title).strip() if title else None,
                date=date_,
                source="Reuters",
                section=section,
                meta=meta,
            )
        )
    if stories == 0:
        out.append(ReadError(path, "no <REUTERS> stories found (not a Reuters-21578 SGML file)"))
    return out


PARSERS = {
    ".txt": parse_txt,
    ".jsonl": parse_jsonl,
    ".json": parse_json,
    ".csv": parse_csv,
    ".sgm": parse_sgm,
}


# Web formats read their own bytes (a page's charset, a feed's XML declaration, compressed
# archives): "module:function", imported when used since those modules import this one.
BYTES_PARSERS = {
    **dict.fromkeys((".html", ".htm"), "analysis.readers.html:parse_html"),
    **dict.fromkeys((".rss", ".atom", ".xml"), "analysis.readers.feeds:parse_feed"),  # .xml: feeds only
    **dict.fromkeys((".warc", ".warc.gz"), "analysis.readers.warc:parse_warc"),
}


def read_bytes(data: bytes, *, name: str, section: str | None = None) -> list[ReadResult]:
    """Read articles from the bytes of one file called `name` (used for uploads too)."""
    suffix = Path(name).suffix.lower()
    target = BYTES_PARSERS.get("".join(Path(name).suffixes[-2:]).lower()) or BYTES_PARSERS.get(suffix)
    if target:
        module, _, function = target.partition(":")
        parser = getattr(importlib.import_module(module), function)
        return parser(data, path=name, origin=Path(name).name, section=section)
    parser = PARSERS.get(suffix)
    if parser is None:
        return [
            ReadError(
                name,
                f"unsupported file type {suffix or '(none)'!r}; "
                f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            )
        ]
    if not data.strip():
        return [ReadError(name, "empty file")]
    try:
        text = decode_bytes(data)
    except ValueError as exc:
        return [ReadError(name, str(exc))]
    return parser(text, path=name, origin=Path(name).name, section=section)


def read_file(path: str | os.PathLike, *, section: str | None = None) -> list[ReadResult]:
    """Read the articles of one file; problems come back as `ReadError`s, never raised."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        return [ReadError(name, "is a folder")]
    except FileNotFoundError:
        return [ReadError(name, "no such file (it may have been moved or deleted)")]
    except PermissionError:
        return [ReadError(name, "permission denied")]
    except OSError as exc:
        return [ReadError(name, f"cannot read ({exc.strerror or exc})")]
    return read_bytes(data, name=name, section=section)


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    # followlinks=False: a symlink loop cannot make the walk endless.
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        rel = Path(folder).relative_to(root)
        section = rel.parts[-1] if rel.parts else None
        for name in sorted(files):
            # A corpus folder's own documentation is not an article.
            if name.startswith(".") or Path(name).stem.upper() in ("README", "LICENSE", "LICENCE"):
                continue
            if name.lower().endswith(SUPPORTED_SUFFIXES):
                yield Path(folder) / name, section


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str | None] | ReadError]:
    """Files to read, with their section, from files and folders (recursive)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path, None
        else:
            yield ReadError(str(raw), "no such file or folder")


def read_paths(paths: Iterable[str | os.PathLike]) -> Iterator[ReadResult]:
    """Articles, errors and warnings from files and folders, in a stable order."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        path, section = item
        yield from read_file(path, section=section)
