"""Quotation spans from the characters alone: straight and curly double quotes, guillemets, two
apostrophes standing for a double quote (the New York Times archive text, some BBC sport copy),
and single quotes used as quotation marks (never apostrophes). Conventions of real news text are
handled on purpose:

- a quotation running over several paragraphs opens each with a mark and closes only at its end;
- in run-together text (the BBC corpus) a new opening mark straight after sentence-final
  punctuation inside an open quotation continues it;
- an unbalanced mark never spreads past its paragraph, so it cannot derail the rest of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = set('"“”«»„')
# A double quotation mark: one character, or two apostrophes with no third after them (in
# "it,''' he said" the first apostrophe closes a nested single quotation).
_DOUBLE = re.compile(r"''(?!')|[\"“”«»„]")
# Token texts of double quotation marks (spaCy keeps two apostrophes as one token).
DOUBLE_MARK_TOKENS = frozenset(DOUBLE_MARKS | {"''", "``"})
SINGLE_MARKS = set("'‘’")
SENTENCE_END = ".?!…"


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation's content, without its marks, as character offsets into the text."""

    start: int
    end: int
    mark: str  # the opening mark



def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _double_role(text: str, i: int, j: int) -> str:
    """'open', 'close' or 'either' for the double mark text[i:j] from the characters around it."""
    mark = text[i]
    if mark in "“«„":
        return "open"
    if mark in "”»":
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    opens = before.isspace() or before in "([{—–-/:" and not after.isspace()
    closes = after.isspace() or after in ".,;:!?)]}—–-'’" or not _is_word(after)
    if opens and not after.isspace() and not closes:
        return "open"
    if closes and not before.isspace() and not opens:
        return "close"
    if before.isspace() and not after.isspace():
        return "open"
    if after.isspace() and not before.isspace():
        return "close"
    return "either"


def _paragraph_break(text: str, start: int, end: int) -> bool:
    return "\n\n" in text[start:end] or "\n" in text[start:end].strip(" ")


def double_quote_spans(text: str) -> list[QuoteSpan]:
    """Spans of double-quoted (and guillemet) content, robust to unbalanced marks."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None  # the open quotation's mark, and where its content starts
    content = 0
    open_mark = ""
    for match in _DOUBLE.finditer(text):
        i, j = match.span()
        role = _double_role(text, i, j)
        if open_at is None:
            if role in ("open", "either"):
                open_at, content, open_mark = i, j, match.group()
            continue
        if role == "close" or (role == "either" and not _continues(text, content, i, j)):
            if _paragraph_break(text, open_at, i) and not _is_continued_paragraph(text, open_at, i):
                # The opening mark was unbalanced: restart from here if this mark can open.
                open_at = None
                if role == "either":
                    open_at, content, open_mark = i, j, match.group()
                continue
            if i > content:
                spans.append(QuoteSpan(content, i, open_mark))
            open_at = None
            continue
        # An opening mark inside an open quotation. A continuation mark is written like the
        # first one: a straight mark left open at the start of a paragraph and a curly one
        # opening the next are two marks that never paired ('"Sen. Bernie Sanders (I-Vt.) took
        # the stage ...' and '“While the results are not yet known ...,” Sanders said.', PolNeAR).
        before = text[content:i].rstrip()
        if _same_style(open_mark, match.group()) and (
            before
            and before[-1] in SENTENCE_END + ",:;"
            and _is_continued_paragraph(text, open_at, i)
            or before
            and before[-1] in SENTENCE_END
        ):
            continue  # a continuation mark: the quotation goes on
        open_at, content, open_mark = i, j, match.group()  # the earlier mark never closed: start again
    return [s for s in spans if text[s.start : s.end].strip()]


def _same_style(a: str, b: str) -> bool:
    """Two double marks of one typographic style: straight, curly, guillemets or apostrophes."""
    return (a in "“”„") == (b in "“”„") and (a in "«»") == (b in "«»") and (a == "''") == (b == "''")


def _continues(text: str, content: int, i: int, j: int) -> bool:
    """An ambiguous mark text[i:j] inside an open quotation (content from `content`) that starts
    a continuation paragraph."""
    before = text[content:i].rstrip()
    after = text[j : j + 1]
    return (
        bool(before)
        and before[-1] in SENTENCE_END
        and after.isalpha()
        and after.isupper()
        and text[i - 1 : i].isspace()
    )


def _is_continued_paragraph(text: str, open_at: int, i: int) -> bool:
    """Every paragraph break between the two marks is followed by an opening mark."""
    inner = text[open_at + 1 : i + 1]
    breaks = [m.end() for m in re.finditer(r"\n\s*", inner)]
    return all(inner[b : b + 1] in DOUBLE_MARKS or inner[b : b + 2] == "''" for b in breaks)


_SINGLE_QUOTE = re.compile(
    r"(?<![\w’'])(['‘])(?=[^\W\d_])"  # opener: not after a letter; a letter follows
    r"((?:(?!\1\w)[^\n'‘’]){2,200}?[\w.,!?)])"  # content on one line
    r"(['’])(?![\w])"  # closer: no letter follows
)


def single_quote_spans(text: str) -> list[QuoteSpan]:
    """Single quotes used as quotation marks ('anti-Semitic'), never apostrophes."""
    spans: list[QuoteSpan] = []
    for match in _SINGLE_QUOTE.finditer(text):
        start, end = match.start(2), match.end(2)
        content = match.group(2)
        # "rock 'n' roll", "'em": elision, not a quotation.
        if content.lower() in ("n", "em") or len(content.strip()) < 2:
            continue
        # "'Tis the players' union": the closing mark of several words is a plural possessive.
        if (
            " " in content
            and content.endswith("s")
            and re.match(r" [a-z]", text[match.end() : match.end() + 2])
        ):
            continue
        # A possessive plural ("the players' union") inside: the closer must not be one.
        if re.search(r"\w['’]\s", content + " ") and content.count(" ") > 8:
            continue
        spans.append(QuoteSpan(start, end, match.group(1)))
    return spans


def _markup_value(text: str, span: QuoteSpan) -> bool:
    """An attribute value of markup left in the text (HuffPost's '<tweet author="mattyglesias"
    timestamp="1454346000">' in PolNeAR): the mark follows "=", which no quotation does."""
    return text[max(0, span.start - 2) : span.start - 1] == "="


def quote_spans(text: str) -> list[QuoteSpan]:
    """All quotation spans of a text, in order, outermost only."""
    doubles = [s for s in double_quote_spans(text) if not _markup_value(text, s)]
    # A single quotation inside a double one is nested; one crossing a double mark is misread.
    singles = [s for s in single_quote_spans(text) if not any(d.start - 2 < s.end and s.start < d.end + 2 for d in doubles)]
    return sorted(doubles + singles, key=lambda s: s.start)
