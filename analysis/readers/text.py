"""Plain-text articles: the seed format (`date YYYY-MM-DD (SOURCE)` header), BBC files (a title
line, a blank line, the body), or all body."""

from __future__ import annotations

import re

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, make_id, parse_date

SEED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+\(([^)\n]{1,100})\)[ \t]*\n*")


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
