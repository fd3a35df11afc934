"""A real `streamlit run dashboard.py` and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BBC, ROOT, SEED

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
HOSTILE_TITLE = 'Markup <b>test</b> "><svg onload="window.__pwned=3">'
HOSTILE_BODY = (
    "The minister said the plan was fine. <script>window.__pwned = 1</script> "
    'Critics called it "<img src=x onerror=\\"window.__pwned=2\\">" and worse. '
    '<a href="javascript:window.__pwned=4">click</a> was in the text.'
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser-corpus")
    shutil.copy(SEED, folder / SEED.name)
    for name in ("001.txt", "002.txt"):
        shutil.copy(BBC / "politics" / name, folder / f"politics-{name}")
    (folder / "hostile.txt").write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n", encoding="utf-8")
    return folder


def serve_dashboard(corpus: Path, store: Path):
    """A `streamlit run dashboard.py` on a free port for `corpus` and `store`: yields its URL."""
    port = _free_port()
    env = {**os.environ, "DASHBOARD_STORE": str(store), "DASHBOARD_CORPUS": str(corpus)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("streamlit did not start within 120 s")
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def dashboard_url(browser_corpus, tmp_path_factory):
    store = tmp_path_factory.mktemp("browser-store") / "store.duckdb"
    # Tests that compare the page with the command line need the store the page reads.
    os.environ["BROWSER_TEST_STORE"] = str(store)
    yield from serve_dashboard(browser_corpus, store)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.access(CHROMIUM, os.X_OK), "Debian's chromium is needed: bash .ci/setup --dev installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def settle(page, timeout_s: float = 120) -> None:
    """Wait until Streamlit has finished running the script and drawing."""
    page.wait_for_selector("text=News analyst", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    page.wait_for_timeout(800)
    while time.monotonic() < deadline:
        busy = (
            page.locator("[data-testid=stStatusWidget]").count()
            + page.locator("[data-testid=stSkeleton]").count()
        )
        if not busy:
            break
        page.wait_for_timeout(300)
    page.wait_for_timeout(800)
