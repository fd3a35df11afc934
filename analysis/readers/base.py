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


# Characters that would let a name start a new line on a terminal or in a log, or reorder what
# follows it: C0/C1 controls, line and paragraph separators, and bidirectional overrides.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape_char(match: re.Match) -> str:
    ch = match.group(0)
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a file name that is not UTF-8 (surrogateescape)
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_name(name: object) -> str:
    """A file name (or any one-line string from input) as it can be printed and stored: control
    characters, line separators and bidirectional overrides escaped `repr`-style, and bytes that
    are not UTF-8 (which the OS hands over as lone surrogates) shown as `\\xNN`. Ordinary names
    come back unchanged."""
    text = str(name)
    return _UNSAFE.sub(_escape_char, text) if _UNSAFE.search(text) else text


@dataclass(frozen=True)
class _Problem:
    path: str
    reason: str
    LEVEL: ClassVar[str] = ""

    def __str__(self) -> str:
        # One problem is one line, whatever a file name or a record holds.
        return f"{self.LEVEL}: {safe_name(self.path)}: {safe_name(self.reason)}"


class ReadError(_Problem):
    """A file, or a record inside one, that could not be read, and why."""

    LEVEL = "error"


class ReadWarning(_Problem):
    """Something odd about an article that was still read (an unparseable date, say)."""

    LEVEL = "warning"


ReadResult = Article | ReadError | ReadWarning


@dataclass(frozen=True)
class Limits:
    """How much one input may cost: past these, a reader cuts or refuses, with a message.

    `article_chars`: the longest article analysed; a longer one is cut at a word boundary before
    it (a warning says so). `file_bytes`: the largest file read (a plain-text file, which holds
    one article, is read only as far as its article can reach).
    """

    article_chars: int = 2_000_000
    file_bytes: int = 128 * 1024 * 1024

    def __post_init__(self) -> None:
        for name in ("article_chars", "file_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")


DEFAULT_LIMITS = Limits()


def make_id(origin: str, text: str) -> str:
    """A stable article id from where it came from (file name and record) and its content."""
    digest = hashlib.sha1(f"{origin}\0{text}".encode("utf-8")).hexdigest()
    return digest[:16]


# ----------------------------------------------------------------------------------------------
# bytes -> text


_BOMS = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and what a reader should be warned about."""

    text: str
    encoding: str
    warning: str | None = None


def _first_bad_offset(data: bytes, encoding: str) -> int:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def _legacy(data: bytes) -> tuple[str, str] | None:
    """Text in a one-byte legacy encoding, as charset-normalizer detects it; Windows-1252 when it
    reads the bytes as well as the detected one does (the usual case for English news, and short
    texts give the detector little to go on). None when no encoding gives text."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence - 0.1:
            best = m
            break
    return data.decode(best.encoding, errors="replace"), best.encoding


def decode_text(data: bytes) -> Decoded:
    """Decode a file's bytes, never silently.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32). Otherwise UTF-8; when a few bytes are not
    valid UTF-8 in text that otherwise is (it holds more valid multi-byte characters than bad
    bytes), they become U+FFFD and the warning names the first one's offset; the rest of the text
    is never re-decoded. Text with no sign of UTF-8 is read in the legacy encoding that
    charset-normalizer detects, with a warning naming it.

    Raises:
        ValueError: when the bytes are binary, or fit no encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = body.decode(encoding, errors="replace")
            offset = _first_bad_offset(body, encoding)
            warning = None
            if offset >= 0:
                warning = (
                    f"bytes not valid {encoding.upper()} replaced with \ufffd "
                    f"(the first at byte offset {offset + len(bom)})"
                )
            return Decoded(_check_controls(text), encoding, warning)
    if b"\x00" in data[:8192]:
        # (UTF-16 or UTF-32 text without a byte-order mark lands here too.)
        raise ValueError("binary file (contains NUL bytes), not text")
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    if not bad:
        return Decoded(_check_controls(escaped), "utf-8")
    offset = _first_bad_offset(data, "utf-8")
    # Each valid multi-byte character is one character for two to four bytes; a bad byte stays one.
    multibyte = len(data) - len(escaped)
    if multibyte >= bad:
        text = _ESCAPED_BYTE.sub("\ufffd", escaped)
        what = "a byte" if bad == 1 else f"{bad} bytes"
        return Decoded(
            _check_controls(text),
            "utf-8",
            f"{what} not valid UTF-8 replaced with \ufffd (the first at byte offset {offset})",
        )
    del escaped
    legacy = _legacy(data)
    if legacy is None:
        raise ValueError("not text: no character encoding reads these bytes as text")
    text, encoding = legacy
    return Decoded(
        _check_controls(text),
        encoding,
        f"not UTF-8 (the first byte that is not at offset {offset}); read as {encoding}, as detected",
    )


def _check_controls(text: str) -> str:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.05:
        raise ValueError("binary file (mostly control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes (see `decode_text`), without its warning.

    Raises:
        ValueError: when the bytes look binary rather than text.
    """
    return decode_text(data).text


# Below this share of letters and digits among its visible characters, a text is not language
# (the most numeric Reuters table has 43%; binary read as text has few).
MIN_ALNUM_SHARE = 0.3


def not_language(text: str) -> str | None:
    """Why `text` is not prose in some language, or None when it may be."""
    sample = text[:100_000]
    visible = len(sample) - sum(1 for ch in sample if ch.isspace())
    if not visible:
        return "no visible characters"
    share = sum(1 for ch in sample if ch.isalnum()) / visible
    if share < MIN_ALNUM_SHARE:
        return f"not text in a language (only {share:.0%} of its characters are letters or digits)"
    return None


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
