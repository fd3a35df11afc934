"""Readers on real files (seed, BBC, Reuters) and on broken ones."""

from __future__ import annotations

import json
import os

import pytest

from analysis.readers import Article, ReadError, ReadWarning, decode_bytes, read_bytes, read_file, read_paths
from tests.conftest import BBC, REUTERS, SEED


def articles(results):
    return [r for r in results if isinstance(r, Article)]


def errors(results):
    return [r for r in results if isinstance(r, ReadError)]


class TestSeedAndBbc:
    def test_seed_header_gives_date_and_source_and_is_not_body(self):
        (article,) = read_file(SEED)
        assert article.date == "2023-12-24"
        assert article.source == "MENAFN"
        assert article.text.startswith("After a 16-month hiatus")
        assert "MENAFN" not in article.text

    def test_bbc_first_line_is_title(self):
        (article,) = read_file(BBC / "politics" / "001.txt")
        assert article.title == "Labour plans maternity pay rise"
        assert article.text.startswith("Maternity pay for new mothers")

    def test_folder_subfolder_becomes_section(self):
        found = articles(read_paths([BBC]))
        assert len(found) == 2225  # README.TXT is the corpus's documentation, not an article
        assert {a.section for a in found} == {"business", "entertainment", "politics", "sport", "tech"}
        assert sum(a.section == "sport" for a in found) == 511

    def test_ids_are_stable_and_distinct(self):
        first = articles(read_paths([BBC / "tech"]))
        second = articles(read_paths([BBC / "tech"]))
        assert [a.id for a in first] == [a.id for a in second]
        assert len({a.id for a in first}) == len(first)


class TestReuters:
    def test_one_article_per_story_with_body(self):
        found = read_file(REUTERS / "reut2-000.sgm")
        stories = articles(found)
        assert 900 < len(stories) <= 1000
        first = stories[0]
        assert first.title == "BAHIA COCOA REVIEW"
        assert first.date == "1987-02-26"
        assert first.meta["places"] == ["el-salvador", "usa", "uruguay"]
        assert first.meta["topics"] == ["cocoa"]
        assert first.text.startswith("Showers continued throughout the week")
        assert not first.text.rstrip().endswith("Reuter")
        assert "&lt;" not in " ".join(a.text for a in stories)

    def test_invalid_byte_file_reads_without_error(self):
        found = read_file(REUTERS / "reut2-017.sgm")
        assert not errors(found)
        assert len(articles(found)) > 900


class TestEncodings:
    def test_windows_1252_curly_quotes(self, tmp_path):
        path = tmp_path / "cp1252.txt"
        path.write_bytes("He called it \u201cdesperate\u201d \u2013 twice.".encode("cp1252"))
        (article,) = read_file(path)
        assert article.text == "He called it \u201cdesperate\u201d \u2013 twice."

    def test_utf8_bom_is_dropped(self, tmp_path):
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbfPlain body text.")
        assert read_file(path)[0].text == "Plain body text."

    def test_latin1_bytes_never_crash(self):
        assert decode_bytes("caf\u00e9 na\u00efve".encode("latin-1")) == "caf\u00e9 na\u00efve"


class TestBadInput:
    @pytest.mark.parametrize(
        "content, reason",
        [
            (b"", "empty"),
            (b"   \n\t\n  ", "empty"),
            (bytes(range(256)) * 20, "binary"),
        ],
    )
    def test_bad_text_files_are_named_with_a_reason(self, tmp_path, content, reason):
        path = tmp_path / "bad.txt"
        path.write_bytes(content)
        (error,) = read_file(path)
        assert isinstance(error, ReadError)
        assert error.path == str(path) and reason in error.reason
        assert str(error).startswith(f"error: {path}: ")

    def test_broken_jsonl_line_keeps_the_others(self, tmp_path):
        path = tmp_path / "feed.jsonl"
        path.write_text(
            '{"text": "First story.", "title": "One"}\n{"text": broken\n'
            '{"body": "Third story.", "published": "2024-01-02"}\n'
        )
        found = read_file(path)
        assert [a.text for a in articles(found)] == ["First story.", "Third story."]
        assert articles(found)[1].date == "2024-01-02"
        (error,) = errors(found)
        assert error.path == f"{path}:2" and "broken JSON" in error.reason

    def test_json_wrong_shape(self, tmp_path):
        path = tmp_path / "wrong.json"
        path.write_text(json.dumps(42))
        (error,) = read_file(path)
        assert "expected a list of articles" in error.reason

    def test_json_list_and_envelope(self, tmp_path):
        path = tmp_path / "feed.json"
        path.write_text(
            json.dumps(
                {"articles": [{"content": "A story.", "outlet": "Wire", "url": "javascript:alert(1)"}]}
            )
        )
        (article,) = read_file(path)
        assert article.source == "Wire" and article.url is None

    def test_csv_without_text_column(self, tmp_path):
        path = tmp_path / "table.csv"
        path.write_text("headline,date\nSomething,2024-01-01\n")
        (error,) = read_file(path)
        assert "no text column" in error.reason and "headline" in error.reason

    def test_csv_rows(self, tmp_path):
        path = tmp_path / "table.csv"
        path.write_text(
            'title,text,date,source\nA,"Body, with comma.",2024-03-01,Wire\nB,Second body.,not a date,Wire\n'
        )
        found = read_file(path)
        first, second = articles(found)
        assert first.text == "Body, with comma." and first.date == "2024-03-01"
        assert second.date is None
        (warning,) = [r for r in found if isinstance(r, ReadWarning)]
        assert "unparseable date" in warning.reason and warning.path.endswith(":3")

    def test_unsupported_suffix_named(self):
        (error,) = read_bytes(b"data", name="notes.docx")
        assert "unsupported file type" in error.reason

    def test_missing_path(self, tmp_path):
        (error,) = list(read_paths([tmp_path / "nope"]))
        assert "no such file" in error.reason

    def test_symlink_loop_terminates(self, tmp_path):
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "story.txt").write_text("A story in a loop.")
        os.symlink(tmp_path, tmp_path / "a" / "loop")
        found = articles(read_paths([tmp_path]))
        assert [a.text for a in found] == ["A story in a loop."]

    def test_garbage_in_folder_does_not_stop_the_rest(self, tmp_path):
        (tmp_path / "good.txt").write_text("A perfectly good story.")
        (tmp_path / "garbage.txt").write_bytes(b"\x00\x01\x02" * 100)
        (tmp_path / "more.txt").write_text("Another good story.")
        found = list(read_paths([tmp_path]))
        assert len(articles(found)) == 2
        assert [e.path for e in errors(found)] == [str(tmp_path / "garbage.txt")]
