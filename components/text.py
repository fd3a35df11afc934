"""Text from the data shown through Streamlit markdown as itself: article titles, sources,
actor names and URL values are untrusted, and markdown would otherwise render `:red[...]`,
`$...$` or an image link in them."""

from __future__ import annotations

# Every character with a meaning in Streamlit's markdown (CommonMark, colour and icon
# directives, KaTeX), escaped with a backslash.
_SPECIAL = set("\\`*_{}[]()<>#+-.!|:$~&")


def md(text: object) -> str:
    """`text` as literal markdown."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in str(text))
