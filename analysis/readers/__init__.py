"""Readers: files, folders and uploads of news -> `Article`s, with problems as values.

One module per format, each a function `parse(text, *, path, origin, section)` returning
`Article`s, `ReadError`s and `ReadWarning`s; `PARSERS` maps a file suffix to its reader.

Whatever a file holds, reading it is bounded and ends in values: only regular files are opened
(a FIFO, a device or a socket is named and skipped), no more bytes are read than `Limits`
allow, an article longer than its limit is cut with a warning, and any failure of a parser is
caught at the file's boundary as a `ReadError`, so the other files are still read.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analysis.readers.base import (
    DEFAULT_LIMITS,
    METADATA_FIELDS,
    Article,
    Limits,
    ReadError,
    ReadResult,
    ReadWarning,
    decode_bytes,
    decode_text,
    make_id,
    not_language,
    parse_date,
    safe_name,
)
from analysis.readers.feeds import parse_feed
from analysis.readers.html import parse_html
from analysis.readers.reuters import parse_sgm
from analysis.readers.structured import parse_csv, parse_json, parse_jsonl
from analysis.readers.text import parse_txt
from analysis.readers.warc import parse_warc

__all__ = [
    "DEFAULT_LIMITS",
    "METADATA_FIELDS",
    "PARSERS",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Limits",
    "ReadError",
    "ReadResult",
    "ReadWarning",
    "articles_only",
    "decode_bytes",
    "decode_text",
    "iter_paths",
    "make_id",
    "parse_date",
    "read_bytes",
    "read_file",
    "read_paths",
    "safe_name",
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


# Formats that hold one article a file: read only as far as that article can reach.
ONE_ARTICLE_SUFFIXES = (".txt",)


def byte_limit(name: str, limits: Limits = DEFAULT_LIMITS) -> int:
    """The most bytes of the file `name` worth reading."""
    if Path(name).suffix.lower() in ONE_ARTICLE_SUFFIXES:
        # Four bytes a character at most (UTF-32), and room for a title and header line.
        return min(limits.file_bytes, limits.article_chars * 4 + 4096)
    return limits.file_bytes


def _bytes_parser(name: str):
    """The web format reader of a file name (".warc.gz" counts as one suffix), or None."""
    return BYTES_PARSERS.get("".join(Path(name).suffixes[-2:]).lower()) or BYTES_PARSERS.get(Path(name).suffix.lower())


def read_bytes(
    data: bytes, *, name: str, section: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[ReadResult]:
    """Read articles from the bytes of one file called `name` (used for uploads too).

    Never raises: whatever goes wrong in a parser is a `ReadError` naming the file.
    """
    name = safe_name(name)
    suffix = Path(name).suffix.lower()
    by_bytes = _bytes_parser(name)
    if by_bytes:
        if len(data) > byte_limit(name, limits):
            return [ReadError(name, f"file too large (over the limit of {_size(byte_limit(name, limits))} a file): split it")]
        try:
            return list(_bounded(by_bytes(data, path=name, origin=Path(name).name, section=section), limits, truncated=False))
        except Exception as exc:  # noqa: BLE001 - the file boundary, as for every other format
            detail = str(exc)[:200]
            return [ReadError(name, f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''})")]
    parser = PARSERS.get(suffix)
    if parser is None:
        return [
            ReadError(
                name,
                f"unsupported file type {suffix or '(none)'!r}; "
                f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            )
        ]
    limit = byte_limit(name, limits)
    cut = len(data) > limit
    if cut and suffix not in ONE_ARTICLE_SUFFIXES:
        return [ReadError(name, f"file too large (over the limit of {_size(limit)} a file): split it")]
    try:
        if cut:
            data = _whole_characters(data[:limit])
        if not data.strip():
            return [ReadError(name, "empty file")]
        try:
            decoded = decode_text(data)
        except ValueError as exc:
            return [ReadError(name, str(exc))]
        del data
        out: list[ReadResult] = [ReadWarning(name, decoded.warning)] if decoded.warning else []
        results = parser(decoded.text, path=name, origin=Path(name).name, section=section)
        out.extend(_bounded(results, limits, truncated=cut))
        return out
    except Exception as exc:  # noqa: BLE001 - the file boundary (RecursionError, MemoryError too)
        # A parser's bug or a hostile file must cost this file only, never the corpus.
        detail = str(exc)[:200]
        return [ReadError(name, f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''})")]


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:,.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _whole_characters(data: bytes) -> bytes:
    """Bytes cut at a limit, without a UTF-8 character cut in two at the end."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data
        if byte >= 0xC0:  # the lead byte of the last character
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if needed <= back else data[:-back]
    return data


