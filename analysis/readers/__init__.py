"""Readers: files, folders and uploads of news -> `Article`s, with problems as values.

One module per format, each a function `parse(text, *, path, origin, section)` returning
`Article`s, `ReadError`s and `ReadWarning`s; `PARSERS` maps a file suffix to its reader.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analysis.readers.base import (
    METADATA_FIELDS,
    Article,
    ReadError,
    ReadResult,
    ReadWarning,
    decode_bytes,
    make_id,
    parse_date,
)
from analysis.readers.feeds import parse_feed
from analysis.readers.html import parse_html
from analysis.readers.reuters import parse_sgm
from analysis.readers.structured import parse_csv, parse_json, parse_jsonl
from analysis.readers.text import parse_txt
from analysis.readers.warc import parse_warc

__all__ = [
    "METADATA_FIELDS",
    "PARSERS",
    "SUPPORTED_SUFFIXES",
    "Article",
    "ReadError",
    "ReadResult",
    "ReadWarning",
    "articles_only",
    "decode_bytes",
    "iter_paths",
    "make_id",
    "parse_date",
    "read_bytes",
    "read_file",
    "read_paths",
]

PARSERS = {
    ".txt": parse_txt,
    ".jsonl": parse_jsonl,
    ".json": parse_json,
    ".csv": parse_csv,
    ".sgm": parse_sgm,
}

# Web formats read their own bytes (a page's charset, a feed's XML declaration, compressed
# archives). `.xml` is read as a feed only.
BYTES_PARSERS = {
    **dict.fromkeys((".html", ".htm"), parse_html),
    **dict.fromkeys((".rss", ".atom", ".xml"), parse_feed),
    **dict.fromkeys((".warc", ".warc.gz"), parse_warc),
}

SUPPORTED_SUFFIXES = (*PARSERS, *BYTES_PARSERS)


def read_bytes(data: bytes, *, name: str, section: str | None = None) -> list[ReadResult]:
    """Read articles from the bytes of one file called `name` (used for uploads too)."""
    suffix = Path(name).suffix.lower()
    by_bytes = BYTES_PARSERS.get("".join(Path(name).suffixes[-2:]).lower()) or BYTES_PARSERS.get(suffix)
    if by_bytes:
        return by_bytes(data, path=name, origin=Path(name).name, section=section)
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


def articles_only(
    results: Iterable[ReadResult], report: Callable[[ReadError | ReadWarning], None]
) -> Iterator[Article]:
    """The articles among reader results, in order; every error and warning goes to `report`."""
    for item in results:
        if isinstance(item, Article):
            yield item
        else:
            report(item)
