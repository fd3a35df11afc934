"""Data shown through Streamlit's Markdown stays text: checked against a CommonMark renderer."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from components.text import WORD_JOINER, md_code, md_escape

HOSTILE = [
    ":red[X] $$x$$ ![p](https://evil.invalid/p.png)",
    "**bold** _it_ `code` <b>tag</b> <img src=x onerror=alert(1)>",
    "# heading\n- list\n> quote\n1. item",
    "[link](javascript:alert(1)) www.evil.invalid https://evil.invalid",
    ":material/home: :smile: $x^2$ \\(a\\) &amp; &#60;",
]
md = MarkdownIt("commonmark").enable("strikethrough")


def rendered_text(markdown: str) -> str:
    return md.renderInline(markdown).replace(WORD_JOINER, "")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
@settings(max_examples=300, deadline=None)
def test_escaped_text_renders_as_itself(value):
    out = rendered_text(md_escape(value))
    assert "<" not in out.replace("&lt;", "")  # no element at all
    expected = " ".join(re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", " ", value.replace(WORD_JOINER, "")).split())
    assert " ".join(html.unescape(out).split()) == expected


def test_hostile_strings_keep_their_characters():
    for value in HOSTILE:
        out = rendered_text(md_escape(value))
        assert "<img" not in out and "<a " not in out and "<strong" not in out
        assert " ".join(html.unescape(out).split()) == " ".join(value.split())
        # Streamlit's own syntax (directives, math, images): none of its characters is left
        # without a backslash before it.
        assert not re.search(r"[:$!\[\]()<>*_`]", re.sub(r"\\.", "", md_escape(value)))


def test_code_spans_hold_backticks():
    assert rendered_text(md_code("a`b")) == "<code>a`b</code>"
    assert rendered_text(md_code("/data/x")) == "<code>/data/x</code>"


def test_bare_links_are_broken_invisibly():
    # GitHub's bare-link rule runs after escapes are resolved: a word joiner stops it.
    for value in ("https://evil.invalid/x", "www.evil.invalid", "someone@evil.invalid"):
        escaped = md_escape(value)
        assert WORD_JOINER in escaped
        assert escaped.replace(WORD_JOINER, "").replace("\\", "") == value
