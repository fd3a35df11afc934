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


def test_network_draws_every_pair_in_few_traces_thicker_for_more_sentences():
    pairs = [("A", "B", 40), ("A", "C", 20), ("B", "C", 20), ("C", "D", 3), ("A", "D", 1)]
    pairs += [(f"P{i}", f"Q{i}", 1 + i % 7) for i in range(55)]
    edges = pd.DataFrame(pairs, columns=["source", "target", "weight"])
    names = sorted({*edges["source"], *edges["target"]})
    actors = pd.DataFrame({"actor": names, "type": "PERSON", "mentions": 5})
    fig = charts.cooccurrence_network(edges, actors)
    lines = [t for t in fig.data if t.mode == "lines"]
    # Plotly draws trace by trace: sixty pairs must not mean sixty traces.
    assert len(lines) <= 6
    drawn = {}
    for trace in lines:
        xs, ys = list(trace.x), list(trace.y)
        for k in range(0, len(xs), 3):
            assert xs[k + 2] is None and ys[k + 2] is None  # one segment each, then a break
            drawn[(xs[k], ys[k], xs[k + 1], ys[k + 1])] = trace.line.width
    assert len(drawn) == len(edges)
    pick = next(t for t in fig.data if t.mode == "markers")  # the selectable middle of each pair
    assert sorted(tuple(c) for c in pick.customdata) == sorted(pairs)
    widths = sorted(drawn.values())
    assert widths[0] < widths[-1] and max(widths) == max(t.line.width for t in lines)


def test_tone_bars_carry_their_colours_and_say_when_there_is_no_tone():
    df = pd.DataFrame(
        {"actor": ["Praised", "Attacked", "Unscored"], "type": ["PERSON"] * 3, "mentions": [9, 5, 2],
         "articles": [3, 2, 1], "talked_about": [0.6, -0.3, None], "own_tone": [None] * 3, "quotes": [0] * 3}
    )
    bar = next(t for t in charts.top_actors_bar(df).data if t.type == "bar")
    by_actor = {c[0]: (colour, c[3]) for c, colour in zip(bar.customdata, bar.marker.color)}
    # plotly.js logs a stack trace for each number given as a bar colour: colours are strings.
    assert all(isinstance(colour, str) for colour, _ in by_actor.values())
    assert by_actor["Praised"] == ("rgb(30, 132, 73)", "+0.60")  # past the scale's end: its green
    assert by_actor["Attacked"][1] == "-0.30"
    assert by_actor["Unscored"][1] == "–"  # no tone is not a neutral +0.00
    assert "%{customdata[3]}" in bar.hovertemplate


def test_theme_bars_coloured_by_sentiment_show_the_scale():
    # The bars' colours mean something only with their key, as on the top actors' bars.
    df = pd.DataFrame({"theme": ["Sport", "Health"], "articles": [3, 1], "score": [1.0, 2.0], "sentiment": [0.4, -0.3]})
    keys = [t.marker.colorbar.title.text for t in charts.theme_bar(df).data if t.marker.showscale]
    assert keys == ["sentiment"]


def test_network_colours_have_a_key_of_the_types_shown():
    edges = pd.DataFrame([("Tony Blair", "Labour Party", 4), ("Tony Blair", "France", 2)], columns=["source", "target", "weight"])
    actors = pd.DataFrame({"actor": ["Tony Blair", "Labour Party", "France"], "type": ["PERSON", "ORG", "GPE"], "mentions": [9, 5, 3]})
    fig = charts.cooccurrence_network(edges, actors)
    key = {t.name: t.marker.color for t in fig.data if t.showlegend is not False}
    assert key == {kind: charts.TYPE_COLOURS[kind] for kind in ("PERSON", "ORG", "GPE")}


def test_a_long_label_is_cut_where_it_shows_and_whole_in_the_data():
    """A quoted sentence as a framing phrase squeezed its chart's plot to 64 px behind its label:
    the axis shows it cut, while the bar, its hover and its selection keep it whole."""
    long = "a very very important step in the right direction for the whole of the world economy"
    df = pd.DataFrame({"phrase": [long, "megabank", "endaka"], "count": [3, 2, 2], "speakers": ["", "", ""]})
    fig = charts.framing_phrases_bar(df)
    axis = fig.layout.yaxis
    shown = dict(zip(axis.tickvals, axis.ticktext))
    assert shown["megabank"] == "megabank"
    assert shown[long].endswith("…") and len(shown[long]) == charts.LABEL_CHARS and long.startswith(shown[long][:-1])
    assert long in fig.data[0].y and [long, ""] in [list(c) for c in fig.data[0].customdata]
    # The left margin holds the longest label as shown, not as written.
    assert fig.layout.margin.l == charts._label_margin([shown[long]]) < charts._text_width(long)
