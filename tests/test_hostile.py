"""Every probe of issue #18, run: a hostile file costs only itself, with one clear line naming it,
in bounded time; the good files beside it all land. The corpus comes from tests/hostile.py."""

from __future__ import annotations

import json
import signal
import threading
import time
from contextlib import contextmanager

import pytest

from analysis.readers import Article, ReadError, ReadWarning, read_bytes, read_paths, safe_name
from tests.conftest import run_cli
from tests.hostile import GOOD_TEXT, PROBES, Probe, big_text, deep_json, make_corpus, symlink_loop


@contextmanager
def time_limit(seconds: float):
    """Fail the test, rather than hang it, when the block takes longer than `seconds`."""

    def expire(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def problems(results) -> list[ReadError | ReadWarning]:
    return [r for r in results if not isinstance(r, Article)]


@pytest.mark.parametrize("probe", PROBES, ids=[p.name for p in PROBES])
def test_a_hostile_file_costs_only_itself(tmp_path, probe: Probe):
    path = make_corpus(tmp_path, [probe])[probe.name]
    with time_limit(30):
        started = time.perf_counter()
        results = list(read_paths([tmp_path]))
        seconds = time.perf_counter() - started
    texts = [r.text for r in results if isinstance(r, Article)]
    assert GOOD_TEXT in texts and GOOD_TEXT.replace("Monday", "Friday") in texts
    found = problems(results)
    if probe.level is None:
        assert found == []
        assert any(r.path and r.path.startswith(safe_name(path)) for r in results if isinstance(r, Article))
    else:
        kind = ReadError if probe.level == "error" else ReadWarning
        mine = [p for p in found if p.path.startswith(safe_name(path))]
        assert mine and all(isinstance(p, kind) for p in mine), found
        assert probe.says in mine[0].reason, mine
        assert len(found) == len(mine)  # nothing else is blamed
        assert all("\n" not in str(p) for p in found)
    assert seconds < 10, f"{probe.name}: {seconds:.1f} s"


def test_two_feeds_with_the_same_id_keep_both_articles(tmp_path):
    make_corpus(tmp_path, [p for p in PROBES if p.name == "two feeds with id 42"])
    ids = sorted(r.id for r in read_paths([tmp_path]) if isinstance(r, Article) and r.path.endswith(":1"))
    assert ids == ["feed-a.jsonl#42", "feed-b.jsonl#42"]


def test_the_command_line_reads_the_whole_hostile_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    paths = make_corpus(corpus)
    loop_arg = symlink_loop(tmp_path)  # a symlink loop given as the path itself
    out = tmp_path / "out.jsonl"
    # The cap is lowered so the test does not analyse a 2-million-character article (the bench
    # does); the reader's bound is the same either way.
    result = run_cli(
        "analyze", str(corpus), str(loop_arg), "--out", str(out), "--max-article-chars", "20000", timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    texts = [r["text"] for r in records]
    assert GOOD_TEXT in texts and GOOD_TEXT.replace("Monday", "Friday") in texts
    assert sorted(r["id"] for r in records if r["id"].endswith("#42")) == ["feed-a.jsonl#42", "feed-b.jsonl#42"]
    assert any(r["path"] == safe_name(paths["non-UTF-8 byte in a file name"]) for r in records)
    lines = result.stderr.splitlines()
    summary = lines[-1]
    assert summary.endswith(" s") and "articles analysed" in summary
    problem_lines = lines[:-1]
    assert all(line.startswith(("error: ", "warning: ")) for line in problem_lines), problem_lines
    for probe in PROBES:
        if probe.level is None:
            continue
        named = [line for line in problem_lines if line.startswith(f"{probe.level}: {safe_name(paths[probe.name])}")]
        assert named and probe.says in named[0], (probe.name, problem_lines)
    assert f"error: {loop_arg}: a symbolic link loop" in problem_lines
    assert not any(line.startswith("error: forged.txt") for line in lines)


def test_an_upload_of_deep_json_beside_a_good_file(tmp_path):
    deep = deep_json(tmp_path).read_bytes()
    with time_limit(10):
        results = read_bytes(deep, name="deep.json") + read_bytes(GOOD_TEXT.encode(), name="good.txt")
    assert [type(r) for r in results] == [ReadError, Article]


def test_a_45_mb_upload_is_cut_not_held(tmp_path):
    data = big_text(tmp_path, megabytes=45).read_bytes()
    with time_limit(20):
        warning, article = read_bytes(data, name="big.txt")
    assert isinstance(warning, ReadWarning) and "cut to its first" in warning.reason
    assert len(article.text) <= 2_000_000


def test_readers_on_the_hostile_corpus_side_by_side(tmp_path):
    """Four threads read the hostile corpus at once: same results as one, no exception."""
    make_corpus(tmp_path)
    expected = [repr(r) for r in read_paths([tmp_path])]
    outcomes: list[list[str] | BaseException] = []

    def read() -> None:
        try:
            outcomes.append([repr(r) for r in read_paths([tmp_path])])
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            outcomes.append(exc)

    threads = [threading.Thread(target=read) for _ in range(4)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a reader hung"
    assert time.perf_counter() - started < 60
    assert outcomes == [expected] * 4
