"""Reuters-21578 SGML: one article per story that has a BODY, with its hand-assigned tags.

The file is read in one linear scan: the `<REUTERS ...>` and `</REUTERS>` tags are found once
each, in order, and a story is the text between an opening tag and its closing one. A story
whose closing tag is missing (a file cut short, markup broken by hand) is reported and skipped,
never merged with the next story; fields inside a story are found with `str.find`, so no input,
however many unclosed tags it holds, costs more than a pass over it.
"""

from __future__ import annotations

import html
import re

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, parse_date

# An opening or closing story tag; the attributes are bounded so that a tag left open cannot
# make the search run to the end of the file from every `<REUTERS`.
_STORY_TAG = re.compile(r"<(/?)REUTERS\b([^<>]{0,1000})>")
_NEWID = re.compile(r'NEWID="(\d+)"')
_REUTERS_TAGS = ("PLACES", "PEOPLE", "ORGS", "TOPICS", "EXCHANGES", "COMPANIES")
_ITEM = re.compile(r"<D>([^<]*)</D>")
# The sign-off ends a story as "Reuter" or, in about a quarter of them, "REUTER": boilerplate
# on a line of its own, not text.
_SIGN_OFF = re.compile(r"\bReuter\s*\x03?\s*\Z", re.IGNORECASE)
BROKEN_SHOWN = 3  # broken stories named one by one; more are one line for the file


class _Broken(ValueError):
    """A story's markup is broken: the message says how."""


def _sgml_field(block: str, tag: str) -> str | None:
    """The text of the first `<TAG>...</TAG>` in a story, None when there is none.

    Raises:
        _Broken: when the tag is opened and not closed, or opened again before it closes.
    """
    opening, closing = f"<{tag}>", f"</{tag}>"
    start = block.find(opening)
    if start < 0:
        return None
    start += len(opening)
    end = block.find(closing, start)
    if end < 0:
        raise _Broken(f"<{tag}> is not closed")
    again = block.find(opening, start, end)
    if again >= 0:
        raise _Broken(f"<{tag}> opens again before </{tag}>")
    return block[start:end]


def _stories(text: str) -> tuple[list[tuple[str, str, int]], list[tuple[str, int, str]]]:
    """Stories as (attributes, block, number) and broken ones as (attributes, number, why)."""
    stories: list[tuple[str, str, int]] = []
    broken: list[tuple[str, int, str]] = []
    open_tag: re.Match | None = None
    count = 0
    for tag in _STORY_TAG.finditer(text):
        if tag.group(1):  # </REUTERS>
            if open_tag is not None:
                stories.append((open_tag.group(2), text[open_tag.end() : tag.start()], count))
                open_tag = None
            continue  # a closing tag with no story open has nothing to report but itself
        count += 1
        if open_tag is not None:
            broken.append((open_tag.group(2), count - 1, "no </REUTERS> before the next story"))
        open_tag = tag
    if open_tag is not None:
        broken.append((open_tag.group(2), count, "no </REUTERS>: the file ends inside it (cut short?)"))
    return stories, broken


def _story_id(attrs: str, number: int) -> str:
    newid = _NEWID.search(attrs)
    return newid.group(1) if newid else str(number)


def _body(raw: str) -> str:
    body = html.unescape(raw).strip()
    sign_off = _SIGN_OFF.search(body)
    if sign_off:
        body = body[: sign_off.start()].strip()
    body = re.sub(r"\n[ \t]+", "\n\n", body)  # an indented line starts a paragraph
    return re.sub(r"(?<!\n)\n(?!\n)", " ", body)  # hard-wrapped lines join


def parse_sgm(text: str, *, path: str, origin: str, section: str | None = None) -> list[ReadResult]:
    """Reuters-21578 SGML: one article per story that has a BODY; stories with broken markup
    are reported one error each."""
    out: list[ReadResult] = []
    stories, broken = _stories(text)
    if len(broken) <= BROKEN_SHOWN:
        for attrs, number, why in broken:
            out.append(ReadError(f"{path}#{_story_id(attrs, number)}", f"story not read: {why}"))
    else:
        attrs, number, why = broken[0]
        out.append(
            ReadError(
                path,
                f"{len(broken):,} stories not read: their markup is broken "
                f"(the first, #{_story_id(attrs, number)}: {why})",
            )
        )
    for attrs, block, number in stories:
        story_id = _story_id(attrs, number)
        where = f"{path}#{story_id}"
        try:
            raw_body = _sgml_field(block, "BODY")
            if raw_body is None:
                continue  # title-only stories ("BRIEF" and "UNPROC") carry no article text
            body = _body(raw_body)
            if not body:
                continue
            title = _sgml_field(block, "TITLE")
            meta: dict = {tag.lower(): _ITEM.findall(_sgml_field(block, tag) or "") for tag in _REUTERS_TAGS}
            raw_date = (_sgml_field(block, "DATE") or "").strip()
        except _Broken as exc:
            out.append(ReadError(where, f"story not read: {exc}"))
            continue
        meta["newid"] = story_id
        date_ = None
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
    if not stories and not broken:
        out.append(ReadError(path, "no <REUTERS> stories found (not a Reuters-21578 SGML file)"))
    return out
