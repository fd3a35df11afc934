"""The default taxonomy against BBC sections, and article sentiment that does not saturate."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import theme_sections  # noqa: E402

from analysis.pipeline import analyze_articles  # noqa: E402


def test_top_theme_agrees_with_section(nlp):
    results = list(analyze_articles(theme_sections.sample(300, 11), nlp=nlp))
    figures = theme_sections.evaluate(results)
    # A section is only a proxy for a theme: the economy's recall is 0.795 since business/254
    # ("News Corp eyes video games market") has Technology first and Trade and economy second.
    for theme in theme_sections.PAIRS:
        assert figures[theme]["precision"] >= 0.8, (theme, figures[theme])
        assert figures[theme]["recall"] >= 0.79, (theme, figures[theme])
    assert figures["saturated"] < 0.10
    # The raw whole-text compound saturates, which is why the article score is a mean.
    assert figures["saturated_raw"] > figures["saturated"]
