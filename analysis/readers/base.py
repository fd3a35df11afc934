"""What every reader makes: the `Article`, and the errors and warnings it reports as values.

Readers never raise on bad input. Each yields `Article`s and `ReadError`s in file order, so a
caller can report the errors one line each and keep analysing the rest of a corpus. Also here:
the decoding of a file's bytes and the parsing of dates, which every format shares.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import ClassVar

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
class _Problem:
    path: str
    reason: str
    LEVEL: ClassVar[str] = ""

    def __str__(self) -> str:
        return f"{self.LEVEL}: {self.path}: {self.reason}"


class ReadError(_Problem):
    """A file, or a record inside one, that could not be read, and why."""

    LEVEL = "error"


class ReadWarning(_Problem):
    """Something odd about an article that was still read (an unparseable date, say)."""

    LEVEL = "warning"


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
