"""A hostile corpus: one maker per probe of issue #18, each writing its bad input into a folder.

Each `Probe` writes one hostile thing (a file, a link, a FIFO) and says what the readers must
answer: the one error or warning line that names it (`says`), or `None` when the thing must
simply be read (a file name that is not UTF-8). `make_corpus` writes every probe beside good
articles; tests/test_hostile.py runs them, and bench/hostile_memory.py measures the big ones.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REUTERS

GOOD_TEXT = "The minister said the plan was good, and the council agreed with her on Monday."


@dataclass(frozen=True)
class Probe:
    """One hostile input: `make(folder)` writes it and returns its path."""

    name: str
    make: Callable[[Path], Path]
    level: str | None  # "error" or "warning" for the one line it must cause; None: read as is
    says: str | None  # a fragment of that line's reason


def deep_json(folder: Path) -> Path:
    path = folder / "deep.json"
    path.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    return path


def deep_jsonl_line(folder: Path) -> Path:
    path = folder / "deep-line.jsonl"
    path.write_bytes(b"[" * 200_000 + b"]" * 200_000 + b"\n")
    return path


def non_utf8_name(folder: Path) -> Path:
    path = folder / os.fsdecode(b"Z\xfcrich-news.txt")  # Latin-1 bytes in a file name
    path.write_text(GOOD_TEXT.replace("minister", "mayor"))
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def dev_zero(folder: Path) -> Path:
    path = folder / "zero.txt"
    os.symlink("/dev/zero", path)
    return path


def big_text(folder: Path, megabytes: int = 60) -> Path:
    path = folder / "big.txt"
    line = ("The committee reviewed the budget again and said the figures were sound. " * 14)[:1023] + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(megabytes * 1024):
            fh.write(line)
    return path


def long_article(chars: int = 2_000_001) -> str:
    """An article of `chars` characters: real sentences, many entities and quotes."""
    unit = (
        'Officials in Geneva said on Tuesday that "the talks were useful" and that the United '
        "States and China would meet again. The minister, Maria Lopez, called the plan fair. "
    )
    return (unit * (chars // len(unit) + 1))[:chars]


def unclosed_sgm(folder: Path) -> Path:
    path = folder / "unclosed.sgm"
    path.write_text('<REUTERS NEWID="1"><BODY>x ' * 20_000)  # 600 KB
    return path


def colliding_feeds(folder: Path) -> Path:
    (folder / "feed-a.jsonl").write_text(json.dumps({"id": "42", "text": "The mayor opened the bridge."}) + "\n")
    path = folder / "feed-b.jsonl"
    path.write_text(json.dumps({"id": "42", "text": "The council closed the park."}) + "\n")
    return path


def stray_byte(folder: Path) -> Path:
    path = folder / "stray.txt"
    good = "The mayor of Z\u00fcrich called it \u201cdesperate\u201d and left. "
    path.write_bytes(good.encode() + b"\xff" + good.encode())
    return path


def utf16_bom(folder: Path) -> Path:
    path = folder / "utf16.txt"
    path.write_bytes("The mayor of Z\u00fcrich called it \u201cfine\u201d.".encode("utf-16"))
    return path


def random_high_bytes(folder: Path) -> Path:
    rng = random.Random(18)
    path = folder / "noise.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(20_000)))
    return path


def cut_sgm(folder: Path) -> Path:
    data = (REUTERS / "reut2-000.sgm").read_bytes()
    path = folder / "reut2-000-half.sgm"
    path.write_bytes(data[: len(data) // 2])
    return path


def newline_name(folder: Path) -> Path:
    path = folder / "x.txt\nerror: forged.txt: 99 articles analysed.txt"
    path.write_text("")
    return path


def symlink_loop(folder: Path) -> Path:
    path = folder / "loop.txt"
    os.symlink(path, path)
    return path


PROBES = [
    Probe("deeply nested JSON", deep_json, "error", "nested deeper than 64 levels"),
    Probe("deeply nested JSON line", deep_jsonl_line, "error", "nested deeper than 64 levels"),
    Probe("non-UTF-8 byte in a file name", non_utf8_name, None, None),
    Probe("FIFO named .txt", fifo, "error", "named pipe (FIFO)"),
    Probe("symlink to /dev/zero", dev_zero, "error", "character device"),
    Probe("60 MB .txt", big_text, "warning", "cut to its first"),
    Probe("600 KB of unclosed .sgm tags", unclosed_sgm, "error", "20,000 stories not read"),
    Probe("two feeds with id 42", colliding_feeds, None, None),
    Probe("stray byte in UTF-8", stray_byte, "warning", "not valid UTF-8 replaced"),
    Probe("UTF-16 with a BOM", utf16_bom, None, None),
    Probe("random high bytes", random_high_bytes, "error", "not text"),
    Probe("reut2-000.sgm cut in half", cut_sgm, "error", "cut short"),
    Probe("file name with a newline", newline_name, "error", "empty file"),
    Probe("symlink loop in a folder", symlink_loop, "error", "symbolic link loop"),
]


def make_corpus(folder: Path, probes: list[Probe] = PROBES) -> dict[str, Path]:
    """Every probe in `folder`, beside two good articles; returns probe name -> its path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good-1.txt").write_text(GOOD_TEXT)
    (folder / "good-2.txt").write_text(GOOD_TEXT.replace("Monday", "Friday"))
    return {probe.name: probe.make(folder) for probe in probes}
