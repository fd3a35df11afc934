"""Every chart exports as PNG, SVG, HTML and CSV from a real store, from the command line."""

from __future__ import annotations

import csv
import io
import json
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

from analysis import queries
from analysis.__main__ import main as cli
from analysis.readers import read_paths
from analysis.pipeline import ANALYSIS_VERSION
from analysis.ingest import ingest
from analysis.store import Store
from analysis.figures import catalog
from tests.conftest import BBC, ROOT, SEED


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    files = [SEED] + sorted((BBC / "politics").glob("00*.txt")) + sorted((BBC / "business").glob("00*.txt"))
    with Store(path) as store:
        ingest(read_paths(files), store)
    return path


def chart_data(store_path, name, filters=queries.Filters()):
    with Store(store_path, read_only=True) as store:
        return catalog.build(name, lambda q, **kw: getattr(queries, q)(store.con, filters, **kw))


def test_list_names_every_chart(capsys):
    assert cli(["export", "--list"]) == 0
    assert capsys.readouterr().out.split() == list(catalog.CHARTS)
    assert {
        "sentiment-over-time",
        "top-actors",
        "themes",
        "co-occurrence",
        "framing-phrases",
        "quotes-by-speaker",
    } <= set(catalog.CHARTS)


@pytest.mark.parametrize("name", list(catalog.CHARTS))
def test_chart_exports_in_all_formats(name, store_path, tmp_path):
    fig, data = chart_data(store_path, name)
    outputs = {}
    for fmt in ("png", "svg", "html", "csv"):
        out = tmp_path / f"{name}.{fmt}"
        assert (
            cli(["export", "--store", str(store_path), "--chart", name, "--format", fmt, "--out", str(out)])
            == 0
        )
        outputs[fmt] = out.read_bytes()
    png = outputs["png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (900 * 3, (fig.layout.height + 36) * 3)
    svg = ET.fromstring(outputs["svg"])
    assert svg.tag.endswith("svg")
    html = outputs["html"].decode("utf-8")
    assert "Plotly.newPlot" in html and catalog.CHARTS[name].title in html
    # provenance travels with the figure
    assert f"analysis {ANALYSIS_VERSION}" in html and "en_core_web_sm" in html
    rows = list(csv.reader(io.StringIO(outputs["csv"].decode("utf-8"))))
    assert rows[0] == [str(c) for c in data.columns]
    assert len(rows) - 1 == len(data)


def test_filters_reach_the_export(store_path, tmp_path):
    out = tmp_path / "actors.csv"
    assert (
        cli(
            [
                "export",
                "--store",
                str(store_path),
                "--chart",
                "top-actors",
                "--format",
                "csv",
                "--out",
                str(out),
                "--actor",
                "Liu Zhenli",
            ]
        )
        == 0
    )
    actors = [row["actor"] for row in csv.DictReader(out.open())]
    assert "Liu Zhenli" in actors and "Tony Blair" not in actors


def test_a_topic_reaches_the_export_and_an_unknown_one_is_refused(store_path, tmp_path, capsys):
    with Store(store_path, read_only=True) as store:
        topics = queries.run(store.con, "topics", queries.Filters())
    label, count = topics.iloc[-1]["label"], int(topics.iloc[-1]["articles"])
    out = tmp_path / "topics.csv"
    args = ["export", "--store", str(store_path), "--chart", "topics", "--format", "csv", "--out", str(out)]
    assert cli([*args, "--topic", label]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [(r["label"], int(r["articles"])) for r in rows] == [(label, count)]
    capsys.readouterr()
    assert cli([*args, "--topic", "no, such, topic"]) == 2
    err = capsys.readouterr().err
    assert "'no, such, topic'" in err and repr(label) in err


def test_report_bundle(store_path, tmp_path):
    out = tmp_path / "report.zip"
    assert cli(["export", "--store", str(store_path), "--bundle", str(out), "--theme", "Taiwan"]) == 0
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {"articles.csv", "articles.jsonl", "METHODS.md"} <= names
        assert {f"charts/{n}.png" for n in catalog.CHARTS} <= names
        assert {f"charts/{n}.html" for n in catalog.CHARTS} <= names
        records = [json.loads(line) for line in zf.read("articles.jsonl").decode().splitlines()]
        assert [r["source"] for r in records] == ["MENAFN"]
        # One copy of plotly.js for all the charts, loaded offline from beside them.
        assert sum(1 for n in names if n.endswith(".js")) == 1 and "charts/plotly.min.js" in names
        assert len(zf.read("charts/plotly.min.js")) > 1_000_000
        for n in catalog.CHARTS:
            page = zf.read(f"charts/{n}.html")
            assert b'src="plotly.min.js"' in page and len(page) < 200_000
            png = zf.read(f"charts/{n}.png")
            assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24])[0] >= 900 * 2
        assert "±0.05" in zf.read("METHODS.md").decode() or "+0.05" in zf.read("METHODS.md").decode()


def test_without_a_browser_png_says_so_and_html_csv_still_work(store_path, tmp_path):
    # A real machine without Chromium: the browser is hidden in a private mount namespace.
    script = (
        f"mount --bind /dev/null /usr/bin/chromium && "
        f"{sys.executable} -m analysis export --store {store_path} --chart themes --format png --out {tmp_path}/t.png; "
        f"echo rc=$?; "
        f"{sys.executable} -m analysis export --store {store_path} --chart themes --format html --out {tmp_path}/t.html && "
        f"{sys.executable} -m analysis export --store {store_path} --chart themes --format csv --out {tmp_path}/t.csv"
    )
    result = subprocess.run(
        ["unshare", "--mount", "bash", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
    )
    assert "rc=1" in result.stdout, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: PNG/SVG export needs Chromium (apt-get install chromium, or set BROWSER_PATH); "
        "HTML and CSV exports still work"
    ]
    assert not (tmp_path / "t.png").exists()
    assert (tmp_path / "t.html").stat().st_size > 1000 and (tmp_path / "t.csv").stat().st_size > 10


@pytest.mark.parametrize("name", ["top-actors", "co-occurrence"])
def test_exports_leave_the_shown_figure_as_it_was(name, store_path):
    # The dashboard shares one cached figure between reruns and sessions (components/state.py):
    # an export that wrote its provenance into it would show on every later page.
    from analysis.figures import export

    fig, _ = chart_data(store_path, name)
    before = fig.to_json()
    provenance = export.Provenance(filters="none", articles=1, model="m", analysis_version="1")
    export.figure_html(fig, provenance, title=name)
    export.figure_image(fig, "svg", provenance)
    assert fig.to_json() == before


def test_the_provenance_line_counts_articles_as_the_page_does():
    # The page says "Showing 2,225 of 2,225 articles"; the export under it said "2225 articles".
    from analysis.figures import export

    provenance = export.Provenance(filters="no filters", articles=2225, model="m", analysis_version="12")
    assert provenance.line().startswith("2,225 articles · filters: no filters")
