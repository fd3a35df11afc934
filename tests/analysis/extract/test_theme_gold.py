"""Themes against the hand-labelled gold set, through the bench's own scoring."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import theme_gold  # noqa: E402
from gold_common import gold_articles, in_split, load_gold  # noqa: E402

from analysis.extract.themes import ThemeLexicon, match_themes
from analysis.nlp.strings import token_forms  # noqa: E402


def test_theme_gold_figures(nlp):
    entries = load_gold("themes.yaml")
    docs = [nlp(a.text) for a in gold_articles(entries)]
    lexicon = ThemeLexicon.load()
    pairs = {"tune": [], "holdout": []}
    for i, (entry, doc) in enumerate(zip(entries, docs)):
        found = {t.name for t in match_themes(*token_forms(doc), lexicon)}
        pairs["tune" if in_split(i, "tune", entry) else "holdout"].append((set(entry["themes"] or []), found))
    tune_p, tune_r, *_ = theme_gold.score(pairs["tune"])
    all_p, all_r, *_ = theme_gold.score(pairs["tune"] + pairs["holdout"])
    # Measured when `common` terms (a government's "cabinet" in an economy story) were set (tune
    # 0.953 / 0.882, holdout 0.839 / 0.839, all 0.896 / 0.861 on the first 130 articles; with the
    # 13 `extra` tuning articles, tune 0.950 / 0.889); the holdout half was never read for
    # tuning, which is why "all" is lower. With economy `with` energy and commodities: tune
    # 0.951 / 0.907, holdout unchanged, all 0.900 / 0.877; with a second theme's density floor
    # (set by reading BBC articles outside the gold), holdout 0.849 / 0.839, all 0.905 / 0.877.
    # With the economy's 'sale' and 'price' common (a chart's or a console's sales): tune
    # unchanged at 0.951 / 0.907, holdout 0.851 / 0.851 -> 0.871 / 0.851, all 0.915 / 0.882.
    assert tune_p >= 0.95 and tune_r >= 0.90, (tune_p, tune_r)
    assert all_p >= 0.914 and all_r >= 0.88, (all_p, all_r)
