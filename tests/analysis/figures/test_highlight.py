"""The highlighter's segments: they cover the text exactly, and overlapping spans never nest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.figures.highlight import segments


def test_quote_and_entity_tagged():
    text = 'Blair said "we will win" today.'
    segs = segments(text, quotes=[(12, 23)], entities=[(0, 5), (12, 14)])
    assert [(text[s.start : s.end], s.quote, s.entity) for s in segs] == [
        ("Blair", None, 0),
        (' said "', None, None),
        ("we", 0, 1),
        (" will win", 0, None),
        ('" today.', None, None),
    ]


def test_overlapping_entities_keep_the_first():
    segs = segments("abcdef", quotes=[], entities=[(0, 4), (2, 6)])
    assert [(s.start, s.end, s.entity) for s in segs] == [(0, 4, 0), (4, 6, None)]


spans = st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=8)


@given(st.text(max_size=50), spans, spans)
def test_segments_tile_the_text(text, quotes, entities):
    segs = segments(text, quotes, entities)
    assert "".join(text[s.start : s.end] for s in segs) == text
    assert all(s.end > s.start for s in segs)
