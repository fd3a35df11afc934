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
        warning, article = read_file(path)
        assert article.text == "He called it \u201cdesperate\u201d \u2013 twice."
        assert isinstance(warning, ReadWarning) and "not UTF-8" in warning.reason and "cp125" in warning.reason

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


class TestMoreEncodings:
    def test_a_stray_byte_in_utf8_is_replaced_and_named_not_redecoded(self, tmp_path):
        good = "The mayor of Z\u00fcrich called it \u201cdesperate\u201d. "
        data = good.encode("utf-8") + b"\xff" + good.encode("utf-8")
        path = tmp_path / "stray.txt"
        path.write_bytes(data)
        warning, article = read_file(path)
        assert article.text == (good + "\ufffd" + good).strip()
        assert isinstance(warning, ReadWarning) and warning.path == str(path)
        assert f"byte offset {len(good.encode('utf-8'))}" in warning.reason

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
    def test_byte_order_marks_are_honoured(self, tmp_path, encoding):
        text = "Der B\u00fcrgermeister sagte \u201cnein\u201d."
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        path = tmp_path / "bom.txt"
        path.write_bytes(data)
        (article,) = read_file(path)
        assert article.text == text

    def test_random_high_bytes_are_refused(self, tmp_path):
        import random

        rng = random.Random(7)
        path = tmp_path / "noise.txt"
        path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(5000)))
        (error,) = read_file(path)
        assert isinstance(error, ReadError) and "not text" in error.reason

    def test_symbols_are_not_language(self, tmp_path):
        path = tmp_path / "symbols.txt"
        path.write_text("@@ ## $$ %% ^^ && ** (( )) -- == ++ ~~ || << >> " * 20)
        (error,) = read_file(path)
        assert "not text in a language" in error.reason


class TestBoundaries:
    """Whatever one file holds, it costs that file only, in bounded time and memory."""

    def test_a_parser_failure_is_an_error_for_that_file_only(self, tmp_path, monkeypatch):
        from analysis import readers

        def explode(text, **kwargs):
            raise RecursionError("maximum recursion depth exceeded")

        monkeypatch.setitem(readers.PARSERS, ".csv", explode)
        (tmp_path / "a.csv").write_text("text\nA story.\n")
        (tmp_path / "b.txt").write_text("A good story.")
        found = list(read_paths([tmp_path]))
        (error,) = errors(found)
        assert error.path == str(tmp_path / "a.csv") and "RecursionError" in error.reason
        assert [a.text for a in articles(found)] == ["A good story."]

    @pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
    def test_deeply_nested_json_is_refused(self, name):
        (error,) = read_bytes(b"[" * 200_000 + b"]" * 200_000, name=name)
        assert "nested deeper than" in error.reason

    def test_a_fifo_is_skipped_without_waiting(self, tmp_path):
        os.mkfifo(tmp_path / "pipe.txt")
        (tmp_path / "good.txt").write_text("A good story.")
        found = list(read_paths([tmp_path]))
        (error,) = errors(found)
        assert error.path.endswith("pipe.txt") and "FIFO" in error.reason
        assert len(articles(found)) == 1

    def test_a_link_to_a_device_is_skipped(self, tmp_path):
        os.symlink("/dev/zero", tmp_path / "zero.txt")
        (error,) = read_file(tmp_path / "zero.txt")
        assert "character device" in error.reason

    def test_a_long_text_is_read_only_as_far_as_the_cap_and_cut_with_a_warning(self, tmp_path):
        from analysis.readers import Limits, byte_limit

        limits = Limits(article_chars=1000)
        path = tmp_path / "long.txt"
        path.write_text("word " * 1_000_000)  # 5 MB
        warning, article = read_file(path, limits=limits)
        assert len(article.text) <= 1000 and article.text.endswith("word")
        assert "cut to its first" in warning.reason and "longer still" in warning.reason
        assert byte_limit(str(path), limits) == 1000 * 4 + 4096

    def test_a_long_upload_is_cut(self):
        from analysis.readers import Limits

        warning, article = read_bytes("é".encode() * 5000, name="u.txt", limits=Limits(article_chars=100))
        assert article.text == "é" * 100 and "longer still" in warning.reason

    def test_a_structured_file_over_the_file_limit_is_refused(self, tmp_path):
        from analysis.readers import Limits

        path = tmp_path / "big.jsonl"
        path.write_text('{"text": "A story."}\n' * 100)
        (error,) = read_file(path, limits=Limits(file_bytes=500))
        assert "file too large" in error.reason

    def test_an_unreadable_folder_is_reported(self, tmp_path, monkeypatch):
        (tmp_path / "locked").mkdir()
        (tmp_path / "locked" / "x.txt").write_text("Hidden story.")
        (tmp_path / "open.txt").write_text("A good story.")
        real = os.scandir

        def scandir(path="."):
            if str(path).endswith("locked"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)  # root ignores file modes
        found = list(read_paths([tmp_path]))
        (error,) = errors(found)
        assert error.path == str(tmp_path / "locked") and error.reason == "folder not read: permission denied"
        assert len(articles(found)) == 1

    def test_a_symlink_loop_given_as_the_path_is_reported(self, tmp_path):
        os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
        (error,) = list(read_paths([tmp_path / "loop.txt"]))
        assert "symbolic link loop" in error.reason
        os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
        (error,) = list(read_paths([tmp_path / "dangling.txt"]))
        assert "does not exist" in error.reason

    def test_a_file_name_cannot_forge_lines(self, tmp_path):
        path = tmp_path / "a\nerror: forged.txt"
        path.write_text("")
        (error,) = read_file(path)
        assert "\n" not in str(error) and "a\\nerror: forged.txt" in str(error)

    def test_a_file_name_that_is_not_utf8_is_named_and_read(self, tmp_path):
        name = os.fsdecode(b"caf\xe9.txt")
        (tmp_path / name).write_text("A story with an odd file name.")
        (article,) = read_paths([tmp_path])
        assert article.path == str(tmp_path / "caf\\xe9.txt")
        article.path.encode("utf-8")  # printable and storable


