"""What an analyst waits for, measured in headless Chromium until the page is idle.

A real `streamlit run dashboard.py` on a store, driven by Playwright in Debian's Chromium; every
action is timed from the click (or navigation) until the page is idle: no rerun is running, every
chart is drawn, and the page's DOM has stopped changing (the moment of its last change counts,
not the bench's wait for quiet). Actions: the server's start until it answers (it warms the store first), a cold first
load (new server; to the first chart drawn, and to idle), a warm load, typing a name into the
Actor box, the filter change when it is chosen there (Enter), each tab switch, a chart click to
its evidence, and the report zip of the whole store (the sidebar's button until the download is
offered). Stores: BBC (all 2,225 articles), Reuters-21578 (all
stories with a body) and a store grown to 200,000 articles by copying the Reuters rows under new
ids in SQL (whole copies: a little over 200,000).

Then 8 analysts at once on BBC for a bounded time, each in a browser of its own: each reads for a
while between actions (`--think`, 3-8 s at random by default) and then switches a tab, picks an
actor or opens a shared link; `--think 0,0` runs them back to back, a stress test rather than
analysts. By default all 8 open the page in the same second; `--arrive 10` spreads their arrival
over the first 10 seconds instead (`--arrive 0,10` runs both). All the browsers run on this
machine, beside the server, so their drawing takes the same two cores a real deployment would
leave to the server.

    .venv/bin/python bench/browser_latency.py [--stores bbc,reuters,200k] [--repeat 5] [--users 8] [--think 3,8]
        [--arrive 0,10]

Stores are built once per analysis version under bench/out/ and reused. Prints medians and p95 per action and store,
with the issue's aims beside them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, serve  # noqa: E402

OUT = ROOT / "bench" / "out"
SHARED = ROOT.parent / "shared" / "corpora"
TABS = ("Topics", "Actors", "Quotes", "Articles", "Overview")
# The aims (one user, this 2-core machine), in seconds: (median, p95).
AIMS = {"first chart (cold)": (3.0, None), "first load (cold)": (4.0, None), "filter change": (0.5, 1.0), "tab switch": (0.5, 1.0),
        "chart click to evidence": (1.0, None), "report zip built": (20.0, None)}


# Run in every page before its own scripts (`watch`): the page's clock time of its last DOM change.
# A chart redrawn in place (a filter change) keeps its layout while Plotly draws it again, and
# Streamlit says its script finished before the browser has drawn what it sent; only the DOM
# says when the drawing stopped. What a canvas holds is never shown (a table's cells drawn on it
# are; its element's own size counts): the data grid rewrites that fallback 300 ms after a draw.
LAST_CHANGE = """(() => {
  window.__nrLast = performance.now();
  const unseen = m => m.target.nodeName === 'CANVAS' ? m.type === 'childList'
    : !!(m.target.parentElement && m.target.parentElement.closest('canvas'));
  new MutationObserver(muts => { if (muts.some(m => !unseen(m))) window.__nrLast = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();"""
# No change for this long after the script has finished: the page is drawn.
QUIET_MS = 300


def watch(context):
    """A browser context whose pages record when their DOM last changed (`LAST_CHANGE`)."""
    context.add_init_script(LAST_CHANGE)
    return context


def idle(page, timeout: float = 300) -> float:
    """Waits until the page is idle: the page is up, Streamlit runs no script, no chart is still
    to be drawn, and nothing has changed in the DOM for QUIET_MS. Returns the moment of the last
    change (`performance.timeOrigin + performance.now()`, epoch milliseconds on the page's clock):
    the waiting for quiet is the bench's, not the analyst's."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # One evaluation a look: the bench's own work in the page's renderer is kept small (its
        # earlier locator queries and text search took 20-40 ms of the renderer per action).
        state = page.evaluate(
            """() => {
              const up = [...document.querySelectorAll('h1')].some(h => h.textContent.includes('News analyst'));
              const app = document.querySelector('[data-testid=stApp]');
              const busy = !up || !app || app.getAttribute('data-test-script-state') !== 'notRunning'
                || !!document.querySelector('[data-testid=stStatusWidget], [data-testid=stSkeleton]')
                || [...document.querySelectorAll('.js-plotly-plot')].some(p => !p._fullLayout);
              return [busy, performance.now() - window.__nrLast, performance.timeOrigin + window.__nrLast];
            }"""
        )
        busy, since, last = state
        if not busy and since >= QUIET_MS:
            return last
        page.wait_for_timeout(50)
    raise TimeoutError("the page did not become idle")


def timed(action, page) -> float:
    """Seconds from just before `action` until the page's last change once it is idle; the page's
    clock on both ends, across a navigation too (its `timeOrigin` moves with the document)."""
    started = page.evaluate("() => performance.timeOrigin + performance.now()")
    action()
    page.wait_for_timeout(100)  # let the click reach the server before looking for idleness
    return (idle(page) - started) / 1000


def first_chart(page, timeout: float = 300) -> float:
    """The moment the first chart of the page is drawn."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')].some(p => p._fullLayout)", timeout=timeout * 1000
    )
    return time.perf_counter()


def type_actor(page, actor: str) -> None:
    """Type a name into the Actor box, as far as its list of matches (not yet chosen)."""
    page.locator("[data-testid=stMultiSelect] input").first.click()
    page.keyboard.type(actor)


def build_store(name: str) -> Path:
    """The store of a corpus, built once (ingest from the command line)."""
    from analysis.pipeline import ANALYSIS_VERSION
    from analysis.records import CHILD_TABLES

    OUT.mkdir(parents=True, exist_ok=True)
    # A store of an older analysis would be re-analysed (or refused read-only) by the page.
    store = OUT / f"{name}-v{ANALYSIS_VERSION}.duckdb"
    if name == "200k":
        if not store.exists():
            import shutil

            import duckdb

            source = build_store("reuters")
            shutil.copy(source, store)
            con = duckdb.connect(str(store))
            have = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            copies = -(-200_000 // have)
            rng = f"range(1, {copies}) r(k)"
            con.execute(f"INSERT INTO articles SELECT t.* REPLACE (t.id || '~' || k AS id) FROM articles t, {rng}")
            for table in CHILD_TABLES:
                con.execute(
                    f"INSERT INTO {table} SELECT t.* REPLACE (t.article_id || '~' || k AS article_id) "
                    f"FROM {table} t, {rng}"
                )
            con.close()
            from analysis.ingest import refresh_topics
            from analysis.store import Store

            with Store(store) as grown:  # what an ingest does after writing
                grown.refresh_phrase_frequencies()
                refresh_topics(grown)
        return store
    if not store.exists():
        corpus = {"bbc": SHARED / "bbc", "reuters": SHARED / "reuters21578"}[name]
        subprocess.run([sys.executable, "-m", "analysis", "ingest", str(corpus), "--store", str(store)],
                       cwd=ROOT, check=True)
    return store


def one_user(store: Path, repeat: int, actor: str) -> tuple[dict[str, list[float]], list[float]]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}
    rss: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for i in range(repeat):
            launched = time.perf_counter()
            with serve(DASHBOARD_STORE=str(store)) as url:
                # The server answers once its start-up has warmed the store (dashboard.py): the
                # cold load below starts from there, so this is the rest of the first wait.
                times.setdefault("server start to ready", []).append(time.perf_counter() - launched)
                page = watch(browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
                started, epoch = time.perf_counter(), time.time() * 1000
                page.goto(url)
                times.setdefault("first chart (cold)", []).append(first_chart(page) - started)
                # The page's clock is the system's (epoch ms), as `time.time()` is: a new document
                # has no earlier reading of it to start from.
                times.setdefault("first load (cold)", []).append((idle(page) - epoch) / 1000)
                times.setdefault("first load (warm)", []).append(timed(lambda: page.goto(url), page))
                times.setdefault("typing in the Actor box", []).append(timed(lambda: type_actor(page, actor), page))
                times.setdefault("filter change", []).append(timed(lambda: page.keyboard.press("Enter"), page))
                page.keyboard.press("Escape")
                for tab in TABS:
                    tab_button = page.get_by_role("tab", name=tab)
                    times.setdefault("tab switch", []).append(timed(tab_button.click, page))
                chart = page.locator(".js-plotly-plot").nth(1)  # the top-actors bars on the Overview
                bar = chart.locator("g.point path").last
                times.setdefault("chart click to evidence", []).append(
                    timed(lambda: bar.click(force=True), page)
                )
                page.goto(url)  # the whole store's report, as the aim
                idle(page)
                build = page.get_by_role("button", name="Build the report of this view")

                def build_report() -> None:
                    build.click()
                    # The build runs in the click's rerun, which may not show as busy at once.
                    page.get_by_role("button", name="Download the report").first.wait_for(timeout=600_000)

                times.setdefault("report zip built", []).append(timed(build_report, page))
                page.context.close()
                # What the server holds once the analyst has been through every panel and built
                # the whole store's report (kept in the page for its download button).
                rss.append(server_rss())
        browser.close()
    return times, rss


def _children(is_wanted):
    """This process's descendants that `is_wanted(process)` picks (psutil processes)."""
    import psutil

    for child in psutil.Process().children(recursive=True):
        try:  # the exports' browser processes come and go (some are zombies by now)
            if is_wanted(child):
                yield child
        except psutil.Error:
            continue


def _servers():
    """The dashboard server process(es) started by this bench."""
    return _children(lambda p: "streamlit" in " ".join(p.cmdline()))


def _cpu(processes) -> float:
    """CPU seconds (user and system) these processes have used so far."""
    import psutil

    used = 0.0
    for proc in processes:
        try:
            used += sum(proc.cpu_times()[:2])
        except psutil.Error:  # gone since it was found
            continue
    return used


def server_rss() -> float:
    """Resident memory of the dashboard's server process(es), in MB."""
    return sum(proc.memory_info().rss for proc in _servers()) / 2**20


def server_cpu() -> float:
    """CPU seconds the dashboard's server process(es) have used so far."""
    return _cpu(_servers())


def _session(
    url: str, seconds: float, actors: list[str], think: tuple[float, float], arrive: float, queue
) -> None:
    """One analyst: arrives within `arrive` seconds of the start (at random; 0: at once), opens
    the page, then until time is up reads for a while (`think`, seconds, drawn at random) and does
    the next action of a round: a tab, an actor picked in the box, two more tabs, another actor,
    and a shared link opened (a page load). Every wait is timed until the page is idle."""
    import random

    from playwright.sync_api import sync_playwright

    waits: dict[str, list[float]] = {}
    errors = 0
    rng = random.Random()
    time.sleep(rng.uniform(0, arrive))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = watch(browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
        try:
            waits.setdefault("page load", []).append(timed(lambda: page.goto(url), page))
            end = time.monotonic() + seconds
            k = 0
            while time.monotonic() < end:
                page.wait_for_timeout(rng.uniform(*think) * 1000)
                k += 1
                step = k % 6
                if step in (1, 3, 4):
                    action, tab = "tab switch", TABS[k % len(TABS)]
                    if page.get_by_role("tab", name=tab, selected=True).count():
                        tab = TABS[(k + 1) % len(TABS)]
                    wait = timed(page.get_by_role("tab", name=tab).click, page)
                elif step in (2, 5):
                    action = "filter change"
                    type_actor(page, actors[k % len(actors)].replace("%20", " "))
                    wait = timed(lambda: page.keyboard.press("Enter"), page)
                    page.keyboard.press("Escape")
                else:
                    action = "page load"
                    target = f"{url}/?actor={actors[k % len(actors)]}"
                    wait = timed(lambda: page.goto(target), page)
                waits.setdefault(action, []).append(wait)
                errors += page.locator("[data-testid=stException]").count()
        except Exception:  # a failed session counts as an error, the others go on
            errors += 1
        drawing = _browser_cpu()
        browser.close()
    queue.put((waits, errors, drawing))


def _browser_cpu() -> float:
    """CPU seconds this process's Chromium has used so far."""
    return _cpu(_children(lambda p: "chrom" in p.name()))


def many_users(
    store: Path, users: int, seconds: float, actors: list[str], think: tuple[float, float], arrive: float = 0
) -> tuple[dict[str, list[float]], int, float, float, float]:
    """Every user's waits by action, the errors, the CPU seconds the server and the users'
    browsers used meanwhile, and the seconds it all took."""
    with serve(DASHBOARD_STORE=str(store)) as url:
        started, began = server_cpu(), time.monotonic()
        queue = multiprocessing.get_context("spawn").Queue()
        procs = [
            multiprocessing.get_context("spawn").Process(
                target=_session, args=(url, seconds, actors, think, arrive, queue)
            )
            for _ in range(users)
        ]
        for proc in procs:
            proc.start()
        results = [queue.get(timeout=arrive + seconds + 600) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        used, took = server_cpu() - started, time.monotonic() - began
    waits: dict[str, list[float]] = {}
    for session, _, _ in results:
        for action, values in session.items():
            waits.setdefault(action, []).extend(values)
    return waits, sum(e for _, e, _ in results), used, sum(d for _, _, d in results), took


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def report(name: str, times: dict[str, list[float]], aims: dict = AIMS) -> None:
    print(f"\n[{name}]")
    print(f"  {'action':<26}{'n':>4}{'median':>9}{'p95':>9}   aim (median / p95)")
    for action, values in times.items():
        aim = aims.get(action)
        shown = "" if aim is None else " / ".join("-" if a is None else f"{a:.1f} s" for a in aim)
        print(f"  {action:<26}{len(values):>4}{statistics.median(values):>8.2f}s{p95(values):>8.2f}s   {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", default="bbc,reuters,200k")
    parser.add_argument("--repeat", type=int, default=3, help="fresh servers per store (cold loads)")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="how long the concurrent users run")
    parser.add_argument(
        "--think",
        default="3,8",
        help="seconds each user reads between actions, drawn between these two (0,0: back to back)",
    )
    parser.add_argument(
        "--arrive",
        default="0",
        help="the users arrive at random within this many seconds; several, comma-separated, run "
        "one round each (0: all open the page in the same second)",
    )
    args = parser.parse_args()
    actors = {"bbc": "Tony Blair", "reuters": "United States", "200k": "United States"}
    for name in args.stores.split(","):
        store = build_store(name)
        times, rss = one_user(store, args.repeat, actors[name])
        report(f"{name}: one user", times)
        print(f"  server RSS after every action and the report, MB: {', '.join(f'{r:,.0f}' for r in rss)}")
    think = tuple(float(t) for t in args.think.split(","))
    for arrive in (float(a) for a in args.arrive.split(",")) if args.users else ():
        waits, errors, used, drawing, took = many_users(
            build_store("bbc"),
            args.users,
            args.seconds,
            ["Tony%20Blair", "Gordon%20Brown", "China", "Chelsea"],
            think,
            arrive,
        )
        every = [w for values in waits.values() for w in values]
        report(
            f"bbc: {args.users} users for {args.seconds:.0f} s, arriving within {arrive:g} s, reading "
            f"{think[0]:g}-{think[1]:g} s between actions; {errors} errors",
            {**waits, "every action": every},
            aims={"every action": (None, 3.0)},
        )
        # The browsers share this machine with the server; what the server itself spent says how
        # much of each wait was its work and how much the eight Chromiums' drawing.
        print(f"  server CPU: {used:.1f} s over {len(every)} actions ({used / max(1, len(every)):.3f} s an action)")
        print(
            f"  the browsers' CPU: {drawing:.1f} s ({drawing / max(1, len(every)):.3f} s an action), of the "
            f"{took * multiprocessing.cpu_count():.0f} CPU seconds this machine's {multiprocessing.cpu_count()} cores had "
            f"in the {took:.0f} s of the run"
        )


if __name__ == "__main__":
    main()
