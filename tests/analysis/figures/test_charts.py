"""Figure builders on small hand-built frames: what they draw, and a clear figure for no data."""

from __future__ import annotations

import pandas as pd

from analysis.figures import charts


def test_top_actors_bar_draws_each_actor_with_its_count():
    df = pd.DataFrame(
        {"actor": ["Tony Blair", "Gordon Brown"], "type": ["PERSON", "PERSON"], "mentions": [12, 5],
         "articles": [4, 2], "talked_about": [0.1, -0.2], "own_tone": [None, 0.3], "quotes": [3, 1]}
    )
    fig = charts.top_actors_bar(df)
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else [])]
    ys = [y for trace in fig.data for y in (trace.y if trace.y is not None else [])]
    assert {"Tony Blair", "Gordon Brown"} <= set(map(str, ys)) | set(map(str, xs))
    assert 12 in list(xs) + list(ys)


def test_theme_bar_keeps_the_theme_for_drill_down():
    df = pd.DataFrame({"theme": ["Sport", "Health"], "articles": [3, 1], "score": [1.0, 2.0], "sentiment": [0.1, -0.1]})
    fig = charts.theme_bar(df)
    custom = [c for trace in fig.data for c in (trace.customdata if trace.customdata is not None else [])]
    assert {"Sport", "Health"} <= {str(c[0] if hasattr(c, "__len__") and not isinstance(c, str) else c) for c in custom}


def test_empty_data_gives_a_figure_that_says_so():
    fig = charts.top_actors_bar(pd.DataFrame(columns=["actor", "type", "mentions", "articles", "talked_about", "own_tone", "quotes"]))
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert texts  # a message instead of an empty axis


def test_count_axes_have_whole_number_ticks():
    df = pd.DataFrame({"theme": ["Sport"], "articles": [1], "score": [1.0], "sentiment": [0.1]})
    axis = charts.theme_bar(df).layout.xaxis
    assert axis.dtick >= 1 and axis.tick0 == 0 and axis.tickformat == ",d"
    assert [charts.count_axis(n)["dtick"] for n in (1, 6, 25, 2298)] == [1, 1, 5, 500]