class TestReutersMarkup:
    def test_unclosed_story_tags_are_read_in_linear_time_and_reported(self):
        import time

        started = time.perf_counter()
        found = read_bytes(b'<REUTERS NEWID="1"><BODY>x ' * 20_000, name="open.sgm")
        assert time.perf_counter() - started < 2
        assert not articles(found)
        (error,) = errors(found)  # one line for the file
        assert error.path == "open.sgm"
        assert error.reason.startswith("20,000 stories not read: their markup is broken (the first, #1: no")

    def test_a_story_without_its_closing_tag_is_reported_not_merged(self):
        story = '<REUTERS NEWID="{n}"><TITLE>T{n}</TITLE><BODY>Story {n} body text.</BODY>{close}'
        data = "".join(story.format(n=n, close="" if n == 2 else "</REUTERS>\n") for n in (1, 2, 3))
        found = read_bytes(data.encode(), name="broken.sgm")
        assert [a.text for a in articles(found)] == ["Story 1 body text.", "Story 3 body text."]
        (error,) = errors(found)
        assert error.path == "broken.sgm#2" and "no </REUTERS>" in error.reason

    def test_a_file_cut_in_half_names_the_cut_story(self):
        data = (REUTERS / "reut2-000.sgm").read_bytes()
        found = read_bytes(data[: len(data) // 2], name="half.sgm")
        (error,) = errors(found)
        assert "cut short" in error.reason
        assert 400 < len(articles(found)) < 500

    def test_an_unclosed_body_is_reported(self):
        data = b'<REUTERS NEWID="5"><BODY>no end<BODY>x</REUTERS>'
        (error,) = read_bytes(data, name="b.sgm")
        assert error.path == "b.sgm#5" and "<BODY> is not closed" in error.reason



class TestIds:
    def test_record_ids_are_namespaced_by_file(self, tmp_path):
        (tmp_path / "a.jsonl").write_text('{"id": "42", "text": "First feed story."}\n')
        (tmp_path / "b.json").write_text('[{"id": 42, "text": "Second feed story."}]')
        (tmp_path / "c.csv").write_text("id,text\n42,Third feed story.\n")
        ids = [a.id for a in articles(read_paths([tmp_path]))]
        assert ids == ["a.jsonl#42", "b.json#42", "c.csv#42"]

    def test_text_and_reuters_ids_are_unchanged(self):
        assert read_file(SEED)[0].id == "b46011cf01ed847a"  # as before ids were namespaced
        assert articles(read_file(REUTERS / "reut2-000.sgm"))[0].id == "reuters-1"


def test_an_article_over_the_cap_in_a_structured_file_says_its_length():
    from analysis.readers import Limits

    data = json.dumps({"text": "word " * 100}).encode()
    warning, article = read_bytes(data, name="f.json", limits=Limits(article_chars=50))
    assert len(article.text) <= 50 and "(it has 499; the limit is 50 an article)" in warning.reason
