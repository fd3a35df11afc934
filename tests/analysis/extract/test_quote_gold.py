"""The quote extractor against the hand-annotated gold set: the figures reached must hold."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import quote_gold  # noqa: E402

# Reached on tests/gold/quotes.yaml (120 quotes): P 0.992, R 1.000, speaker 0.958, kind 0.975.
FLOOR = {"precision": 0.99, "recall": 0.99, "speaker": 0.955, "kind": 0.97}
# The held-out articles (18 quotes) must meet the issue's aims at least.
AIMS = {"precision": 0.90, "recall": 0.90, "speaker": 0.85}


def test_gold_set_figures_hold(nlp):
    result = quote_gold.score(nlp, quote_gold.GOLD)
    assert result.gold == 120
    figures = result.figures()
    for name, floor in FLOOR.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.3f} < {floor}\n" + "\n".join(result.misses)


def test_held_out_articles_meet_the_aims(nlp):
    figures = quote_gold.score(nlp, quote_gold.HOLDOUT).figures()
    for name, aim in AIMS.items():
        assert figures[name] >= aim, f"held out {name} {figures[name]:.3f} < {aim}"


# The five BBC politics articles issue 16 names (tests/gold/quotes_issue16.yaml, 46 quotes):
# every quote, kind and speaker right (round 1 left speaker 0.739, kind 0.848).
ISSUE16_FLOOR = {"precision": 1.0, "recall": 1.0, "speaker": 1.0, "kind": 1.0}


def test_issue16_articles_hold(nlp):
    figures = quote_gold.score(nlp, quote_gold.ISSUE16).figures()
    for name, floor in ISSUE16_FLOOR.items():
        assert figures[name] >= floor, f"issue 16 articles {name} {figures[name]:.3f} < {floor}"