def cut_article(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at the last white space before it when there
    is one near."""
    if len(text) <= limit:
        return text
    space = max(text.rfind(" ", 0, limit + 1), text.rfind("\n", 0, limit + 1))
    return text[: space if space > max(0, limit - 1000) else limit].rstrip()


def _bounded(results: Iterable[ReadResult], limits: Limits, *, truncated: bool) -> Iterator[ReadResult]:
    """Articles cut to the length limit (with a warning) and refused when not language."""
    for item in results:
        if not isinstance(item, Article):
            yield item
            continue
        if len(item.text) > limits.article_chars:
            text = cut_article(item.text, limits.article_chars)
            whole = "the file is longer still" if truncated else f"it has {len(item.text):,}"
            yield ReadWarning(
                item.path or item.id,
                f"article cut to its first {len(text):,} characters ({whole}; "
                f"the limit is {limits.article_chars:,} an article)",
            )
            item = dataclasses.replace(item, text=text)
        reason = not_language(item.text)
        if reason:
            yield ReadError(item.path or item.id, reason)
            continue
        yield item


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder"
    for test, what in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return f"{what}, not a file: skipped"
    return "not a regular file: skipped"


def _os_reason(exc: OSError, path: str | os.PathLike) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return "a symbolic link to a file that does not exist"
        return "no such file (it may have been moved or deleted)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read ({exc.strerror or exc})"


def _read_bounded(path: str | os.PathLike, limit: int) -> bytes | str:
    """At most `limit + 1` bytes of a regular file; or why it cannot be read (a string)."""
    try:
        kind = _kind(os.stat(path).st_mode)
        if kind:
            return kind
        # O_NONBLOCK: a file swapped for a FIFO after the stat cannot make open() wait.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return _os_reason(exc, path)
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind:
            return kind
        chunks, remaining = [], limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        return _os_reason(exc, path)
    finally:
        os.close(fd)


def read_file(
    path: str | os.PathLike, *, section: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[ReadResult]:
    """Read the articles of one file; problems come back as `ReadError`s, never raised."""
    name = safe_name(os.fspath(path))
    if Path(name).suffix.lower() not in PARSERS and _bytes_parser(name) is None:
        return read_bytes(b"", name=name, section=section, limits=limits)  # names the suffix
    data = _read_bounded(path, byte_limit(name, limits))
    if isinstance(data, str):
        return [ReadError(name, data)]
    return read_bytes(data, name=name, section=section, limits=limits)


def _walk(root: Path) -> Iterator[tuple[Path, str | None] | ReadError]:
    # followlinks=False: a symlink loop cannot make the walk endless. A folder that cannot be
    # listed is reported, not skipped in silence.
    unreadable: list[OSError] = []

    def reported() -> Iterator[ReadError]:
        while unreadable:
            exc = unreadable.pop(0)
            where = exc.filename if exc.filename is not None else root
            yield ReadError(safe_name(where), f"folder not read: {_os_reason(exc, where)}")

    for folder, dirs, files in os.walk(root, followlinks=False, onerror=unreadable.append):
        yield from reported()
        dirs.sort()
        rel = Path(folder).relative_to(root)
        section = safe_name(rel.parts[-1]) if rel.parts else None
        for name in sorted(files):
            # A corpus folder's own documentation is not an article.
            if name.startswith(".") or Path(name).stem.upper() in ("README", "LICENSE", "LICENCE"):
                continue
            if name.lower().endswith(SUPPORTED_SUFFIXES):
                yield Path(folder) / name, section
    yield from reported()


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str | None] | ReadError]:
    """Files to read, with their section, from files and folders (recursive)."""
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as exc:
            missing = exc.errno == errno.ENOENT and not os.path.islink(path)
            yield ReadError(safe_name(os.fspath(raw)), "no such file or folder" if missing else _os_reason(exc, path))
            continue
        if is_dir:
            yield from _walk(path)
        else:
            yield path, None  # read_file names what is not a regular file


def read_paths(paths: Iterable[str | os.PathLike], *, limits: Limits = DEFAULT_LIMITS) -> Iterator[ReadResult]:
    """Articles, errors and warnings from files and folders, in a stable order."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        path, section = item
        yield from read_file(path, section=section, limits=limits)


def articles_only(
    results: Iterable[ReadResult], report: Callable[[ReadError | ReadWarning], None]
) -> Iterator[Article]:
    """The articles among reader results, in order; every error and warning goes to `report`."""
    for item in results:
        if isinstance(item, Article):
            yield item
        else:
            report(item)
