"""Reuters-21578 SGML: one article per story that has a BODY, with its hand-assigned tags."""

from __future__ import annotations

import html
import re

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, parse_date

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
