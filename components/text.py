"""Strings from the data, made safe for the Streamlit elements that render Markdown.

`st.caption`, `st.markdown`, `st.error` and their kind read their text as Markdown with
Streamlit's directives: `:red[...]` colours text, `$...$` typesets KaTeX, `![x](url)` makes the
viewer's browser fetch an image. A source name, a section, a file name or a search query must
show as the characters it is, so each is passed through `md_escape` first.
"""

from __future__ import annotations

import html
import re

# Every ASCII punctuation character that Markdown, GitHub's extensions or Streamlit's
# directives give a meaning to; CommonMark lets any of them be escaped with a backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&^=])")
# A line break would start a heading, a list or a quote: data shown inline stays on one line.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
# GitHub's bare-link rule turns `https://...`, `www.` and `a@b.c` into links after escapes are
# resolved, so no backslash stops it; an invisible word joiner inside the pattern does.
_BARE_LINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def md_escape(value: object) -> str:
    """`value` as text that Streamlit's Markdown shows literally, on one line (with an invisible
    word joiner inside anything that would become a bare link)."""
    text = _BREAKS.sub(" ", str(value))
    text = _BARE_LINK.sub(WORD_JOINER, text)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def md_code(value: object) -> str:
    """`value` as inline code: no Markdown inside, whatever backticks it holds."""
    text = _BREAKS.sub(" ", str(value))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def article_meta(date: object, source: object, section: object = None) -> str:
    """An article's date, source and section as HTML-escaped text for a header or a list, naming
    only what the store has: "2025-01-10 · Reuters", "undated · politics". A missing date is said
    (an analyst dating a claim needs to know there is none); a missing source or section is left
    out rather than shown as a dash between separators."""
    # pandas gives a missing date as NaT (or NaN), which is truthy but unequal to itself.
    known = [part if part and part == part else None for part in (date, source, section)]
    parts = [str(known[0])[:10] if known[0] else "undated"]
    parts += [str(part) for part in known[1:] if part]
    return " · ".join(html.escape(part) for part in parts)
