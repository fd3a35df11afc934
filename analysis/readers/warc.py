"""WARC reader: the HTML pages of a web archive (`.warc`, `.warc.gz`) as articles.

Every HTML response record (and every HTML resource record, as some tools write saved pages)
goes through the HTML reader, with the record's URL as the article's URL, so an archived page
gets the id a fetch of that URL gets. The record's date (when it was crawled) is kept in the
article's meta as `crawl_date`, and stands in for the date when the page declares none.
Other records (requests, metadata, images, redirects, errors) are passed over.
"""

from __future__ import annotations

import dataclasses
import io

from analysis.readers.base import Article, ReadError, ReadResult, parse_date
from analysis.readers.html import content_type, is_web_url, parse_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(media: str, payload_head: bytes) -> bool:
    if media:
        return media in _HTML_TYPES
    head = payload_head[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def parse_warc(data: bytes, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    """Articles from the HTML pages of a WARC file (gzip-compressed per record or not).

    Args:
        data: the archive's bytes.
        path: where it was read from; a page's path is `path#URL`.
        origin: the file name (unused for ids: archived pages are identified by their URL).
        section: the articles' section (a folder's name).
    """
    from warcio.archiveiterator import ArchiveIterator

    if not data.strip():
        return [ReadError(path, "empty file")]
    out: list[ReadResult] = []
    pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            if not is_web_url(url):
                continue
            if record.rec_type == "response":
                if record.http_headers is None or record.http_headers.get_statuscode() != "200":
                    continue  # redirects, errors and not-modified answers hold no page
                media, charset = content_type(record.http_headers.get_header("Content-Type"))
            else:
                media, charset = content_type(record.rec_headers.get_header("Content-Type"))
            # content_stream() undoes chunked transfer and gzip/deflate content encoding.
            payload = record.content_stream().read()
            where = f"{path}#{url}"
            if getattr(record.raw_stream, "limit", 0) > 0:
                # warcio reads a truncated gzip member without complaint; the record's declared
                # length tells that its end is missing.
                out.append(ReadError(where, "broken WARC: the archive ends inside this record"))
                break
            if not _is_html(media, payload):
                continue
            pages += 1
            crawl_date = None
            try:
                crawl_date = parse_date(record.rec_headers.get_header("WARC-Date"))
            except ValueError:
                pass
            for item in parse_html(
                payload, path=where, origin=url, section=section, url=url, charset=charset
            ):
                if isinstance(item, Article) and crawl_date:
                    item = dataclasses.replace(
                        item, date=item.date or crawl_date, meta={**item.meta, "crawl_date": crawl_date}
                    )
                out.append(item)
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds of error on malformed input
        # (ArchiveLoadFailed, zlib errors, an AttributeError for a response without a target URI)
        reason = str(exc).strip() or type(exc).__name__
        out.append(ReadError(path, f"broken WARC after {pages} pages ({reason})"))
        return out
    if pages == 0 and not out:
        out.append(ReadError(path, "no HTML pages in the archive"))
    return out
