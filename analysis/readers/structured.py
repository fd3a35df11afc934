"""Articles from JSON, JSON Lines and CSV: one object or row per article, recognised by the
common news field names (text/body/content, title/headline, date/published, source/outlet, url)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, make_id, parse_date

TEXT_FIELDS = ("text", "body", "content", "article", "story", "full_text")
TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "time")
SOURCE_FIELDS = ("source", "outlet", "publisher", "media", "site")
SECTION_FIELDS = ("section", "category", "topic")
URL_FIELDS = ("url", "link", "href")

# Deepest nesting of arrays and objects read: news records need a few levels; a hostile file
# with thousands would exhaust the parser's stack.
MAX_JSON_DEPTH = 64
_JSON_SPECIAL = re.compile(r'[\[\]{}"\\]')


def json_depth(text: str, *, stop: int = MAX_JSON_DEPTH) -> int:
    """How deep arrays and objects nest in JSON text (brackets inside strings do not count);
    counting stops past `stop`. One linear scan."""
    if text.count("[") + text.count("{") <= stop:
        return 0  # cannot be deeper than it has brackets
    depth = deepest = 0
    in_string = False
    skip = -1
    for match in _JSON_SPECIAL.finditer(text):
        pos, ch = match.start(), match.group()
        if pos == skip:
            continue  # the character after a backslash
        if in_string:
            if ch == "\\":
                skip = pos + 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop:
                    break
        elif ch in "]}":
            depth -= 1
    return deepest


def _load_json(text: str) -> object:
    """json.loads with a bound on nesting.

    Raises:
        ValueError: too deep, or not JSON (a json.JSONDecodeError).
    """
    if json_depth(text) > MAX_JSON_DEPTH:
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels; not read")
    return json.loads(text)


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
    record: object, *, path: str, origin: str, section: str | None = None, file: str | None = None
) -> list[ReadResult]:
    """One article from a JSON object or CSV row with the common news field names.

    A record's own `id` is namespaced by the name of its `file` (`feed.jsonl#42`): two feeds
    both numbering from 1 must not overwrite each other's articles.
    """
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
            id=_record_id(record, file or origin) or make_id(origin, body),
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


def _record_id(record: dict, file: str) -> str | None:
    own = _as_text(record.get("id"))
    return f"{file}#{own}" if own else None


def parse_jsonl(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    out: list[ReadResult] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = _load_json(line)
        except json.JSONDecodeError as exc:
            out.append(ReadError(where, f"broken JSON line ({exc.msg} at column {exc.colno})"))
            continue
        except ValueError as exc:
            out.append(ReadError(where, str(exc)))
            continue
        out.extend(
            record_to_article(record, path=where, origin=f"{origin}:{lineno}", section=section, file=origin)
        )
    if not out:
        out.append(ReadError(path, "empty file (no JSON lines)"))
    return out


def parse_json(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    try:
        data = _load_json(text)
    except json.JSONDecodeError as exc:
        return [ReadError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})")]
    except ValueError as exc:
        return [ReadError(path, str(exc))]
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
            return record_to_article(data, path=path, origin=origin, section=section, file=origin)
        data = inner
    if not isinstance(data, list):
        return [ReadError(path, f"expected a list of articles or an object, got {type(data).__name__}")]
    out: list[ReadResult] = []
    for i, record in enumerate(data):
        out.extend(
            record_to_article(record, path=f"{path}[{i}]", origin=f"{origin}[{i}]", section=section, file=origin)
        )
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
            out.extend(
                record_to_article(row, path=f"{path}:{i}", origin=f"{origin}:{i}", section=section, file=origin)
            )
    except csv.Error as exc:
        out.append(ReadError(path, f"broken CSV ({exc})"))
    return out
