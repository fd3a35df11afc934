"""Highlight spans for the article reader, as data: quotes by kind, entities by actor type.

Quotes never overlap each other, nor entities each other, but an entity may cross a quote's
edge; segments are cut at every boundary so each piece of text has at most one quote and one
entity, and the renderer can nest them without conflicts.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of text with the quote and entity (indexes into the inputs) covering it."""

    start: int
    end: int
    quote: int | None
    entity: int | None


def _non_overlapping(spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of spans kept left to right, dropping any that overlaps one already kept."""
    kept: list[int] = []
    last_end = -1
    for i in sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1])):
        start, end = spans[i]
        if start >= last_end and end > start:
            kept.append(i)
            last_end = end
    return kept


def segments(text: str, quotes: list[tuple[int, int]], entities: list[tuple[int, int]]) -> list[Segment]:
    """Cut text into segments covering it exactly, each tagged with its quote and entity."""
    n = len(text)

    def clip(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(max(0, min(s, n)), max(0, min(e, n))) for s, e in spans]

    quotes, entities = clip(quotes), clip(entities)
    kept_quotes = _non_overlapping(quotes)
    kept_entities = _non_overlapping(entities)
    cuts = {0, n}
    for i in kept_quotes:
        cuts.update(quotes[i])
    for i in kept_entities:
        cuts.update(entities[i])
    points = sorted(cuts)
    quote_starts = [quotes[i][0] for i in kept_quotes]
    entity_starts = [entities[i][0] for i in kept_entities]

    def covering(kept: list[int], starts: list[int], spans: list[tuple[int, int]], at: int) -> int | None:
        # Kept spans are sorted and disjoint: only the last one starting at or before `at` can cover it.
        k = bisect_right(starts, at) - 1
        return kept[k] if k >= 0 and spans[kept[k]][1] > at else None

    return [
        Segment(
            start,
            end,
            covering(kept_quotes, quote_starts, quotes, start),
            covering(kept_entities, entity_starts, entities, start),
        )
        for start, end in zip(points, points[1:])
        if end > start
    ]
