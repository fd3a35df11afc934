"""What every panel renders: one `View` of the store (which store, its version, the analyst's
filters, and the provenance line that exports carry)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from analysis.figures.export import Provenance
from analysis.queries import Filters
from components import state


@dataclass(frozen=True)
class View:
    store_path: str
    version: str  # changes whenever the store does: part of every cache key
    filters: Filters
    provenance: Provenance
    # The theme lexicon's terms by theme, for evidence of a theme ("sentences holding its terms").
    theme_terms: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def query(self, name: str, **options) -> pd.DataFrame:
        """A named query of `analysis.queries` on this view, cached."""
        return state.query(name, self.store_path, self.version, self.filters, **options)

    def chart(self, name: str, **options):
        """A chart of `analysis.figures.catalog` and its data on this view, cached."""
        return state.chart(name, self.store_path, self.version, self.filters, **options)

    def narrowed(self, **filters) -> View:
        """This view with some filters replaced (`since=...`, `until=...`)."""
        return replace(self, filters=replace(self.filters, **filters))

    def article(self, article_id: str) -> dict | None:
        return state.article(self.store_path, self.version, article_id)
